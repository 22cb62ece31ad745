import { describe, expect, it } from 'vitest';
import type { OrganisationKind } from './kinds.js';
import { type Actor, can, PERMISSIONS, type Permission, permissionsOf } from './permissions.js';
import type { Role } from './roles.js';

const actor = (organisationKind: OrganisationKind, roles: Role[]): Actor => ({
  userId: '00000000-0000-4000-8000-000000000001',
  organisationId: '00000000-0000-4000-8000-000000000002',
  organisationKind,
  roles,
});

/** Expected permissions of each kind × roles pair; anything not listed must be refused. */
const TABLE: [OrganisationKind, Role[], Permission[]][] = [
  // Rights holders and their peers: the admin runs everything in the organisation.
  [
    'rights_holder',
    ['admin'],
    [
      'members.read',
      'members.invite',
      'members.approve',
      'members.manage',
      'audit.read',
      'api_tokens.manage',
    ],
  ],
  ['rights_holder', ['member'], []],
  [
    'legal_representative',
    ['admin'],
    [
      'members.read',
      'members.invite',
      'members.approve',
      'members.manage',
      'audit.read',
      'api_tokens.manage',
    ],
  ],
  ['legal_representative', ['member'], []],
  [
    'industry_association',
    ['admin'],
    [
      'members.read',
      'members.invite',
      'members.approve',
      'members.manage',
      'audit.read',
      'api_tokens.manage',
    ],
  ],
  ['industry_association', ['member'], []],
  // Enforcement: the national coordinator vets members; the admin manages but does not approve.
  [
    'customs',
    ['admin'],
    ['members.read', 'members.invite', 'members.manage', 'audit.read', 'api_tokens.manage'],
  ],
  [
    'customs',
    ['national_coordinator'],
    ['members.read', 'members.invite', 'members.approve', 'members.manage'],
  ],
  [
    'customs',
    ['admin', 'national_coordinator'],
    [
      'members.read',
      'members.invite',
      'members.approve',
      'members.manage',
      'audit.read',
      'api_tokens.manage',
    ],
  ],
  ['customs', ['officer'], []],
  ['customs', ['analyst'], []],
  ['customs', ['member'], []],
  [
    'police',
    ['national_coordinator'],
    ['members.read', 'members.invite', 'members.approve', 'members.manage'],
  ],
  ['police', ['officer', 'analyst'], []],
  [
    'other_enforcement',
    ['admin'],
    ['members.read', 'members.invite', 'members.manage', 'audit.read', 'api_tokens.manage'],
  ],
  ['other_enforcement', ['officer'], []],
  // The operator's admin also decides about organisations and reads the outbox.
  ['platform_operator', ['admin'], [...PERMISSIONS]],
  ['platform_operator', ['member'], []],
];

describe('can()', () => {
  const rows = TABLE.flatMap(([kind, roles, granted]) =>
    PERMISSIONS.map((permission) => ({
      kind,
      roles: roles.join('+'),
      permission,
      roleList: roles,
      expected: granted.includes(permission),
    })),
  );

  it.each(rows)('$kind $roles → $permission: $expected', ({ kind, roleList, permission, expected }) => {
    expect(can(actor(kind, roleList), permission)).toBe(expected);
  });

  it('never grants platform-wide permissions to the admin of another kind of organisation', () => {
    for (const kind of ['rights_holder', 'customs', 'police', 'industry_association'] as const) {
      const admin = actor(kind, ['admin', 'national_coordinator']);
      expect(can(admin, 'organisations.approve')).toBe(false);
      expect(can(admin, 'outbox.read')).toBe(false);
    }
  });

  it('grants nothing to someone without roles', () => {
    expect(permissionsOf(actor('platform_operator', []))).toEqual([]);
  });
});

describe('permissionsOf()', () => {
  it('lists exactly the permissions can() grants, in the declared order', () => {
    expect(permissionsOf(actor('customs', ['national_coordinator']))).toEqual([
      'members.read',
      'members.invite',
      'members.approve',
      'members.manage',
    ]);
    expect(permissionsOf(actor('platform_operator', ['admin']))).toEqual([...PERMISSIONS]);
  });
});
