import type { Db } from '../../db/database.js';

/** What an officer checks on the bench beside the guide: who may ship it, how, whom to call, which rights. */
const DEMO_GUIDE_RECORDS = {
  'Halvorsen Pharma AS': {
    supplyChain: [
      { role: 'manufacturer', name: 'Halvorsen Pharma AS', country: 'NO', eori: null },
      { role: 'exporter', name: 'Halvorsen Pharma Logistics AS', country: 'NO', eori: null },
      { role: 'importer', name: 'Pharmadis France SAS', country: 'FR', eori: 'FR12345678901234' },
      { role: 'distributor', name: 'Nairobi Medical Supplies Ltd', country: 'KE', eori: null },
    ],
    routes: [
      { origin: 'NO', transit: ['SE', 'DK', 'DE'], destination: 'FR', ports: [], mode: 'ROAD' },
      { origin: 'NO', transit: [], destination: 'KE', ports: ['NOOSL', 'KENBO'], mode: 'AIR' },
    ],
    contacts: [
      {
        name: 'Ingrid Solberg',
        title: 'Head of brand protection',
        email: 'brand.protection@halvorsen-pharma.example',
        phone: '+47 22 00 00 00',
        countries: [],
        languages: ['en', 'no', 'fr'],
        alwaysAvailable: true,
        hours: null,
      },
    ],
    rights: [
      {
        brand: 'Norvalin',
        type: 'trademark',
        number: '018000123',
        office: 'EUIPO',
        classes: [5],
        recordations: [
          { country: 'FR', reference: 'AFA-FR-2026-0412', status: 'granted', validTo: '2027-06-30' },
          { country: 'KE', reference: 'ACA-KE-2026-0077', status: 'filed', validTo: null },
        ],
      },
      {
        brand: 'Cardexa',
        type: 'trademark',
        number: '018000456',
        office: 'EUIPO',
        classes: [5],
        recordations: [
          { country: 'FR', reference: 'AFA-FR-2025-0988', status: 'expired', validTo: '2026-03-31' },
        ],
      },
    ],
  },
  'Corvid Athletics Ltd': {
    supplyChain: [
      { role: 'manufacturer', name: 'Saigon Footwear Works Co., Ltd', country: 'VN', eori: null },
      { role: 'exporter', name: 'Saigon Footwear Works Co., Ltd', country: 'VN', eori: null },
      { role: 'importer', name: 'Corvid Athletics Europe B.V.', country: 'NL', eori: 'NL123456789' },
      { role: 'carrier', name: 'Blue Meridian Shipping', country: 'SG', eori: null },
    ],
    routes: [
      { origin: 'VN', transit: ['SG'], destination: 'NL', ports: ['VNSGN', 'NLRTM'], mode: 'SEA' },
      { origin: 'VN', transit: [], destination: 'KE', ports: ['VNSGN', 'KEMBA'], mode: 'SEA' },
    ],
    contacts: [
      {
        name: 'Amélie Rousseau',
        title: 'Brand protection, France',
        email: 'protection.fr@corvid-athletics.example',
        phone: '+33 1 70 00 00 00',
        countries: ['FR'],
        languages: ['fr', 'en'],
        alwaysAvailable: false,
        hours: 'Mon–Fri 08:00–19:00 CET',
      },
      {
        name: 'Daniel Otieno',
        title: 'Brand protection, East Africa',
        email: 'protection.ke@corvid-athletics.example',
        phone: '+254 20 000 0000',
        countries: ['KE', 'TZ', 'UG'],
        languages: ['en', 'sw'],
        alwaysAvailable: false,
        hours: 'Mon–Sat 07:00–18:00 EAT',
      },
    ],
    rights: [
      {
        brand: 'Stridemark',
        type: 'trademark',
        number: 'UK00003456789',
        office: 'UKIPO',
        classes: [25],
        recordations: [],
      },
      {
        brand: 'Stridemark',
        type: 'trademark',
        number: '018000789',
        office: 'EUIPO',
        classes: [18, 25, 28],
        recordations: [
          { country: 'FR', reference: 'AFA-FR-2026-0233', status: 'granted', validTo: '2027-02-28' },
        ],
      },
    ],
  },
} as const;

/** Supply chain, routes, contacts, IP rights and customs recordations of the demo rights holders. */
export async function seedDemoGuideRecords(trx: Db, organisationIds: Map<string, string>): Promise<void> {
  for (const [owner, records] of Object.entries(DEMO_GUIDE_RECORDS)) {
    const organisationId = organisationIds.get(owner)!;
    await trx
      .insertInto('supply_chain_entries')
      .values(
        records.supplyChain.map((entry) => ({
          organisation_id: organisationId,
          product_id: null,
          role: entry.role,
          name: entry.name,
          country_code: entry.country,
          eori: entry.eori,
          tax_number: null,
          address: null,
        })),
      )
      .execute();
    await trx
      .insertInto('supply_routes')
      .values(
        records.routes.map((route) => ({
          organisation_id: organisationId,
          product_id: null,
          origin_country: route.origin,
          transit_countries: [...route.transit],
          destination_country: route.destination,
          ports: [...route.ports],
          transport_mode: route.mode,
        })),
      )
      .execute();
    await trx
      .insertInto('contacts')
      .values(
        records.contacts.map((contact) => ({
          organisation_id: organisationId,
          name: contact.name,
          title: contact.title,
          email: contact.email,
          phone: contact.phone,
          countries: [...contact.countries],
          languages: [...contact.languages],
          always_available: contact.alwaysAvailable,
          hours: contact.hours,
        })),
      )
      .execute();
    for (const right of records.rights) {
      const brand = await trx
        .selectFrom('brands')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('name', '=', right.brand)
        .executeTakeFirstOrThrow();
      const { id } = await trx
        .insertInto('ip_rights')
        .values({
          organisation_id: organisationId,
          brand_id: brand.id,
          type: right.type,
          registration_number: right.number,
          office: right.office,
          classes: [...right.classes],
          owner_name: owner,
          valid_from: '2019-01-15',
          valid_to: '2029-01-15',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const recordation of right.recordations) {
        await trx
          .insertInto('recordations')
          .values({
            organisation_id: organisationId,
            ip_right_id: id,
            country_code: recordation.country,
            reference: recordation.reference,
            status: recordation.status,
            valid_from: '2025-07-01',
            valid_to: recordation.validTo,
          })
          .execute();
      }
    }
  }
}
