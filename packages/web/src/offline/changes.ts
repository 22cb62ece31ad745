/** Tells open screens (the outbox badge, the saved-guides list) that offline data changed. */
const listeners = new Set<() => void>();

export function onOfflineChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyOfflineChange(): void {
  for (const listener of listeners) listener();
}
