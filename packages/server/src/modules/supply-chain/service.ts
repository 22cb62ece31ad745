import type { Actor, SupplyChainEntryBody, SupplyRouteBody } from '@assay/core';
import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordActorAudit } from '../audit/queries.js';
import { requireOwned } from '../portfolio/queries.js';
import type { PortfolioService } from '../portfolio/service.js';
import { entryQuery, routeQuery, toEntryView, toRouteView } from './queries.js';
import { checkSpreadsheet, readSpreadsheet } from './spreadsheet.js';

/** Rows per insert statement when importing. */
const INSERT_BATCH = 500;

/**
 * The legitimate supply chain of a rights holder: companies (manufacturers, exporters, importers,
 * distributors, licensees, carriers) and usual routes, each for one product or for the portfolio.
 */
export function createSupplyChainService(deps: {
  db: Db;
  clock: Clock;
  portfolio: Pick<PortfolioService, 'managedRightsHolder'>;
}) {
  const { db, clock, portfolio } = deps;

  const audit = recordActorAudit;

  async function checkProduct(trx: Db, rightsHolderId: string, productId: string | null | undefined) {
    if (productId) await requireOwned(trx, 'products', productId, rightsHolderId, 'productId');
  }

  const entryRow = (rightsHolderId: string, body: SupplyChainEntryBody) => ({
    organisation_id: rightsHolderId,
    product_id: body.productId ?? null,
    role: body.role,
    name: body.name,
    country_code: body.countryCode,
    eori: body.eori,
    tax_number: body.taxNumber,
    address: body.address,
  });

  const routeRow = (rightsHolderId: string, body: SupplyRouteBody) => ({
    organisation_id: rightsHolderId,
    product_id: body.productId ?? null,
    origin_country: body.originCountry,
    transit_countries: body.transitCountries,
    destination_country: body.destinationCountry,
    ports: body.ports,
    carriers: body.carriers,
    transport_mode: body.transportMode ?? null,
  });

  async function loadEntry(executor: Db, rightsHolderId: string, entryId: string) {
    const row = await entryQuery(executor)
      .where('e.id', '=', entryId)
      .where('e.organisation_id', '=', rightsHolderId)
      .executeTakeFirst();
    if (!row) throw notFound('Supply-chain entry');
    return toEntryView(row);
  }

  async function loadRoute(executor: Db, rightsHolderId: string, routeId: string) {
    const row = await routeQuery(executor)
      .where('r.id', '=', routeId)
      .where('r.organisation_id', '=', rightsHolderId)
      .executeTakeFirst();
    if (!row) throw notFound('Supply route');
    return toRouteView(row);
  }

  return {
    async entries(actor: Actor, rightsHolderId: string, filter: { productId?: string | undefined }) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      let query = entryQuery(db)
        .where('e.organisation_id', '=', rightsHolderId)
        .orderBy('e.role')
        .orderBy('e.name')
        .orderBy('e.id');
      if (filter.productId) query = query.where('e.product_id', '=', filter.productId);
      return (await query.execute()).map(toEntryView);
    },

    async entry(actor: Actor, rightsHolderId: string, entryId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return loadEntry(db, rightsHolderId, entryId);
    },

    async saveEntry(
      actor: Actor,
      rightsHolderId: string,
      entryId: string | null,
      body: SupplyChainEntryBody,
      ip: string | null,
    ) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return db.transaction().execute(async (trx) => {
        await checkProduct(trx, rightsHolderId, body.productId);
        const values = entryRow(rightsHolderId, body);
        const row = entryId
          ? await trx
              .updateTable('supply_chain_entries')
              .set(values)
              .where('id', '=', entryId)
              .where('organisation_id', '=', rightsHolderId)
              .returning('id')
              .executeTakeFirst()
          : await trx
              .insertInto('supply_chain_entries')
              .values({ ...values, created_at: clock.now() })
              .returning('id')
              .executeTakeFirstOrThrow();
        if (!row) throw notFound('Supply-chain entry');
        await audit(
          trx,
          actor,
          rightsHolderId,
          entryId ? 'supply_chain_entry.updated' : 'supply_chain_entry.created',
          { type: 'supply_chain_entry', id: row.id },
          ip,
          { role: body.role, name: body.name },
        );
        return loadEntry(trx, rightsHolderId, row.id);
      });
    },

    async deleteEntry(actor: Actor, rightsHolderId: string, entryId: string, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('supply_chain_entries')
          .where('id', '=', entryId)
          .where('organisation_id', '=', rightsHolderId)
          .returning(['id', 'role', 'name'])
          .executeTakeFirst();
        if (!row) throw notFound('Supply-chain entry');
        await audit(
          trx,
          actor,
          rightsHolderId,
          'supply_chain_entry.deleted',
          { type: 'supply_chain_entry', id: row.id },
          ip,
          { role: row.role, name: row.name },
        );
      });
    },

    async routes(actor: Actor, rightsHolderId: string, filter: { productId?: string | undefined }) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      let query = routeQuery(db)
        .where('r.organisation_id', '=', rightsHolderId)
        .orderBy('r.origin_country')
        .orderBy('r.destination_country')
        .orderBy('r.id');
      if (filter.productId) query = query.where('r.product_id', '=', filter.productId);
      return (await query.execute()).map(toRouteView);
    },

    async route(actor: Actor, rightsHolderId: string, routeId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return loadRoute(db, rightsHolderId, routeId);
    },

    async saveRoute(
      actor: Actor,
      rightsHolderId: string,
      routeId: string | null,
      body: SupplyRouteBody,
      ip: string | null,
    ) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return db.transaction().execute(async (trx) => {
        await checkProduct(trx, rightsHolderId, body.productId);
        const values = routeRow(rightsHolderId, body);
        const row = routeId
          ? await trx
              .updateTable('supply_routes')
              .set(values)
              .where('id', '=', routeId)
              .where('organisation_id', '=', rightsHolderId)
              .returning('id')
              .executeTakeFirst()
          : await trx.insertInto('supply_routes').values(values).returning('id').executeTakeFirstOrThrow();
        if (!row) throw notFound('Supply route');
        await audit(
          trx,
          actor,
          rightsHolderId,
          routeId ? 'supply_route.updated' : 'supply_route.created',
          { type: 'supply_route', id: row.id },
          ip,
          { originCountry: body.originCountry, destinationCountry: body.destinationCountry },
        );
        return loadRoute(trx, rightsHolderId, row.id);
      });
    },

    async deleteRoute(actor: Actor, rightsHolderId: string, routeId: string, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('supply_routes')
          .where('id', '=', routeId)
          .where('organisation_id', '=', rightsHolderId)
          .returning('id')
          .executeTakeFirst();
        if (!row) throw notFound('Supply route');
        await audit(
          trx,
          actor,
          rightsHolderId,
          'supply_route.deleted',
          { type: 'supply_route', id: row.id },
          ip,
        );
      });
    },

    /**
     * Import a CSV or XLSX file in one transaction: every row is checked first, and any bad row
     * refuses the whole file with a report of each (sheet, line, column, reason). With `replace`,
     * the entries and/or routes the file holds replace the existing ones.
     */
    async importFile(
      actor: Actor,
      rightsHolderId: string,
      file: Buffer,
      replace: boolean,
      ip: string | null,
    ) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      const upload = await readSpreadsheet(file);
      return db.transaction().execute(async (trx) => {
        const products = await trx
          .selectFrom('products')
          .select(['id', 'reference'])
          .where('organisation_id', '=', rightsHolderId)
          .execute();
        const checked = checkSpreadsheet(upload, new Map(products.map((row) => [row.reference, row.id])));
        if (checked.issues.length)
          throw new AppError(
            400,
            'validation_failed',
            `The file has ${checked.issues.length === 1 ? 'a problem' : 'problems'}: nothing was imported`,
            checked.issues,
          );
        if (replace && checked.kinds.includes('entries'))
          await trx
            .deleteFrom('supply_chain_entries')
            .where('organisation_id', '=', rightsHolderId)
            .execute();
        if (replace && checked.kinds.includes('routes'))
          await trx.deleteFrom('supply_routes').where('organisation_id', '=', rightsHolderId).execute();
        for (let start = 0; start < checked.entries.length; start += INSERT_BATCH) {
          await trx
            .insertInto('supply_chain_entries')
            .values(
              checked.entries
                .slice(start, start + INSERT_BATCH)
                .map((body) => ({ ...entryRow(rightsHolderId, body), created_at: clock.now() })),
            )
            .execute();
        }
        for (let start = 0; start < checked.routes.length; start += INSERT_BATCH) {
          await trx
            .insertInto('supply_routes')
            .values(
              checked.routes.slice(start, start + INSERT_BATCH).map((body) => routeRow(rightsHolderId, body)),
            )
            .execute();
        }
        const counts = { entries: checked.entries.length, routes: checked.routes.length, replaced: replace };
        await audit(
          trx,
          actor,
          rightsHolderId,
          'supply_chain.imported',
          { type: 'organisation', id: rightsHolderId },
          ip,
          { ...counts, format: checked.format },
        );
        return counts;
      });
    },
  };
}

export type SupplyChainService = ReturnType<typeof createSupplyChainService>;
