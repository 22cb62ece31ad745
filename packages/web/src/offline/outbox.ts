import { ApiError, request } from '../api/client';
import type { CaseOpened, OpenCaseInput } from '../api/endpoints';
import { notifyOfflineChange } from './changes';
import { type OutboxEntry, offlineDb } from './db';
import { type AttemptOutcome, decide } from './retry-policy';

/**
 * Suspect-shipment reports on their way to the server. Each report gets its Idempotency-Key once,
 * when the officer submits it, and every attempt sends that key: a report whose answer was lost is
 * sent again and the server opens its case only once. Entries live in IndexedDB, so a closed tab or a
 * restarted phone loses nothing.
 */

export interface NewReport {
  userId: string;
  body: OpenCaseInput;
  draft: unknown;
  title: string;
}

/** A delivered report stays listed (with its reference) this long, then is tidied away. */
const DELIVERED_KEPT_MS = 7 * 24 * 3600_000;
/** A connection that hangs gives up after this long, so one report cannot hold up the others (and the lock). */
const ATTEMPT_TIMEOUT_MS = 30_000;

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** One try; the error is kept to show a refusal's message and fields. */
async function attempt(
  body: OpenCaseInput,
  key: string,
): Promise<{ outcome: AttemptOutcome; error: unknown }> {
  try {
    const opened = await request<CaseOpened>('POST', '/cases', {
      body,
      headers: { 'idempotency-key': key },
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    return { outcome: { ok: true, id: opened.id, reference: opened.reference }, error: null };
  } catch (error) {
    const outcome: AttemptOutcome =
      error instanceof ApiError
        ? { ok: false, status: error.status, code: error.code }
        : { ok: false, status: 0, code: 'unavailable' };
    return { outcome, error };
  }
}

function problemOf(error: unknown): OutboxEntry['problem'] {
  if (!(error instanceof ApiError)) return null;
  return { code: error.code, message: error.message, fields: error.fieldProblems };
}

/** Puts a report in the outbox, to be sent by the next flush. */
export async function queueReport(report: NewReport, key: string): Promise<OutboxEntry> {
  const entry: OutboxEntry = {
    key,
    userId: report.userId,
    body: report.body,
    draft: report.draft,
    title: report.title,
    createdAt: new Date().toISOString(),
    state: 'queued',
    attempts: 0,
    retryReason: null,
    nextAttemptAt: 0,
    problem: null,
    delivered: null,
  };
  await (await offlineDb()).put('outbox', entry);
  notifyOfflineChange();
  return entry;
}

export async function listOutbox(userId: string): Promise<OutboxEntry[]> {
  const entries = await (await offlineDb()).getAll('outbox');
  return entries
    .filter((entry) => entry.userId === userId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function removeFromOutbox(key: string): Promise<void> {
  await (await offlineDb()).delete('outbox', key);
  notifyOfflineChange();
}

/** Sends one entry now and records what became of it. */
async function send(entry: OutboxEntry, now: number): Promise<OutboxEntry> {
  const { outcome, error } = await attempt(entry.body, entry.key);
  const failures = entry.attempts + 1;
  const decision = decide(outcome, failures);
  const updated: OutboxEntry = { ...entry, attempts: failures };
  if (decision.kind === 'delivered') {
    updated.state = 'sent';
    updated.problem = null;
    updated.retryReason = null;
    updated.delivered = { id: decision.id, reference: decision.reference, at: new Date(now).toISOString() };
  } else if (decision.kind === 'retry') {
    updated.nextAttemptAt = now + decision.delayMs;
    updated.retryReason = decision.reason;
  } else {
    updated.state = 'attention';
    updated.problem = problemOf(error);
  }
  return updated;
}

/** Reports of this person not delivered yet: waiting to be sent, or refused and to be corrected. */
export async function undeliveredReports(userId: string): Promise<OutboxEntry[]> {
  return (await listOutbox(userId)).filter((entry) => entry.state !== 'sent');
}

/** Writes an attempt's result, unless the entry was removed meanwhile (signed out, or sent by another tab). */
async function record(updated: OutboxEntry): Promise<void> {
  const tx = (await offlineDb()).transaction('outbox', 'readwrite');
  if (await tx.store.get(updated.key)) await tx.store.put(updated);
  await tx.done;
}

async function flushOnce(userId: string, force: boolean): Promise<void> {
  const run = async () => {
    const now = Date.now();
    const db = await offlineDb();
    for (const entry of await listOutbox(userId)) {
      if (entry.state === 'sent') {
        if (entry.delivered && now - Date.parse(entry.delivered.at) > DELIVERED_KEPT_MS) {
          await db.delete('outbox', entry.key);
        }
        continue;
      }
      if (entry.state !== 'queued' || (!force && entry.nextAttemptAt > now)) continue;
      // Another tab may have sent it meanwhile.
      const current = await db.get('outbox', entry.key);
      if (current?.state !== 'queued') continue;
      await record(await send(current, Date.now()));
      notifyOfflineChange();
    }
  };
  if (typeof navigator !== 'undefined' && navigator.locks) await navigator.locks.request('assay-outbox', run);
  else await run();
}

let flushing: Promise<void> | null = null;
let forcedNext: Promise<void> | null = null;

/**
 * Sends every due report of this person (every waiting one with `force`), one at a time. One flush at
 * a time per tab, and across tabs (Web Locks) where the browser has them; the idempotency key covers
 * the rest. A forced flush asked for while another runs follows it, so "Send now" is never lost.
 */
export function flushOutbox(userId: string, options: { force?: boolean } = {}): Promise<void> {
  if (!flushing) {
    flushing = flushOnce(userId, options.force ?? false).finally(() => {
      flushing = null;
    });
    return flushing;
  }
  if (!options.force) return flushing;
  forcedNext ??= flushing
    .catch(() => undefined)
    .then(() => {
      forcedNext = null;
      return flushOutbox(userId, { force: true });
    });
  return forcedNext;
}

/** Flushes with force, waiting at most `ms`; the flush goes on in the background after that. */
export async function flushWithin(userId: string, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([flushOutbox(userId, { force: true }).catch(() => undefined), late]);
  clearTimeout(timer);
}
