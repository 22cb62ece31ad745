import { randomBytes } from 'node:crypto';
import type { Locale, OrganisationKind, Role } from '@assay/core';
import type { AppContext } from '../app-context.js';
import type { MembershipStatus } from '../db/schema.js';
import { loadAppSecret } from '../lib/app-secret.js';
import { createSecretBox } from '../lib/secret-box.js';
import { hashPassword } from '../modules/identity/passwords.js';
import { currentTotpCode, newTotpSecret } from '../modules/identity/totp.js';
import type { TestClient } from './test-app.js';

const unique = () => randomBytes(4).toString('hex');

export async function makeOrganisation(
  ctx: AppContext,
  options: {
    kind?: OrganisationKind;
    countryCode?: string | null;
    status?: 'active' | 'pending' | 'rejected';
    name?: string;
  } = {},
) {
  const kind = options.kind ?? 'rights_holder';
  const enforcement = kind === 'customs' || kind === 'police' || kind === 'other_enforcement';
  return ctx.db
    .insertInto('organisations')
    .values({
      name: options.name ?? `Test ${kind} ${unique()}`,
      kind,
      country_code: options.countryCode === undefined ? (enforcement ? 'FR' : null) : options.countryCode,
      website: null,
      status: options.status ?? 'active',
    })
    .returning(['id', 'name', 'kind'])
    .executeTakeFirstOrThrow();
}

let passwordHash: Promise<string> | null = null;
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  totpSecret: string | null;
  organisationId: string;
}

/** A person in an organisation; `twoFactor: true` enrols TOTP with a known secret. */
export async function makeUser(
  ctx: AppContext,
  organisationId: string,
  options: {
    roles?: Role[];
    status?: MembershipStatus;
    twoFactor?: boolean;
    locale?: Locale;
    email?: string;
  } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const totpSecret = options.twoFactor ? newTotpSecret() : null;
  const box = createSecretBox(
    await loadAppSecret(ctx.config.secrets.appSecret, ctx.config.db.dataDir),
    'totp',
  );
  const email = options.email ?? `person-${unique()}@example.test`;
  const user = await ctx.db
    .insertInto('users')
    .values({
      email,
      name: `Person ${email.split('@')[0]}`,
      password_hash: await passwordHash,
      locale: options.locale ?? 'en',
      totp_secret: totpSecret ? box.seal(totpSecret) : null,
      totp_enabled_at: totpSecret ? new Date('2026-01-01T00:00:00Z') : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('memberships')
    .values({
      user_id: user.id,
      organisation_id: organisationId,
      roles: options.roles ?? ['member'],
      status: options.status ?? 'active',
    })
    .execute();
  return { id: user.id, email, password: TEST_PASSWORD, totpSecret, organisationId };
}

/** Sign a client in all the way (password, then TOTP when enrolled). */
export async function signIn(client: TestClient, ctx: AppContext, user: TestUser): Promise<void> {
  const first = await client.post('/api/session', { email: user.email, password: user.password });
  if (first.statusCode !== 200) throw new Error(`sign-in failed: ${first.statusCode} ${first.body}`);
  if (first.json().stage === 'two_factor_required') {
    if (!user.totpSecret) throw new Error('user has no TOTP secret');
    // A TOTP code is accepted once: step past the last one a previous sign-in may have used.
    if ('advance' in ctx.clock) (ctx.clock as { advance(seconds: number): void }).advance(30);
    const second = await client.post('/api/session/two-factor', {
      code: currentTotpCode(user.totpSecret, ctx.clock.now()),
    });
    if (second.statusCode !== 200) throw new Error(`2FA failed: ${second.statusCode} ${second.body}`);
  }
}

/** Messages in the outbox to one address, newest first. */
export function mailTo(ctx: AppContext, to: string) {
  return ctx.db
    .selectFrom('mail_outbox')
    .select(['template', 'subject', 'text_body', 'status', 'locale'])
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .execute();
}

export function linkFrom(text: string | null, path: string): string {
  const match = text?.match(new RegExp(`https://assay\\.test${path}[^\\s]*`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[0].replace('https://assay.test', '');
}
