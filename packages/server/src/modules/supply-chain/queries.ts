import type { TransportMode } from '@assay/core';
import type { Db } from '../../db/database.js';

export function entryQuery(db: Db) {
  return db
    .selectFrom('supply_chain_entries as e')
    .leftJoin('products as p', 'p.id', 'e.product_id')
    .select([
      'e.id',
      'e.organisation_id',
      'e.product_id',
      'p.reference as product_reference',
      'e.role',
      'e.name',
      'e.country_code',
      'e.eori',
      'e.tax_number',
      'e.address',
    ]);
}

export type EntryRecord = Awaited<ReturnType<ReturnType<typeof entryQuery>['executeTakeFirstOrThrow']>>;

export function routeQuery(db: Db) {
  return db
    .selectFrom('supply_routes as r')
    .leftJoin('products as p', 'p.id', 'r.product_id')
    .select([
      'r.id',
      'r.organisation_id',
      'r.product_id',
      'p.reference as product_reference',
      'r.origin_country',
      'r.transit_countries',
      'r.destination_country',
      'r.ports',
      'r.carriers',
      'r.transport_mode',
    ]);
}

export type RouteRecord = Awaited<ReturnType<ReturnType<typeof routeQuery>['executeTakeFirstOrThrow']>>;

function entryFields(row: EntryRecord) {
  return {
    id: row.id,
    role: row.role,
    name: row.name,
    countryCode: row.country_code,
    eori: row.eori,
    taxNumber: row.tax_number,
    address: row.address,
  };
}

function routeFields(row: RouteRecord) {
  return {
    id: row.id,
    originCountry: row.origin_country,
    transitCountries: row.transit_countries,
    destinationCountry: row.destination_country,
    ports: row.ports,
    carriers: row.carriers,
    transportMode: row.transport_mode as TransportMode | null,
  };
}

const productOf = (row: { product_id: string | null; product_reference: string | null }) =>
  row.product_id ? { id: row.product_id, reference: row.product_reference ?? '' } : null;

export const toEntryView = (row: EntryRecord) => ({ ...entryFields(row), product: productOf(row) });
export const toRouteView = (row: RouteRecord) => ({ ...routeFields(row), product: productOf(row) });

/**
 * The legitimate supply chain that applies to one product, for its guide: entries and routes of the
 * product first, then those of the whole portfolio (no product).
 */
export async function supplyChainForGuide(db: Db, product: { organisationId: string; productId: string }) {
  const [entries, routes] = await Promise.all([
    entryQuery(db)
      .where('e.organisation_id', '=', product.organisationId)
      .where((eb) => eb.or([eb('e.product_id', '=', product.productId), eb('e.product_id', 'is', null)]))
      .orderBy('e.role')
      .orderBy('e.name')
      .execute(),
    routeQuery(db)
      .where('r.organisation_id', '=', product.organisationId)
      .where((eb) => eb.or([eb('r.product_id', '=', product.productId), eb('r.product_id', 'is', null)]))
      .orderBy('r.origin_country')
      .orderBy('r.destination_country')
      .execute(),
  ]);
  const specificFirst = <T extends { productSpecific: boolean }>(rows: T[]) =>
    [...rows].sort((a, b) => Number(b.productSpecific) - Number(a.productSpecific));
  return {
    entries: specificFirst(
      entries.map((row) => ({ ...entryFields(row), productSpecific: row.product_id !== null })),
    ),
    routes: specificFirst(
      routes.map((row) => ({ ...routeFields(row), productSpecific: row.product_id !== null })),
    ),
  };
}
