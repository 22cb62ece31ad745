import { expect, it } from 'vitest';
import { SubmissionKeys } from './idempotency';

function counter() {
  let next = 0;
  return () => `key-${++next}`;
}

it('reuses the key when the same submission is retried', () => {
  const keys = new SubmissionKeys(counter());
  expect(keys.keyFor({ body: 'Hello' })).toBe('key-1');
  expect(keys.keyFor({ body: 'Hello' })).toBe('key-1');
});

it('takes a new key when the content changed', () => {
  const keys = new SubmissionKeys(counter());
  keys.keyFor({ body: 'Hello' });
  expect(keys.keyFor({ body: 'Hello again' })).toBe('key-2');
});

it('takes a new key for the next submission after a success, even of the same text', () => {
  const keys = new SubmissionKeys(counter());
  keys.keyFor({ body: 'Yes' });
  keys.done();
  expect(keys.keyFor({ body: 'Yes' })).toBe('key-2');
});

it('makes UUIDs by default', () => {
  expect(new SubmissionKeys().keyFor({})).toMatch(/^[0-9a-f-]{36}$/);
});
