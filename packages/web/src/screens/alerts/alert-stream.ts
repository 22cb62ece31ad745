import type { InboxAlert } from '@assay/core';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { alertsApi } from '../../api/endpoints';

/*
 * One server-sent event stream per tab, open while something on the page listens: the unread
 * count for the navigation badge and newly published alerts for the inbox. The browser reconnects
 * by itself after a network drop, and this module when the browser gave up; the server sends the
 * count again on every connection.
 */

let source: EventSource | null = null;
let sourceLanguage = '';
let unread: number | null = null;
let retries = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
const countListeners = new Set<() => void>();
const alertListeners = new Set<(alert: InboxAlert) => void>();

const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 60_000;

function listened(): boolean {
  return countListeners.size > 0 || alertListeners.size > 0;
}

/**
 * The browser gives up for good when a reconnection gets an HTTP error (a 502 during a release, a
 * captive portal): connect again ourselves, with growing pauses, and at once when the network returns.
 */
function reconnectLater(): void {
  clearTimeout(retryTimer);
  const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** retries);
  retries += 1;
  retryTimer = setTimeout(() => {
    if (listened() && !source) connect(sourceLanguage);
  }, delay);
}

function onOnline(): void {
  if (!listened() || source) return;
  clearTimeout(retryTimer);
  connect(sourceLanguage);
}

function connect(language: string): void {
  if (source && sourceLanguage === language) return;
  source?.close();
  if (typeof EventSource === 'undefined') return;
  sourceLanguage = language;
  const current = new EventSource(alertsApi.streamUrl(language));
  source = current;
  window.addEventListener('online', onOnline);
  current.addEventListener('open', () => {
    retries = 0;
  });
  current.addEventListener('error', () => {
    if (current.readyState !== EventSource.CLOSED || source !== current) return;
    source = null;
    reconnectLater();
  });
  current.addEventListener('unread', (event) => {
    unread = (JSON.parse(event.data) as { unread: number }).unread;
    for (const listener of countListeners) listener();
  });
  current.addEventListener('alert', (event) => {
    const alert = JSON.parse(event.data) as InboxAlert;
    for (const listener of alertListeners) listener(alert);
  });
}

function disconnectWhenUnused(): void {
  if (listened()) return;
  source?.close();
  source = null;
  unread = null;
  retries = 0;
  clearTimeout(retryTimer);
  window.removeEventListener('online', onOnline);
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
