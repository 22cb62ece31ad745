import type { ErrorCode } from '@assay/core';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { OpenCaseInput } from '../api/endpoints';

/** A suspect-shipment report waiting to reach the server, or just delivered. */
export interface OutboxEntry {
  /** The Idempotency-Key sent with every attempt: the server opens at most one case per key. */
  key: string;
  /** Whose report it is: only that person's session sends it. */
  userId: string;
  body: OpenCaseInput;
  /** The form as filled in, to correct a report the server refused. */
  draft: unknown;
  /** What the outbox list shows: the product and the goods. */
  title: string;
  createdAt: string;
  state: 'queued' | 'attention' | 'sent';
  attempts: number;
  /** Why the last attempt will be repeated: no network, a server failure, or a sign-in needed first. */
  retryReason: 'network' | 'server' | 'sign_in' | null;
  /** Epoch milliseconds before which no new attempt is made. */
  nextAttemptAt: number;
  /** The server's or the network's last word, shown with an entry that needs attention. */
  problem: { code: ErrorCode; message: string; fields: { path: string; message: string }[] } | null;
  /** The opened case, once delivered. */
  delivered: { id: string; reference: string; at: string } | null;
}

/** A guide kept for offline reading: pinned by the officer, or one of the last ones opened. */
export interface SavedGuide {
  productId: string;
  userId: string;
  name: string;
  brandName: string;
  lang: string;
  pinned: boolean;
  openedAt: string;
  /** Pictures cached with it (both sizes), to remove with it. */
  imageIds: string[];
}

interface OfflineSchema extends DBSchema {
  outbox: { key: string; value: OutboxEntry };
  guides: { key: string; value: SavedGuide };
}

const DB_NAME = 'assay-offline';

let opening: Promise<IDBPDatabase<OfflineSchema>> | null = null;

export function offlineDb(): Promise<IDBPDatabase<OfflineSchema>> {
  opening ??= openDB<OfflineSchema>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'key' });
      db.createObjectStore('guides', { keyPath: 'productId' });
    },
  });
  return opening;
}
