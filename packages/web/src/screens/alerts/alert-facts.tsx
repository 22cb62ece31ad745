import type { AlertIndicators, TransportMode } from '@assay/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

/** `640411` → `6404.11`, the way tariffs print HS codes. */
export function displayHsCode(code: string): string {
  return code.length > 4
    ? `${code.slice(0, 4)}.${code.slice(4, 6)}${code.length > 6 ? ` ${code.slice(6)}` : ''}`
    : code;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** What to look for in a declaration: names, routes, ports, descriptions, HS codes. */
export function IndicatorFacts({ indicators }: { indicators: AlertIndicators }) {
  const { t } = useTranslation();
  const format = useFormat();
  const none =
    !indicators.exporterNames.length &&
    !indicators.importerNames.length &&
    !indicators.routes.length &&
    !indicators.ports.length &&
    !indicators.descriptions.length &&
    !indicators.hsCodes.length;
  if (none) return <p className="muted">{t('alerts.noIndicators')}</p>;
  return (
    <dl className="facts">
      {indicators.exporterNames.length > 0 && (
        <Fact term={t('alerts.exporterNames')}>{format.list(indicators.exporterNames)}</Fact>
      )}
      {indicators.importerNames.length > 0 && (
        <Fact term={t('alerts.importerNames')}>{format.list(indicators.importerNames)}</Fact>
      )}
      {indicators.routes.length > 0 && (
        <Fact term={t('alerts.routes')}>
          <ul className="plain-list">
            {indicators.routes.map((route) => {
              const stops = [route.origin, ...route.transit, route.destination];
              return <li key={stops.join('-')}>{stops.map(format.country).join(' → ')}</li>;
            })}
          </ul>
        </Fact>
      )}
      {indicators.ports.length > 0 && (
        <Fact term={t('alerts.ports')}>
          <span className="mono">{indicators.ports.join(', ')}</span>
        </Fact>
      )}
      {indicators.descriptions.length > 0 && (
        <Fact term={t('alerts.descriptions')}>
          {format.list(indicators.descriptions.map((text) => t('alerts.quoted', { text })))}
        </Fact>
      )}
      {indicators.hsCodes.length > 0 && (
        <Fact term={t('alerts.hsCodes')}>
          <span className="mono">{indicators.hsCodes.map(displayHsCode).join(', ')}</span>
        </Fact>
      )}
    </dl>
  );
}

/** Where and when the alert applies. */
export function TargetFacts({
  targetCountries,
  targetPorts,
  transportModes,
  validFrom,
  validTo,
}: {
  targetCountries: readonly string[];
  targetPorts: readonly string[];
  transportModes: readonly TransportMode[];
  validFrom: string;
  validTo: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="facts">
      <Fact term={t('alerts.targetCountries')}>
        {targetCountries.length ? format.list(targetCountries.map(format.country)) : t('alerts.allCountries')}
      </Fact>
      <Fact term={t('alerts.targetPorts')}>
        {targetPorts.length ? <span className="mono">{targetPorts.join(', ')}</span> : t('alerts.anyPort')}
      </Fact>
      <Fact term={t('alerts.transportModes')}>
        {transportModes.length
          ? format.list(transportModes.map((mode) => t(`transportModes.${mode}`)))
          : t('alerts.anyMode')}
      </Fact>
      <Fact term={t('alerts.validity')}>
        {validTo
          ? t('alerts.validBetween', { from: format.day(validFrom), to: format.day(validTo) })
          : t('alerts.validFrom', { from: format.day(validFrom) })}
      </Fact>
    </dl>
  );
}
