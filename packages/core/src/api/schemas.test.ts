import { describe, expect, it } from 'vitest';
import { REGISTRABLE_KINDS } from '../organisations/kinds.js';
import { apiTokenBody } from './api-tokens.js';
import { countryCode, email, errorBody, LIMITS } from './common.js';
import { invitationBody, joinRequestBody, registrationBody } from './organisations.js';
import { signInBody } from './session.js';

const validRegistration = () => ({
  organisation: { name: 'Douane de test', kind: 'customs', countryCode: 'FR' },
  admin: {
    name: 'Camille Martin',
    email: 'camille@douane.example',
    password: 'a long enough password',
    locale: 'fr',
  },
});

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => issue.path.join('.'));
}

describe('registration', () => {
  it('accepts a complete enforcement registration', () => {
    expect(registrationBody.safeParse(validRegistration()).success).toBe(true);
  });

  it('refuses an enforcement organisation without a country, pointing at organisation.countryCode', () => {
    const body = validRegistration();
    delete (body.organisation as { countryCode?: string }).countryCode;
    expect(issuesOf(registrationBody.safeParse(body))).toEqual(['organisation.countryCode']);
  });

  it.each(['customs', 'police', 'other_enforcement'])('requires a country of a %s organisation', (kind) => {
    const body = validRegistration();
    body.organisation = { name: 'Some authority', kind, countryCode: undefined as unknown as string };
    expect(issuesOf(registrationBody.safeParse(body))).toContain('organisation.countryCode');
  });

  it('lets a rights holder register without a country', () => {
    const body = validRegistration();
    body.organisation = { name: 'Maison Exemple', kind: 'rights_holder' } as typeof body.organisation;
    expect(registrationBody.safeParse(body).success).toBe(true);
  });

  it('upper-cases and checks the country code', () => {
    const body = validRegistration();
    body.organisation.countryCode = ' fr ';
    expect(registrationBody.parse(body).organisation.countryCode).toBe('FR');
    body.organisation.countryCode = 'XX';
    expect(issuesOf(registrationBody.safeParse(body))).toEqual(['organisation.countryCode']);
  });

  it('trims and lower-cases the admin email', () => {
    const body = validRegistration();
    body.admin.email = '  Camille.Martin@Douane.EXAMPLE ';
    expect(registrationBody.parse(body).admin.email).toBe('camille.martin@douane.example');
  });

  it('refuses a malformed admin email at admin.email', () => {
    const body = validRegistration();
    body.admin.email = 'not-an-email';
    expect(issuesOf(registrationBody.safeParse(body))).toEqual(['admin.email']);
  });

  it(`refuses a password shorter than ${LIMITS.passwordMin} characters`, () => {
    const body = validRegistration();
    body.admin.password = 'x'.repeat(LIMITS.passwordMin - 1);
    expect(issuesOf(registrationBody.safeParse(body))).toEqual(['admin.password']);
    body.admin.password = 'x'.repeat(LIMITS.passwordMin);
    expect(registrationBody.safeParse(body).success).toBe(true);
  });

  it('refuses an unknown organisation kind', () => {
    const body = validRegistration();
    body.organisation.kind = 'pirate_ship';
    expect(issuesOf(registrationBody.safeParse(body))).toContain('organisation.kind');
  });

  it('refuses to register a platform operator', () => {
    const body = validRegistration();
    body.organisation = { name: 'Another operator', kind: 'platform_operator' } as typeof body.organisation;
    expect(issuesOf(registrationBody.safeParse(body))).toContain('organisation.kind');
    expect(REGISTRABLE_KINDS).not.toContain('platform_operator');
  });

  it('refuses an unsupported language for the admin', () => {
    const body = validRegistration();
    body.admin.locale = 'de';
    expect(issuesOf(registrationBody.safeParse(body))).toEqual(['admin.locale']);
  });

  it('refuses a blank organisation name', () => {
    const body = validRegistration();
    body.organisation.name = '   ';
    expect(issuesOf(registrationBody.safeParse(body))).toEqual(['organisation.name']);
  });
});

describe('shared fields', () => {
  it('refuses an email longer than the limit', () => {
    expect(email.safeParse(`${'a'.repeat(LIMITS.emailMax)}@example.test`).success).toBe(false);
  });

  it('accepts a country code in any case but only an assigned one', () => {
    expect(countryCode.parse('de')).toBe('DE');
    expect(countryCode.safeParse('').success).toBe(false);
    expect(countryCode.safeParse('XX').success).toBe(false);
  });

  it('lower-cases the email used to sign in, so sign-in is case-insensitive', () => {
    expect(signInBody.parse({ email: 'Someone@Example.TEST', password: 'x' }).email).toBe(
      'someone@example.test',
    );
  });
});

describe('join requests and invitations', () => {
  const join = {
    organisationId: '5b0c4d2c-0a1e-4f51-9d8e-2d7d2c3a1b10',
    name: 'Officer Dupont',
    email: 'dupont@douane.example',
    password: 'a long enough password',
    locale: 'fr',
    roles: ['officer'],
  };

  it('does not let someone ask to join as admin or national coordinator', () => {
    expect(joinRequestBody.safeParse(join).success).toBe(true);
    expect(issuesOf(joinRequestBody.safeParse({ ...join, roles: ['admin'] }))).toEqual(['roles.0']);
    expect(issuesOf(joinRequestBody.safeParse({ ...join, roles: ['national_coordinator'] }))).toEqual([
      'roles.0',
    ]);
  });

  it('requires at least one role on an invitation', () => {
    expect(issuesOf(invitationBody.safeParse({ email: 'x@example.test', roles: [], locale: 'en' }))).toEqual([
      'roles',
    ]);
  });
});

describe('API token requests', () => {
  it('accepts only the known read scopes', () => {
    expect(apiTokenBody.safeParse({ name: 'ERP', scopes: ['members:read'] }).success).toBe(true);
    expect(issuesOf(apiTokenBody.safeParse({ name: 'ERP', scopes: ['members:write'] }))).toEqual([
      'scopes.0',
    ]);
    expect(issuesOf(apiTokenBody.safeParse({ name: 'ERP', scopes: [] }))).toEqual(['scopes']);
  });
});

describe('error body', () => {
  it('accepts only declared error codes', () => {
    expect(errorBody.safeParse({ error: { code: 'not_found', message: 'x' } }).success).toBe(true);
    expect(errorBody.safeParse({ error: { code: 'teapot', message: 'x' } }).success).toBe(false);
  });
});
