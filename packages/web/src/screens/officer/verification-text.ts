import type { VerdictSeverity, VerificationView } from '@assay/core';
import type { TFunction } from 'i18next';
import type { Formatters } from '../../i18n/format';

export type VerificationFormat = Pick<Formatters, 'locale' | 'country' | 'dateTime' | 'day' | 'list'>;

/** A fired clone rule in words, with the earlier checks that made it fire (country and time). */
export interface CloneText {
  rule: string;
  text: string;
  earlierScans: string[];
}

/** Everything the officer reads about one verification, in their language. */
export interface VerificationText {
  severity: VerdictSeverity;
  /** Said with the icon, so the severity never rests on colour alone. */
  severityLabel: string;
  headline: string;
  /** One line per finding, most serious first. */
  reasons: string[];
  clone: CloneText[];
  considerDetaining: string | null;
  /** What to do next, when the verdict alone is not enough. */
  advice: string[];
  /** Which serial was checked, with whom and when. */
  source: string;
}

/** `YYYY-MM-DD` as a day, `YYYY-MM` as a month; anything else as sent. */
function shownDate(value: string | undefined, format: VerificationFormat): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return format.day(value);
  if (/^\d{4}-\d{2}$/.test(value)) {
    const month = new Intl.DateTimeFormat(format.locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    return month.format(new Date(`${value}-01T00:00:00Z`));
  }
  return value;
}

/** "NO, SE" as country names in a list ("Norway and Sweden"). */
function countryList(codes: string | number | undefined, format: VerificationFormat): string {
  const list = String(codes ?? '')
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((code) => format.country(code));
  return format.list(list);
}

function findingLine(
  t: TFunction,
  format: VerificationFormat,
  view: VerificationView,
  finding: VerificationView['findings'][number],
): string {
  const { params } = finding;
  switch (finding.verdict) {
    case 'batch_mismatch':
      return params.scanned && params.registered
        ? t('verification.finding.batch_mismatch', { scanned: params.scanned, registered: params.registered })
        : t('verification.finding.batch_mismatch_plain');
    case 'expiry_mismatch':
      return params.scanned && params.registered
        ? t('verification.finding.expiry_mismatch', {
            scanned: shownDate(params.scanned, format),
            registered: shownDate(params.registered, format),
          })
        : t('verification.finding.expiry_mismatch_plain');
    case 'other_market':
      return params.intendedMarkets
        ? t('verification.finding.other_market', {
            country: format.country(params.country ?? view.country),
            intendedMarkets: countryList(params.intendedMarkets, format),
          })
        : t('verification.finding.other_market_plain');
    case 'unknown_product':
      return view.rightsHolder
        ? t('verification.finding.unknown_product_named', { name: view.rightsHolder.name })
        : t('verification.finding.unknown_product');
    case 'service_unavailable':
      return view.unavailableReason
        ? t('verification.finding.service_unavailable_reason', {
            reason: t(`verification.unavailableReason.${view.unavailableReason}`),
          })
        : t('verification.finding.service_unavailable');
    case 'handed_off':
      return t('verification.finding.handed_off', {
        name: view.brand?.name ?? view.rightsHolder?.name ?? t('verification.theBrand'),
      });
    default:
      return t(`verification.finding.${finding.verdict}`);
  }
}

function cloneText(
  t: TFunction,
  format: VerificationFormat,
  fired: VerificationView['clone'][number],
): CloneText {
  const { params } = fired;
  const text =
    fired.rule === 'other_country'
      ? t('verification.clone.other_country', {
          count: Number(params.windowDays),
          countries: countryList(params.countries, format),
          country: format.country(String(params.country ?? '')),
        })
      : fired.rule === 'many_organisations'
        ? t('verification.clone.many_organisations', {
            count: Number(params.windowDays),
            organisations: params.organisations,
            maxOrganisations: params.maxOrganisations,
          })
        : t('verification.clone.burst', {
            count: Number(params.windowHours),
            verifications: params.verifications,
            maxVerifications: params.maxVerifications,
          });
  const earlierScans = fired.earlierScans.map((scan) =>
    t('verification.earlierScan', { country: format.country(scan.country), time: format.dateTime(scan.at) }),
  );
  return { rule: fired.rule, text, earlierScans };
}

function adviceFor(t: TFunction, view: VerificationView): string[] {
  switch (view.verdict) {
    case 'service_unavailable':
      return [
        t('verification.advice.checkGuide'),
        t('verification.advice.contact'),
        t('verification.advice.doNotRelease'),
      ];
    case 'handed_off':
      return [t('verification.advice.handedOff')];
    case 'unknown_product':
      return [t('verification.advice.checkGuide')];
    case 'genuine':
      return [t('verification.advice.genuine')];
    default:
      return [];
  }
}

/** Turns the server's verification into the headline, reasons and advice the officer reads. */
export function verificationText(
  t: TFunction,
  format: VerificationFormat,
  view: VerificationView,
): VerificationText {
  const time = format.dateTime(view.verifiedAt);
  const source = view.rightsHolder
    ? view.brand && view.brand.name !== view.rightsHolder.name
      ? t('verification.sourceBrand', {
          serial: view.serial,
          name: view.rightsHolder.name,
          brand: view.brand.name,
          time,
        })
      : t('verification.source', { serial: view.serial, name: view.rightsHolder.name, time })
    : t('verification.sourceNone', { serial: view.serial, time });
  return {
    severity: view.severity,
    severityLabel: t(`verification.severity.${view.severity}`),
    headline: t(`verification.headline.${view.verdict}`),
    reasons: view.findings.map((finding) => findingLine(t, format, view, finding)),
    clone: view.clone.map((fired) => cloneText(t, format, fired)),
    considerDetaining: view.considerDetaining ? t('verification.considerDetaining') : null,
    advice: adviceFor(t, view),
    source,
  };
}
