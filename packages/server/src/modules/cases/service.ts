import {
  type Actor,
  type CaseView,
  isEnforcementKind,
  type OpenCaseBody,
  type PortfolioViewer,
  pickText,
} from '@assay/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { forbidden, invalid, notFound } from '../../http/errors.js';
import { runIdempotent } from '../../http/idempotency.js';
import type { Clock } from '../../lib/clock.js';
import { recordActorAudit } from '../audit/queries.js';
import { loadViewer, sharedWith } from '../portfolio/queries.js';
import { queueWebhookEvent } from '../webhooks/outbox.js';
import { caseQuery, caseReader, nextCaseReference, visibleCases } from './queries.js';

const OPENING_ROLES = ['officer', 'national_coordinator', 'analyst'] as const;

/** Whether the actor may report a suspect shipment: an officer, analyst or coordinator of an authority. */
export function mayOpenCases(actor: Actor): boolean {
  return (
    isEnforcementKind(actor.organisationKind) && OPENING_ROLES.some((role) => actor.roles.includes(role))
  );
}

/**
 * Suspect-shipment cases. An officer opens one from a guide, a scan, an alert or a screening hit;
 * the rights holders whose products are named see it. Opening is idempotent per user and key, so
 * an officer's phone can resend a report queued offline without creating it twice.
 */
