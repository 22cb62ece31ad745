import type { Db } from '../../db/database.js';

export function contactQuery(db: Db) {
  return db
    .selectFrom('contacts as c')
    .select([
      'c.id',
      'c.organisation_id',
      'c.name',
      'c.title',
      'c.email',
      'c.phone',
      'c.countries',
      'c.languages',
      'c.always_available',
      'c.hours',
    ]);
}

export type ContactRecord = Awaited<ReturnType<ReturnType<typeof contactQuery>['executeTakeFirstOrThrow']>>;

export function toContactView(row: ContactRecord) {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    countries: row.countries,
    languages: row.languages,
    alwaysAvailable: row.always_available,
    hours: row.hours,
  };
}

/**
 * A rights holder's contacts for a reader in `countryCode`: those covering that country by name
 * first, then worldwide ones (no countries), then the rest; by name within each group.
 */
export async function contactsForReader(db: Db, rightsHolderId: string, countryCode: string | null) {
  const rows = await contactQuery(db)
    .where('c.organisation_id', '=', rightsHolderId)
    .orderBy('c.name')
    .execute();
  const rank = (row: ContactRecord) =>
    countryCode && row.countries.includes(countryCode) ? 0 : row.countries.length === 0 ? 1 : 2;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index)
    .map(({ row }) => ({
      ...toContactView(row),
      coversYourCountry: countryCode !== null && row.countries.includes(countryCode),
    }));
}
