import type { Db } from '../../db/database.js';
import { contactsForReader } from '../contacts/queries.js';
import { ipRightsForGuide } from '../ip-rights/queries.js';
import { supplyChainForGuide } from './queries.js';

/**
 * What a product guide adds from the rest of the portfolio, for a reader in `countryCode`: the
 * supply chain that applies (the product's own and the portfolio-wide one), the contacts (those
 * covering the reader's country first) and the IP rights of the brand or the whole company, each
 * with its recordation in the reader's country. Only ever called once product access is granted.
 */
export async function guideRecords(
  db: Db,
  product: { organisationId: string; productId: string; brandId: string },
  countryCode: string | null,
) {
  const [supplyChain, contacts, ipRights] = await Promise.all([
    supplyChainForGuide(db, product),
    contactsForReader(db, product.organisationId, countryCode),
    ipRightsForGuide(db, product, countryCode),
  ]);
  return { supplyChain, contacts, ipRights };
}
