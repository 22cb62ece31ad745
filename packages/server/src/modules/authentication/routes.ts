import type { Readable } from 'node:stream';
import {
  connectorBody,
  connectorCreatedView,
  connectorListView,
  connectorParams,
  connectorView,
  deliveryListView,
  packStateBody,
  packStateView,
  registerSerialsBody,
  rightsHolderParams,
  SERIAL_CSV_COLUMNS,
  serialUploadView,
  signingSecretView,
  verificationListQuery,
  verificationListView,
  verificationParams,
  verificationPolicyBody,
  verificationPolicyView,
  verificationSummaryQuery,
  verificationSummaryView,
  verificationTestBody,
  verificationView,
  verifyBody,
} from '@assay/core';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';

export function registerAuthenticationRoutes(app: App, ctx: AppContext): void {
  const { connectors, serialRegistry, verifier, verificationHistory } = ctx;
  const tags = ['authentication'];
  const base = '/api/rights-holders/:rightsHolderId';
  const connector = `${base}/connectors/:connectorId`;

  app.post(
    '/api/verifications',
    {
      schema: {
        tags,
        summary:
          "Verify a scanned serialised pack with its brand's source of truth: genuine, suspect or unknown, with the reasons. Recorded in the serial's history (your organisation and country, never your name towards the rights holder)",
        body: verifyBody,
        response: { 200: verificationView, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request) => verifier.verify(requireActor(request), request.body),
  );

  app.get(
    `${base}/connectors`,
    {
      schema: {
        tags,
        summary: 'Authentication connectors of a rights holder you manage',
        params: rightsHolderParams,
        response: { 200: connectorListView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => connectors.list(requireActor(request), request.params.rightsHolderId),
  );

  app.post(
    `${base}/connectors`,
    {
      schema: {
        tags,
        summary:
          'Set up a connector for a brand or a product: a hosted serial registry, your HTTPS endpoint (its signing secret is returned this once) or your GS1 Digital Link resolver',
        params: rightsHolderParams,
        body: connectorBody,
        response: { 201: connectorCreatedView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await connectors.create(
            requireActor(request),
            request.params.rightsHolderId,
            request.body,
            request.ip,
          ),
        ),
  );

  app.get(
    connector,
    {
      schema: {
        tags,
        summary: 'One connector',
        params: connectorParams,
        response: { 200: connectorView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      connectors.get(requireActor(request), request.params.rightsHolderId, request.params.connectorId),
  );

  app.put(
    connector,
    {
      schema: {
        tags,
        summary: 'Change a connector (its kind stays)',
        params: connectorParams,
        body: connectorBody,
        response: { 200: connectorView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      connectors.update(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.connectorId,
        request.body,
        request.ip,
      ),
  );

  app.delete(
    connector,
    {
      schema: {
        tags,
        summary: 'Remove a connector and its registered serials (the verification history stays)',
        params: connectorParams,
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await connectors.remove(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.connectorId,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${connector}/signing-secret`,
    {
      schema: {
        tags,
        summary: "Replace an endpoint connector's signing secret; the new one is returned this once",
        params: connectorParams,
        response: { 200: signingSecretView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      connectors.rotateSecret(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.connectorId,
        request.ip,
      ),
  );

  app.post(
    `${connector}/serials`,
    {
      schema: {
        tags,
        summary:
          'Register serials (up to 10,000 per request) with batch, expiry, intended markets and state; a serial registered again is updated. All or nothing',
        params: connectorParams,
        body: registerSerialsBody,
        response: { 200: serialUploadView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      serialRegistry.registerJson(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.connectorId,
        request.body.serials,
        request.ip,
      ),
  );

  // A CSV body is streamed to the registry as it arrives, so its size is not limited by memory.
  app.register(async (scope) => {
    scope.addContentTypeParser(['text/csv', 'application/octet-stream'], (_request, payload, done) =>
      done(null, payload),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      `${connector}/serials/csv`,
      {
        schema: {
          tags,
          summary: `Upload serials as CSV (Content-Type: text/csv, optionally Content-Encoding: gzip), any number of rows, streamed. Columns: ${SERIAL_CSV_COLUMNS.join(', ')} (intended_markets and state optional). All or nothing: any bad row stores nothing and is reported with its line`,
          params: connectorParams,
          response: { 200: serialUploadView, ...errorResponses(400, 401, 403, 404, 415) },
        },
      },
      async (request) =>
        serialRegistry.uploadCsv(
          requireActor(request),
          request.params.rightsHolderId,
          request.params.connectorId,
          request.body as Readable,
          request.headers['content-encoding'] === 'gzip',
          request.ip,
        ),
    );
  });

  app.post(
    `${connector}/serials/state`,
    {
      schema: {
        tags,
        summary:
          'Mark registered packs recalled, stolen, destroyed, decommissioned or active again: listed serials or a whole batch',
        params: connectorParams,
        body: packStateBody,
        response: { 200: packStateView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      serialRegistry.setState(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.connectorId,
        request.body,
        request.ip,
      ),
  );

  app.get(
    `${connector}/deliveries`,
    {
      schema: {
        tags,
        summary: 'The last 100 calls Assay made to this endpoint connector, with their outcome and duration',
        params: connectorParams,
        response: { 200: deliveryListView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      connectors.deliveries(requireActor(request), request.params.rightsHolderId, request.params.connectorId),
  );

  app.get(
    `${base}/verification-policy`,
    {
      schema: {
        tags,
        summary: 'Which enforcement organisations may verify your codes, and how often',
        params: rightsHolderParams,
        response: { 200: verificationPolicyView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => connectors.policy(requireActor(request), request.params.rightsHolderId),
  );

  app.put(
    `${base}/verification-policy`,
    {
      schema: {
        tags,
        summary:
          'Set which enforcement organisations may verify your codes, and the verifications an hour each may make',
        params: rightsHolderParams,
        body: verificationPolicyBody,
        response: { 200: verificationPolicyView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      connectors.setPolicy(requireActor(request), request.params.rightsHolderId, request.body, request.ip),
  );

  app.post(
    `${base}/verification-tests`,
    {
      schema: {
        tags,
        summary:
          'Test console: verify a code as an officer in a country would, recorded nowhere (an endpoint call is logged as a test)',
        params: rightsHolderParams,
        body: verificationTestBody,
        response: { 200: verificationView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => verifier.test(requireActor(request), request.params.rightsHolderId, request.body),
  );

  app.get(
    `${base}/verifications`,
    {
      schema: {
        tags,
        summary: 'Where and when your codes were verified, newest first; suspicious ones are your alerts',
        params: rightsHolderParams,
        querystring: verificationListQuery,
        response: { 200: verificationListView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      verificationHistory.list(requireActor(request), request.params.rightsHolderId, request.query),
  );

  app.get(
    `${base}/verifications/summary`,
    {
      schema: {
        tags,
        summary: 'Verifications per country (for the map) and per day (for the timeline)',
        params: rightsHolderParams,
        querystring: verificationSummaryQuery,
        response: { 200: verificationSummaryView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      verificationHistory.summary(requireActor(request), request.params.rightsHolderId, request.query.days),
  );

  app.post(
    `${base}/verifications/:verificationId/acknowledge`,
    {
      schema: {
        tags,
        summary: 'Mark a suspicious verification as seen',
        params: verificationParams,
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await verificationHistory.acknowledge(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.verificationId,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );
}
