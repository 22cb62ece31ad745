import type { VerificationVerdict } from '@assay/core';
import { useTranslation } from 'react-i18next';
import type { VerificationRecord } from '../../api/endpoints';
import { useFormat } from '../../i18n/format';

type CloneFinding = VerificationRecord['clone'][number];

/** Verdicts, their reasons and clone rules in the reader's language, country codes as names. */
export function useVerdictText() {
  const { t } = useTranslation();
  const format = useFormat();
  const countryList = (codes: string | number | undefined) =>
    format.list(
      String(codes ?? '')
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map(format.country),
    );
  return {
    verdict: (verdict: VerificationVerdict) => t(`authentication.verdicts.${verdict}`),
    reason: (finding: { verdict: VerificationVerdict; params: Record<string, string> }) =>
      t(`authentication.reasons.${finding.verdict}`, {
        ...finding.params,
        country: format.country(finding.params.country ?? null),
        intendedMarkets: countryList(finding.params.intendedMarkets),
      }),
    clone: (clone: CloneFinding) =>
      t(`authentication.cloneRules.${clone.rule}`, {
        ...clone.params,
        country: format.country(String(clone.params.country ?? '')),
        countries: countryList(clone.params.countries),
      }),
    earlierScans: (clone: CloneFinding) =>
      format.list(
        clone.earlierScans.map((scan) =>
          t('authentication.verifications.scanAt', {
            country: format.country(scan.country),
            date: format.date(scan.at),
          }),
        ),
      ),
  };
}
