import {
  checkShipment,
  type DeclaredShipment,
  type GuideView,
  type SupplyCheckOutcome,
  TRANSPORT_MODES,
  type TransportMode,
} from '@assay/core';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../../components/country-select';
import { Field, SelectField } from '../../components/field';
import { useFormat } from '../../i18n/format';

const BADGE: Record<SupplyCheckOutcome, string> = {
  expected: 'badge badge-good',
  similar: 'badge badge-bad',
  unexpected: 'badge badge-bad',
  unknown: 'badge badge-neutral',
};

function Verdict({ label, outcome, detail }: { label: string; outcome: SupplyCheckOutcome; detail: string }) {
  const { t } = useTranslation();
  return (
    <li className={`check-verdict check-${outcome}`}>
      <span className="check-label">{label}</span>{' '}
      <span className={BADGE[outcome]}>{t(`supplyCheck.outcome.${outcome}`)}</span>
      <span className="check-detail">{detail}</span>
    </li>
  );
}

/**
 * "Is this shipment coming the way genuine goods come?": the officer enters what the declaration says
 * and reads, as they type, whether each fact matches the rights holder's legitimate supply chain.
 */
export function SupplyCheckPanel({
  supplyChain,
  declared,
  onChange,
}: {
  supplyChain: GuideView['supplyChain'];
  declared: DeclaredShipment;
  onChange: (declared: DeclaredShipment) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const result = checkShipment(declared, supplyChain);
  const set = (change: Partial<DeclaredShipment>) => onChange({ ...declared, ...change });

  const verdicts: { key: string; label: string; outcome: SupplyCheckOutcome; detail: string }[] = [];
  if (result.exporter) {
    const match = result.exporter.match;
    const who = match
      ? {
          name: match.name,
          role: t(`supplyChainRoles.${match.role}`),
          country: format.country(match.countryCode),
        }
      : {};
    verdicts.push({
      key: 'exporter',
      label: t('supplyCheck.exporter'),
      outcome: result.exporter.outcome,
      detail: t(`supplyCheck.exporterDetail.${result.exporter.outcome}`, who),
    });
  }
  if (result.originCountry) {
    verdicts.push({
      key: 'origin',
      label: t('supplyCheck.origin'),
      outcome: result.originCountry,
      detail: t(`supplyCheck.originDetail.${result.originCountry}`),
    });
  }
  if (result.route) {
    verdicts.push({
      key: 'route',
      label: t('supplyCheck.route'),
      outcome: result.route,
      detail: t(`supplyCheck.routeDetail.${result.route}`),
    });
  }
  if (result.port) {
    verdicts.push({
      key: 'port',
      label: t('supplyCheck.port'),
      outcome: result.port,
      detail: t(`supplyCheck.portDetail.${result.port}`),
    });
  }

  return (
    <section className="panel supply-check" aria-labelledby="supply-check-title">
      <h3 id="supply-check-title">{t('supplyCheck.title')}</h3>
      <p className="field-hint">{t('supplyCheck.intro')}</p>
      <div className="check-fields">
        <Field
          label={t('supplyCheck.exporterField')}
          hint={t('supplyCheck.exporterHint')}
          value={declared.exporter ?? ''}
          autoComplete="off"
          onChange={(event) => set({ exporter: event.target.value })}
        />
        <CountrySelect
          label={t('supplyCheck.originField')}
          value={declared.originCountry ?? ''}
          onChange={(code) => set({ originCountry: code || undefined })}
        />
        <CountrySelect
          label={t('supplyCheck.destinationField')}
          value={declared.destinationCountry ?? ''}
          onChange={(code) => set({ destinationCountry: code || undefined })}
        />
        <SelectField
          label={t('supplyCheck.modeField')}
          value={declared.transportMode ?? ''}
          onChange={(event) =>
            set({ transportMode: (event.target.value || undefined) as TransportMode | undefined })
          }
        >
          <option value="">{t('supplyCheck.anyMode')}</option>
          {TRANSPORT_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`transportModes.${mode}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('supplyCheck.portField')}
          hint={t('supplyCheck.portHint')}
          value={declared.port ?? ''}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={6}
          onChange={(event) => set({ port: event.target.value })}
        />
      </div>
      <div aria-live="polite">
        {verdicts.length === 0 ? (
          <p className="muted">{t('supplyCheck.nothingYet')}</p>
        ) : (
          <ul className="plain-list check-verdicts">
            {verdicts.map(({ key, ...verdict }) => (
              <Verdict key={key} {...verdict} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
