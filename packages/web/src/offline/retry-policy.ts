/**
 * What to do with a queued report after one attempt to send it. Pure, so the rules are tested alone:
 * delivered on 2xx; kept for the officer to correct on a refusal that sending again cannot change
 * (validation, a product no longer shared, a reused key); sent again later, with growing pauses, when
 * the network or the server failed, or when the session must be renewed first.
 */

export type AttemptOutcome =
  | { ok: true; id: string; reference: string }
  /** `status` 0: no answer (offline, DNS, connection reset). */
  | { ok: false; status: number; code: string };

export type RetryDecision =
  | { kind: 'delivered'; id: string; reference: string }
  | { kind: 'retry'; delayMs: number; reason: 'network' | 'server' | 'sign_in' }
  | { kind: 'attention' };

const FIRST_PAUSE_MS = 15_000;
const LONGEST_PAUSE_MS = 15 * 60_000;

/** 15 s, 30 s, 1 min, 2 min … at most 15 min after `failures` failed attempts (1 or more). */
export function backoffMs(failures: number): number {
  return Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.max(0, failures - 1));
}

export function decide(outcome: AttemptOutcome, failures: number): RetryDecision {
  if (outcome.ok) return { kind: 'delivered', id: outcome.id, reference: outcome.reference };
  const { status, code } = outcome;
  if (status === 0) return { kind: 'retry', delayMs: backoffMs(failures), reason: 'network' };
  if (status >= 500 || status === 408 || status === 429) {
    return { kind: 'retry', delayMs: backoffMs(failures), reason: 'server' };
  }
  // Signed out or the session's CSRF token went stale: the report waits for the officer to sign in again.
  if (status === 401 || code === 'csrf_failed') {
    return { kind: 'retry', delayMs: backoffMs(failures), reason: 'sign_in' };
  }
  return { kind: 'attention' };
}
