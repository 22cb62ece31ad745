import { casePolicyBody, casePolicyListView, casePolicyParams, casePolicyView } from '@assay/core';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';

export function registerCasePolicyRoutes(app: App, ctx: AppContext): void {
  const { casePolicies } = ctx;
  const tags = ['cases'];

  app.get(
    '/api/case-policies',
    {
      schema: {
        tags,
        summary: 'The countries that set their own detention-procedure policy',
        response: { 200: casePolicyListView, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      requireActor(request);
      return casePolicies.list();
    },
  );

  app.get(
    '/api/case-policies/:countryCode',
    {
      schema: {
        tags,
        summary:
          "A country's case policy: answer deadlines in working days, holidays, weekend, time zone (defaults when unset)",
        params: casePolicyParams,
        response: { 200: casePolicyView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      requireActor(request);
      return casePolicies.get(request.params.countryCode);
    },
  );

  app.put(
    '/api/case-policies/:countryCode',
    {
      schema: {
        tags,
        summary:
          "Set a country's case policy (the platform operator, or that country's national coordinator)",
        params: casePolicyParams,
        body: casePolicyBody,
        response: { 200: casePolicyView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      casePolicies.set(requireActor(request), request.params.countryCode, request.body, request.ip),
  );
}
