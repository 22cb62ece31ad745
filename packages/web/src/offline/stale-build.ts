/**
 * After a release, a tab opened before it asks for script chunks that no longer exist. Reloading
 * fetches the new build; a guard in sessionStorage stops a reload loop when reloading does not help
 * (a chunk missing from the new build too, or the server down).
 */

const RELOADED_AT_KEY = 'assay.reloadedForNewBuild';
/** A second failure this soon after reloading is not an old tab: show the error instead. */
const RELOAD_GUARD_MS = 60_000;

/** Whether to reload now, given when the last such reload happened (epoch ms, or null). */
export function shouldReload(lastReloadAt: number | null, now: number): boolean {
  return lastReloadAt === null || !(now - lastReloadAt >= 0 && now - lastReloadAt < RELOAD_GUARD_MS);
}

/** The browsers' messages for a script chunk that failed to load (Chromium, Firefox, Safari). */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error ?? '');
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(message);
}

/** Reloads the page unless it was just reloaded for the same reason; returns whether it does. */
export function reloadForNewBuild(): boolean {
  let last: number | null = null;
  try {
    const text = sessionStorage.getItem(RELOADED_AT_KEY);
    last = text ? Number(text) : null;
    if (!shouldReload(Number.isFinite(last) ? last : null, Date.now())) return false;
    sessionStorage.setItem(RELOADED_AT_KEY, String(Date.now()));
  } catch {
    // No sessionStorage: without a guard, never reload by ourselves.
    return false;
  }
  window.location.reload();
  return true;
}

/** Vite reports a chunk it could not load; reloading once gets the current build. */
export function reloadOnStaleChunks(): void {
  window.addEventListener('vite:preloadError', (event) => {
    if (reloadForNewBuild()) event.preventDefault();
  });
}
