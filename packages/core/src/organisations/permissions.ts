import type { OrganisationKind } from './kinds.js';
import { memberApproverRole, type Role } from './roles.js';

/** What a signed-in person acts as: one organisation, some roles. */
export interface Actor {
  userId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  roles: readonly Role[];
}

export const PERMISSIONS = [
  'members.read',
  'members.invite',
  'members.approve',
  'members.manage',
  'audit.read',
  'api_tokens.manage',
  'organisations.approve',
  'outbox.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Every permission the actor holds, for the web app to shape its navigation. */
export function permissionsOf(actor: Actor): Permission[] {
  return PERMISSIONS.filter((permission) => can(actor, permission));
}

/** Whether the actor holds a permission inside its own organisation (operator ones are platform-wide). */
export function can(actor: Actor, permission: Permission): boolean {
  const has = (role: Role) => actor.roles.includes(role);
  const isOperator = actor.organisationKind === 'platform_operator';
  switch (permission) {
    case 'members.read':
      return has('admin') || has('national_coordinator');
    case 'members.invite':
    case 'members.manage':
      return has('admin') || has('national_coordinator');
    case 'members.approve':
      return has(memberApproverRole(actor.organisationKind));
    case 'audit.read':
    case 'api_tokens.manage':
      return has('admin');
    case 'organisations.approve':
    case 'outbox.read':
      return isOperator && has('admin');
  }
}
