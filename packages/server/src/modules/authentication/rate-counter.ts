import type { Clock } from '../../lib/clock.js';

const HOUR_MS = 3_600_000;

/**
 * Verifications per key (rights holder and verifying organisation) in hourly windows, in memory:
 * one process counts its own requests, which is what a single server runs. Each window starts with
 * its key's first request, so a burst at the end of an hour cannot double the allowance.
 */
export function createRateCounter(clock: Clock) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one request; false when the key has used `perHour` already. */
    take(key: string, perHour: number): boolean {
      const now = clock.now().getTime();
      let window = windows.get(key);
      if (!window || now - window.start >= HOUR_MS) {
        if (windows.size >= 100_000) windows.clear();
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      if (window.count >= perHour) return false;
      window.count += 1;
      return true;
    },
  };
}
