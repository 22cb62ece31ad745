import { z } from 'zod';
import { timestamp, uuid } from './common.js';

/** What a machine token may do; it never exceeds the roles of the admin who created it. */
/**
 * What a machine token may do. `organisation:read` reads the organisation's own records (portfolio,
 * cases, alerts…); `organisation:write` also changes them (a product-information system keeping the
 * portfolio in step). Members and the audit log are read with their own scopes, never written.
 */
export const TOKEN_SCOPES = [
  'organisation:read',
  'organisation:write',
  'members:read',
  'audit:read',
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const apiTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(TOKEN_SCOPES.length),
  expiresAt: timestamp.optional(),
});
export const apiTokenView = z
  .object({
    id: uuid,
    name: z.string(),
    scopes: z.array(z.enum(TOKEN_SCOPES)),
    /** First characters, to recognise a token without revealing it. */
    prefix: z.string(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    expiresAt: timestamp.nullable(),
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: 'ApiToken' });
export const apiTokenCreated = apiTokenView.extend({ token: z.string() });
export const apiTokenListView = z.object({ tokens: z.array(apiTokenView) });
