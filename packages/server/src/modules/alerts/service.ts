import {
  type Actor,
  type AlertBody,
  type AlertReading,
  type AlertView,
  alertReachesCountry,
  alertToRiskProfile,
  alertValidOn,
  canPublishAlerts,
  type InboxAlert,
  isEnforcementKind,
  pickText,
  type RiskProfile,
  readsAlerts,
  type TransportMode,
} from '@assay/core';
import type { Db } from '../../db/database.js';
import type { LocalisedJson } from '../../db/schema.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordActorAudit } from '../audit/queries.js';
import { sharedWith } from '../portfolio/queries.js';
import type { AlertBus } from './event-bus.js';
import {
  type AlertRecord,
  acknowledgements,
  alertQuery,
  dayOf,
  type Reader,
  reachesReader,
  unreadCount,
  validOn,
} from './queries.js';

const shown = (text: LocalisedJson, lang: string) => {
  const picked = pickText(text, lang);
  return { text: picked.text, language: picked.language, isReaderLanguage: picked.isReaderLanguage };
};

const iso = (moment: Date | null) => (moment ? moment.toISOString() : null);

/** The columns an alert body writes. */
function alertValues(body: AlertBody) {
  return {
    severity: body.severity,
    title: body.title,
    body: body.text,
    brand_ids: [...new Set(body.brandIds)],
    product_ids: [...new Set(body.productIds)],
    indicators: body.indicators,
    target_countries: [...new Set(body.targetCountries)],
    target_ports: [...new Set(body.targetPorts)],
    transport_modes: [...new Set(body.transportModes)],
    valid_from: body.validFrom,
    valid_to: body.validTo,
  };
}

/**
 * Alerts: rights holders and enforcement analysts write and publish them; officers of the
 * countries they target read and acknowledge them. Changes that reach inboxes are told to the
 * open streams through `bus` after they commit.
 */
