import { randomBytes } from 'node:crypto';
import type { Actor, ConnectorBody, ConnectorView, PackState, VerificationPolicyBody } from '@assay/core';
import { CONNECTOR_LIMITS, isEnforcementKind, PACK_STATES } from '@assay/core';
import type { Db } from '../../db/database.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { recordActorAudit } from '../audit/queries.js';
import { requireOwned } from '../portfolio/queries.js';
import type { PortfolioService } from '../portfolio/service.js';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** What a rights holder allows when it has never set a policy: every approved authority, 600 an hour each. */
export const DEFAULT_VERIFICATION_POLICY: VerificationPolicyBody = {
  authorities: 'all',
  organisationIds: [],
  countries: [],
  ratePerHour: CONNECTOR_LIMITS.ratePerHourDefault,
};

const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * The connectors a rights holder sets up (per brand or per product), its verification policy and
 * the delivery log of its endpoint. Managed like the portfolio: by the rights holder's members and
 * its legal representatives. `onChange` lets the verifier drop what it cached.
 */
export function createConnectorService(deps: {
  db: Db;
  clock: Clock;
  portfolio: Pick<PortfolioService, 'managedRightsHolder'>;
  signingBox: SecretBox;
  /** Outside development an endpoint must be https. */
  requireHttps: boolean;
  onChange: () => void;
  circuitState: (connectorId: string) => 'closed' | 'open' | 'half_open';
}) {
  const { db, clock, portfolio, signingBox, onChange } = deps;

  const selectConnectors = (executor: Db, rightsHolderId: string) =>
    executor
      .selectFrom('authentication_connectors as c')
      .leftJoin('brands as b', 'b.id', 'c.brand_id')
      .leftJoin('products as p', 'p.id', 'c.product_id')
      .selectAll('c')
      .select(['b.name as brand_name', 'p.name as product_name'])
      .where('c.rights_holder_id', '=', rightsHolderId)
      .orderBy('c.created_at');
  type Row = Awaited<ReturnType<ReturnType<typeof selectConnectors>['execute']>>[number];

  const view = (row: Row): ConnectorView => ({
    id: row.id,
    rightsHolderId: row.rights_holder_id,
    kind: row.kind,
    name: row.name,
    brandId: row.brand_id,
    brandName: row.brand_name,
    productId: row.product_id,
    productName: row.product_name ? (row.product_name.texts[row.product_name.original] ?? null) : null,
    active: row.active,
    url: row.url,
    timeoutMs: row.timeout_ms,
    circuit: row.kind === 'endpoint' ? deps.circuitState(row.id) : null,
    serials:
      row.kind === 'registry'
        ? (Object.fromEntries(PACK_STATES.map((state) => [state, row.serial_counts[state] ?? 0])) as Record<
            PackState,
            number
          >)
        : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  });

  async function connectorRow(executor: Db, rightsHolderId: string, connectorId: string): Promise<Row> {
    const row = await selectConnectors(executor, rightsHolderId)
      .where('c.id', '=', connectorId)
      .executeTakeFirst();
    if (!row) throw notFound('Connector');
    return row;
  }

  /** The brand or product must be the rights holder's own. */
  async function checkTarget(executor: Db, rightsHolderId: string, body: ConnectorBody) {
    if (body.brandId) await requireOwned(executor, 'brands', body.brandId, rightsHolderId, 'brandId');
    if (body.productId) await requireOwned(executor, 'products', body.productId, rightsHolderId, 'productId');
    if (body.kind !== 'registry' && deps.requireHttps && !body.url.startsWith('https://')) {
      throw invalid('url', 'The address must start with https://');
    }
  }

  const oneActivePer = (body: ConnectorBody) =>
    conflict(
      `This ${body.brandId ? 'brand' : 'product'} already has an active connector: deactivate it first`,
      [{ path: body.brandId ? 'brandId' : 'productId', message: 'Already has an active connector' }],
    );

  const columns = (body: ConnectorBody) => ({
    kind: body.kind,
    name: body.name,
    brand_id: body.brandId,
    product_id: body.productId,
    active: body.active,
    url: body.kind === 'registry' ? null : body.url,
    timeout_ms: body.kind === 'endpoint' ? body.timeoutMs : null,
  });

  return {
    async list(actor: Actor, rightsHolderId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return { connectors: (await selectConnectors(db, rightsHolderId).execute()).map(view) };
    },

    async get(actor: Actor, rightsHolderId: string, connectorId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return view(await connectorRow(db, rightsHolderId, connectorId));
    },

    /** Creates a connector; an endpoint's signing secret is returned this once. */
    async create(actor: Actor, rightsHolderId: string, body: ConnectorBody, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      const signingSecret = body.kind === 'endpoint' ? newSigningSecret() : null;
      try {
        const connector = await db.transaction().execute(async (trx) => {
          await checkTarget(trx, rightsHolderId, body);
          const { id } = await trx
            .insertInto('authentication_connectors')
            .values({
              ...columns(body),
              rights_holder_id: rightsHolderId,
              signing_secret: signingSecret ? signingBox.seal(signingSecret) : null,
              created_at: clock.now(),
              updated_at: clock.now(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await recordActorAudit(
            trx,
            actor,
            rightsHolderId,
            'connector.created',
            { type: 'connector', id },
            ip,
            {
              kind: body.kind,
              name: body.name,
            },
          );
          return view(await connectorRow(trx, rightsHolderId, id));
        });
        onChange();
        return { connector, signingSecret };
      } catch (error) {
        if (isUniqueViolation(error)) throw oneActivePer(body);
        throw error;
      }
    },

    /** Replaces the settings; the kind stays (a registry's serials belong to it). */
    async update(
      actor: Actor,
      rightsHolderId: string,
      connectorId: string,
      body: ConnectorBody,
      ip: string | null,
    ) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      try {
        const connector = await db.transaction().execute(async (trx) => {
          const before = await connectorRow(trx, rightsHolderId, connectorId);
          if (before.kind !== body.kind) throw invalid('kind', 'The kind of a connector cannot change');
          await checkTarget(trx, rightsHolderId, body);
          await trx
            .updateTable('authentication_connectors')
            .set({ ...columns(body), updated_at: clock.now() })
            .where('id', '=', connectorId)
            .execute();
          await recordActorAudit(
            trx,
            actor,
            rightsHolderId,
            'connector.changed',
            { type: 'connector', id: connectorId },
            ip,
            { active: body.active, ...(body.kind === 'registry' ? {} : { url: body.url }) },
          );
          return view(await connectorRow(trx, rightsHolderId, connectorId));
        });
        onChange();
        return connector;
      } catch (error) {
        if (isUniqueViolation(error)) throw oneActivePer(body);
        throw error;
      }
    },

    /** Removes a connector with its registered serials; its verification history stays. */
    async remove(actor: Actor, rightsHolderId: string, connectorId: string, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      await db.transaction().execute(async (trx) => {
        const before = await connectorRow(trx, rightsHolderId, connectorId);
        await trx.deleteFrom('authentication_connectors').where('id', '=', connectorId).execute();
        await recordActorAudit(
          trx,
          actor,
          rightsHolderId,
          'connector.deleted',
          { type: 'connector', id: connectorId },
          ip,
          {
            kind: before.kind,
            name: before.name,
          },
        );
      });
      onChange();
    },

    async rotateSecret(actor: Actor, rightsHolderId: string, connectorId: string, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      const signingSecret = newSigningSecret();
      await db.transaction().execute(async (trx) => {
        const before = await connectorRow(trx, rightsHolderId, connectorId);
        if (before.kind !== 'endpoint')
          throw invalid('connectorId', 'Only an endpoint connector has a signing secret');
        await trx
          .updateTable('authentication_connectors')
          .set({ signing_secret: signingBox.seal(signingSecret), updated_at: clock.now() })
          .where('id', '=', connectorId)
          .execute();
        await recordActorAudit(
          trx,
          actor,
          rightsHolderId,
          'connector.secret_rotated',
          { type: 'connector', id: connectorId },
          ip,
        );
      });
      onChange();
      return { signingSecret };
    },

    async policy(actor: Actor, rightsHolderId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return policyView(db, await loadPolicy(db, rightsHolderId));
    },

    async setPolicy(actor: Actor, rightsHolderId: string, body: VerificationPolicyBody, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      const organisationIds = [...new Set(body.organisationIds)];
      const countries = [...new Set(body.countries)];
      const policy = await db.transaction().execute(async (trx) => {
        if (organisationIds.length) {
          const known = await trx
            .selectFrom('organisations')
            .select(['id', 'kind'])
            .where('id', 'in', organisationIds)
            .where('status', '=', 'active')
            .execute();
          const index = organisationIds.findIndex(
            (id) => !known.some((row) => row.id === id && isEnforcementKind(row.kind)),
          );
          if (index >= 0)
            throw invalid(`organisationIds.${index}`, 'Not an approved enforcement organisation');
        }
        const row = {
          authorities: body.authorities,
          organisation_ids: organisationIds,
          countries,
          rate_per_hour: body.ratePerHour,
          updated_at: clock.now(),
        };
        await trx
          .insertInto('verification_policies')
          .values({ rights_holder_id: rightsHolderId, ...row })
          .onConflict((oc) => oc.column('rights_holder_id').doUpdateSet(row))
          .execute();
        await recordActorAudit(
          trx,
          actor,
          rightsHolderId,
          'verification_policy.changed',
          { type: 'organisation', id: rightsHolderId },
          ip,
          { authorities: body.authorities, organisationIds, countries, ratePerHour: body.ratePerHour },
        );
        return { ...body, organisationIds, countries };
      });
      onChange();
      return policyView(db, policy);
    },

    async deliveries(actor: Actor, rightsHolderId: string, connectorId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      await connectorRow(db, rightsHolderId, connectorId);
      const rows = await db
        .selectFrom('connector_deliveries')
        .selectAll()
        .where('connector_id', '=', connectorId)
        .orderBy('at', 'desc')
        .limit(100)
        .execute();
      return {
        deliveries: rows.map((row) => ({
          id: row.id,
          at: row.at.toISOString(),
          outcome: row.outcome,
          httpStatus: row.http_status,
          durationMs: row.duration_ms,
          detail: row.detail,
          test: row.test,
        })),
      };
    },
  };
}

export type ConnectorService = ReturnType<typeof createConnectorService>;

export async function loadPolicy(db: Db, rightsHolderId: string): Promise<VerificationPolicyBody> {
  const row = await db
    .selectFrom('verification_policies')
    .selectAll()
    .where('rights_holder_id', '=', rightsHolderId)
    .executeTakeFirst();
  if (!row) return DEFAULT_VERIFICATION_POLICY;
  return {
    authorities: row.authorities,
    organisationIds: row.organisation_ids,
    countries: row.countries,
    ratePerHour: row.rate_per_hour,
  };
}

/** The policy with the listed organisations' names, for the form. */
async function policyView(db: Db, policy: VerificationPolicyBody) {
  const organisations = policy.organisationIds.length
    ? await db
        .selectFrom('organisations')
        .select(['id', 'name', 'country_code'])
        .where('id', 'in', policy.organisationIds)
        .orderBy('name')
        .execute()
    : [];
  return {
    ...policy,
    organisations: organisations.map((row) => ({
      id: row.id,
      name: row.name,
      countryCode: row.country_code,
    })),
  };
}
