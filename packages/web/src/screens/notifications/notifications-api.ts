import type { NotificationListView } from '@assay/core';
import { request } from '../../api/client';

/** The signed-in person's notifications (GET /api/notifications, POST /api/notifications/read). */
export const notificationsApi = {
  list: (signal?: AbortSignal) => request<NotificationListView>('GET', '/notifications', { signal }),
  /** Marks these, or all when none are named; answers how many stay unread. */
  markRead: (ids?: string[]) =>
    request<{ unread: number }>('POST', '/notifications/read', { body: ids ? { ids } : {} }),
};
