import {
  type Actor,
  type ContactBody,
  canSeeCompanyInformation,
  companyInformationAccess,
} from '@assay/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordActorAudit } from '../audit/queries.js';
import { loadViewer } from '../portfolio/queries.js';
import type { PortfolioService } from '../portfolio/service.js';
import { contactQuery, contactsForReader, toContactView } from './queries.js';

/** `%`, `_` and `\` stand for themselves in a LIKE pattern. */
const likePattern = (words: string) => `%${words.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * A rights holder's contacts (people to call, per country, languages, hours), and its company-level
 * information as every approved enforcement user sees it: company, brands, contacts.
 */
export function createContactService(deps: {
  db: Db;
  clock: Clock;
  portfolio: Pick<PortfolioService, 'managedRightsHolder'>;
}) {
  const { db, clock, portfolio } = deps;

  const audit = (
    trx: Db,
    actor: Actor,
    rightsHolderId: string,
    action: string,
    contactId: string,
    ip: string | null,
    details: Record<string, unknown> = {},
  ) => recordActorAudit(trx, actor, rightsHolderId, action, { type: 'contact', id: contactId }, ip, details);

  async function loadContact(executor: Db, rightsHolderId: string, contactId: string) {
    const row = await contactQuery(executor)
      .where('c.id', '=', contactId)
      .where('c.organisation_id', '=', rightsHolderId)
      .executeTakeFirst();
    if (!row) throw notFound('Contact');
    return toContactView(row);
  }

  async function brandsOf(rightsHolderIds: string[]) {
    if (!rightsHolderIds.length) return [];
    return db
      .selectFrom('brands')
      .select(['id', 'organisation_id', 'name', 'aliases', 'categories', 'logo_image_id'])
      .where('organisation_id', 'in', rightsHolderIds)
      .orderBy('name')
      .execute();
  }

  const companyColumns = ['o.id', 'o.name', 'o.country_code', 'o.website'] as const;
  const activeRightsHolders = () =>
    db
      .selectFrom('organisations as o')
      .select(companyColumns)
      .where('o.kind', '=', 'rights_holder')
      .where('o.status', '=', 'active');

  return {
    async contacts(actor: Actor, rightsHolderId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      const rows = await contactQuery(db)
        .where('c.organisation_id', '=', rightsHolderId)
        .orderBy('c.name')
        .orderBy('c.id')
        .execute();
      return rows.map(toContactView);
    },

    async contact(actor: Actor, rightsHolderId: string, contactId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return loadContact(db, rightsHolderId, contactId);
    },

    async saveContact(
      actor: Actor,
      rightsHolderId: string,
      contactId: string | null,
      body: ContactBody,
      ip: string | null,
    ) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return db.transaction().execute(async (trx) => {
        const values = {
          name: body.name,
          title: body.title,
          email: body.email,
          phone: body.phone,
          countries: body.countries,
          languages: body.languages,
          always_available: body.alwaysAvailable,
          hours: body.hours,
        };
        const row = contactId
          ? await trx
              .updateTable('contacts')
              .set(values)
              .where('id', '=', contactId)
              .where('organisation_id', '=', rightsHolderId)
              .returning('id')
              .executeTakeFirst()
          : await trx
              .insertInto('contacts')
              .values({ ...values, organisation_id: rightsHolderId, created_at: clock.now() })
              .returning('id')
              .executeTakeFirstOrThrow();
        if (!row) throw notFound('Contact');
        await audit(
          trx,
          actor,
          rightsHolderId,
          contactId ? 'contact.updated' : 'contact.created',
          row.id,
          ip,
          {
            name: body.name,
          },
        );
        return loadContact(trx, rightsHolderId, row.id);
      });
    },

    async deleteContact(actor: Actor, rightsHolderId: string, contactId: string, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('contacts')
          .where('id', '=', contactId)
          .where('organisation_id', '=', rightsHolderId)
          .returning(['id', 'name'])
          .executeTakeFirst();
        if (!row) throw notFound('Contact');
        await audit(trx, actor, rightsHolderId, 'contact.deleted', row.id, ip, { name: row.name });
      });
    },

    /**
     * Approved rights holders with their brands, for enforcement users (no share needed); `q`
     * matches the company name, a brand name or a brand alias. Anyone else: not found.
     */
    async companies(actor: Actor, filter: { q?: string | undefined }) {
      const viewer = await loadViewer(db, actor);
      if (!canSeeCompanyInformation(viewer)) throw notFound('Rights holder');
      let query = activeRightsHolders().orderBy('o.name').limit(500);
      if (filter.q) {
        const pattern = likePattern(filter.q);
        query = query.where((eb) =>
          eb.or([
            eb('o.name', 'ilike', pattern),
            eb.exists(
              eb
                .selectFrom('brands as b')
                .select('b.id')
                .whereRef('b.organisation_id', '=', 'o.id')
                .where((brand) =>
                  brand.or([
                    brand('b.name', 'ilike', pattern),
                    sql<boolean>`exists (select 1 from unnest(b.aliases) alias where alias ilike ${pattern})`,
                  ]),
                ),
            ),
          ]),
        );
      }
      const companies = await query.execute();
      const brands = await brandsOf(companies.map((company) => company.id));
      return companies.map((company) => ({
        id: company.id,
        name: company.name,
        countryCode: company.country_code,
        website: company.website,
        brands: brands
          .filter((brand) => brand.organisation_id === company.id)
          .map(({ id, name, aliases, categories, logo_image_id }) => ({
            id,
            name,
            aliases,
            categories,
            logoImageId: logo_image_id,
          })),
      }));
    },

    /**
     * One rights holder's company-level information — company, brands, contacts (those covering the
     * reader's country first) — for enforcement users and the rights holder's own side.
     */
    async company(actor: Actor, rightsHolderId: string) {
      const viewer = await loadViewer(db, actor);
      if (companyInformationAccess(viewer, rightsHolderId) === 'none') throw notFound('Rights holder');
      const company = await activeRightsHolders().where('o.id', '=', rightsHolderId).executeTakeFirst();
      if (!company) throw notFound('Rights holder');
      const [brands, contacts] = await Promise.all([
        brandsOf([company.id]),
        contactsForReader(db, company.id, viewer.countryCode),
      ]);
      return {
        id: company.id,
        name: company.name,
        countryCode: company.country_code,
        website: company.website,
        brands: brands.map(({ id, name, aliases, categories, logo_image_id }) => ({
          id,
          name,
          aliases,
          categories,
          logoImageId: logo_image_id,
        })),
        contacts,
      };
    },
  };
}

export type ContactService = ReturnType<typeof createContactService>;
