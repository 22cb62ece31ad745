import type { EarlierVerification } from '@assay/core';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ConnectorDeliveryTable, VerificationTable } from '../../db/schema.js';

type VerificationRow = Insertable<VerificationTable> & { serial_hash: Buffer };
type DeliveryRow = Insertable<ConnectorDeliveryTable>;

interface Waiting {
  verification: VerificationRow;
  delivery: DeliveryRow | null;
  done: (error?: unknown) => void;
}

/** Rows per statement at most; a burst larger than this is written in several statements. */
const MAX_BATCH = 500;

/**
 * Writes verifications (and endpoint call logs) with group commit: the requests that arrive while
 * one write is under way are written together by the next, in one statement and one commit, and
 * each request answers only once its row is committed. Under load this turns hundreds of commits a
 * second into tens. Rows waiting to be written are visible to the clone rules through `pending`,
 * so two verifications of one serial in the same instant still see each other.
 */
export function createHistoryWriter(db: Db) {
  let queue: Waiting[] = [];
  let writing = false;
  const pending = new Map<string, EarlierVerification[]>();

  const key = (hash: Buffer) => hash.toString('hex');

  function forget(batch: Waiting[]) {
    for (const { verification } of batch) {
      const list = pending.get(key(verification.serial_hash));
      if (!list) continue;
      list.shift();
      if (list.length === 0) pending.delete(key(verification.serial_hash));
    }
  }

  async function insert(batch: Waiting[]) {
    const deliveries = batch.flatMap((entry) => (entry.delivery ? [entry.delivery] : []));
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('verifications')
        .values(batch.map((entry) => entry.verification))
        .execute();
      if (deliveries.length) await trx.insertInto('connector_deliveries').values(deliveries).execute();
    });
  }

  async function drain() {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      try {
        await insert(batch);
        for (const entry of batch) entry.done();
      } catch {
        // One bad row must not fail the others: write each on its own, reporting each outcome.
        for (const entry of batch) {
          try {
            await insert([entry]);
            entry.done();
          } catch (error) {
            entry.done(error);
          }
        }
      } finally {
        forget(batch);
      }
    }
    writing = false;
  }

  return {
    /** Resolves once the verification (and its call log) is committed. */
    write(verification: VerificationRow, delivery: DeliveryRow | null): Promise<void> {
      const earlier = pending.get(key(verification.serial_hash)) ?? [];
      earlier.push({
        country: verification.country_code,
        at: verification.verified_at as Date,
        organisationId: verification.organisation_id,
        verdict: verification.verdict,
      });
      pending.set(key(verification.serial_hash), earlier);
      return new Promise<void>((resolve, reject) => {
        queue.push({ verification, delivery, done: (error) => (error ? reject(error) : resolve()) });
        if (!writing) void drain();
      });
    },

    /** Verifications of this serial accepted but not yet committed. */
    pending(serialHash: Buffer): readonly EarlierVerification[] {
      return pending.get(key(serialHash)) ?? [];
    },
  };
}

export type HistoryWriter = ReturnType<typeof createHistoryWriter>;
