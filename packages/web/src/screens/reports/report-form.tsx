import { openCaseBody, TRANSPORT_MODES, type TransportMode } from '@assay/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { catalogueApi } from '../../api/endpoints';
import { RadioGroup } from '../../components/choice-group';
import { CountrySelect } from '../../components/country-select';
import { Field, SelectField, TextAreaField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useContentLanguages } from '../../i18n/content-languages';
import { offlineDb } from '../../offline/db';
import { flushWithin, newIdempotencyKey, queueReport, removeFromOutbox } from '../../offline/outbox';
import { useSession } from '../../session/session-context';
import { AttachmentUpload } from '../cases/attachment-upload';
import { draftFromLink, type ReportDraft, reportBody } from './report-draft';

type Outcome = { kind: 'opened'; id: string; reference: string } | { kind: 'queued' };

/** Online, the officer waits this long for the case to open; after that the report stays queued. */
const SEND_WAIT_MS = 15_000;

/**
 * Report a suspect shipment: a short form, one column, reachable from a guide with the product (and
 * the scanned code) filled in. Every report goes to the outbox on this device first and is sent from
 * there: online the case opens at once; without network (or when the session must be renewed) it is
 * sent, exactly once, when the network returns or the officer has signed in again.
 */
export function ReportForm() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { reader } = useContentLanguages();
  const [searchParams] = useSearchParams();
  const outboxKey = searchParams.get('outbox');
  const [draft, setDraft] = useState<ReportDraft>(() =>
    draftFromLink(searchParams, { destinationCountry: session.organisation?.countryCode }),
  );
  const [productName, setProductName] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { formRef, busy, error, check, onSubmit, fieldError } = useForm();

  // Correcting a report the server refused: its form comes back from the outbox.
  useEffect(() => {
    if (!outboxKey) return;
    void offlineDb()
      .then((db) => db.get('outbox', outboxKey))
      .then((entry) => {
        if (entry?.draft) setDraft(entry.draft as ReportDraft);
      });
  }, [outboxKey]);

  // The product's name, from the network or the guide saved on this device.
  useEffect(() => {
    if (!draft.productId) return;
    let current = true;
    catalogueApi.guide(draft.productId, reader).then(
      (guide) => {
        if (!current) return;
        // Most product names start with their brand; others get it in front.
        const name = guide.name.text.startsWith(guide.brandName)
          ? guide.name.text
          : `${guide.brandName} — ${guide.name.text}`;
        setProductName(name);
        setDraft((value) => (value.goodsDescription ? value : { ...value, goodsDescription: name }));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [draft.productId, reader]);

  const set = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const submit = onSubmit(async () => {
    const body = reportBody(draft, new Date().toISOString());
    check(openCaseBody, body);
    const userId = session.user?.id;
    if (!userId) return;
    const key = newIdempotencyKey();
    // On the phone first: a lost connection, a hanging one or a sign-in needed loses nothing.
    await queueReport({ userId, body, draft, title: productName ?? draft.goodsDescription }, key);
    if (outboxKey) await removeFromOutbox(outboxKey);
    if (navigator.onLine) await flushWithin(userId, SEND_WAIT_MS);
    const entry = await (await offlineDb()).get('outbox', key);
    if (entry?.state === 'sent' && entry.delivered) {
      setOutcome({ kind: 'opened', id: entry.delivered.id, reference: entry.delivered.reference });
    } else if (entry?.state === 'attention' && entry.problem) {
      // Refused: corrected here, in the form still on screen, rather than from the outbox.
      await removeFromOutbox(key);
      const { code, message, fields } = entry.problem;
      throw new ApiError(422, code, message, fields);
    } else {
      setOutcome({ kind: 'queued' });
    }
  });

  if (outcome) return <Done outcome={outcome} productId={draft.productId} />;

  return (
    <>
      <PageHeading>{t('reports.newTitle')}</PageHeading>
      {productName && (
        <p className="lead">
          {t('reports.forProduct', { product: productName })}
          {draft.scannedCode && (
            <>
              {' '}
              · <span className="mono">{draft.scannedCode}</span>
            </>
          )}
        </p>
      )}
      {!navigator.onLine && <p className="notice">{t('reports.offlineHint')}</p>}
      <form ref={formRef} className="report-form" noValidate onSubmit={submit}>
        <FormError error={error} />
        <fieldset>
          <legend>{t('reports.goods')}</legend>
          <TextAreaField
            label={t('reports.goodsDescription')}
            rows={2}
            required
            value={draft.goodsDescription}
            error={fieldError('goods.0.description')}
            onChange={(event) => set('goodsDescription', event.target.value)}
          />
          <Field
            label={t('reports.quantity')}
            inputMode="numeric"
            required
            value={draft.quantity}
            error={fieldError('goods.0.quantity')}
            onChange={(event) => set('quantity', event.target.value)}
          />
          <div className="choice">
            <input
              id="report-perishable"
              type="checkbox"
              checked={draft.perishable === true}
              aria-describedby="report-perishable-hint"
              onChange={(event) => set('perishable', event.target.checked)}
            />
            <div>
              <label htmlFor="report-perishable" className="choice-label">
                {t('reports.perishable')}
              </label>
              <p id="report-perishable-hint" className="choice-description">
                {t('reports.perishableHint')}
              </p>
            </div>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('reports.shipment')}</legend>
          <SelectField
            label={t('reports.transportMode')}
            value={draft.transportMode}
            error={fieldError('shipment.transportMode')}
            onChange={(event) => set('transportMode', event.target.value as TransportMode | '')}
          >
            <option value="">{t('reports.notKnown')}</option>
            {TRANSPORT_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`transportModes.${mode}`)}
              </option>
            ))}
          </SelectField>
          <RadioGroup
            legend={t('reports.smallConsignment')}
            hint={t('reports.smallConsignmentHint')}
            name="small-consignment"
            value={draft.smallConsignment || null}
            onChange={(value) => set('smallConsignment', value)}
            choices={[
              { value: 'yes', label: t('common.yes') },
              { value: 'no', label: t('common.no') },
            ]}
          />
          <CountrySelect
            label={t('reports.originCountry')}
            value={draft.originCountry}
            error={fieldError('shipment.originCountry')}
            onChange={(code) => set('originCountry', code)}
          />
          <CountrySelect
            label={t('reports.destinationCountry')}
            value={draft.destinationCountry}
            error={fieldError('shipment.destinationCountry')}
            onChange={(code) => set('destinationCountry', code)}
          />
          <Field
            label={t('reports.exporter')}
            autoComplete="off"
            value={draft.exporterName}
            error={fieldError('shipment.exporterName')}
            onChange={(event) => set('exporterName', event.target.value)}
          />
          <Field
            label={t('reports.importer')}
            autoComplete="off"
            value={draft.importerName}
            error={fieldError('shipment.importerName')}
            onChange={(event) => set('importerName', event.target.value)}
          />
          <Field
            label={t('reports.hsCode')}
            hint={t('reports.hsCodeHint')}
            inputMode="numeric"
            autoComplete="off"
            value={draft.hsCode}
            error={fieldError('shipment.hsCode')}
            onChange={(event) => set('hsCode', event.target.value)}
          />
          <div className="value-row">
            <Field
              label={t('reports.declaredValue')}
              inputMode="decimal"
              autoComplete="off"
              value={draft.declaredValue}
              error={fieldError('shipment.declaredValue')}
              onChange={(event) => set('declaredValue', event.target.value)}
            />
            <Field
              label={t('reports.currency')}
              hint={t('reports.currencyHint')}
              autoComplete="off"
              autoCapitalize="characters"
              maxLength={3}
              value={draft.currency}
              error={fieldError('shipment.currency')}
              onChange={(event) => set('currency', event.target.value.toUpperCase())}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('reports.where')}</legend>
          <Field
            label={t('reports.office')}
            autoComplete="off"
            value={draft.office}
            error={fieldError('location.office')}
            onChange={(event) => set('office', event.target.value)}
          />
          <Field
            label={t('reports.locode')}
            hint={t('reports.locodeHint')}
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={6}
            value={draft.locode}
            error={fieldError('location.locode')}
            onChange={(event) => set('locode', event.target.value)}
          />
        </fieldset>
        <TextAreaField
          label={t('reports.notes')}
          rows={3}
          value={draft.notes}
          error={fieldError('notes')}
          onChange={(event) => set('notes', event.target.value)}
        />
        <div className="action-bar">
          <SubmitButton busy={busy}>{t('reports.send')}</SubmitButton>
        </div>
      </form>
    </>
  );
}

