import { EventEmitter } from 'node:events';

/** What changed, told to the open alert streams once the change is committed. */
export type AlertEvent =
  | { type: 'published'; alertId: string }
  /**
   * Withdrawn, or a published alert changed (its countries or validity may differ); `targets` are
   * its target countries before and after (empty: every country), so only readers it reached or
   * reaches count again.
   */
  | { type: 'changed'; alertId: string; targets: (readonly string[])[] }
  /** The person read or acknowledged an alert (perhaps in another tab): their unread count moved. */
  | { type: 'read'; userId: string };

/**
 * In-process fan-out of alert changes to the server-sent event streams of this process. Enough for
 * one server; several instances would need PostgreSQL LISTEN/NOTIFY (or another broker) between
 * them, with this bus fed from the notifications.
 */
export function createAlertBus() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0); // one listener per open browser tab
  return {
    /** Call after the transaction commits, never inside it. */
    emit(event: AlertEvent): void {
      emitter.emit('alert', event);
    },
    /** Returns the function that unsubscribes. */
    subscribe(listener: (event: AlertEvent) => void): () => void {
      emitter.on('alert', listener);
      return () => emitter.off('alert', listener);
    },
    listenerCount: () => emitter.listenerCount('alert'),
  };
}

export type AlertBus = ReturnType<typeof createAlertBus>;
