import { describe, expect, it } from 'vitest';
import { isChunkLoadError, shouldReload } from './stale-build';

describe('reloading a tab left behind by a release', () => {
  const now = Date.parse('2026-11-23T15:00:00Z');

  it('reloads the first time, and again only after a minute', () => {
    expect(shouldReload(null, now)).toBe(true);
    expect(shouldReload(now - 5_000, now)).toBe(false);
    expect(shouldReload(now - 59_999, now)).toBe(false);
    expect(shouldReload(now - 60_000, now)).toBe(true);
  });

  it('reloads when the clock went back (a stored time in the future)', () => {
    expect(shouldReload(now + 10_000, now)).toBe(true);
  });

  it('recognises the browsers’ chunk-loading failures and nothing else', () => {
    expect(
      isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: /assets/scan-x1.js')),
    ).toBe(true);
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isChunkLoadError(null)).toBe(false);
  });
});