export function createAlertService(deps: { db: Db; clock: Clock; bus: AlertBus }) {
  const { db, clock, bus } = deps;
  const today = () => dayOf(clock.now());

  /** The organisations whose alerts the actor manages; refuses anyone who may not publish. */
  async function managedOwners(executor: Db, actor: Actor): Promise<string[]> {
    if (!canPublishAlerts(actor.organisationKind, actor.roles))
      throw forbidden('Alerts are published by rights holders and enforcement analysts');
    if (actor.organisationKind !== 'legal_representative') return [actor.organisationId];
    const rows = await executor
      .selectFrom('representations')
      .select('rights_holder_id')
      .where('legal_representative_id', '=', actor.organisationId)
      .execute();
    return rows.map((row) => row.rights_holder_id);
  }

  /** The organisation a new alert belongs to: the actor's own, or the rights holder a firm names. */
  async function ownerFor(executor: Db, actor: Actor, rightsHolderId: string | null | undefined) {
    const owners = await managedOwners(executor, actor);
    if (actor.organisationKind === 'legal_representative') {
      if (!rightsHolderId) throw invalid('rightsHolderId', 'Say which rights holder you publish for');
      if (!owners.includes(rightsHolderId))
        throw invalid('rightsHolderId', 'You do not act for this rights holder');
      return rightsHolderId;
    }
    if (rightsHolderId && rightsHolderId !== actor.organisationId)
      throw invalid('rightsHolderId', 'You publish for your own organisation only');
    return actor.organisationId;
  }

  async function managedAlert(executor: Db, actor: Actor, alertId: string): Promise<AlertRecord> {
    const owners = await managedOwners(executor, actor);
    const row = owners.length
      ? await alertQuery(executor)
          .where('a.id', '=', alertId)
          .where('a.organisation_id', 'in', owners)
          .executeTakeFirst()
      : undefined;
    if (!row) throw notFound('Alert');
    return row;
  }

  async function readerOf(executor: Db, actor: Actor): Promise<Reader> {
    if (!readsAlerts(actor.organisationKind))
      throw forbidden('Alert inboxes are for enforcement organisations');
    const organisation = await executor
      .selectFrom('organisations')
      .select('country_code')
      .where('id', '=', actor.organisationId)
      .executeTakeFirstOrThrow();
    return {
      userId: actor.userId,
      organisationId: actor.organisationId,
      countryCode: organisation.country_code,
    };
  }

  /**
   * Brand and product ids an alert may name: a rights holder's own; for an enforcement
   * organisation, any approved rights holder's brand and the products shared with it.
   */
  async function checkSubjects(trx: Db, ownerId: string, enforcement: boolean, body: AlertBody) {
    const brandIds = [...new Set(body.brandIds)];
    if (brandIds.length) {
      let query = trx
        .selectFrom('brands as b')
        .innerJoin('organisations as o', 'o.id', 'b.organisation_id')
        .select('b.id')
        .where('b.id', 'in', brandIds);
      query = enforcement
        ? query.where('o.kind', '=', 'rights_holder').where('o.status', '=', 'active')
        : query.where('b.organisation_id', '=', ownerId);
      const known = new Set((await query.execute()).map((row) => row.id));
      const index = body.brandIds.findIndex((id) => !known.has(id));
      if (index >= 0) throw invalid(`brandIds.${index}`, 'No such brand you may name');
    }
    const productIds = [...new Set(body.productIds)];
    if (productIds.length) {
      const rows = enforcement
        ? await sharedWith(trx, { organisationId: ownerId, countryCode: await countryOf(trx, ownerId) })
            .where('p.id', 'in', productIds)
            .execute()
        : await trx
            .selectFrom('products')
            .select('id')
            .where('organisation_id', '=', ownerId)
            .where('id', 'in', productIds)
            .execute();
      const known = new Set(rows.map((row) => row.id));
      const index = body.productIds.findIndex((id) => !known.has(id));
      if (index >= 0) throw invalid(`productIds.${index}`, 'No such product you may name');
    }
  }

  async function countryOf(executor: Db, organisationId: string) {
    const row = await executor
      .selectFrom('organisations')
      .select('country_code')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow();
    return row.country_code;
  }

  async function namesOf(executor: Db, rows: readonly AlertRecord[], lang: string) {
    const brandIds = [...new Set(rows.flatMap((row) => row.brand_ids))];
    const productIds = [...new Set(rows.flatMap((row) => row.product_ids))];
    const brands = brandIds.length
      ? await executor.selectFrom('brands').select(['id', 'name']).where('id', 'in', brandIds).execute()
      : [];
    const products = productIds.length
      ? await executor
          .selectFrom('products')
          .select(['id', 'reference', 'name'])
          .where('id', 'in', productIds)
          .execute()
      : [];
    return {
      brands: new Map(brands.map((brand) => [brand.id, brand])),
      products: new Map(
        products.map((product) => [
          product.id,
          { id: product.id, reference: product.reference, name: pickText(product.name, lang).text },
        ]),
      ),
    };
  }

  async function publisherViews(
    executor: Db,
    rows: readonly AlertRecord[],
    lang: string,
  ): Promise<AlertView[]> {
    const names = await namesOf(executor, rows, lang);
    const acks = await acknowledgements(
      executor,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      status: row.status,
      severity: row.severity,
      owner: { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind },
      title: row.title,
      text: row.body,
      brands: row.brand_ids.flatMap((id) => names.brands.get(id) ?? []),
      products: row.product_ids.flatMap((id) => names.products.get(id) ?? []),
      indicators: row.indicators,
      targetCountries: row.target_countries,
      targetPorts: row.target_ports,
      transportModes: row.transport_modes as TransportMode[],
      validFrom: row.valid_from,
      validTo: row.valid_to,
      publishedAt: iso(row.published_at),
      withdrawnAt: iso(row.withdrawn_at),
      updatedAt: row.updated_at.toISOString(),
      acknowledgements: acks.get(row.id) ?? { organisations: 0, countries: 0, countryCodes: [] },
    }));
  }

  const publisherView = async (executor: Db, row: AlertRecord, lang: string) =>
    (await publisherViews(executor, [row], lang))[0]!;

  function inboxItem(
    row: AlertRecord & { read_at: Date | null; acknowledged_at: Date | null },
    lang: string,
  ): InboxAlert {
    return {
      id: row.id,
      severity: row.severity,
      title: shown(row.title, lang),
      publisher: { name: row.organisation_name, kind: row.organisation_kind },
      publishedAt: row.published_at!.toISOString(),
      validFrom: row.valid_from,
      validTo: row.valid_to,
      active: alertValidOn({ validFrom: row.valid_from, validTo: row.valid_to }, today()),
      read: row.read_at !== null,
      acknowledgedAt: iso(row.acknowledged_at),
    };
  }

  /** Alerts reaching the reader, with their reading of each. */
  const inboxQuery = (executor: Db, reader: Reader) =>
    alertQuery(executor)
      .leftJoin('alert_readings as r', (join) =>
        join.onRef('r.alert_id', '=', 'a.id').on('r.user_id', '=', reader.userId),
      )
      .select(['r.read_at', 'r.acknowledged_at'])
      .where((eb) => reachesReader(eb, reader));

  async function readableAlert(executor: Db, reader: Reader, alertId: string) {
    const row = await inboxQuery(executor, reader).where('a.id', '=', alertId).executeTakeFirst();
    if (!row) throw notFound('Alert');
    return row;
  }

  /**
   * Alerts as the reader reads them: the text, the brands, and the products whose guide the
   * reader's organisation may open (the others are left out).
   */
  async function readings(
    reader: Reader,
    rows: readonly (AlertRecord & { read_at: Date | null; acknowledged_at: Date | null })[],
    lang: string,
  ): Promise<AlertReading[]> {
    const productIds = [...new Set(rows.flatMap((row) => row.product_ids))];
    const products = productIds.length
      ? await sharedWith(db, reader).where('p.id', 'in', productIds).execute()
      : [];
    const openable = new Map(products.map((product) => [product.id, product]));
    const names = await namesOf(db, rows, lang);
    return rows.map((row) => ({
      ...inboxItem(row, lang),
      text: shown(row.body, lang),
      brands: row.brand_ids.flatMap((id) => names.brands.get(id) ?? []),
      products: row.product_ids.flatMap((id) => {
        const product = openable.get(id);
        return product
          ? [
              {
                id: product.id,
                reference: product.reference,
                name: shown(product.name, lang),
                brandName: product.brand_name,
              },
            ]
          : [];
      }),
      indicators: row.indicators,
      targetCountries: row.target_countries,
      targetPorts: row.target_ports,
      transportModes: row.transport_modes as TransportMode[],
    }));
  }

  async function audit(
    trx: Db,
    actor: Actor,
    row: { id: string; organisation_id: string },
    action: string,
    ip: string | null,
    details: Record<string, unknown> = {},
  ) {
    await recordActorAudit(
      trx,
      actor,
      row.organisation_id,
      action,
      { type: 'alert', id: row.id },
      ip,
      details,
    );
  }

  return {
    /** Brands and products the actor may name in an alert (for a firm: of the rights holder named). */
    async subjects(actor: Actor, rightsHolderId: string | undefined, lang: string) {
      const ownerId = await ownerFor(db, actor, rightsHolderId);
      if (isEnforcementKind(actor.organisationKind)) {
        const brands = await db
          .selectFrom('brands as b')
          .innerJoin('organisations as o', 'o.id', 'b.organisation_id')
          .select(['b.id', 'b.name'])
          .where('o.kind', '=', 'rights_holder')
          .where('o.status', '=', 'active')
          .orderBy('b.name')
          .limit(2000)
          .execute();
        const products = await sharedWith(db, {
          organisationId: ownerId,
          countryCode: await countryOf(db, ownerId),
        })
          .select('p.brand_id')
          .execute();
        return {
          brands,
          products: products.map((product) => ({
            id: product.id,
            reference: product.reference,
            name: pickText(product.name, lang).text,
            brandId: product.brand_id,
          })),
        };
      }
      const brands = await db
        .selectFrom('brands')
        .select(['id', 'name'])
        .where('organisation_id', '=', ownerId)
        .orderBy('name')
        .execute();
      const products = await db
        .selectFrom('products')
        .select(['id', 'reference', 'name', 'brand_id'])
        .where('organisation_id', '=', ownerId)
        .orderBy('reference')
        .limit(2000)
        .execute();
      return {
        brands,
        products: products.map((product) => ({
          id: product.id,
          reference: product.reference,
          name: pickText(product.name, lang).text,
          brandId: product.brand_id,
        })),
      };
    },

    /** The alerts of the organisations the actor publishes for, drafts included, newest first. */
    async list(actor: Actor, lang: string) {
      const owners = await managedOwners(db, actor);
      if (!owners.length) return [];
      const rows = await alertQuery(db)
        .where('a.organisation_id', 'in', owners)
        .orderBy('a.updated_at', 'desc')
        .limit(500)
        .execute();
      return publisherViews(db, rows, lang);
    },

    async get(actor: Actor, alertId: string, lang: string) {
      return publisherView(db, await managedAlert(db, actor, alertId), lang);
    },

    /** A new draft. */
    async create(actor: Actor, body: AlertBody, ip: string | null, lang: string) {
      return db.transaction().execute(async (trx) => {
        const ownerId = await ownerFor(trx, actor, body.rightsHolderId);
        await checkSubjects(trx, ownerId, isEnforcementKind(actor.organisationKind), body);
        const now = clock.now();
        const { id } = await trx
          .insertInto('alerts')
          .values({
            ...alertValues(body),
            organisation_id: ownerId,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit(trx, actor, { id, organisation_id: ownerId }, 'alert.created', ip, {
          severity: body.severity,
        });
        return publisherView(trx, await managedAlert(trx, actor, id), lang);
      });
    },

    /** Replace a draft or a published alert; a withdrawn one stays as it was. */
    async update(actor: Actor, alertId: string, body: AlertBody, ip: string | null, lang: string) {
      let targetsBefore: readonly string[] = [];
      const view = await db.transaction().execute(async (trx) => {
        const current = await managedAlert(trx, actor, alertId);
        targetsBefore = current.target_countries;
        if (body.rightsHolderId && body.rightsHolderId !== current.organisation_id)
          throw invalid('rightsHolderId', 'An alert stays with the organisation it was written for');
        if (current.status === 'withdrawn') throw conflict('A withdrawn alert cannot be changed');
        await checkSubjects(trx, current.organisation_id, isEnforcementKind(current.organisation_kind), body);
        await trx
          .updateTable('alerts')
          .set({ ...alertValues(body), updated_at: clock.now() })
          .where('id', '=', alertId)
          .execute();
        await audit(trx, actor, current, 'alert.updated', ip, { status: current.status });
        return publisherView(trx, await managedAlert(trx, actor, alertId), lang);
      });
      if (view.status === 'published')
        bus.emit({ type: 'changed', alertId, targets: [targetsBefore, body.targetCountries] });
      return view;
    },

    /** Send a draft to the inboxes of the countries it targets. */
    async publish(actor: Actor, alertId: string, ip: string | null, lang: string) {
      const view = await db.transaction().execute(async (trx) => {
        const current = await managedAlert(trx, actor, alertId);
        if (current.status !== 'draft') throw conflict(`This alert is already ${current.status}`);
        const now = clock.now();
        await trx
          .updateTable('alerts')
          .set({ status: 'published', published_at: now, updated_at: now })
          .where('id', '=', alertId)
          .execute();
        await audit(trx, actor, current, 'alert.published', ip, {
          targetCountries: current.target_countries,
        });
        return publisherView(trx, await managedAlert(trx, actor, alertId), lang);
      });
      bus.emit({ type: 'published', alertId });
      return view;
    },

    /** Take a published alert out of every inbox. */
    async withdraw(actor: Actor, alertId: string, ip: string | null, lang: string) {
      let targets: readonly string[] = [];
      const view = await db.transaction().execute(async (trx) => {
        const current = await managedAlert(trx, actor, alertId);
        targets = current.target_countries;
        if (current.status !== 'published') throw conflict('Only a published alert can be withdrawn');
        const now = clock.now();
        await trx
          .updateTable('alerts')
          .set({ status: 'withdrawn', withdrawn_at: now, updated_at: now })
          .where('id', '=', alertId)
          .execute();
        await audit(trx, actor, current, 'alert.withdrawn', ip);
        return publisherView(trx, await managedAlert(trx, actor, alertId), lang);
      });
      bus.emit({ type: 'changed', alertId, targets: [targets] });
      return view;
    },

    /**
     * The alert as a risk profile for the screening engine: for its publisher, and for the
     * analysts and national coordinators of the countries it reaches.
     */
    async rules(actor: Actor, alertId: string): Promise<RiskProfile> {
      let row: AlertRecord | undefined;
      if (readsAlerts(actor.organisationKind)) {
        if (!canPublishAlerts(actor.organisationKind, actor.roles))
          throw forbidden('Risk profiles are for analysts and national coordinators');
        const reader = await readerOf(db, actor);
        row = await alertQuery(db)
          .where('a.id', '=', alertId)
          .where((eb) =>
            eb.or([eb('a.organisation_id', '=', actor.organisationId), reachesReader(eb, reader)]),
          )
          .executeTakeFirst();
        if (!row) throw notFound('Alert');
      } else {
        row = await managedAlert(db, actor, alertId);
      }
      return alertToRiskProfile({
        id: row.id,
        ownerOrganisationId: row.organisation_id,
        title: row.title,
        indicators: row.indicators,
        targetCountries: row.target_countries,
        targetPorts: row.target_ports,
        transportModes: row.transport_modes,
        validFrom: row.valid_from,
        validTo: row.valid_to,
      });
    },

    readerOf: (actor: Actor) => readerOf(db, actor),

    /**
     * The reader's inbox: active alerts (or all not withdrawn), newest first, each complete enough to
     * be read from a copy kept offline; and the unread count.
     */
    async inbox(actor: Actor, filter: 'active' | 'all', lang: string) {
      const reader = await readerOf(db, actor);
      let query = inboxQuery(db, reader).orderBy('a.published_at', 'desc').limit(500);
      if (filter === 'active') query = query.where((eb) => validOn(eb, today()));
      const rows = await query.execute();
      return { alerts: await readings(reader, rows, lang), unread: await unreadCount(db, reader, today()) };
    },

    unread: async (reader: Reader) => unreadCount(db, reader, today()),

    /** A published alert, read once for every open stream it may concern. */
    publishedAlert: (alertId: string) =>
      alertQuery(db).where('a.id', '=', alertId).where('a.status', '=', 'published').executeTakeFirst(),

    /** How a just-published alert enters this reader's inbox (unread), or null when it does not today. */
    newInboxEntry(row: AlertRecord, reader: Reader, lang: string): InboxAlert | null {
      const reaches = alertReachesCountry(
        { status: row.status, targetCountries: row.target_countries },
        reader.countryCode,
      );
      if (!reaches || !alertValidOn({ validFrom: row.valid_from, validTo: row.valid_to }, today()))
        return null;
      return inboxItem({ ...row, read_at: null, acknowledged_at: null }, lang);
    },

    /** Open an alert: marks it read for this person. */
    async read(actor: Actor, alertId: string, lang: string): Promise<AlertReading> {
      const reader = await readerOf(db, actor);
      let row = await readableAlert(db, reader, alertId);
      if (!row.read_at) {
        await db
          .insertInto('alert_readings')
          .values({
            alert_id: alertId,
            user_id: reader.userId,
            organisation_id: reader.organisationId,
            read_at: clock.now(),
          })
          .onConflict((oc) => oc.columns(['alert_id', 'user_id']).doNothing())
          .execute();
        row = await readableAlert(db, reader, alertId);
        bus.emit({ type: 'read', userId: reader.userId });
      }
      return (await readings(reader, [row], lang))[0]!;
    },

    /** Say "I have seen this": once per person (the first time counts), which also marks it read. */
    async acknowledge(actor: Actor, alertId: string, ip: string | null) {
      const reader = await readerOf(db, actor);
      const acknowledgedAt = await db.transaction().execute(async (trx) => {
        const row = await readableAlert(trx, reader, alertId);
        if (row.acknowledged_at) return row.acknowledged_at;
        const now = clock.now();
        await trx
          .insertInto('alert_readings')
          .values({
            alert_id: alertId,
            user_id: reader.userId,
            organisation_id: reader.organisationId,
            read_at: now,
            acknowledged_at: now,
          })
          .onConflict((oc) => oc.columns(['alert_id', 'user_id']).doUpdateSet({ acknowledged_at: now }))
          .execute();
        await recordActorAudit(
          trx,
          actor,
          actor.organisationId,
          'alert.acknowledged',
          { type: 'alert', id: alertId },
          ip,
        );
        return now;
      });
      bus.emit({ type: 'read', userId: reader.userId });
      return { acknowledgedAt: acknowledgedAt.toISOString() };
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
