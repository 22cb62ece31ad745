import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { type Column, DataTable } from './data-table';
import { FormError } from './form-error';
import { SubmitButton } from './submit-button';

/** One bad row of an imported file, located as a spreadsheet user finds it. */
export interface ImportIssue {
  sheet?: string | undefined;
  line: number;
  field: string;
  message: string;
}

function issuesOf(error: unknown): ImportIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed' || !Array.isArray(error.details))
    return [];
  return error.details.filter(
    (item): item is ImportIssue =>
      typeof item?.line === 'number' && typeof item?.field === 'string' && typeof item?.message === 'string',
  );
}

interface FileImportProps {
  /** Accepted file types for the picker, e.g. ".xlsx,.csv". */
  accept: string;
  fileLabel: string;
  fileHint: string;
  submitLabel: string;
  /** Sends the file; resolves with the sentence announcing what was imported. */
  onImport: (file: File) => Promise<string>;
  /** Options shown between the file and the button (replace or add). */
  children?: ReactNode;
}

/**
 * Picks a spreadsheet and imports it whole or not at all: either a confirmation, or the table of
 * every bad row (sheet, line, column, reason) so the file can be fixed and sent again.
 */
export function FileImport({
  accept,
  fileLabel,
  fileHint,
  submitLabel,
  onImport,
  children,
}: FileImportProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [result, setResult] = useState('');

  const issues = issuesOf(error);
  const hasSheets = issues.some((issue) => issue.sheet);
  const columns: Column<ImportIssue & { key: string }>[] = [
    ...(hasSheets
      ? [{ header: t('fileImport.sheet'), render: (issue: ImportIssue) => issue.sheet ?? '' }]
      : []),
    { header: t('fileImport.line'), render: (issue) => issue.line },
    { header: t('fileImport.field'), render: (issue) => <code>{issue.field}</code> },
    { header: t('fileImport.reason'), render: (issue) => <span lang="en">{issue.message}</span> },
  ];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const file = inputRef.current?.files?.[0];
    setError(null);
    setResult('');
    setMissingFile(!file);
    if (!file) {
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      setResult(await onImport(file));
    } catch (caught) {
      setError(caught);
      if (issuesOf(caught).length) requestAnimationFrame(() => reportRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="file-import">
      <div className="field">
        <label htmlFor={id}>{fileLabel}</label>
        <p id={`${id}-hint`} className="field-hint">
          {fileHint}
        </p>
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept={accept}
          aria-describedby={`${id}-hint${missingFile ? ` ${id}-error` : ''}`}
          aria-invalid={missingFile || undefined}
          onChange={() => setMissingFile(false)}
        />
        {missingFile && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {t('fileImport.chooseFile')}
          </p>
        )}
      </div>
      {children}
      <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
      {busy && (
        <p role="status" className="muted">
          {t('fileImport.busy')}
        </p>
      )}
      <p role="status" className="announcement">
        {result}
      </p>
      {issues.length > 0 ? (
        <section aria-labelledby={`${id}-report`} className="import-report">
          <h3 id={`${id}-report`} ref={reportRef} tabIndex={-1}>
            {t('fileImport.refused', { number: issues.length })}
          </h3>
          <p>{t('fileImport.nothingImported')}</p>
          {error instanceof ApiError && error.truncated && <p>{t('fileImport.truncated')}</p>}
          <p className="muted">{t('fileImport.inEnglish')}</p>
          <DataTable
            caption={t('fileImport.reportCaption')}
            columns={columns}
            rows={issues.map((issue, index) => ({ ...issue, key: `${index}` }))}
            rowKey={(issue) => issue.key}
            empty=""
          />
        </section>
      ) : (
        <FormError
          error={error}
          messages={{
            validation_failed: t('fileImport.unreadable'),
            payload_too_large: t('fileImport.tooLarge'),
          }}
        />
      )}
    </form>
  );
}
