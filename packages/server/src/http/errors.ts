import { type ErrorCode, errorBody } from '@assay/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** An error the client caused or may act on; anything else becomes a 500 without details. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Record') => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'You may not do this') => new AppError(403, 'forbidden', message);
export const unauthorised = (message = 'Sign in first') => new AppError(401, 'unauthorised', message);
export const conflict = (message: string, details?: unknown) =>
  new AppError(409, 'conflict', message, details);
export const invalid = (path: string, message: string) =>
  new AppError(400, 'validation_failed', 'The request is not valid', [{ path, message }]);

/** Response schemas for the error statuses a route may answer with (OpenAPI shows them). */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, errorBody]));
}

const FASTIFY_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorised',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'validation_failed',
  429: 'rate_limited',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        location: error.validationContext ?? 'body',
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: issue.message,
      }));
      return reply
        .status(400)
        .send({ error: { code: 'validation_failed', message: 'The request is not valid', details } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CODES[status] ?? 'validation_failed';
      return reply.status(status).send({ error: { code, message: error.message } });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(status === 503 ? 503 : 500).send({
      error: {
        code: status === 503 ? 'unavailable' : 'internal',
        message: 'Something went wrong on our side',
      },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    });
  });
}
