import { randomBytes } from 'node:crypto';
import type { Actor, WebhookBody, WebhookDeliveryView, WebhookView } from '@assay/core';
import { WEBHOOK_LIMITS } from '@assay/core';
import type { Db } from '../../db/database.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { recordActorAudit } from '../audit/queries.js';
import type { PortfolioService } from '../portfolio/service.js';
import { queueWebhookEvent } from './outbox.js';

const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * A rights holder's webhook (one per organisation): where events are posted, signed with a secret
 * shown once. Managed like the portfolio: by its members and its legal representatives.
 * `onQueued` asks the dispatcher for a round after a test event is committed.
 */
export function createWebhookService(deps: {
  db: Db;
  clock: Clock;
  portfolio: Pick<PortfolioService, 'managedRightsHolder'>;
  signingBox: SecretBox;
  /** In production a webhook must be https. */
  requireHttps: boolean;
  onQueued: () => void;
}) {
  const { db, clock, portfolio, signingBox } = deps;

  async function current(executor: Db, organisationId: string): Promise<WebhookView | null> {
    const row = await executor
      .selectFrom('webhook_endpoints as w')
      .select(['w.id', 'w.url', 'w.active', 'w.created_at'])
      .select((eb) =>
        eb
          .selectFrom('webhook_events as e')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('e.endpoint_id', '=', 'w.id')
          .where('e.status', '=', 'pending')
          .as('pending'),
      )
      .where('w.organisation_id', '=', organisationId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      url: row.url,
      active: row.active,
      pendingEvents: Number(row.pending ?? 0),
      createdAt: row.created_at.toISOString(),
    };
  }

  return {
    async get(actor: Actor, rightsHolderId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return { webhook: await current(db, rightsHolderId) };
    },

    /** Create or change the webhook; its signing secret is returned once, when it is created. */
    async save(actor: Actor, rightsHolderId: string, body: WebhookBody, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      if (deps.requireHttps && !body.url.startsWith('https://')) {
        throw invalid('url', 'The address must start with https://');
      }
      const secret = newSigningSecret();
      return db.transaction().execute(async (trx) => {
        // Saves of one organisation queue behind each other, so two first saves create one webhook.
        await trx
          .selectFrom('organisations')
          .select('id')
          .where('id', '=', rightsHolderId)
          .forUpdate()
          .execute();
        const existing = await trx
          .selectFrom('webhook_endpoints')
          .select('id')
          .where('organisation_id', '=', rightsHolderId)
          .executeTakeFirst();
        if (existing) {
          await trx
            .updateTable('webhook_endpoints')
            .set({ url: body.url, active: body.active })
            .where('id', '=', existing.id)
            .execute();
        } else {
          await trx
            .insertInto('webhook_endpoints')
            .values({
              organisation_id: rightsHolderId,
              url: body.url,
              active: body.active,
              signing_secret: signingBox.seal(secret),
              created_at: clock.now(),
            })
            .execute();
        }
        await recordActorAudit(
          trx,
          actor,
          rightsHolderId,
          existing ? 'webhook.changed' : 'webhook.created',
          { type: 'organisation', id: rightsHolderId },
          ip,
          { url: body.url, active: body.active },
        );
        const webhook = await current(trx, rightsHolderId);
        if (!webhook) throw notFound('Webhook');
        return { webhook, signingSecret: existing ? null : secret };
      });
    },

    /** Remove the webhook with its undelivered events and its delivery log. */
    async remove(actor: Actor, rightsHolderId: string, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      await db.transaction().execute(async (trx) => {
        const removed = await trx
          .deleteFrom('webhook_endpoints')
          .where('organisation_id', '=', rightsHolderId)
          .returning('url')
          .executeTakeFirst();
        if (!removed) throw notFound('Webhook');
        await recordActorAudit(
          trx,
          actor,
          rightsHolderId,
          'webhook.removed',
          { type: 'organisation', id: rightsHolderId },
          ip,
          { url: removed.url },
        );
      });
    },

    /** Queue a `test` event, delivered like any other (signed, retried, logged). */
    async sendTest(actor: Actor, rightsHolderId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      const webhook = await current(db, rightsHolderId);
      if (!webhook) throw notFound('Webhook');
      if (!webhook.active) throw conflict('The webhook is inactive: activate it to send a test event');
      const eventId = await db
        .transaction()
        .execute((trx) =>
          queueWebhookEvent(trx, rightsHolderId, 'test', { message: 'A test event from Assay' }, clock),
        );
      if (!eventId) throw conflict('The webhook is inactive: activate it to send a test event');
      deps.onQueued();
      return { eventId };
    },

    /** The latest delivery attempts, newest first. */
    async deliveries(actor: Actor, rightsHolderId: string): Promise<{ deliveries: WebhookDeliveryView[] }> {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      const rows = await db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
        .innerJoin('webhook_endpoints as w', 'w.id', 'e.endpoint_id')
        .select([
          'd.event_id',
          'd.at',
          'd.attempt',
          'd.http_status',
          'd.duration_ms',
          'd.outcome',
          'd.detail',
        ])
        .select(['e.type', 'e.status'])
        .where('w.organisation_id', '=', rightsHolderId)
        .orderBy('d.at', 'desc')
        .orderBy('d.attempt', 'desc')
        .limit(WEBHOOK_LIMITS.deliveriesShown)
        .execute();
      return {
        deliveries: rows.map((row) => ({
          eventId: row.event_id,
          eventType: row.type,
          at: row.at.toISOString(),
          outcome: row.outcome,
          httpStatus: row.http_status,
          durationMs: row.duration_ms,
          detail: row.detail,
          attempt: row.attempt,
          eventStatus: row.status,
        })),
      };
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