export function createCaseService(deps: {
  db: Db;
  clock: Clock;
  /** Told after a commit that may have queued webhook events, so they go out at once. */
  onWebhookEvents?: () => void;
}) {
  const { db, clock } = deps;

  /** Products the officer may see, by id; a named product they may not see is refused at its path. */
  async function visibleProducts(trx: Db, viewer: PortfolioViewer, body: OpenCaseBody) {
    const named = [
      ...body.productIds.map((id, index) => ({ id, path: `productIds.${index}` })),
      ...body.goods.flatMap((line, index) =>
        line.productId ? [{ id: line.productId, path: `goods.${index}.productId` }] : [],
      ),
    ];
    if (!named.length) return new Map<string, { organisationId: string }>();
    const rows = await sharedWith(trx, viewer)
      .where(
        'p.id',
        'in',
        named.map((item) => item.id),
      )
      .execute();
    const found = new Map(rows.map((row) => [row.id, { organisationId: row.organisation_id }]));
    const missing = named.find((item) => !found.has(item.id));
    if (missing) throw invalid(missing.path, 'No such product in the guides you can see');
    return found;
  }

  /** A case may name an alert only from the officer's inbox: published, for their country or all. */
  async function checkAlertReaches(trx: Db, viewer: PortfolioViewer, alertId: string) {
    const alert = await trx
      .selectFrom('alerts')
      .select('id')
      .where('id', '=', alertId)
      .where('status', '=', 'published')
      .where((eb) =>
        eb.or([
          sql<boolean>`cardinality(target_countries) = 0`,
          sql<boolean>`${viewer.countryCode ?? ''} = any(target_countries)`,
        ]),
      )
      .executeTakeFirst();
    if (!alert) throw invalid('alertId', 'No such alert in your inbox');
  }

  return {
    mayOpenCases,

    async open(actor: Actor, body: OpenCaseBody, idempotencyKey: string, ip: string | null) {
      if (!mayOpenCases(actor)) throw forbidden('Only officers, analysts and coordinators open cases');
      const viewer = await loadViewer(db, actor);
      const countryCode = body.location.countryCode ?? viewer.countryCode;
      if (!countryCode) throw invalid('location.countryCode', 'Say in which country the goods are');
      const result = await runIdempotent(
        db,
        { userId: actor.userId, key: idempotencyKey, operation: 'cases.open', request: body },
        async (trx) => {
          const products = await visibleProducts(trx, viewer, body);
          if (body.alertId) await checkAlertReaches(trx, viewer, body.alertId);
          const now = clock.now();
          const reference = await nextCaseReference(trx, countryCode, now);
          const opened = await trx
            .insertInto('cases')
            .values({
              reference,
              organisation_id: actor.organisationId,
              opened_by: actor.userId,
              country_code: countryCode,
              office: body.location.office ?? null,
              locode: body.location.locode ?? null,
              source: body.source,
              scanned_code: body.scannedCode ?? null,
              alert_id: body.alertId ?? null,
              shipment: body.shipment,
              notes: body.notes ?? null,
              observed_at: body.observedAt ? new Date(body.observedAt) : null,
              created_at: now,
              updated_at: now,
            })
            .returning(['id', 'reference', 'status', 'created_at'])
            .executeTakeFirstOrThrow();
          // Products named without a goods line still belong to the case, not yet counted.
          const counted = new Set(body.goods.map((line) => line.productId).filter(Boolean));
          const lines = [
            ...body.goods.map((line) => ({
              product_id: line.productId ?? null,
              description: line.description,
              quantity: line.quantity,
            })),
            ...[...new Set(body.productIds)]
              .filter((id) => !counted.has(id))
              .map((id) => ({ product_id: id, description: null, quantity: null })),
          ];
          if (lines.length) {
            await trx
              .insertInto('case_goods')
              .values(
                lines.map((line, position) => ({
                  case_id: opened.id,
                  position,
                  ...line,
                  rights_holder_id: line.product_id
                    ? (products.get(line.product_id)?.organisationId ?? null)
                    : null,
                })),
              )
              .execute();
          }
          // Each rights holder of the goods hears of the case by webhook, with its own goods lines only.
          const holders = new Set(
            lines.flatMap((line) => {
              const holder = line.product_id ? products.get(line.product_id)?.organisationId : undefined;
              return holder ? [holder] : [];
            }),
          );
          for (const holder of holders) {
            await queueWebhookEvent(
              trx,
              holder,
              'case.opened',
              {
                caseId: opened.id,
                reference,
                countryCode,
                office: body.location.office ?? null,
                source: body.source,
                openedAt: opened.created_at.toISOString(),
                goods: lines
                  .filter(
                    (line) => line.product_id && products.get(line.product_id)?.organisationId === holder,
                  )
                  .map((line) => ({
                    productId: line.product_id,
                    description: line.description,
                    quantity: line.quantity,
                  })),
              },
              clock,
            );
          }
          await recordActorAudit(
            trx,
            actor,
            actor.organisationId,
            'case.opened',
            { type: 'case', id: opened.id },
            ip,
            { reference, source: body.source },
          );
          return {
            status: 201 as const,
            body: {
              id: opened.id,
              reference: opened.reference,
              status: opened.status,
              createdAt: opened.created_at.toISOString(),
            },
          };
        },
      );
      deps.onWebhookEvents?.();
      return result;
    },

    /** Cases the actor may see, newest first: their authority's, or those naming their products. */
    async list(actor: Actor, lang: string) {
      const viewer = await loadViewer(db, actor);
      const rows = await visibleCases(db, caseReader(viewer))
        .orderBy('c.created_at', 'desc')
        .limit(200)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        reference: row.reference,
        status: row.status,
        source: row.source,
        countryCode: row.country_code,
        createdAt: row.created_at.toISOString(),
        productNames: row.product_names.map((name) => pickText(name, lang).text),
      }));
    },

    async get(actor: Actor, caseId: string, lang: string): Promise<CaseView> {
      const viewer = await loadViewer(db, actor);
      const reader = caseReader(viewer);
      const row = await visibleCases(db, reader).where('c.id', '=', caseId).executeTakeFirst();
      if (!row) throw notFound('Case');
      const detail = await caseQuery(db, caseId, reader);
      const goods = detail.goods.map((line) => ({
        productId: line.product_id,
        productName: line.product_name ? pickText(line.product_name, lang).text : null,
        rightsHolderId: line.rights_holder_id,
        description: line.description,
        quantity: line.quantity,
      }));
      return {
        id: row.id,
        reference: row.reference,
        status: row.status,
        source: row.source,
        countryCode: row.country_code,
        createdAt: row.created_at.toISOString(),
        productNames: goods.flatMap((line) => (line.productName ? [line.productName] : [])),
        openedBy: { organisationId: detail.organisation_id, organisationName: detail.organisation_name },
        office: detail.office,
        locode: detail.locode,
        scannedCode: detail.scanned_code,
        alertId: detail.alert_id,
        observedAt: detail.observed_at?.toISOString() ?? null,
        shipment: detail.shipment,
        goods,
        notes: detail.notes,
      };
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
