import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BlobStorage, createLocalStorage } from './storage.js';

let directory: string;
let storage: BlobStorage;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'assay-storage-'));
  storage = createLocalStorage(join(directory, 'uploads'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('local blob storage', () => {
  it('stores, replaces, reads and deletes bytes by key, leaving no temporary file', async () => {
    await storage.put('images/ab/one.webp', Buffer.from('first'));
    await storage.put('images/ab/one.webp', Buffer.from('second'));
    expect((await storage.get('images/ab/one.webp'))?.toString()).toBe('second');
    expect(await readdir(join(directory, 'uploads/images/ab'))).toEqual(['one.webp']);
    await storage.delete('images/ab/one.webp');
    expect(await storage.get('images/ab/one.webp')).toBeNull();
    await expect(storage.delete('images/ab/one.webp')).resolves.toBeUndefined();
  });

  it.each(['../outside', '/etc/passwd', 'images/../../x', 'Images/A.webp', '', 'a//b', '.hidden'])(
    'refuses the key %j',
    async (key) => {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/storage key/);
      await expect(storage.get(key)).rejects.toThrow(/storage key/);
    },
  );
});
