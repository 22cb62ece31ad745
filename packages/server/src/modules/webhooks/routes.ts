import {
  rightsHolderParams,
  webhookBody,
  webhookDeliveriesView,
  webhookSavedView,
  webhookStateView,
  webhookTestView,
} from '@assay/core';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';

export function registerWebhookRoutes(app: App, ctx: AppContext): void {
  const { webhooks } = ctx;
  const path = '/api/rights-holders/:rightsHolderId/webhook';

  app.get(
    path,
    {
      schema: {
        tags: ['webhooks'],
        summary: 'The webhook of a rights holder you manage (null when none is set up)',
        params: rightsHolderParams,
        response: { 200: webhookStateView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => webhooks.get(requireActor(request), request.params.rightsHolderId),
  );

  app.put(
    path,
    {
      schema: {
        tags: ['webhooks'],
        summary:
          'Set up or change the webhook. Events are POSTed as JSON with headers assay-timestamp, assay-event-id and ' +
          'assay-signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the signing secret>. ' +
          'The secret is returned once, when the webhook is created. A 2xx answer within 5 s delivers; ' +
          'otherwise the event is retried with exponential backoff (30 s doubling, at most 1 h, 24 attempts).',
        params: rightsHolderParams,
        body: webhookBody,
        response: { 200: webhookSavedView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      webhooks.save(requireActor(request), request.params.rightsHolderId, request.body, request.ip),
  );

  app.delete(
    path,
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Remove the webhook, its undelivered events and its delivery log',
        params: rightsHolderParams,
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await webhooks.remove(requireActor(request), request.params.rightsHolderId, request.ip);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${path}/test`,
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Queue a `test` event to the webhook; its attempts appear in the delivery log',
        params: rightsHolderParams,
        response: { 202: webhookTestView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await webhooks.sendTest(requireActor(request), request.params.rightsHolderId)),
  );

  app.get(
    `${path}/deliveries`,
    {
      schema: {
        tags: ['webhooks'],
        summary: 'The latest 100 delivery attempts of the webhook, newest first',
        params: rightsHolderParams,
        response: { 200: webhookDeliveriesView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => webhooks.deliveries(requireActor(request), request.params.rightsHolderId),
  );
}
