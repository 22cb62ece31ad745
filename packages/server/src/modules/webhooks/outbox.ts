import type { Db } from '../../db/database.js';
import { type Clock, systemClock } from '../../lib/clock.js';

/**
 * Queue an event for the organisation's webhook inside the caller's transaction, so the event
 * exists exactly when the change it reports does. Nothing is queued without an active webhook.
 * Returns the event id, or null when nothing was queued.
 */
export async function queueWebhookEvent(
  trx: Db,
  organisationId: string,
  type: string,
  payload: Record<string, unknown>,
  /** The caller's clock, so a test clock's events are due on that clock. */
  clock: Clock = systemClock,
): Promise<string | null> {
  const endpoint = await trx
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!endpoint) return null;
  const now = clock.now();
  const { id } = await trx
    .insertInto('webhook_events')
    .values({ endpoint_id: endpoint.id, type, payload, created_at: now, next_attempt_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
