import { z } from 'zod';
import { CASE_STATUSES, RIGHTS_HOLDER_ANSWERS } from '../cases/state-machine.js';
import { CASE_DECISIONS } from './cases.js';
import { countryCode, timestamp, uuid } from './common.js';

/** What an in-app notification tells; the same events are mailed. */
export const NOTIFICATION_KINDS = [
  'case.opened',
  'case.answered',
  'case.message',
  'case.decided',
  /** The rights holder's answer is due within a day. */
  'case.deadline_near',
  /** The rights holder did not answer in time: the officer may release the goods. */
  'case.deadline_passed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How many notifications the bell lists: the latest ones. */
export const NOTIFICATIONS_SHOWN = 50;

/** The facts a screen needs to write the notification in the reader's language; never personal data. */
export const notificationParams = z.object({
  reference: z.string(),
  countryCode: countryCode.optional(),
  /** The answer deadline and the time zone of the case country's offices, to show it as they do. */
  deadline: timestamp.optional(),
  timeZone: z.string().optional(),
  answer: z.enum(RIGHTS_HOLDER_ANSWERS).optional(),
  decision: z.enum(CASE_DECISIONS).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  /** Who answered or wrote: an organisation, never a person. */
  organisationName: z.string().optional(),
});
export type NotificationParams = z.infer<typeof notificationParams>;

export const notificationView = z
  .object({
    id: uuid,
    kind: z.enum(NOTIFICATION_KINDS),
    caseId: uuid.nullable(),
    params: notificationParams,
    readAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof notificationView>;

export const notificationListView = z.object({
  notifications: z.array(notificationView),
  /** Unread notifications in all, not only among those listed. */
  unread: z.number().int(),
});
export type NotificationListView = z.infer<typeof notificationListView>;

/** Mark these notifications read; without `ids`, all of the reader's. */
export const notificationReadBody = z.object({ ids: z.array(uuid).min(1).max(200).optional() });
export type NotificationReadBody = z.infer<typeof notificationReadBody>;

export const notificationReadView = z.object({ unread: z.number().int() });
