import { z } from 'zod';
import { ORGANISATION_KINDS, ORGANISATION_STATUSES } from '../organisations/kinds.js';
import { PERMISSIONS } from '../organisations/permissions.js';
import { ROLES } from '../organisations/roles.js';
import { email, locale, password, personName, twoFactorCode, uuid } from './common.js';

/**
 * Where a sign-in stands: `two_factor_required` after a good password for an enrolled user,
 * `two_factor_enrolment_required` when 2FA is mandatory but not set up yet, `active` when done.
 */
export const SESSION_STAGES = ['two_factor_required', 'two_factor_enrolment_required', 'active'] as const;

export const organisationSummary = z.object({
  id: uuid,
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  countryCode: z.string().nullable(),
  status: z.enum(ORGANISATION_STATUSES),
});

export const sessionView = z
  .object({
    user: z
      .object({
        id: uuid,
        email: z.string(),
        name: z.string(),
        locale,
        twoFactorEnabled: z.boolean(),
      })
      .nullable(),
    stage: z.enum(SESSION_STAGES).nullable(),
    organisation: organisationSummary.nullable(),
    membershipStatus: z.enum(['pending', 'active', 'rejected', 'disabled']).nullable(),
    roles: z.array(z.enum(ROLES)),
    permissions: z.array(z.enum(PERMISSIONS)),
    /** Send back in the `x-csrf-token` header on every state-changing request. */
    csrfToken: z.string().nullable(),
    demo: z.boolean(),
  })
  .meta({ id: 'Session' });
export type SessionView = z.infer<typeof sessionView>;

export const signInBody = z.object({ email, password: z.string().min(1).max(256) });
export const twoFactorBody = z.object({ code: twoFactorCode });

export const enrolmentView = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** SVG of the QR code encoding `otpauthUri`. */
  qrSvg: z.string(),
});
export const recoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });

export const passwordResetRequestBody = z.object({ email });
export const passwordResetConfirmBody = z.object({ token: z.string().min(10).max(200), password });

export const accountUpdateBody = z
  .object({ name: personName.optional(), locale: locale.optional() })
  .refine((body) => body.name !== undefined || body.locale !== undefined, { message: 'Nothing to change' });
export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: password,
});
