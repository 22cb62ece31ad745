import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const lines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  t = await createTestApp({ log: pino({ level: 'info' }, sink) });
});
afterAll(() => t.close());

it('logs every request with its id but never the secret of an emailed link', async () => {
  const secret = 'Zx9secretTOKENvalue1234567890abcdef';
  const invitation = await t.app.inject({ method: 'GET', url: `/api/invitations/${secret}` });
  await t.app.inject({ method: 'GET', url: `/reset-password?token=${secret}&lang=fr` });
  const log = lines.join('');
  expect(log).toContain('/api/invitations/[redacted]');
  expect(log).toContain('token=[redacted]&lang=fr');
  expect(log).not.toContain(secret);
  expect(log).toContain(`"reqId":"${invitation.headers['x-request-id']}"`);
});
