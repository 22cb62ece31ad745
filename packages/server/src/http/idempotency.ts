import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import { AppError } from './errors.js';

export interface IdempotentResult<T, S extends number> {
  status: S;
  body: T;
  /** True when the answer is the stored one of an earlier request with the same key. */
  replayed: boolean;
}

/** Same request, same hash: key order is the schema's, so the parsed body serialises stably. */
const hashOf = (request: unknown) => createHash('sha256').update(JSON.stringify(request)).digest('hex');

/**
 * Runs a write once per (user, key). The key row is inserted in the write's own transaction, so a
 * concurrent retry waits on it and then finds the stored answer; a failed write leaves no key behind
 * and may be retried. The same key with another request or operation is refused.
 */
export async function runIdempotent<T, S extends number>(
  db: Db,
  ticket: { userId: string; key: string; operation: string; request: unknown },
  write: (trx: Db) => Promise<{ status: S; body: T }>,
): Promise<IdempotentResult<T, S>> {
  const requestHash = hashOf(ticket.request);
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({
        user_id: ticket.userId,
        key: ticket.key,
        operation: ticket.operation,
        request_hash: requestHash,
      })
      .onConflict((conflict) => conflict.columns(['user_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const earlier = await trx
        .selectFrom('idempotency_keys')
        .select(['operation', 'request_hash', 'status_code', 'response'])
        .where('user_id', '=', ticket.userId)
        .where('key', '=', ticket.key)
        .executeTakeFirstOrThrow();
      if (earlier.operation !== ticket.operation || earlier.request_hash !== requestHash) {
        throw new AppError(
          409,
          'idempotency_key_reused',
          'This Idempotency-Key was already used for a different request; use a new key',
        );
      }
      // Only a completed write stores its key (it commits with it), so the status is always there.
      return { status: earlier.status_code as S, body: earlier.response as T, replayed: true };
    }
    const result = await write(trx);
    await trx
      .updateTable('idempotency_keys')
      .set({ status_code: result.status, response: result.body })
      .where('user_id', '=', ticket.userId)
      .where('key', '=', ticket.key)
      .execute();
    return { ...result, replayed: false };
  });
}

/** How long a key answers a retry: a phone offline over a long weekend still gets its case back. */
export const IDEMPOTENCY_KEY_DAYS = 30;

/** Forget keys older than {@link IDEMPOTENCY_KEY_DAYS}; returns how many. */
export async function forgetOldIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_DAYS * 24 * 3600 * 1000);
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
