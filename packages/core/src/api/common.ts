import { z } from 'zod';
import { isCountryCode } from '../geo/countries.js';
import { LOCALES } from '../i18n/locales.js';

/** Limits shared by the web forms and the API, so both refuse the same input. */
export const LIMITS = {
  nameMax: 200,
  emailMax: 254,
  passwordMin: 12,
  passwordMax: 256,
  pageSizeMax: 200,
} as const;

export const ERROR_CODES = [
  'validation_failed',
  'unauthorised',
  'forbidden',
  'not_found',
  'conflict',
  'idempotency_key_reused',
  'illegal_transition',
  'precondition_failed',
  'rate_limited',
  'locked',
  'invalid_credentials',
  'invalid_two_factor_code',
  'csrf_failed',
  'payload_too_large',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBody>;

export const uuid = z.uuid();
export const email = z
  .string()
  .trim()
  .max(LIMITS.emailMax)
  .pipe(z.email())
  .transform((value) => value.toLowerCase());
export const personName = z.string().trim().min(1).max(LIMITS.nameMax);
export const password = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);
export const locale = z.enum(LOCALES);
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: 'Not an ISO 3166-1 alpha-2 country code' });
/** An ISO 8601 date-time with its offset; year 0 does not exist (and PostgreSQL refuses it). */
export const timestamp = z.iso
  .datetime({ offset: true })
  .refine((value) => !value.startsWith('0000'), { message: 'There is no year 0' });
/** A TOTP code (6 digits) or a recovery code (xxxxx-xxxxx). */
export const twoFactorCode = z
  .string()
  .trim()
  .min(6)
  .max(32)
  .transform((value) => value.replace(/\s+/g, ''));

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
  cursor: z.string().max(200).optional(),
});

export const idParams = z.object({ id: uuid });
