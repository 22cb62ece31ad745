import {
  ALERT_LIMITS,
  ALERT_SEVERITIES,
  type AlertSeverity,
  type AlertView,
  alertBody,
  TRANSPORT_MODES,
} from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { alertsApi, representationsApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { ChipsField } from '../../components/chips-field';
import { CheckboxGroup } from '../../components/choice-group';
import { ConfirmButton } from '../../components/confirm-button';
import { CountrySelect } from '../../components/country-select';
import { Field, SelectField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { LocalisedTextField } from '../../components/localised-text-field';
import { PageHeading } from '../../components/page-heading';
import { PickListField } from '../../components/pick-list-field';
import { StatusBadge } from '../../components/status-badge';
import { SubmitButton } from '../../components/submit-button';
import { listError, useForm } from '../../components/use-form';
import { useContentLanguages } from '../../i18n/content-languages';
import { useFormat } from '../../i18n/format';
import { useSession } from '../../session/session-context';
import {
  type AlertDraft,
  alertInputFromDraft,
  draftFromAlert,
  emptyAlertDraft,
  type RouteDraft,
} from './alert-draft';
import './alerts.css';

/** Write a new alert or change one of the organisation's alerts; publish or withdraw it. */
export function AlertEditorScreen() {
  const { t } = useTranslation();
  const { reader } = useContentLanguages();
  const { alertId } = useParams();
  const existing = useResource(
    async () => (alertId ? alertsApi.get(alertId, reader) : null),
    [alertId, reader],
  );
  const [alert, setAlert] = useState<AlertView | null>(null);
  const shown = alert?.id === alertId ? alert : (existing.data ?? null);

  return (
    <>
      <p>
        <Link to="/alerts/manage">{t('alerts.backToPublished')}</Link>
      </p>
      <PageHeading>{alertId ? t('alerts.editTitle') : t('alerts.newTitle')}</PageHeading>
      <FormError error={existing.error} />
      {existing.loading && !existing.data && <p role="status">{t('app.loading')}</p>}
      {(alertId ? shown !== null : !existing.loading) && (
        <>
          {shown && <AlertStatusPanel alert={shown} onChange={setAlert} />}
          <AlertForm key={shown?.id ?? 'new'} alert={shown} onSaved={setAlert} />
        </>
      )}
    </>
  );
}

/** Status, publish and withdraw, how many acknowledged, and the machine rules. */
function AlertStatusPanel({ alert, onChange }: { alert: AlertView; onChange: (alert: AlertView) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const act = async (action: () => Promise<AlertView>) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await action());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const acks = alert.acknowledgements;
  return (
    <section className="panel" aria-labelledby="alert-status">
      <h2 id="alert-status">{t('alerts.statusTitle')}</h2>
      <p role="status">
        <StatusBadge status={alert.status} />{' '}
        {alert.publishedAt && t('alerts.publishedOn', { when: format.dateTime(alert.publishedAt) })}
      </p>
      {alert.status !== 'draft' && (
        <p>
          {t('alerts.acknowledgedBy', {
            organisations: acks.organisations,
            countries: acks.countries,
          })}
          {acks.countryCodes.length > 0 && ` (${format.list(acks.countryCodes.map(format.country))})`}
        </p>
      )}
      <div className="actions">
        {alert.status === 'draft' && (
          <button type="button" disabled={busy} onClick={() => act(() => alertsApi.publish(alert.id))}>
            {t('alerts.publish')}
          </button>
        )}
        {alert.status === 'published' && (
          <ConfirmButton
            label={t('alerts.withdraw')}
            question={t('alerts.withdrawQuestion')}
            confirmLabel={t('alerts.withdraw')}
            onConfirm={() => act(() => alertsApi.withdraw(alert.id))}
          />
        )}
        <a href={alertsApi.rulesUrl(alert.id)} target="_blank" rel="noreferrer">
          {t('alerts.rules')}
        </a>
      </div>
      <FormError error={error} />
    </section>
  );
}

function AlertForm({ alert, onSaved }: { alert: AlertView | null; onSaved: (alert: AlertView) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { reader } = useContentLanguages();
  const { session } = useSession();
  const navigate = useNavigate();
  const form = useForm();
  const { fieldError } = form;
  const isFirm = session.organisation?.kind === 'legal_representative';
  const [draft, setDraft] = useState<AlertDraft>(() =>
    alert ? draftFromAlert(alert) : emptyAlertDraft(reader, new Date().toISOString().slice(0, 10)),
  );
  const [announcement, setAnnouncement] = useState('');
  const change = (part: Partial<AlertDraft>) => setDraft((current) => ({ ...current, ...part }));
  const represented = useResource(
    async () => (isFirm ? (await representationsApi.represented()).rightsHolders : []),
    [isFirm],
  );
  const rightsHolderId = isFirm ? draft.rightsHolderId || undefined : undefined;
  const subjects = useResource(
    async () => (isFirm && !rightsHolderId ? null : alertsApi.subjects(rightsHolderId, reader)),
    [rightsHolderId, reader],
  );
  const under = (prefix: string) => (path: string) => fieldError(path ? `${prefix}.${path}` : prefix);
  const brandProducts = (subjects.data?.products ?? []).filter((product) =>
    draft.brandIds.includes(product.brandId),
  );
  const setRoute = (index: number, part: Partial<RouteDraft>) =>
    change({ routes: draft.routes.map((route, at) => (at === index ? { ...route, ...part } : route)) });

  const submit = form.onSubmit(async () => {
    const input = form.check(alertBody, alertInputFromDraft(draft));
    const saved = alert ? await alertsApi.update(alert.id, input) : await alertsApi.create(input);
    onSaved(saved);
    setAnnouncement(t('alerts.saved'));
    if (!alert) navigate(`/alerts/manage/${saved.id}`, { replace: true });
  });

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormError error={form.error} />
      <p role="status" className="announcement">
        {announcement}
      </p>
      <section aria-labelledby="alert-message">
        <h2 id="alert-message">{t('alerts.messageSection')}</h2>
        {isFirm && (
          <SelectField
            label={t('alerts.rightsHolder')}
            value={draft.rightsHolderId}
            disabled={alert !== null}
            error={fieldError('rightsHolderId')}
            onChange={(event) => change({ rightsHolderId: event.target.value, brandIds: [], productIds: [] })}
          >
            <option value="">{t('alerts.chooseRightsHolder')}</option>
            {(represented.data ?? []).map((holder) => (
              <option key={holder.id} value={holder.id}>
                {holder.name}
              </option>
            ))}
          </SelectField>
        )}
        <LocalisedTextField
          label={t('alerts.title')}
          value={draft.title}
          onChange={(title) => change({ title })}
          maxLength={ALERT_LIMITS.titleMax}
          errorAt={under('title')}
        />
        <LocalisedTextField
          label={t('alerts.text')}
          hint={t('alerts.textHint')}
          value={draft.text}
          onChange={(text) => change({ text })}
          multiline
          rows={6}
          maxLength={ALERT_LIMITS.textMax}
          errorAt={under('text')}
        />
        <SelectField
          label={t('alerts.severityField')}
          value={draft.severity}
          error={fieldError('severity')}
          onChange={(event) => change({ severity: event.target.value as AlertSeverity })}
        >
          {ALERT_SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t(`alerts.severity.${severity}`)}
            </option>
          ))}
        </SelectField>
      </section>

      <section aria-labelledby="alert-subjects-section">
        <h2 id="alert-subjects-section">{t('alerts.subjects')}</h2>
        <FormError error={subjects.error} />
        {subjects.data && subjects.data.brands.length === 0 && (
          <p className="muted">{t('alerts.noBrands')}</p>
        )}
        {subjects.data && subjects.data.brands.length > 0 && (
          <CheckboxGroup
            legend={t('alerts.brands')}
            value={draft.brandIds}
            error={listError(fieldError, 'brandIds', draft.brandIds.length)}
            onChange={(brandIds) =>
              change({
                brandIds,
                productIds: draft.productIds.filter((id) =>
                  subjects.data?.products.some(
                    (product) => product.id === id && brandIds.includes(product.brandId),
                  ),
                ),
              })
            }
            choices={subjects.data.brands.map((brand) => ({ value: brand.id, label: brand.name }))}
          />
        )}
        {draft.brandIds.length > 0 && (
          <CheckboxGroup
            legend={t('alerts.products')}
            hint={t('alerts.productsHint')}
            value={draft.productIds}
            error={listError(fieldError, 'productIds', draft.productIds.length)}
            onChange={(productIds) => change({ productIds })}
            choices={brandProducts.map((product) => ({
              value: product.id,
              label: `${product.name} (${product.reference})`,
            }))}
          />
        )}
      </section>

      <section aria-labelledby="alert-indicators-section">
        <h2 id="alert-indicators-section">{t('alerts.indicators')}</h2>
        <p className="muted">{t('alerts.indicatorsHint')}</p>
        <ChipsField
          label={t('alerts.exporterNames')}
          values={draft.exporterNames}
          onChange={(exporterNames) => change({ exporterNames })}
          error={listError(fieldError, 'indicators.exporterNames', draft.exporterNames.length)}
          maxLength={200}
        />
        <ChipsField
          label={t('alerts.importerNames')}
          values={draft.importerNames}
          onChange={(importerNames) => change({ importerNames })}
          error={listError(fieldError, 'indicators.importerNames', draft.importerNames.length)}
          maxLength={200}
        />
        <fieldset className="row-list">
          <legend>{t('alerts.routes')}</legend>
          {draft.routes.map((route, index) => {
            const routeError = listError(fieldError, `indicators.routes.${index}.transit`, 10);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: routes have no identity but their place
              <div key={index} className="route-row">
                <CountrySelect
                  label={t('alerts.routeOrigin', { number: index + 1 })}
                  value={route.origin}
                  onChange={(origin) => setRoute(index, { origin })}
                  error={fieldError(`indicators.routes.${index}.origin`)}
                />
                <Field
                  label={t('alerts.routeTransit', { number: index + 1 })}
                  hint={t('alerts.routeTransitHint')}
                  value={route.transit}
                  onChange={(event) => setRoute(index, { transit: event.target.value })}
                  error={routeError}
                />
                <CountrySelect
                  label={t('alerts.routeDestination', { number: index + 1 })}
                  value={route.destination}
                  onChange={(destination) => setRoute(index, { destination })}
                  error={fieldError(`indicators.routes.${index}.destination`)}
                />
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => change({ routes: draft.routes.filter((_, at) => at !== index) })}
                >
                  {t('alerts.removeRoute', { number: index + 1 })}
                </button>
              </div>
            );
          })}
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              change({ routes: [...draft.routes, { origin: '', transit: '', destination: '' }] })
            }
          >
            {t('alerts.addRoute')}
          </button>
        </fieldset>
        <ChipsField
          label={t('alerts.ports')}
          hint={t('alerts.portsHint')}
          values={draft.ports}
          onChange={(ports) => change({ ports: ports.map((port) => port.toUpperCase()) })}
          error={listError(fieldError, 'indicators.ports', draft.ports.length)}
          maxLength={6}
        />
        <ChipsField
          label={t('alerts.descriptions')}
          hint={t('alerts.descriptionsHint')}
          values={draft.descriptions}
          onChange={(descriptions) => change({ descriptions })}
          error={listError(fieldError, 'indicators.descriptions', draft.descriptions.length)}
          maxLength={ALERT_LIMITS.phraseMax}
        />
        <ChipsField
          label={t('alerts.hsCodes')}
          hint={t('alerts.hsCodesHint')}
          values={draft.hsCodes}
          onChange={(hsCodes) => change({ hsCodes })}
          error={listError(fieldError, 'indicators.hsCodes', draft.hsCodes.length)}
          maxLength={13}
        />
      </section>

      <section aria-labelledby="alert-targets-section">
        <h2 id="alert-targets-section">{t('alerts.targets')}</h2>
        <PickListField
          legend={t('alerts.targetCountries')}
          hint={t('alerts.targetCountriesHint')}
          values={draft.targetCountries}
          onChange={(targetCountries) => change({ targetCountries })}
          options={format.countries.map((country) => ({ value: country.code, label: country.name }))}
          pickerLabel={t('alerts.countryToAdd')}
          addLabel={t('alerts.addCountry')}
          emptyText={t('alerts.allCountries')}
          error={listError(fieldError, 'targetCountries', draft.targetCountries.length)}
        />
        <ChipsField
          label={t('alerts.targetPorts')}
          hint={t('alerts.portsHint')}
          values={draft.targetPorts}
          onChange={(targetPorts) => change({ targetPorts: targetPorts.map((port) => port.toUpperCase()) })}
          error={listError(fieldError, 'targetPorts', draft.targetPorts.length)}
          maxLength={6}
        />
        <CheckboxGroup
          legend={t('alerts.transportModes')}
          hint={t('alerts.transportModesHint')}
          value={draft.transportModes}
          onChange={(transportModes) => change({ transportModes })}
          error={listError(fieldError, 'transportModes', draft.transportModes.length)}
          choices={TRANSPORT_MODES.map((mode) => ({ value: mode, label: t(`transportModes.${mode}`) }))}
        />
        <div className="field-row">
          <Field
            label={t('alerts.validFromField')}
            type="date"
            value={draft.validFrom}
            onChange={(event) => change({ validFrom: event.target.value })}
            error={fieldError('validFrom')}
          />
          <Field
            label={t('alerts.validToField')}
            hint={t('alerts.validToHint')}
            type="date"
            value={draft.validTo}
            onChange={(event) => change({ validTo: event.target.value })}
            error={fieldError('validTo')}
          />
        </div>
      </section>

      <div className="form-footer">
        <SubmitButton busy={form.busy}>{alert ? t('common.save') : t('alerts.saveDraft')}</SubmitButton>
      </div>
    </form>
  );
}
