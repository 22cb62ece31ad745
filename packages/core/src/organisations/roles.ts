import { isEnforcementKind, type OrganisationKind } from './kinds.js';

export const ROLES = ['admin', 'member', 'national_coordinator', 'officer', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

const ENFORCEMENT_ONLY: readonly Role[] = ['national_coordinator', 'officer', 'analyst'];

/** Roles a member of an organisation of this kind may hold. */
export function rolesAllowedFor(kind: OrganisationKind): Role[] {
  return ROLES.filter((role) => isEnforcementKind(kind) || !ENFORCEMENT_ONLY.includes(role));
}

/** First invalid role for this kind, or null when all are allowed. */
export function invalidRoleFor(kind: OrganisationKind, roles: readonly Role[]): Role | null {
  const allowed = rolesAllowedFor(kind);
  return roles.find((role) => !allowed.includes(role)) ?? null;
}

/**
 * Who approves a new member: in an enforcement organisation the national coordinator vets every
 * user of the administration; elsewhere the organisation admin does.
 */
export function memberApproverRole(kind: OrganisationKind): Role {
  return isEnforcementKind(kind) ? 'national_coordinator' : 'admin';
}

/** Two-factor sign-in is mandatory for enforcement users, organisation admins and the operator. */
export function requiresTwoFactor(kind: OrganisationKind, roles: readonly Role[]): boolean {
  return kind === 'platform_operator' || isEnforcementKind(kind) || roles.includes('admin');
}
