import { companyPrefixesBody, companyPrefixesView, rightsHolderParams } from '@assay/core';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';

export function registerCompanyPrefixRoutes(app: App, ctx: AppContext): void {
  const { companyPrefixes } = ctx;
  const path = '/api/rights-holders/:rightsHolderId/company-prefixes';

  app.get(
    path,
    {
      schema: {
        tags: ['portfolio'],
        summary: 'GS1 company prefixes of a rights holder you manage',
        params: rightsHolderParams,
        response: { 200: companyPrefixesView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => companyPrefixes.prefixes(requireActor(request), request.params.rightsHolderId),
  );

  app.put(
    path,
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'Replace the GS1 company prefixes (6 to 12 digits) of a rights holder you manage: an officer scanning an unknown GTIN with one of them learns it is yours',
        params: rightsHolderParams,
        body: companyPrefixesBody,
        response: { 200: companyPrefixesView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      companyPrefixes.replacePrefixes(
        requireActor(request),
        request.params.rightsHolderId,
        request.body.prefixes,
        request.ip,
      ),
  );
}
