import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseAttachment, casesApi } from '../../api/endpoints';
import { FormError } from '../../components/form-error';
import { UploadButton } from '../../components/upload-button';

export const ATTACHMENT_TYPES = 'image/jpeg,image/png,image/webp,application/pdf';

/** One key per file picked: trying the same file again after a failure stores it once. */
const fileKeys = new WeakMap<File, string>();

export async function uploadToCase(caseId: string, file: File): Promise<CaseAttachment> {
  const key = fileKeys.get(file) ?? crypto.randomUUID();
  fileKeys.set(file, key);
  return casesApi.attach(caseId, file, key);
}

/** Photos or documents added to a case, one upload per file; each is reported as it arrives. */
export function AttachmentUpload({
  caseId,
  label,
  onUploaded,
}: {
  caseId: string;
  label: string;
  onUploaded: (attachment: CaseAttachment) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [failed, setFailed] = useState<File[]>([]);

  const send = async (files: File[]) => {
    setBusy(true);
    setError(null);
    const left: File[] = [];
    for (const file of files) {
      try {
        onUploaded(await uploadToCase(caseId, file));
      } catch (caught) {
        left.push(file);
        setError(caught);
      }
    }
    setFailed(left);
    setBusy(false);
  };

  return (
    <div className="attachment-upload">
      <UploadButton
        label={label}
        accept={ATTACHMENT_TYPES}
        multiple
        busy={busy}
        onFiles={(files) => void send(files)}
      />
      {busy && (
        <span role="status" className="muted">
          {t('cases.attachments.uploading')}
        </span>
      )}
      <FormError error={error} />
      {failed.length > 0 && !busy && (
        <button type="button" className="button-secondary" onClick={() => void send(failed)}>
          {t('cases.attachments.retry', { count: failed.length })}
        </button>
      )}
    </div>
  );
}
