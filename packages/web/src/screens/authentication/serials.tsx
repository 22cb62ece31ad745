import {
  PACK_STATES,
  type PackState,
  packStateBody,
  SERIAL_CSV_COLUMNS,
  type SerialUploadView,
} from '@assay/core';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authenticationApi, type Connector } from '../../api/endpoints';
import { RadioGroup } from '../../components/choice-group';
import { type Column, DataTable } from '../../components/data-table';
import { Field, SelectField, TextAreaField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useFormat } from '../../i18n/format';
import { NotFound } from '../app/not-found';
import { BackToConnectors, ConnectorTabs } from './connector-tabs';
import { type CsvRejection, csvRejection, type UploadProgress, uploadSerialsCsv } from './csv-upload';
import { parseListedSerials, serialCsvTemplate } from './serials-csv';
import { isNotFound, useConnector } from './use-connector';

/** A hosted registry's serials: upload them as CSV, change the state of packs or of a batch. */
export function RegistrySerials() {
  const { t } = useTranslation();
  const { rightsHolderId, connector } = useConnector();
  if (isNotFound(connector.error)) return <NotFound />;
  const data = connector.data;
  return (
    <>
      <BackToConnectors />
      <PageHeading>
        {data
          ? t('authentication.serials.title', { name: data.name })
          : t('authentication.connectors.serials')}
      </PageHeading>
      {data && <ConnectorTabs connector={data} />}
      <FormError error={connector.error} />
      {connector.loading && !data && <p role="status">{t('app.loading')}</p>}
      {data && data.kind !== 'registry' && (
        <p className="notice">{t('authentication.serials.notRegistry')}</p>
      )}
      {data?.kind === 'registry' && (
        <>
          <SerialCounts connector={data} />
          <CsvUpload rightsHolderId={rightsHolderId} connectorId={data.id} onStored={connector.reload} />
          <PackStateForm rightsHolderId={rightsHolderId} connectorId={data.id} onChanged={connector.reload} />
        </>
      )}
    </>
  );
}

