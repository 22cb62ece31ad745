import {
  IP_RIGHT_CLASSES,
  IP_RIGHT_TYPES,
  type IpRightType,
  ipRightBody,
  ipRightClassIssue,
  LIMITS,
} from '@assay/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type IpRightView, ipRightsApi, portfolioApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { ChipsField } from '../../components/chips-field';
import { ConfirmButton } from '../../components/confirm-button';
import { type Column, DataTable } from '../../components/data-table';
import { Field, SelectField } from '../../components/field';
import { focusSoon } from '../../components/focus';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { UploadButton } from '../../components/upload-button';
import { type Problems, useForm } from '../../components/use-form';
import { useFormat } from '../../i18n/format';
import { validity } from '../../i18n/validity';
import { usePortfolioScope } from './portfolio-scope';

/** Offices officers meet most; any other may be typed. */
const COMMON_OFFICES = [
  'EUIPO',
  'WIPO',
  'USPTO',
  'UKIPO',
  'INPI',
  'DPMA',
  'UIBM',
  'OEPM',
  'CNIPA',
  'JPO',
  'KIPO',
  'KIPI',
  'NIPO',
];

/** Problems the form reads itself: classes out of their system's range, an end before the start. */
function knownProblems(type: IpRightType, classes: string[], validFrom: string, validTo: string): Problems {
  const problems: Problems = {};
  classes.forEach((value, index) => {
    const number = Number(value);
    const range = IP_RIGHT_CLASSES[type];
    if (!/^\d+$/.test(value))
      problems[`classes.${index}`] = { key: 'ipRights.classNotNumber', values: { value } };
    else if (ipRightClassIssue(type, number))
      problems[`classes.${index}`] = range
        ? {
            key: 'ipRights.classRange',
            values: { system: range.system, min: range.min, max: range.max, value },
          }
        : { key: 'ipRights.noClasses' };
  });
  if (validFrom && validTo && validTo < validFrom) problems.validTo = { key: 'ipRights.endBeforeStart' };
  return problems;
}

