/*
 * Clone detection over the verification history of one serial. A genuine pack is in one place
 * at a time and is checked a handful of times on its way to a patient or buyer. A copied code
 * printed on many fakes gives itself away: the copies are distributed, so the same serial turns
 * up in several countries (rule other_country) or with several organisations (rule
 * many_organisations) within a short time; and a code copied from one pack and scanned again and
 * again, e.g. at a market stall or by a counterfeiter testing it, shows as a burst of
 * verifications (rule burst). A pack that was destroyed or decommissioned and turns up again is
 * caught by the registry state, not here. Pure and deterministic: the time comes from the caller.
 */
import type { VerificationVerdict } from './verdicts.js';

/** The tunable thresholds, in one place so a rights holder can be given its own later. */
export const CLONE_RULE_DEFAULTS = {
  otherCountry: { windowDays: 30 },
  manyOrganisations: { maxOrganisations: 3, windowDays: 7 },
  burst: { maxVerifications: 10, windowHours: 24 },
} as const;

export interface CloneRuleSettings {
  otherCountry: { windowDays: number };
  manyOrganisations: { maxOrganisations: number; windowDays: number };
  burst: { maxVerifications: number; windowHours: number };
}

export const CLONE_RULE_IDS = ['other_country', 'many_organisations', 'burst'] as const;
export type CloneRuleId = (typeof CLONE_RULE_IDS)[number];

/** The verification being made now. */
export interface CurrentVerification {
  country: string;
  at: Date;
  organisationId: string;
  /** Whether the registry found nothing wrong with the pack before the clone rules ran. */
  genuineSoFar: boolean;
}

/** An earlier verification of the same serial. */
export interface EarlierVerification {
  country: string;
  at: Date;
  organisationId: string;
  verdict: VerificationVerdict;
}

/** An earlier scan as shown to the officer (country and date; never who made it). */
export interface TriggeringScan {
  country: string;
  at: Date;
}

export interface FiredCloneRule {
  rule: CloneRuleId;
  /** One line of English; translations use `rule` and `params`. */
  explanation: string;
  params: Readonly<Record<string, string | number>>;
  /** The earlier scans that made the rule fire, most recent first. */
  earlierScans: TriggeringScan[];
}

export interface CloneAssessment {
  /** `possible_clone` when any rule fired. */
  verdict: 'possible_clone' | null;
  /**
   * Whether `possible_clone` becomes the primary verdict: only for a pack that is otherwise
   * genuine; a pack already found stolen, mismatched or diverted keeps that verdict first.
   */
  primary: boolean;
  fired: FiredCloneRule[];
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type CloneRule = (
  current: CurrentVerification,
  earlier: readonly EarlierVerification[],
  settings: CloneRuleSettings,
) => FiredCloneRule | null;

/** Rule other_country: the same serial verified in another country within the window. */
export const otherCountryRule: CloneRule = (current, earlier, settings) => {
  const { windowDays } = settings.otherCountry;
  const here = current.country.toUpperCase();
  const elsewhere = within(current, earlier, windowDays * DAY_MS).filter(
    (scan) => scan.country.toUpperCase() !== here,
  );
  if (elsewhere.length === 0) return null;
  const countries = distinct(elsewhere.map((scan) => scan.country.toUpperCase()))
    .sort()
    .join(', ');
  return fired(
    'other_country',
    `Verified in ${countries} within ${windowDays} days of this verification in ${here}.`,
    { windowDays, countries, country: here },
    elsewhere,
  );
};

/** Rule many_organisations: more distinct organisations than allowed verified it within the window. */
export const manyOrganisationsRule: CloneRule = (current, earlier, settings) => {
  const { maxOrganisations, windowDays } = settings.manyOrganisations;
  const recent = within(current, earlier, windowDays * DAY_MS);
  const organisations = distinct([
    current.organisationId,
    ...recent.map((scan) => scan.organisationId),
  ]).length;
  if (organisations <= maxOrganisations) return null;
  return fired(
    'many_organisations',
    `Verified by ${organisations} organisations within ${windowDays} days (more than ${maxOrganisations}).`,
    { organisations, maxOrganisations, windowDays },
    recent.filter((scan) => scan.organisationId !== current.organisationId),
  );
};

/** Rule burst: more verifications than allowed, this one included, within a short window. */
export const burstRule: CloneRule = (current, earlier, settings) => {
  const { maxVerifications, windowHours } = settings.burst;
  const recent = within(current, earlier, windowHours * HOUR_MS);
  const verifications = recent.length + 1;
  if (verifications <= maxVerifications) return null;
  return fired(
    'burst',
    `Verified ${verifications} times within ${windowHours} hours (more than ${maxVerifications}).`,
    { verifications, maxVerifications, windowHours },
    recent,
  );
};

export const CLONE_RULES: readonly CloneRule[] = [otherCountryRule, manyOrganisationsRule, burstRule];

/** Runs every clone rule over one serial's history; adding earlier scans can only add findings. */
export function assessClone(
  current: CurrentVerification,
  earlier: readonly EarlierVerification[],
  settings: CloneRuleSettings = CLONE_RULE_DEFAULTS,
): CloneAssessment {
  const firedRules = CLONE_RULES.map((rule) => rule(current, earlier, settings)).filter(
    (finding): finding is FiredCloneRule => finding !== null,
  );
  const suspected = firedRules.length > 0;
  return {
    verdict: suspected ? 'possible_clone' : null,
    primary: suspected && current.genuineSoFar,
    fired: firedRules,
  };
}

/** Earlier scans at most `windowMs` away from now, either side (clocks of devices drift). */
function within(
  current: CurrentVerification,
  earlier: readonly EarlierVerification[],
  windowMs: number,
): EarlierVerification[] {
  const now = current.at.getTime();
  return earlier.filter((scan) => Math.abs(now - scan.at.getTime()) <= windowMs);
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

function fired(
  rule: CloneRuleId,
  explanation: string,
  params: Record<string, string | number>,
  scans: EarlierVerification[],
): FiredCloneRule {
  const earlierScans = [...scans]
    .sort(
      (a, b) =>
        b.at.getTime() - a.at.getTime() || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0),
    )
    .map(({ country, at }) => ({ country: country.toUpperCase(), at }));
  return { rule, explanation, params, earlierScans };
}
