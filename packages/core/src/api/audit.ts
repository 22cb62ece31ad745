import { z } from 'zod';
import { LIMITS, timestamp, uuid } from './common.js';

export const auditEventView = z
  .object({
    id: z.string(),
    at: timestamp,
    actorUserId: uuid.nullable(),
    actorName: z.string().nullable(),
    actorOrganisationId: uuid.nullable(),
    organisationId: uuid.nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
  /** Events older than this id (ids grow with time). */
  before: z.coerce.number().int().positive().optional(),
  action: z.string().max(100).optional(),
  organisationId: uuid.optional(),
});
export const auditPage = z.object({
  events: z.array(auditEventView),
  nextBefore: z.number().int().nullable(),
});
