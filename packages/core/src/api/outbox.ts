import { z } from 'zod';
import { LIMITS, timestamp, uuid } from './common.js';

export const outboxMessageView = z
  .object({
    id: uuid,
    to: z.string(),
    locale: z.string(),
    template: z.string(),
    subject: z.string(),
    /** Null once the message went out over SMTP: bodies hold sign-in links and are not kept. */
    text: z.string().nullable(),
    status: z.enum(['held', 'queued', 'sent', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: timestamp,
    sentAt: timestamp.nullable(),
  })
  .meta({ id: 'OutboxMessage' });
export const outboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
  to: z.string().max(LIMITS.emailMax).optional(),
});
export const outboxPage = z.object({ messages: z.array(outboxMessageView) });