/** The rights holder's trademarks, designs, patents… on which customs recordations rest. */
export function IpRights() {
  const { t } = useTranslation();
  const format = useFormat();
  const { rightsHolder } = usePortfolioScope();
  const rights = useResource(() => ipRightsApi.list(rightsHolder.id), [rightsHolder.id]);
  const brands = useResource(() => portfolioApi.brands(rightsHolder.id), [rightsHolder.id]);
  const [editing, setEditing] = useState<IpRightView | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [removeError, setRemoveError] = useState<unknown>(null);

  const label = (right: IpRightView) => `${t(`ipRightTypes.${right.type}`)} ${right.registrationNumber}`;

  const columns: Column<IpRightView>[] = [
    {
      header: t('ipRights.right'),
      render: (right) => (
        <>
          <strong>{t(`ipRightTypes.${right.type}`)}</strong>
          <br />
          <span className="mono">{right.registrationNumber}</span> · {right.office}
        </>
      ),
    },
    { header: t('ipRights.owner'), render: (right) => right.ownerName },
    { header: t('ipRights.classes'), render: (right) => format.list(right.classes.map(String)) || '—' },
    {
      header: t('ipRights.validity'),
      render: (right) => validity(right.validFrom, right.validTo, format, t),
    },
    { header: t('products.brand'), render: (right) => right.brandName ?? t('ipRights.wholeCompany') },
    {
      header: t('ipRights.certificate'),
      render: (right) => (
        <CertificateCell
          right={right}
          label={label(right)}
          onUploaded={() => {
            rights.reload();
            setAnnouncement(t('ipRights.certificateUploaded', { name: label(right) }));
          }}
        />
      ),
    },
    {
      header: t('ipRights.recordations'),
      render: (right) => <Link to="/portfolio/recordations">{format.number(right.recordationCount)}</Link>,
    },
    {
      header: t('common.actions'),
      render: (right) => (
        <div className="actions">
          <button
            id={`edit-${right.id}`}
            type="button"
            className="button-secondary"
            aria-label={t('ipRights.editNamed', { name: label(right) })}
            onClick={() => setEditing(right)}
          >
            {t('brands.edit')}
          </button>
          <ConfirmButton
            label={t('records.remove')}
            accessibleLabel={t('records.removeNamed', { name: label(right) })}
            question={t('ipRights.removeQuestion', { name: label(right) })}
            confirmLabel={t('records.remove')}
            onConfirm={async () => {
              setRemoveError(null);
              try {
                await ipRightsApi.remove(rightsHolder.id, right.id);
                rights.update((current) => ({
                  ipRights: current.ipRights.filter((item) => item.id !== right.id),
                }));
                if (editing?.id === right.id) setEditing(null);
                setAnnouncement(t('records.removed', { name: label(right) }));
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
      <PageHeading>{t('ipRights.title')}</PageHeading>
      <p className="lead">{t('ipRights.intro')}</p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <section aria-labelledby="ip-right-list">
        <h2 id="ip-right-list">{t('ipRights.listTitle')}</h2>
        <FormError error={rights.error ?? removeError} />
        {rights.loading && !rights.data && <p role="status">{t('app.loading')}</p>}
        {rights.data && (
          <DataTable
            caption={t('ipRights.listTitle')}
            columns={columns}
            rows={rights.data.ipRights}
            rowKey={(right) => right.id}
            empty={t('ipRights.empty')}
          />
        )}
      </section>
      <IpRightForm
        key={editing?.id ?? 'new'}
        rightsHolderId={rightsHolder.id}
        ownerName={rightsHolder.name}
        right={editing}
        brands={brands.data?.brands ?? []}
        onSaved={(saved, created) => {
          rights.update((current) => ({
            ipRights: created
              ? [...current.ipRights, saved]
              : current.ipRights.map((item) => (item.id === saved.id ? saved : item)),
          }));
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

function IpRightForm({
  rightsHolderId,
  ownerName,
  right,
  brands,
  onSaved,
  onCancel,
}: {
  rightsHolderId: string;
  ownerName: string;
  right: IpRightView | null;
  brands: { id: string; name: string }[];
  onSaved: (right: IpRightView, created: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [type, setType] = useState<IpRightType>(right?.type ?? 'trademark');
  const [registrationNumber, setRegistrationNumber] = useState(right?.registrationNumber ?? '');
  const [office, setOffice] = useState(right?.office ?? '');
  const [classes, setClasses] = useState<string[]>(right?.classes.map(String) ?? []);
  const [owner, setOwner] = useState(right?.ownerName ?? ownerName);
  const [validFrom, setValidFrom] = useState(right?.validFrom ?? '');
  const [validTo, setValidTo] = useState(right?.validTo ?? '');
  const [brandId, setBrandId] = useState(right?.brandId ?? '');
  const form = useForm();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const officesId = useId();
  const classSystem = IP_RIGHT_CLASSES[type];

  useEffect(() => {
    if (right) headingRef.current?.focus();
  }, [right]);

  const submit = form.onSubmit(async () => {
    const sentClasses = classSystem ? classes : [];
    const body = form.check(
      ipRightBody,
      {
        type,
        registrationNumber,
        office,
        classes: sentClasses.map(Number),
        ownerName: owner,
        validFrom: validFrom || null,
        validTo: validTo || null,
        brandId: brandId || null,
      },
      knownProblems(type, sentClasses, validFrom, validTo),
    );
    const saved = right
      ? await ipRightsApi.update(rightsHolderId, right.id, body)
      : await ipRightsApi.create(rightsHolderId, body);
    onSaved(saved, !right);
  });

  const classError =
    form.fieldError('classes') ??
    classes.map((_, index) => form.fieldError(`classes.${index}`)).find((error) => error !== undefined);

  return (
    <section className="panel" aria-labelledby="ip-right-form">
      <h2 id="ip-right-form" ref={headingRef} tabIndex={-1}>
        {right ? t('ipRights.editTitle', { name: right.registrationNumber }) : t('ipRights.newTitle')}
      </h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} messages={{ conflict: t('ipRights.conflict') }} />
        <SelectField
          label={t('ipRights.type')}
          value={type}
          onChange={(event) =>
            setType(IP_RIGHT_TYPES.find((value) => value === event.target.value) ?? 'trademark')
          }
          error={form.fieldError('type')}
        >
          {IP_RIGHT_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`ipRightTypes.${value}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('ipRights.registrationNumber')}
          maxLength={100}
          spellCheck={false}
          value={registrationNumber}
          onChange={(event) => setRegistrationNumber(event.target.value)}
          error={form.fieldError('registrationNumber')}
        />
        <Field
          label={t('ipRights.office')}
          hint={t('ipRights.officeHint')}
          maxLength={100}
          list={officesId}
          value={office}
          onChange={(event) => setOffice(event.target.value)}
          error={form.fieldError('office')}
        />
        <datalist id={officesId}>
          {COMMON_OFFICES.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
        {classSystem && (
          <ChipsField
            label={t('ipRights.classes')}
            hint={t('ipRights.classesHint', {
              system: classSystem.system,
              min: classSystem.min,
              max: classSystem.max,
            })}
            values={classes}
            onChange={setClasses}
            maxLength={3}
            error={classError}
          />
        )}
        <Field
          label={t('ipRights.owner')}
          maxLength={LIMITS.nameMax}
          value={owner}
          onChange={(event) => setOwner(event.target.value)}
          error={form.fieldError('ownerName')}
        />
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
            hint={t('fields.optional')}
            type="date"
            value={validTo}
            onChange={(event) => setValidTo(event.target.value)}
            error={form.fieldError('validTo')}
          />
        </div>
        <SelectField
          label={t('ipRights.brand')}
          hint={t('ipRights.brandHint')}
          value={brandId}
          onChange={(event) => setBrandId(event.target.value)}
          error={form.fieldError('brandId')}
        >
          <option value="">{t('ipRights.wholeCompany')}</option>
          {brands.map((brand) => (
            <option key={brand.id} value={brand.id}>
              {brand.name}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <SubmitButton busy={form.busy}>{right ? t('common.save') : t('ipRights.add')}</SubmitButton>
          {right && (
            <button type="button" className="button-secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

/** Download link for the registration certificate, and a file picker that uploads a new one at once. */
function CertificateCell({
  right,
  label,
  onUploaded,
}: {
  right: IpRightView;
  label: string;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { rightsHolder } = usePortfolioScope();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = right.certificate
    ? t('ipRights.certificateDownload', {
        type: right.certificate.contentType === 'application/pdf' ? 'PDF' : t('ipRights.certificateImage'),
        size: format.number(Math.max(1, Math.ceil(right.certificate.bytes / 1024))),
      })
    : '';
  return (
    <div className="certificate-cell">
      {right.certificate ? (
        <a
          href={ipRightsApi.certificateUrl(rightsHolder.id, right.id)}
          download
          aria-label={`${download} — ${label}`}
        >
          {download}
        </a>
      ) : (
        <span>{t('ipRights.noCertificate')}</span>
      )}
      <UploadButton
        label={busy ? t('app.loading') : t('ipRights.certificateUpload')}
        accessibleLabel={`${t('ipRights.certificateUpload')} — ${label}`}
        accept="application/pdf,image/jpeg,image/png,image/webp"
        busy={busy}
        onFiles={async ([file]) => {
          if (!file) return;
          setBusy(true);
          setError(null);
          try {
            await ipRightsApi.uploadCertificate(rightsHolder.id, right.id, file);
            onUploaded();
          } catch (caught) {
            setError(caught);
          } finally {
            setBusy(false);
          }
        }}
      />
      <FormError
        error={error}
        messages={{
          validation_failed: t('ipRights.certificateUnreadable'),
          payload_too_large: t('images.tooLarge'),
        }}
      />
    </div>
  );
}