function Done({ outcome, productId }: { outcome: Outcome; productId: string }) {
  const { t } = useTranslation();
  const [photos, setPhotos] = useState<string[]>([]);
  return (
    <>
      <PageHeading>
        {outcome.kind === 'opened' ? t('reports.openedTitle') : t('reports.queuedTitle')}
      </PageHeading>
      {outcome.kind === 'opened' ? (
        <>
          <p className="announcement" role="status">
            {t('reports.opened', { reference: outcome.reference })}
          </p>
          {/* Photos go to the case once it exists; a queued report gets them from the case screen later. */}
          <section aria-labelledby="report-photos" className="panel">
            <h2 id="report-photos">{t('reports.photos')}</h2>
            <p className="field-hint">{t('reports.photosHint')}</p>
            {photos.length > 0 && (
              <ul className="plain-list" aria-label={t('reports.photosAdded')}>
                {photos.map((name, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the same file name may be added twice.
                  <li key={index}>{t('reports.photoAdded', { name })}</li>
                ))}
              </ul>
            )}
            <AttachmentUpload
              caseId={outcome.id}
              label={t('reports.addPhoto')}
              onUploaded={(attachment) => setPhotos((current) => [...current, attachment.fileName])}
            />
          </section>
        </>
      ) : (
        <p className="notice" role="status">
          {t('reports.queued')}
        </p>
      )}
      <p className="actions">
        {outcome.kind === 'opened' && (
          <Link className="button-link" to={`/cases/${outcome.id}`}>
            {t('reports.openCase')}
          </Link>
        )}
        <Link className="button-link" to="/reports">
          {t('reports.allReports')}
        </Link>
        {productId && <Link to={`/guides/${productId}`}>{t('reports.backToGuide')}</Link>}
      </p>
    </>
  );
}
