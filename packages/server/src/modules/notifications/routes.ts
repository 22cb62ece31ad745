import {
  NOTIFICATIONS_SHOWN,
  type NotificationKind,
  type NotificationListView,
  type NotificationParams,
  notificationListView,
  notificationReadBody,
  notificationReadView,
} from '@assay/core';
import { sql } from 'kysely';
import type { AppContext } from '../../app-context.js';
import type { Db } from '../../db/database.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';

async function unreadCount(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('unread'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.unread;
}

export function registerNotificationRoutes(app: App, ctx: AppContext): void {
  const { db, clock } = ctx;

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: `Your latest ${NOTIFICATIONS_SHOWN} notifications (case events), newest first, and how many are unread`,
        response: { 200: notificationListView, ...errorResponses(401, 403) },
      },
    },
    async (request): Promise<NotificationListView> => {
      const { userId } = requireActor(request);
      const rows = await db
        .selectFrom('notifications')
        .select(['id', 'kind', 'case_id', 'params', 'read_at', 'created_at'])
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(NOTIFICATIONS_SHOWN)
        .execute();
      return {
        notifications: rows.map((row) => ({
          id: row.id,
          // Written by case-notices.ts only, with these kinds and params.
          kind: row.kind as NotificationKind,
          caseId: row.case_id,
          params: row.params as NotificationParams,
          readAt: row.read_at?.toISOString() ?? null,
          createdAt: row.created_at.toISOString(),
        })),
        unread: await unreadCount(db, userId),
      };
    },
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'Mark some of your notifications read (`ids`), or all of them; answers the unread count left',
        body: notificationReadBody,
        response: { 200: notificationReadView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { userId } = requireActor(request);
      let query = db
        .updateTable('notifications')
        .set({ read_at: clock.now() })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      // Another person's ids match nothing: each reader only ever touches their own.
      if (request.body.ids) query = query.where('id', 'in', request.body.ids);
      await query.execute();
      return { unread: await unreadCount(db, userId) };
    },
  );
}
