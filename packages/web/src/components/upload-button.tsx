import { useId } from 'react';

/**
 * A button-looking label that opens the file picker. The file input stays in the page, only
 * visually hidden, so keyboards and screen readers reach it; its focus shows on the label.
 */
export function UploadButton({
  label,
  accessibleLabel,
  accept,
  multiple,
  onFiles,
  busy,
}: {
  label: string;
  /** A fuller name for screen readers when the button repeats in a list ("Upload … for EUIPO 123"). */
  accessibleLabel?: string;
  accept: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
  busy: boolean;
}) {
  const id = useId();
  return (
    <span className="upload-button">
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        className="visually-hidden"
        aria-label={accessibleLabel}
        disabled={busy}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <label htmlFor={id} className="label-button">
        {label}
      </label>
    </span>
  );
}
