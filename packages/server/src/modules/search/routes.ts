import { gtinLookupParams, gtinLookupQuery, gtinLookupView, searchQuery, searchView } from '@assay/core';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';

/** The reader's language: an explicit `lang`, else their account language. */
function readerLanguage(request: FastifyRequest, lang: string | undefined): string {
  if (lang) return lang;
  return request.auth.kind === 'session' ? request.auth.user.locale : 'en';
}

export function registerSearchRoutes(app: App, ctx: AppContext): void {
  const { search } = ctx;

  app.get(
    '/api/search',
    {
      schema: {
        tags: ['catalogue'],
        summary:
          'Search what you may see: brands, aliases, names and descriptions in every language, references, GTINs, HS codes (typos, accents, case and spacing tolerated)',
        querystring: searchQuery,
        response: { 200: searchView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      search.search(requireActor(request), request.query, readerLanguage(request, request.query.lang)),
  );

  app.get(
    '/api/lookup/gtin/:code',
    {
      schema: {
        tags: ['catalogue'],
        summary:
          'Products with a GTIN (8 to 14 digits) that you may see; else whose GS1 company prefix it carries, with their contacts',
        params: gtinLookupParams,
        querystring: gtinLookupQuery,
        response: { 200: gtinLookupView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      search.lookupGtin(
        requireActor(request),
        request.params.code,
        readerLanguage(request, request.query.lang),
      ),
  );
}
