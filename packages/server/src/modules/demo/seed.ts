import type { OrganisationKind, Role } from '@assay/core';
import type { Db } from '../../db/database.js';
import type { MembershipStatus } from '../../db/schema.js';
import type { SecretBox } from '../../lib/secret-box.js';
import type { BlobStorage } from '../../lib/storage.js';
import { recordAudit } from '../audit/queries.js';
import type { SerialHasher } from '../authentication/serial-hash.js';
import { hashPassword } from '../identity/passwords.js';
import { seedDemoAlerts } from './alerts-seed.js';
import { seedDemoAuthentication } from './authentication-seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountKey } from './demo-accounts.js';
import { seedDemoGuideRecords } from './guide-records-seed.js';
import { seedDemoPortfolio } from './portfolio-seed.js';

interface DemoOrganisation {
  name: string;
  kind: OrganisationKind;
  countryCode: string | null;
  website?: string;
  status: 'active' | 'pending';
  brands?: string[];
  members: { account: DemoAccountKey; roles: Role[]; status?: MembershipStatus; note?: string }[];
}

/** Fictional organisations; the countries are real. */
const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    name: 'Assay Platform Operations',
    kind: 'platform_operator',
    countryCode: null,
    status: 'active',
    members: [{ account: 'operator', roles: ['admin'] }],
  },
  {
    name: 'Demo Customs Administration — France',
    kind: 'customs',
    countryCode: 'FR',
    status: 'active',
    members: [
      { account: 'customsFrCoordinator', roles: ['admin', 'national_coordinator'] },
      { account: 'customsFrOfficer', roles: ['officer'] },
      {
        account: 'customsFrAnalyst',
        roles: ['analyst'],
        status: 'pending',
        note: 'Risk analysis unit, Le Havre port (FRLEH)',
      },
    ],
  },
  {
    name: 'Demo Customs Administration — Kenya',
    kind: 'customs',
    countryCode: 'KE',
    status: 'active',
    members: [
      { account: 'customsKeCoordinator', roles: ['admin', 'national_coordinator'] },
      { account: 'customsKeOfficer', roles: ['officer'] },
    ],
  },
  {
    name: 'Demo Police IP Crime Unit — France',
    kind: 'police',
    countryCode: 'FR',
    status: 'active',
    members: [{ account: 'policeFrOfficer', roles: ['admin', 'national_coordinator', 'officer'] }],
  },
  {
    name: 'Halvorsen Pharma AS',
    kind: 'rights_holder',
    countryCode: 'NO',
    website: 'https://halvorsen-pharma.example',
    status: 'active',
    brands: ['Norvalin', 'Cardexa', 'Pulmistat'],
    members: [
      { account: 'pharmaAdmin', roles: ['admin'] },
      { account: 'pharmaMember', roles: ['member'] },
    ],
  },
  {
    name: 'Corvid Athletics Ltd',
    kind: 'rights_holder',
    countryCode: 'GB',
    website: 'https://corvid-athletics.example',
    status: 'active',
    brands: ['Corvid', 'Stridemark', 'CVX Pro'],
    members: [{ account: 'sportswearAdmin', roles: ['admin'] }],
  },
  {
    name: 'Marchetti & Lund IP Attorneys',
    kind: 'legal_representative',
    countryCode: 'IT',
    status: 'active',
    members: [{ account: 'lawFirmAdmin', roles: ['admin'] }],
  },
  {
    name: 'Aurelio Leather House S.p.A.',
    kind: 'rights_holder',
    countryCode: 'IT',
    status: 'pending',
    brands: ['Aurelio'],
    members: [{ account: 'pendingApplicantAdmin', roles: ['admin'] }],
  },
];

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Write the demo organisations, people (2FA pre-enrolled) and brands in one transaction. */
export async function seedDemoData(
  db: Db,
  secrets: { totpBox: SecretBox; serialHasher: SerialHasher },
  storage: BlobStorage,
): Promise<void> {
  const { totpBox } = secrets;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const organisationIds = new Map<string, string>();
    for (const org of DEMO_ORGANISATIONS) {
      const { id } = await trx
        .insertInto('organisations')
        .values({
          name: org.name,
          kind: org.kind,
          country_code: org.countryCode,
          website: org.website ?? null,
          status: org.status,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      organisationIds.set(org.name, id);
      for (const member of org.members) {
        const account = DEMO_ACCOUNTS[member.account];
        const user = await trx
          .insertInto('users')
          .values({
            email: account.email,
            name: account.name,
            password_hash: passwordHash,
            locale: org.countryCode === 'FR' ? 'fr' : 'en',
            totp_secret: account.totpSecret ? totpBox.seal(account.totpSecret) : null,
            totp_enabled_at: account.totpSecret ? new Date() : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('memberships')
          .values({
            user_id: user.id,
            organisation_id: id,
            roles: member.roles,
            status: member.status ?? 'active',
            note: member.note ?? null,
          })
          .execute();
      }
      for (const brand of org.brands ?? []) {
        await trx.insertInto('brands').values({ organisation_id: id, name: brand }).execute();
      }
    }
    await seedDemoPortfolio(trx, storage, organisationIds);
    await seedDemoGuideRecords(trx, organisationIds);
    await seedDemoAlerts(trx, organisationIds);
    await seedDemoAuthentication(trx, organisationIds, secrets.serialHasher);
    await recordAudit(trx, {
      action: 'platform.demo_seeded',
      details: { organisations: DEMO_ORGANISATIONS.length },
    });
  });
}

/** The sign-in table printed at start-up. */
export function demoAccountsTable(): string {
  const rows = Object.values(DEMO_ACCOUNTS).map(
    (account) => `  ${account.email.padEnd(44)} ${account.totpSecret ?? '(no 2FA yet)'}`,
  );
  return [
    `Demo accounts (password for all: ${DEMO_PASSWORD})`,
    `  ${'email'.padEnd(44)} TOTP secret (add it to an authenticator app, or run: npm run assay -- totp <secret>)`,
    ...rows,
  ].join('\n');
}
