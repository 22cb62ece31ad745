import {
  representationBody,
  representationListView,
  representationParams,
  representationView,
  representedRightsHoldersView,
  rightsHolderParams,
} from '@assay/core';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';

export function registerRepresentationRoutes(app: App, ctx: AppContext): void {
  const { representations } = ctx;
  const base = '/api/rights-holders/:rightsHolderId/representations';
  const tags = ['representations'];

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Legal representative firms your rights holder appointed',
        params: rightsHolderParams,
        response: { 200: representationListView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({
      representations: await representations.representations(
        requireActor(request),
        request.params.rightsHolderId,
      ),
    }),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Appoint an approved legal representative firm to manage your portfolio (admins)',
        params: rightsHolderParams,
        body: representationBody,
        response: { 201: representationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await representations.appoint(
            requireActor(request),
            request.params.rightsHolderId,
            request.body.legalRepresentativeId,
            request.ip,
          ),
        ),
  );

  app.delete(
    `${base}/:legalRepresentativeId`,
    {
      schema: {
        tags,
        summary: 'Revoke a legal representative firm (admins)',
        params: representationParams,
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await representations.revoke(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.legalRepresentativeId,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/representations',
    {
      schema: {
        tags,
        summary: 'For a legal representative firm: the rights holders it acts for (the switcher)',
        response: { 200: representedRightsHoldersView, ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ rightsHolders: await representations.represented(requireActor(request)) }),
  );
}
