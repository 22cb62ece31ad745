import { describe, expect, it } from 'vitest';
import { ENFORCEMENT_KINDS, ORGANISATION_KINDS, type OrganisationKind } from './kinds.js';
import { invalidRoleFor, memberApproverRole, ROLES, requiresTwoFactor, rolesAllowedFor } from './roles.js';

const NON_ENFORCEMENT_KINDS: OrganisationKind[] = [
  'platform_operator',
  'rights_holder',
  'legal_representative',
  'industry_association',
];

describe('roles a member may hold', () => {
  it.each(['rights_holder', 'legal_representative', 'industry_association', 'platform_operator'] as const)(
    'refuses enforcement-only roles in a %s organisation',
    (kind) => {
      expect(rolesAllowedFor(kind)).toEqual(['admin', 'member']);
      expect(invalidRoleFor(kind, ['officer'])).toBe('officer');
      expect(invalidRoleFor(kind, ['analyst'])).toBe('analyst');
      expect(invalidRoleFor(kind, ['national_coordinator'])).toBe('national_coordinator');
    },
  );

  it('names the first role that is not allowed, after any allowed ones', () => {
    expect(invalidRoleFor('rights_holder', ['admin', 'member', 'analyst', 'officer'])).toBe('analyst');
  });

  it('accepts admin and member in a rights holder organisation', () => {
    expect(invalidRoleFor('rights_holder', ['admin', 'member'])).toBeNull();
  });

  it.each(ENFORCEMENT_KINDS)('allows every role in a %s organisation', (kind) => {
    expect(rolesAllowedFor(kind)).toEqual([...ROLES]);
    expect(invalidRoleFor(kind, [...ROLES])).toBeNull();
  });
});

describe('who approves a new member', () => {
  it.each(ENFORCEMENT_KINDS)('is the national coordinator in %s', (kind) => {
    expect(memberApproverRole(kind)).toBe('national_coordinator');
  });

  it.each(NON_ENFORCEMENT_KINDS)('is the organisation admin in %s', (kind) => {
    expect(memberApproverRole(kind)).toBe('admin');
  });

  it('covers every organisation kind', () => {
    expect([...ENFORCEMENT_KINDS, ...NON_ENFORCEMENT_KINDS].sort()).toEqual([...ORGANISATION_KINDS].sort());
  });
});

describe('who must sign in with two factors', () => {
  it.each(ENFORCEMENT_KINDS)('every %s user, even a plain member', (kind) => {
    expect(requiresTwoFactor(kind, ['member'])).toBe(true);
    expect(requiresTwoFactor(kind, ['officer'])).toBe(true);
    expect(requiresTwoFactor(kind, ['analyst'])).toBe(true);
  });

  it('every platform operator user, even without the admin role', () => {
    expect(requiresTwoFactor('platform_operator', ['member'])).toBe(true);
  });

  it.each(['rights_holder', 'legal_representative', 'industry_association'] as const)(
    'a %s admin but not a plain member',
    (kind) => {
      expect(requiresTwoFactor(kind, ['admin'])).toBe(true);
      expect(requiresTwoFactor(kind, ['member', 'admin'])).toBe(true);
      expect(requiresTwoFactor(kind, ['member'])).toBe(false);
    },
  );
});
