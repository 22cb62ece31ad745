import type { InboxAlert } from '@assay/core';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { alertsApi } from '../../api/endpoints';

/*
 * One server-sent event stream per tab, open while something on the page listens: the unread
 * count for the navigation badge and newly published alerts for the inbox. The browser reconnects
 * by itself after a network drop; the server sends the count again on every connection.
 */

let source: EventSource | null = null;
let sourceLanguage = '';
let unread: number | null = null;
const countListeners = new Set<() => void>();
const alertListeners = new Set<(alert: InboxAlert) => void>();

function connect(language: string): void {
  if (source && sourceLanguage === language) return;
  source?.close();
  if (typeof EventSource === 'undefined') return;
  sourceLanguage = language;
  source = new EventSource(alertsApi.streamUrl(language));
  source.addEventListener('unread', (event) => {
    unread = (JSON.parse(event.data) as { unread: number }).unread;
    for (const listener of countListeners) listener();
  });
  source.addEventListener('alert', (event) => {
    const alert = JSON.parse(event.data) as InboxAlert;
    for (const listener of alertListeners) listener(alert);
  });
}

function disconnectWhenUnused(): void {
  if (countListeners.size || alertListeners.size) return;
  source?.close();
  source = null;
  unread = null;
}

/** The number of active alerts this officer has not opened, live; null until the stream says. */
export function useUnreadAlerts(enabled: boolean, language: string): number | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!enabled) return () => {};
      countListeners.add(onChange);
      connect(language);
      return () => {
        countListeners.delete(onChange);
        disconnectWhenUnused();
      };
    },
    [enabled, language],
  );
  return useSyncExternalStore(subscribe, () => (enabled ? unread : null));
}

/** Calls `onAlert` for each alert published to this officer while the page is open. */
export function useAlertPushes(language: string, onAlert: (alert: InboxAlert) => void): void {
  const latest = useRef(onAlert);
  latest.current = onAlert;
  useEffect(() => {
    const listener = (alert: InboxAlert) => latest.current(alert);
    alertListeners.add(listener);
    connect(language);
    return () => {
      alertListeners.delete(listener);
      disconnectWhenUnused();
    };
  }, [language]);
}
