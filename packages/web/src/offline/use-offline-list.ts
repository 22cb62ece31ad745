import { useEffect, useState } from 'react';
import { onOfflineChange } from './changes';
import type { OutboxEntry, SavedGuide } from './db';
import { listOutbox } from './outbox';
import { listSavedGuides } from './saved-guides';

/** A list read from the device's offline store, reloaded whenever that store changes. */
function useOfflineList<T>(load: (userId: string) => Promise<T[]>, userId: string | undefined): T[] | null {
  const [items, setItems] = useState<T[] | null>(null);
  useEffect(() => {
    if (!userId) return;
    let current = true;
    const reload = () => {
      load(userId).then(
        (value) => current && setItems(value),
        () => current && setItems([]),
      );
    };
    reload();
    const stop = onOfflineChange(reload);
    return () => {
      current = false;
      stop();
    };
  }, [load, userId]);
  return items;
}

/** This person's reports in the outbox, newest first (null while loading). */
export function useOutbox(userId: string | undefined): OutboxEntry[] | null {
  return useOfflineList(listOutbox, userId);
}

/** This person's guides kept on the device, pinned first (null while loading). */
export function useSavedGuides(userId: string | undefined): SavedGuide[] | null {
  return useOfflineList(listSavedGuides, userId);
}
