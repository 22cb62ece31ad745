import { IMAGE_KINDS } from '@assay/core';
import { createContext, type ReactNode, useContext, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImageKind, type ImageView, imagesApi, imageUrl } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { SelectField } from '../../components/field';
import { focusSoon } from '../../components/focus';
import { FormError } from '../../components/form-error';
import { UploadButton } from '../../components/upload-button';
import { useFormat } from '../../i18n/format';

interface ImageLibrary {
  images: ImageView[];
  error: unknown;
  /** Uploads files one by one, stopping at the first refused: those accepted, and why one was not. */
  upload: (files: File[], kind: ImageKind) => Promise<{ images: ImageView[]; error: unknown }>;
  uploading: boolean;
}

/** Picture formats the server reads by content. */
const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

const ImageLibraryContext = createContext<ImageLibrary | null>(null);

/** The rights holder's uploaded images, shared by the gallery and the guide points of one form. */
export function ImageLibraryProvider({
  rightsHolderId,
  children,
}: {
  rightsHolderId: string;
  children: ReactNode;
}) {
  const list = useResource(() => imagesApi.list(rightsHolderId), [rightsHolderId]);
  const [uploading, setUploading] = useState(false);
  const upload = async (files: File[], kind: ImageKind) => {
    setUploading(true);
    const accepted: ImageView[] = [];
    let failure: unknown = null;
    try {
      for (const file of files) accepted.push(await imagesApi.upload(rightsHolderId, file, kind));
    } catch (error) {
      failure = error;
    } finally {
      setUploading(false);
      if (accepted.length) list.update((current) => ({ images: [...accepted, ...current.images] }));
    }
    return { images: accepted, error: failure };
  };
  return (
    <ImageLibraryContext.Provider
      value={{ images: list.data?.images ?? [], error: list.error, upload, uploading }}
    >
      {children}
    </ImageLibraryContext.Provider>
  );
}

function useImageLibrary(): ImageLibrary {
  const value = useContext(ImageLibraryContext);
  if (!value) throw new Error('useImageLibrary must be used inside ImageLibraryProvider');
  return value;
}

/** Says what went wrong with an upload in the reader's language (type refused, file too large). */
function UploadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <FormError
      error={error}
      messages={{ validation_failed: t('images.notAnImage'), payload_too_large: t('images.tooLarge') }}
    />
  );
}

