import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { imageUrl } from '../api/endpoints';

interface ZoomableImageProps {
  imageId: string;
  /** What the picture shows, said to screen readers and shown under the enlarged picture. */
  alt: string;
  width?: number | undefined;
  height?: number | undefined;
  className?: string;
}

/**
 * A thumbnail that opens the picture at display size in a modal dialog: tap or Enter to zoom,
 * Escape or the close button to go back (the browser returns focus to the thumbnail).
 */
export function ZoomableImage({ imageId, alt, width, height, className }: ZoomableImageProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        className={`zoom-thumb ${className ?? ''}`}
        aria-label={t('images.zoom', { description: alt })}
        aria-haspopup="dialog"
        onClick={() => dialogRef.current?.showModal()}
      >
        <img
          src={imageUrl(imageId, 'thumbnail')}
          alt=""
          loading="lazy"
          width={width && height ? Math.round((width / Math.max(width, height)) * 320) : undefined}
          height={width && height ? Math.round((height / Math.max(width, height)) * 320) : undefined}
        />
      </button>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop tap mirrors Escape, which the dialog handles natively. */}
      <dialog
        ref={dialogRef}
        className="zoom-dialog"
        aria-label={alt}
        onClick={(event) => {
          // A tap on the backdrop (outside the picture) closes the dialog, as on a phone gallery.
          if (event.target === event.currentTarget) dialogRef.current?.close();
        }}
      >
        <figure>
          <img src={imageUrl(imageId, 'display')} alt={alt} loading="lazy" />
          <figcaption>{alt}</figcaption>
        </figure>
        <form method="dialog">
          <button type="submit" className="zoom-close">
            {t('images.close')}
          </button>
        </form>
      </dialog>
    </>
  );
}
