import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/** A streamed body (CSV upload) is read by its route; walking it would follow the socket's cycles. */
const isStream = (value: object) => typeof (value as { pipe?: unknown }).pipe === 'function';

/** Path (`a.b.0`) of the first string holding a NUL character, or null. */
function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, [...path, String(index)]);
      if (found !== null) return found;
    }
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !isStream(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL text and jsonb cannot hold the NUL character: a string carrying one would fail deep in
 * a query as a 500. No field has a use for it, so any request with one is refused at the field.
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [location, value] of [
      ['querystring', request.query],
      ['params', request.params],
      ['body', request.body],
    ] as const) {
      const path = nulPath(value);
      if (path !== null) {
        throw new AppError(400, 'validation_failed', 'The request is not valid', [
          { location, path, message: 'Text may not contain the NUL character' },
        ]);
      }
    }
  });
}
