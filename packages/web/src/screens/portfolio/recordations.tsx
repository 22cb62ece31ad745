import { RECORDATION_STATUSES, type RecordationStatus, recordationBody } from '@assay/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type IpRightView, ipRightsApi, type RecordationView } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { ConfirmButton } from '../../components/confirm-button';
import { CountrySelect } from '../../components/country-select';
import { type Column, DataTable } from '../../components/data-table';
import { Field, SelectField } from '../../components/field';
import { focusSoon } from '../../components/focus';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { StatusBadge } from '../../components/status-badge';
import { SubmitButton } from '../../components/submit-button';
import { type Problems, useForm } from '../../components/use-form';
import { type Formatters, useFormat } from '../../i18n/format';
import { validity } from '../../i18n/validity';
import { usePortfolioScope } from './portfolio-scope';

/** "in 12 days", "3 days ago", "today", in the reader's language. */
export function daysFromNow(days: number, locale: string): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
}

/**
 * Granted recordations ending within 30 days, as a notice linking to them: the in-app side of the
 * reminder admins also receive by email.
 */
export function ExpiringRecordationsNotice({ rightsHolderId }: { rightsHolderId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const expiring = useResource(
    () => ipRightsApi.recordations(rightsHolderId, { expiringSoon: true }),
    [rightsHolderId],
  );
  const list = expiring.data?.recordations ?? [];
  if (list.length === 0) return null;
  return (
    <div className="notice notice-reminder">
      <p>
        <strong>{t('recordations.expiringTitle')}</strong>
      </p>
      <ul>
        {list.map((recordation) => (
          <li key={recordation.id}>
            {t('recordations.expiringItem', {
              country: format.country(recordation.countryCode),
              reference: recordation.reference,
              when: daysFromNow(recordation.expiresInDays ?? 0, format.locale),
            })}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/portfolio/recordations">{t('recordations.review')}</Link>
      </p>
    </div>
  );
}

function expiry(recordation: RecordationView, format: Formatters, t: (key: string) => string) {
  if (recordation.expiresInDays === null) return '—';
  const when = daysFromNow(recordation.expiresInDays, format.locale);
  if (recordation.expiringSoon)
    return (
      <span className="badge badge-waiting">
        {t('recordations.endsSoon')} {when}
      </span>
    );
  return when;
}

/** Customs recordations (applications for action) per country, soonest-ending first. */
export function Recordations() {
  const { t } = useTranslation();
  const format = useFormat();
  const { rightsHolder } = usePortfolioScope();
  const recordations = useResource(() => ipRightsApi.recordations(rightsHolder.id), [rightsHolder.id]);
  const rights = useResource(() => ipRightsApi.list(rightsHolder.id), [rightsHolder.id]);
  const [editing, setEditing] = useState<RecordationView | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [removeError, setRemoveError] = useState<unknown>(null);

  const label = (recordation: RecordationView) =>
    `${format.country(recordation.countryCode)} ${recordation.reference}`;

  const columns: Column<RecordationView>[] = [
    { header: t('fields.country'), render: (recordation) => format.country(recordation.countryCode) },
    { header: t('recordations.reference'), render: (recordation) => <code>{recordation.reference}</code> },
    { header: t('products.status'), render: (recordation) => <StatusBadge status={recordation.status} /> },
    {
      header: t('ipRights.validity'),
      render: (recordation) => validity(recordation.validFrom, recordation.validTo, format, t),
    },
    { header: t('recordations.ends'), render: (recordation) => expiry(recordation, format, t) },
    {
      header: t('recordations.ipRight'),
      render: (recordation) =>
        recordation.ipRight
          ? `${t(`ipRightTypes.${recordation.ipRight.type}`)} ${recordation.ipRight.registrationNumber} (${recordation.ipRight.office})`
          : '—',
    },
    {
      header: t('common.actions'),
      render: (recordation) => (
        <div className="actions">
          <button
            id={`edit-${recordation.id}`}
            type="button"
            className="button-secondary"
            aria-label={t('recordations.editNamed', { name: label(recordation) })}
            onClick={() => setEditing(recordation)}
          >
            {t('brands.edit')}
          </button>
          <ConfirmButton
            label={t('records.remove')}
            accessibleLabel={t('records.removeNamed', { name: label(recordation) })}
            question={t('recordations.removeQuestion', { name: label(recordation) })}
            confirmLabel={t('records.remove')}
            onConfirm={async () => {
              setRemoveError(null);
              try {
                await ipRightsApi.removeRecordation(rightsHolder.id, recordation.id);
                recordations.reload();
                if (editing?.id === recordation.id) setEditing(null);
                setAnnouncement(t('records.removed', { name: label(recordation) }));
              } catch (error) {
                setRemoveError(error);
              }
            }}
          />
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeading>{t('recordations.title')}</PageHeading>
      <p className="lead">{t('recordations.intro')}</p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <ExpiringRecordationsNotice key={announcement} rightsHolderId={rightsHolder.id} />
      <section aria-labelledby="recordation-list">
        <h2 id="recordation-list">{t('recordations.listTitle')}</h2>
        <FormError error={recordations.error ?? removeError} />
        {recordations.loading && !recordations.data && <p role="status">{t('app.loading')}</p>}
        {recordations.data && (
          <DataTable
            caption={t('recordations.listTitle')}
            columns={columns}
            rows={recordations.data.recordations}
            rowKey={(recordation) => recordation.id}
            empty={t('recordations.empty')}
          />
        )}
      </section>
      <RecordationForm
        key={editing?.id ?? 'new'}
        rightsHolderId={rightsHolder.id}
        recordation={editing}
        ipRights={rights.data?.ipRights ?? []}
        onSaved={(saved, created) => {
          // The list is ordered by end date on the server: fetch it again rather than guess the place.
          recordations.reload();
          setEditing(null);
          setAnnouncement(t(created ? 'records.created' : 'records.saved', { name: label(saved) }));
          if (!created) focusSoon(`edit-${saved.id}`);
        }}
        onCancel={() => {
          if (editing) focusSoon(`edit-${editing.id}`);
          setEditing(null);
        }}
      />
    </>
  );
}

function RecordationForm({
  rightsHolderId,
  recordation,
  ipRights,
  onSaved,
  onCancel,
}: {
  rightsHolderId: string;
  recordation: RecordationView | null;
  ipRights: IpRightView[];
  onSaved: (recordation: RecordationView, created: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [countryCode, setCountryCode] = useState(recordation?.countryCode ?? '');
  const [reference, setReference] = useState(recordation?.reference ?? '');
  const [status, setStatus] = useState<RecordationStatus>(recordation?.status ?? 'filed');
  const [validFrom, setValidFrom] = useState(recordation?.validFrom ?? '');
  const [validTo, setValidTo] = useState(recordation?.validTo ?? '');
  const [ipRightId, setIpRightId] = useState(recordation?.ipRight?.id ?? '');
  const form = useForm();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (recordation) headingRef.current?.focus();
  }, [recordation]);

  const submit = form.onSubmit(async () => {
    const known: Problems =
      validFrom && validTo && validTo < validFrom ? { validTo: { key: 'ipRights.endBeforeStart' } } : {};
    const body = form.check(
      recordationBody,
      {
        countryCode,
        reference,
        status,
        validFrom: validFrom || null,
        validTo: validTo || null,
        ipRightId: ipRightId || null,
      },
      known,
    );
    const saved = recordation
      ? await ipRightsApi.updateRecordation(rightsHolderId, recordation.id, body)
      : await ipRightsApi.createRecordation(rightsHolderId, body);
    onSaved(saved, !recordation);
  });

  return (
    <section className="panel" aria-labelledby="recordation-form">
      <h2 id="recordation-form" ref={headingRef} tabIndex={-1}>
        {recordation
          ? t('recordations.editTitle', { name: recordation.reference })
          : t('recordations.newTitle')}
      </h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} />
        <CountrySelect
          label={t('recordations.country')}
          hint={t('recordations.countryHint')}
          value={countryCode}
          onChange={setCountryCode}
          error={form.fieldError('countryCode')}
        />
        <Field
          label={t('recordations.reference')}
          hint={t('recordations.referenceHint')}
          maxLength={100}
          spellCheck={false}
          value={reference}
          onChange={(event) => setReference(event.target.value)}
          error={form.fieldError('reference')}
        />
        <SelectField
          label={t('products.status')}
          value={status}
          onChange={(event) =>
            setStatus(RECORDATION_STATUSES.find((value) => value === event.target.value) ?? 'filed')
          }
          error={form.fieldError('status')}
        >
          {RECORDATION_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`status.${value}`)}
            </option>
          ))}
        </SelectField>
        <div className="field-row">
          <Field
            label={t('ipRights.validFrom')}
            hint={t('fields.optional')}
            type="date"
            value={validFrom}
            onChange={(event) => setValidFrom(event.target.value)}
            error={form.fieldError('validFrom')}
          />
          <Field
            label={t('ipRights.validTo')}
            hint={t('recordations.validToHint')}
            type="date"
            value={validTo}
            onChange={(event) => setValidTo(event.target.value)}
            error={form.fieldError('validTo')}
          />
        </div>
        <SelectField
          label={t('recordations.ipRight')}
          hint={t('fields.optional')}
          value={ipRightId}
          onChange={(event) => setIpRightId(event.target.value)}
          error={form.fieldError('ipRightId')}
        >
          <option value="">{t('recordations.noIpRight')}</option>
          {ipRights.map((right) => (
            <option key={right.id} value={right.id}>
              {t(`ipRightTypes.${right.type}`)} {right.registrationNumber} ({right.office})
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <SubmitButton busy={form.busy}>
            {recordation ? t('common.save') : t('recordations.add')}
          </SubmitButton>
          {recordation && (
            <button type="button" className="button-secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
