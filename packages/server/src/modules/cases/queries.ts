import type { PortfolioViewer } from '@assay/core';
import { isEnforcementKind } from '@assay/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LocalisedJson } from '../../db/schema.js';

/**
 * The next readable reference for a case in a country and year, e.g. FR-2026-000012. The counter
 * row is locked by the update until the case's transaction ends, so numbers are never reused.
 */
export async function nextCaseReference(trx: Db, countryCode: string, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const row = await trx
    .insertInto('case_counters')
    .values({ country_code: countryCode, year, last_number: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['country_code', 'year'])
        .doUpdateSet({ last_number: sql<number>`case_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `${countryCode}-${year}-${String(row.last_number).padStart(6, '0')}`;
}

/**
 * What of cases a viewer reads: an authority the cases it opened, whole; a rights holder (or a legal
 * representative for those it acts for) the cases naming its products, and of their goods only its
 * own lines — another rights holder's products and quantities in the same shipment are not its business.
 */
export interface CaseReader {
  opener: string | null;
  rightsHolders: string[];
}

export function caseReader(viewer: PortfolioViewer): CaseReader {
  return {
    opener: isEnforcementKind(viewer.organisationKind) ? viewer.organisationId : null,
    rightsHolders:
      viewer.organisationKind === 'rights_holder'
        ? [viewer.organisationId]
        : viewer.organisationKind === 'legal_representative'
          ? [...(viewer.representedRightsHolderIds ?? [])]
          : [],
  };
}

/** Goods lines of case `c` the reader may see, as a condition on `g` (all of them for the opener). */
function readableGoods(reader: CaseReader) {
  if (reader.opener) return sql<boolean>`c.organisation_id = ${reader.opener}`;
  if (!reader.rightsHolders.length) return sql<boolean>`false`;
  return sql<boolean>`g.rights_holder_id in (${sql.join(reader.rightsHolders)})`;
}

/** Cases the reader may see; nobody else sees any. */
export function visibleCases(db: Db, reader: CaseReader) {
  return db
    .selectFrom('cases as c')
    .select([
      'c.id',
      'c.reference',
      'c.status',
      'c.source',
      'c.country_code',
      'c.created_at',
      sql<LocalisedJson[]>`coalesce((
        select array_agg(p.name order by g.position) from case_goods g
        join products p on p.id = g.product_id
        where g.case_id = c.id and ${readableGoods(reader)}), '{}')`.as('product_names'),
    ])
    .where((eb) =>
      eb.or([
        reader.opener ? eb('c.organisation_id', '=', reader.opener) : eb.val(false),
        reader.rightsHolders.length
          ? eb.exists(
              eb
                .selectFrom('case_goods as g')
                .select('g.case_id')
                .whereRef('g.case_id', '=', 'c.id')
                .where('g.rights_holder_id', 'in', reader.rightsHolders),
            )
          : eb.val(false),
      ]),
    );
}

/** One case with who opened it and the goods lines the reader may see (product names in every language). */
export async function caseQuery(db: Db, caseId: string, reader: CaseReader) {
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .selectAll('c')
    .select('o.name as organisation_name')
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const goods = await db
    .selectFrom('case_goods as g')
    .leftJoin('products as p', 'p.id', 'g.product_id')
    .select(['g.product_id', 'g.rights_holder_id', 'g.description', 'g.quantity', 'p.name as product_name'])
    .innerJoin('cases as c', 'c.id', 'g.case_id')
    .where('g.case_id', '=', caseId)
    .where(readableGoods(reader))
    .orderBy('g.position')
    .execute();
  return { ...row, goods };
}
