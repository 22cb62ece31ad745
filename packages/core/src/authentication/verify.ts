import {
  type PackState,
  VERDICT_MEANINGS,
  type VerdictMeaning,
  type VerificationVerdict,
} from './verdicts.js';

/** What the rights holder registered for one serial. */
export interface RegisteredPack {
  state: PackState;
  batch: string;
  /** ISO date `YYYY-MM-DD`, or `YYYY-MM` when the registry holds only the month. */
  expiry: string;
  /** ISO country codes the pack may be sold in; empty means any market. */
  intendedMarkets: readonly string[];
}

/** What the officer's scan read from the pack (expiry already resolved to an ISO date by the GS1 parser). */
export interface ScannedPack {
  batch?: string | null;
  expiry?: string | null;
}

/** One reason behind a verdict, with the values a translated message needs. */
export interface VerdictFinding extends VerdictMeaning {
  verdict: VerificationVerdict;
  params: Readonly<Record<string, string>>;
}

export interface VerdictResult {
  /** The most serious finding's verdict. */
  verdict: VerificationVerdict;
  /** Most serious first; never empty. */
  findings: VerdictFinding[];
}

export function verdictFinding(
  verdict: VerificationVerdict,
  params: Record<string, string> = {},
): VerdictFinding {
  return { verdict, ...VERDICT_MEANINGS[verdict], params };
}

/**
 * Judges a scanned serialised pack against its registry entry (`null`: serial not registered)
 * in the country of verification. Every check that fails is reported, so the officer sees e.g.
 * both a recall and a batch mismatch, but the pack's state comes first.
 */
export function verdictFor(
  registered: RegisteredPack | null,
  scanned: ScannedPack,
  country: string,
): VerdictResult {
  if (registered === null) return result([verdictFinding('unknown_serial')]);
  const findings: VerdictFinding[] = [];
  if (registered.state !== 'active') findings.push(verdictFinding(registered.state));
  const scannedBatch = scanned.batch?.trim();
  if (scannedBatch && scannedBatch.toUpperCase() !== registered.batch.trim().toUpperCase()) {
    findings.push(
      verdictFinding('batch_mismatch', { scanned: scannedBatch, registered: registered.batch.trim() }),
    );
  }
  const scannedExpiry = scanned.expiry?.trim();
  if (scannedExpiry && !sameExpiry(scannedExpiry, registered.expiry)) {
    findings.push(
      verdictFinding('expiry_mismatch', { scanned: scannedExpiry, registered: registered.expiry }),
    );
  }
  const markets = registered.intendedMarkets.map((market) => market.toUpperCase());
  const here = country.toUpperCase();
  if (markets.length > 0 && !markets.includes(here)) {
    findings.push(verdictFinding('other_market', { country: here, intendedMarkets: markets.join(', ') }));
  }
  return result(findings.length > 0 ? findings : [verdictFinding('genuine')]);
}

function result(findings: VerdictFinding[]): VerdictResult {
  return { verdict: findings[0]!.verdict, findings };
}

/** Compares as calendar dates, or as months when either side gives only the month. */
function sameExpiry(scanned: string, registered: string): boolean {
  const a = calendarDate(scanned);
  const b = calendarDate(registered);
  // An unreadable printed expiry cannot match what the brand registered.
  if (a === null || b === null) return false;
  if (a.day === null || b.day === null) return a.year === b.year && a.month === b.month;
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

function calendarDate(value: string): { year: number; month: number; day: number | null } | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month, day: null };
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth ? { year, month, day } : null;
}
