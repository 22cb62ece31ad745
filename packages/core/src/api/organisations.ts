import { z } from 'zod';
import { ORGANISATION_KINDS, REGISTRABLE_KINDS, requiresCountry } from '../organisations/kinds.js';
import { ROLES } from '../organisations/roles.js';
import { countryCode, email, LIMITS, locale, password, personName, timestamp, uuid } from './common.js';
import { organisationSummary } from './session.js';

export const registrationBody = z.object({
  organisation: z
    .object({
      name: z.string().trim().min(2).max(LIMITS.nameMax),
      kind: z.enum(REGISTRABLE_KINDS),
      countryCode: countryCode.optional(),
      website: z.url().max(500).optional(),
    })
    .refine((org) => !requiresCountry(org.kind) || org.countryCode !== undefined, {
      message: 'Enforcement organisations must give their country',
      path: ['countryCode'],
    }),
  admin: z.object({ name: personName, email, password, locale }),
});
export type RegistrationBody = z.infer<typeof registrationBody>;

export const joinRequestBody = z.object({
  organisationId: uuid,
  name: personName,
  email,
  password,
  locale,
  roles: z
    .array(z.enum(['officer', 'analyst', 'member']))
    .min(1)
    .max(3),
  /** Free text for the approver: unit, post, badge number. */
  note: z.string().trim().max(1000).optional(),
});

export const directoryQuery = z.object({ countryCode: countryCode.optional() });
export const directoryView = z.object({ organisations: z.array(organisationSummary) });

export const organisationView = organisationSummary
  .extend({
    website: z.string().nullable(),
    createdAt: timestamp,
    decidedAt: timestamp.nullable(),
    decisionNote: z.string().nullable(),
    memberCount: z.number().int(),
    adminEmail: z.string().nullable(),
  })
  .meta({ id: 'Organisation' });
export type OrganisationView = z.infer<typeof organisationView>;

export const organisationListQuery = z.object({
  status: z.enum(['pending', 'active', 'rejected', 'suspended']).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
});
export const organisationListView = z.object({ organisations: z.array(organisationView) });
export const decisionBody = z.object({ note: z.string().trim().max(1000).optional() });

export const MEMBERSHIP_STATUSES = ['pending', 'active', 'rejected', 'disabled'] as const;
export const memberView = z
  .object({
    userId: uuid,
    name: z.string(),
    email: z.string(),
    roles: z.array(z.enum(ROLES)),
    status: z.enum(MEMBERSHIP_STATUSES),
    twoFactorEnabled: z.boolean(),
    note: z.string().nullable(),
    createdAt: timestamp,
    lastSignInAt: timestamp.nullable(),
  })
  .meta({ id: 'Member' });
export type MemberView = z.infer<typeof memberView>;
export const memberListView = z.object({ members: z.array(memberView) });
export const memberParams = z.object({ userId: uuid });
export const memberUpdateBody = z
  .object({
    roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .refine((body) => body.roles !== undefined || body.status !== undefined, { message: 'Nothing to change' });

export const invitationBody = z.object({
  email,
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  locale,
});
export const invitationView = z
  .object({
    id: uuid,
    email: z.string(),
    roles: z.array(z.enum(ROLES)),
    locale,
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    invitedBy: z.string().nullable(),
    createdAt: timestamp,
    expiresAt: timestamp,
  })
  .meta({ id: 'Invitation' });
export const invitationListView = z.object({ invitations: z.array(invitationView) });
export const invitationTokenParams = z.object({ token: z.string().min(10).max(200) });
export const invitationPreview = z.object({
  organisationName: z.string(),
  organisationKind: z.enum(ORGANISATION_KINDS),
  email: z.string(),
  roles: z.array(z.enum(ROLES)),
  locale,
  expiresAt: timestamp,
  /** True when the coordinator still has to approve the new member after acceptance. */
  needsApproval: z.boolean(),
});
export const invitationAcceptBody = z.object({ name: personName, password, locale });