function SerialCounts({ connector }: { connector: Connector }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="serial-counts">
      <h2 id="serial-counts">{t('authentication.serials.counts')}</h2>
      <dl className="facts">
        {PACK_STATES.map((state) => (
          <div key={state}>
            <dt>{t(`authentication.packStates.${state}`)}</dt>
            <dd>{format.number(connector.serials?.[state] ?? 0)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

type UploadState =
  | { step: 'idle' }
  | { step: 'sending'; progress: UploadProgress }
  | { step: 'done'; result: SerialUploadView }
  | { step: 'rejected'; rejection: CsvRejection }
  | { step: 'failed'; error: unknown };

function CsvUpload({
  rightsHolderId,
  connectorId,
  onStored,
}: {
  rightsHolderId: string;
  connectorId: string;
  onStored: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadState>({ step: 'idle' });
  const [missingFile, setMissingFile] = useState(false);
  const id = useId();
  const template = useMemo(
    () => `data:text/csv;charset=utf-8,${encodeURIComponent(serialCsvTemplate())}`,
    [],
  );

  const send = async () => {
    if (!file) {
      setMissingFile(true);
      fileRef.current?.focus();
      return;
    }
    setMissingFile(false);
    setState({ step: 'sending', progress: { loaded: 0, total: file.size } });
    try {
      const result = await uploadSerialsCsv(rightsHolderId, connectorId, file, (progress) =>
        setState({ step: 'sending', progress }),
      );
      setState({ step: 'done', result });
      onStored();
    } catch (error) {
      const rejection = csvRejection(error);
      setState(rejection ? { step: 'rejected', rejection } : { step: 'failed', error });
    }
  };

  const errorColumns: Column<CsvRejection['errors'][number]>[] = [
    { header: t('authentication.serials.line'), render: (row) => format.number(row.line) },
    { header: t('authentication.serials.field'), render: (row) => <span className="mono">{row.field}</span> },
    { header: t('authentication.serials.message'), render: (row) => row.message },
  ];

  const sending = state.step === 'sending';
  const percent =
    state.step === 'sending' && state.progress.total > 0
      ? Math.min(100, Math.round((state.progress.loaded / state.progress.total) * 100))
      : 0;
  return (
    <section className="panel" aria-labelledby="serials-upload">
      <h2 id="serials-upload">{t('authentication.serials.uploadTitle')}</h2>
      <p>{t('authentication.serials.uploadIntro')}</p>
      <h3>{t('authentication.serials.columnsTitle')}</h3>
      <dl>
        {SERIAL_CSV_COLUMNS.map((column) => (
          <div key={column}>
            <dt className="mono">{column}</dt>
            <dd>{t(`authentication.serials.columns.${column}`)}</dd>
          </div>
        ))}
      </dl>
      <p>
        <a href={template} download="serials-template.csv">
          {t('authentication.serials.template')}
        </a>
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('authentication.serials.file')}</label>
        <p id={`${id}-hint`} className="field-hint">
          {t('authentication.serials.fileHint')}
        </p>
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${id}-hint${missingFile ? ` ${id}-error` : ''}`}
          aria-invalid={missingFile || undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setState({ step: 'idle' });
          }}
        />
        {missingFile && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {t('authentication.serials.chooseFile')}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" aria-disabled={sending || undefined} onClick={() => !sending && void send()}>
          {t('authentication.serials.upload')}
        </button>
      </div>
      {sending && (
        <div className="field">
          <label htmlFor={`${id}-progress`}>{t('authentication.serials.progress')}</label>
          <progress id={`${id}-progress`} max={100} value={percent}>
            {percent}%
          </progress>
          <p role="status">
            {percent < 100
              ? t('authentication.serials.sent', { percent: format.number(percent) })
              : t('authentication.serials.processing')}
          </p>
        </div>
      )}
      {state.step === 'done' && (
        <p className="notice" role="status">
          {t('authentication.serials.result', {
            stored: format.number(state.result.stored),
            rows: format.number(state.result.rows),
            seconds: format.number(Math.round(state.result.durationMs / 100) / 10),
          })}
        </p>
      )}
      {state.step === 'failed' && <FormError error={state.error} />}
      {state.step === 'rejected' && (
        <div>
          <p className="notice notice-error" role="alert">
            {t('authentication.serials.rejected', {
              count: format.number(state.rejection.errorCount),
              rows: format.number(state.rejection.rows),
            })}
          </p>
          {state.rejection.errors.length < state.rejection.errorCount && (
            <p>
              {t('authentication.serials.errorsShown', {
                shown: format.number(state.rejection.errors.length),
              })}
            </p>
          )}
          <DataTable
            caption={t('authentication.serials.errorsCaption')}
            columns={errorColumns}
            rows={state.rejection.errors}
            rowKey={(row) => `${row.line}-${row.field}-${row.message}`}
            empty=""
          />
        </div>
      )}
    </section>
  );
}

type Mode = 'batch' | 'serials';

function PackStateForm({
  rightsHolderId,
  connectorId,
  onChanged,
}: {
  rightsHolderId: string;
  connectorId: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useForm();
  const [mode, setMode] = useState<Mode>('batch');
  const [state, setState] = useState<PackState>('recalled');
  const [gtin, setGtin] = useState('');
  const [batch, setBatch] = useState('');
  const [serials, setSerials] = useState('');
  const [announcement, setAnnouncement] = useState('');

  const submit = form.onSubmit(async () => {
    setAnnouncement('');
    const listed = parseListedSerials(serials);
    const body = form.check(
      packStateBody,
      mode === 'batch' ? { state, batch: { gtin, batch } } : { state, serials: listed },
      mode === 'serials' && listed.length === 0 ? { serials: { key: 'validation.required' } } : {},
    );
    const result = await authenticationApi.setPackState(rightsHolderId, connectorId, body);
    setAnnouncement(
      t('authentication.serials.stateResult', {
        updated: format.number(result.updated),
        notFound: format.number(result.notFound),
      }),
    );
    onChanged();
  });

  const serialsError =
    form.fieldError('serials') ??
    Object.keys(parseListedSerials(serials))
      .map((index) => form.fieldError(`serials.${index}.gtin`) ?? form.fieldError(`serials.${index}.serial`))
      .find(Boolean);
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="panel" aria-labelledby="pack-state">
      <h2 id="pack-state">{t('authentication.serials.stateTitle')}</h2>
      <p>{t('authentication.serials.stateIntro')}</p>
      <FormError error={form.error} />
      <RadioGroup<Mode>
        legend={t('authentication.serials.stateMode')}
        name="pack-state-mode"
        value={mode}
        onChange={setMode}
        choices={[
          { value: 'batch', label: t('authentication.serials.modeBatch') },
          { value: 'serials', label: t('authentication.serials.modeSerials') },
        ]}
      />
      <SelectField
        label={t('authentication.serials.newState')}
        value={state}
        onChange={(event) => setState(event.target.value as PackState)}
      >
        {PACK_STATES.map((option) => (
          <option key={option} value={option}>
            {t(`authentication.packStates.${option}`)}
          </option>
        ))}
      </SelectField>
      {mode === 'batch' ? (
        <>
          <Field
            label={t('authentication.serials.gtin')}
            inputMode="numeric"
            value={gtin}
            onChange={(event) => setGtin(event.target.value)}
            error={form.fieldError('batch.gtin')}
            className="mono"
          />
          <Field
            label={t('authentication.serials.batch')}
            value={batch}
            onChange={(event) => setBatch(event.target.value)}
            error={form.fieldError('batch.batch')}
            className="mono"
          />
        </>
      ) : (
        <TextAreaField
          label={t('authentication.serials.serialList')}
          hint={t('authentication.serials.serialListHint')}
          rows={6}
          value={serials}
          onChange={(event) => setSerials(event.target.value)}
          error={serialsError}
          className="mono"
        />
      )}
      <p role="status" className="announcement">
        {announcement}
      </p>
      <div className="form-footer">
        <SubmitButton busy={form.busy}>{t('authentication.serials.apply')}</SubmitButton>
      </div>
    </form>
  );
}