/** Thumbnails of the uploaded images to pick from; each is a button named by what it shows and when. */
function LibraryGrid({
  exclude,
  onPick,
  labelledBy,
}: {
  exclude: readonly string[];
  onPick: (image: ImageView) => void;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const library = useImageLibrary();
  const choices = library.images.filter((image) => !exclude.includes(image.id));
  if (choices.length === 0) return <p className="empty">{t('images.libraryEmpty')}</p>;
  return (
    <ul className="library-grid" aria-labelledby={labelledBy}>
      {choices.map((image) => (
        <li key={image.id}>
          <button
            type="button"
            className="library-choice"
            aria-label={t('images.useImage', {
              kind: t(`imageKinds.${image.kind}`),
              date: format.dateTime(image.createdAt),
            })}
            onClick={() => onPick(image)}
          >
            <img src={imageUrl(image.id, 'thumbnail')} alt="" loading="lazy" />
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * One picture of a guide point (the genuine item, or a known counterfeit): upload one, pick one
 * already uploaded, or remove it.
 */
export function ImageField({
  label,
  kind,
  value,
  onChange,
}: {
  label: string;
  kind: ImageKind;
  value: string | null;
  onChange: (imageId: string | null) => void;
}) {
  const { t } = useTranslation();
  const library = useImageLibrary();
  const id = useId();
  const [choosing, setChoosing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <fieldset className="image-field">
      <legend>{label}</legend>
      {value ? (
        <img
          className="image-preview"
          src={imageUrl(value, 'thumbnail')}
          alt={t('images.chosen', { label })}
        />
      ) : (
        <p className="muted">{t('images.none')}</p>
      )}
      <div className="actions">
        <UploadButton
          accept={IMAGE_TYPES}
          label={value ? t('images.replace') : t('images.upload')}
          busy={library.uploading}
          onFiles={async (files) => {
            setError(null);
            const result = await library.upload(files.slice(0, 1), kind);
            const [uploaded] = result.images;
            if (uploaded) onChange(uploaded.id);
            setError(result.error);
          }}
        />
        <button
          id={`${id}-choose`}
          type="button"
          className="button-ghost"
          aria-expanded={choosing}
          onClick={() => setChoosing((open) => !open)}
        >
          {t('images.chooseUploaded')}
        </button>
        {value && (
          <button
            type="button"
            className="button-ghost"
            aria-label={t('images.removeFrom', { label })}
            onClick={() => {
              onChange(null);
              focusSoon(`${id}-choose`);
            }}
          >
            {t('localised.remove')}
          </button>
        )}
      </div>
      {library.uploading && (
        <p role="status" className="muted">
          {t('images.uploading')}
        </p>
      )}
      <UploadError error={error} />
      {choosing && (
        <div className="library">
          <p id={`${id}-library`} className="field-hint">
            {t('images.libraryHint')}
          </p>
          <LibraryGrid
            labelledBy={`${id}-library`}
            exclude={value ? [value] : []}
            onPick={(image) => {
              onChange(image.id);
              setChoosing(false);
              focusSoon(`${id}-choose`);
            }}
          />
        </div>
      )}
    </fieldset>
  );
}

export interface GalleryItem {
  imageId: string;
  kind: ImageKind;
}

/** The product's gallery: pictures in order, each saying what it shows. */
export function GalleryEditor({
  items,
  onChange,
}: {
  items: GalleryItem[];
  onChange: (items: GalleryItem[]) => void;
}) {
  const { t } = useTranslation();
  const library = useImageLibrary();
  const id = useId();
  const [newKind, setNewKind] = useState<ImageKind>('product');
  const [choosing, setChoosing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [uploadError, setUploadError] = useState<unknown>(null);

  const move = (index: number, by: -1 | 1) => {
    const item = items[index];
    const other = items[index + by];
    if (!item || !other) return;
    const next = [...items];
    next[index] = other;
    next[index + by] = item;
    onChange(next);
    setAnnouncement(t('images.moved', { from: index + 1, to: index + by + 1 }));
    const target = index + by;
    const stillMovable = by === -1 ? target > 0 : target < items.length - 1;
    focusSoon(`${id}-${item.imageId}-${(by === -1) === stillMovable ? 'up' : 'down'}`);
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('images.galleryTitle')}</h2>
      <p className="field-hint">{t('images.galleryIntro')}</p>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <FormError error={library.error} />
      {items.length === 0 && <p className="empty">{t('images.galleryEmpty')}</p>}
      <ol className="plain-list gallery-editor">
        {items.map((item, index) => (
          <li key={item.imageId} className="gallery-item">
            <img
              src={imageUrl(item.imageId, 'thumbnail')}
              alt={t('images.galleryAlt', { number: index + 1, kind: t(`imageKinds.${item.kind}`) })}
            />
            <div>
              <SelectField
                label={t('images.shows', { number: index + 1 })}
                value={item.kind}
                onChange={(event) =>
                  onChange(
                    items.map((other) =>
                      other.imageId === item.imageId
                        ? {
                            ...other,
                            kind: IMAGE_KINDS.find((kind) => kind === event.target.value) ?? 'product',
                          }
                        : other,
                    ),
                  )
                }
              >
                {IMAGE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`imageKinds.${kind}`)}
                  </option>
                ))}
              </SelectField>
              <div className="actions">
                <button
                  id={`${id}-${item.imageId}-up`}
                  type="button"
                  className="button-secondary"
                  disabled={index === 0}
                  aria-label={t('images.moveUpOf', { number: index + 1 })}
                  onClick={() => move(index, -1)}
                >
                  {t('guideEditor.moveUp')}
                </button>
                <button
                  id={`${id}-${item.imageId}-down`}
                  type="button"
                  className="button-secondary"
                  disabled={index === items.length - 1}
                  aria-label={t('images.moveDownOf', { number: index + 1 })}
                  onClick={() => move(index, 1)}
                >
                  {t('guideEditor.moveDown')}
                </button>
                <button
                  type="button"
                  className="button-ghost"
                  aria-label={t('images.removeOf', { number: index + 1 })}
                  onClick={() => {
                    onChange(items.filter((other) => other.imageId !== item.imageId));
                    setAnnouncement(t('images.removed', { number: index + 1 }));
                    focusSoon(`${id}-add`);
                  }}
                >
                  {t('localised.remove')}
                </button>
              </div>
            </div>
          </li>
        ))}
      </ol>
      <div className="gallery-add">
        <SelectField
          id={`${id}-add`}
          label={t('images.newShows')}
          value={newKind}
          onChange={(event) =>
            setNewKind(IMAGE_KINDS.find((kind) => kind === event.target.value) ?? 'product')
          }
        >
          {IMAGE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`imageKinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <UploadButton
            accept={IMAGE_TYPES}
            label={t('images.uploadMany')}
            multiple
            busy={library.uploading}
            onFiles={async (files) => {
              setUploadError(null);
              const result = await library.upload(files, newKind);
              const uploaded = result.images;
              setUploadError(result.error);
              if (uploaded.length) {
                onChange([...items, ...uploaded.map((image) => ({ imageId: image.id, kind: newKind }))]);
                setAnnouncement(t('images.added', { number: uploaded.length }));
              }
            }}
          />
          <button
            type="button"
            className="button-ghost"
            aria-expanded={choosing}
            onClick={() => setChoosing((open) => !open)}
          >
            {t('images.chooseUploaded')}
          </button>
        </div>
        {library.uploading && (
          <p role="status" className="muted">
            {t('images.uploading')}
          </p>
        )}
        <UploadError error={uploadError} />
        {choosing && (
          <div className="library">
            <p id={`${id}-library`} className="field-hint">
              {t('images.libraryHint')}
            </p>
            <LibraryGrid
              labelledBy={`${id}-library`}
              exclude={items.map((item) => item.imageId)}
              onPick={(image) => {
                onChange([...items, { imageId: image.id, kind: newKind }]);
                setAnnouncement(t('images.added', { number: 1 }));
              }}
            />
          </div>
        )}
      </div>
    </section>
  );
}
