import { apiTokenBody, apiTokenCreated, apiTokenListView, idParams } from '@assay/core';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';

export function registerApiTokenRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/organisation/api-tokens',
    {
      schema: {
        tags: ['api-tokens'],
        summary: "Your organisation's API tokens (never the secret)",
        response: { 200: apiTokenListView, ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ tokens: await ctx.apiTokens.list(requireActor(request, 'api_tokens.manage')) }),
  );

  app.post(
    '/api/organisation/api-tokens',
    {
      schema: {
        tags: ['api-tokens'],
        summary: 'Create a scoped API token; the secret is in this response only',
        body: apiTokenBody,
        response: { 201: apiTokenCreated, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const created = await ctx.apiTokens.create(
        requireActor(request, 'api_tokens.manage'),
        request.body,
        request.ip,
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/organisation/api-tokens/:id',
    {
      schema: {
        tags: ['api-tokens'],
        summary: 'Revoke an API token',
        params: idParams,
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await ctx.apiTokens.revoke(requireActor(request, 'api_tokens.manage'), request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );
}
