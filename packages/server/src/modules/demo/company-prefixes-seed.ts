import type { Db } from '../../db/database.js';

/**
 * GS1 company prefixes of the demo rights holders (their demo GTINs carry them), so scanning an
 * unknown code with one of them tells the officer whose it claims to be: try
 * `/api/lookup/gtin/7038210099999` (Halvorsen Pharma) or `5012345999999` (Corvid Athletics).
 */
export const DEMO_COMPANY_PREFIXES = [
  { rightsHolder: 'Halvorsen Pharma AS', prefix: '7038210' },
  { rightsHolder: 'Corvid Athletics Ltd', prefix: '5012345' },
] as const;

export async function seedDemoCompanyPrefixes(trx: Db, organisationIds: Map<string, string>): Promise<void> {
  await trx
    .insertInto('company_prefixes')
    .values(
      DEMO_COMPANY_PREFIXES.map(({ rightsHolder, prefix }) => ({
        prefix,
        rights_holder_id: organisationIds.get(rightsHolder)!,
      })),
    )
    .execute();
}
