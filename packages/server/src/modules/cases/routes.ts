import {
  caseListView,
  caseOpenedView,
  caseParams,
  caseView,
  idempotencyHeaders,
  langQuery,
  openCaseBody,
} from '@assay/core';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import { readerLanguage } from '../../http/reader-language.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';

export function registerCaseRoutes(app: App, ctx: AppContext): void {
  const { cases } = ctx;
  const tags = ['cases'];

  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary:
          'Report a suspect shipment: opens a case. Send an Idempotency-Key; a retry with the same key returns the same case',
        headers: idempotencyHeaders,
        body: openCaseBody,
        response: { 201: caseOpenedView, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const result = await cases.open(
        requireActor(request),
        request.body,
        request.headers['idempotency-key'],
        request.ip,
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(result.status).send(result.body);
    },
  );

  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: "Cases you may see: your authority's, or those naming your products",
        querystring: langQuery,
        response: { 200: caseListView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      cases: await cases.list(requireActor(request), readerLanguage(request, request.query.lang)),
    }),
  );

  app.get(
    '/api/cases/:caseId',
    {
      schema: {
        tags,
        summary: 'One case with its shipment facts and goods',
        params: caseParams,
        querystring: langQuery,
        response: { 200: caseView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      cases.get(requireActor(request), request.params.caseId, readerLanguage(request, request.query.lang)),
  );
}
