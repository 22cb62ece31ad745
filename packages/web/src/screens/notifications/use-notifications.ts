import type { NotificationListView } from '@assay/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useOnline } from '../../offline/use-online';
import { notificationsApi } from './notifications-api';

/** How often the bell asks for news while the page is open and online. */
export const NOTIFICATION_POLL_MS = 60_000;

/**
 * The reader's notifications, fetched now, every minute while online and whenever the window
 * regains focus (a phone back from the pocket). Offline, the last list stays shown.
 */
export function useNotifications(userId: string | undefined) {
  const online = useOnline();
  const [data, setData] = useState<NotificationListView | null>(null);
  const [failed, setFailed] = useState(false);
  // Only the latest request may write: a slow answer never overwrites a newer one.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const list = await notificationsApi.list();
      if (mine !== generation.current) return;
      setData(list);
      setFailed(false);
    } catch {
      if (mine === generation.current) setFailed(true);
    }
  }, []);

  useEffect(() => {
    if (!userId || !online) return;
    void refresh();
    const timer = window.setInterval(() => void refresh(), NOTIFICATION_POLL_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [userId, online, refresh]);

  /** Marks some (or, without ids, all) read, then shows the server's unread count. */
  const markRead = useCallback(async (ids?: string[]) => {
    const { unread } = await notificationsApi.markRead(ids);
    generation.current += 1;
    const now = new Date().toISOString();
    setData(
      (current) =>
        current && {
          unread,
          notifications: current.notifications.map((item) =>
            !item.readAt && (!ids || ids.includes(item.id)) ? { ...item, readAt: now } : item,
          ),
        },
    );
  }, []);

  return { data, failed, markRead };
}
