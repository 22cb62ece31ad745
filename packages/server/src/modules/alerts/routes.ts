import {
  acknowledgementView,
  alertBody,
  alertLangQuery,
  alertListView,
  alertParams,
  alertReading,
  alertSubjectsQuery,
  alertSubjectsView,
  alertView,
  inboxQuery,
  inboxView,
  riskProfileSchema,
  unreadView,
} from '@assay/core';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { errorResponses, unauthorised } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { type RequestAuth, requireActor } from '../identity/request-auth.js';
import { createAlertStreams, type StreamAccess } from './stream.js';

/** The reader's language: an explicit `lang`, else their account language. */
function readerLanguage(request: FastifyRequest, lang?: string): string {
  if (lang) return lang;
  return request.auth.kind === 'session' ? request.auth.user.locale : 'en';
}

/** What a stream is opened with, checked again while it stays open. */
function streamAccess(auth: RequestAuth): StreamAccess {
  if (auth.kind === 'session')
    return { grant: { kind: 'session', id: auth.session.id }, expiresAt: auth.session.expires_at };
  if (auth.kind === 'token') return { grant: { kind: 'token', id: auth.tokenId }, expiresAt: null };
  throw unauthorised();
}

export function registerAlertRoutes(app: App, ctx: AppContext): void {
  const { alerts, alertBus } = ctx;
  const tags = ['alerts'];
  const streams = createAlertStreams({
    alerts,
    bus: alertBus,
    db: ctx.db,
    clock: ctx.clock,
    limits: ctx.limits.alertStream,
    sessionIdleSeconds: ctx.limits.identity.sessionIdleSeconds,
  });
  app.addHook('preClose', async () => streams.closeAll());

  app.get(
    '/api/alerts/inbox',
    {
      schema: {
        tags,
        summary:
          "The officer's alerts: published, aimed at their country (or every country), active today unless `filter=all`; with the unread count",
        querystring: inboxQuery,
        response: { 200: inboxView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      alerts.inbox(requireActor(request), request.query.filter, readerLanguage(request, request.query.lang)),
  );

  app.get(
    '/api/alerts/unread',
    {
      schema: {
        tags,
        summary: 'How many active alerts the officer has not opened',
        response: { 200: unreadView, ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ unread: await alerts.unread(await alerts.readerOf(requireActor(request))) }),
  );

  app.get(
    '/api/alerts/stream',
    {
      schema: {
        tags,
        summary:
          'Server-sent events while the app is open: `unread` ({ unread }) at once and on every change, `alert` (an inbox entry) when an alert reaching the officer is published; a comment every 25 s keeps it open; ends when the session ends or the membership or organisation is no longer active',
        querystring: alertLangQuery,
        response: errorResponses(401, 403),
      },
    },
    async (request, reply) => {
      const reader = await alerts.readerOf(requireActor(request));
      streams.serve(
        request,
        reply,
        reader,
        streamAccess(request.auth),
        readerLanguage(request, request.query.lang),
      );
    },
  );

  app.get(
    '/api/alerts/inbox/:alertId',
    {
      schema: {
        tags,
        summary: 'Read one alert from the inbox (marks it read); products only where the guide is shared',
        params: alertParams,
        querystring: alertLangQuery,
        response: { 200: alertReading, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      alerts.read(requireActor(request), request.params.alertId, readerLanguage(request, request.query.lang)),
  );

  app.post(
    '/api/alerts/inbox/:alertId/acknowledge',
    {
      schema: {
        tags,
        summary:
          'Acknowledge an alert (once per person; the publisher sees organisations and countries, not names)',
        params: alertParams,
        response: { 200: acknowledgementView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => alerts.acknowledge(requireActor(request), request.params.alertId, request.ip),
  );

  app.get(
    '/api/alerts/subjects',
    {
      schema: {
        tags,
        summary:
          'Brands and products the publisher may name: a rights holder its own (a firm: of `rightsHolderId`), an analyst any brand and the products shared with them',
        querystring: alertSubjectsQuery.extend(alertLangQuery.shape),
        response: { 200: alertSubjectsView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      alerts.subjects(
        requireActor(request),
        request.query.rightsHolderId,
        readerLanguage(request, request.query.lang),
      ),
  );

  app.get(
    '/api/alerts',
    {
      schema: {
        tags,
        summary: 'The alerts of the organisations you publish for (drafts, published, withdrawn)',
        querystring: alertLangQuery,
        response: { 200: alertListView, ...errorResponses(401, 403) },
      },
    },
    async (request) => ({
      alerts: await alerts.list(requireActor(request), readerLanguage(request, request.query.lang)),
    }),
  );

  app.post(
    '/api/alerts',
    {
      schema: {
        tags,
        summary: 'Write a draft alert',
        body: alertBody,
        response: { 201: alertView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await alerts.create(requireActor(request), request.body, request.ip, readerLanguage(request))),
  );

  app.get(
    '/api/alerts/:alertId',
    {
      schema: {
        tags,
        summary:
          'One alert of yours, every language, with how many organisations and countries acknowledged it',
        params: alertParams,
        querystring: alertLangQuery,
        response: { 200: alertView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      alerts.get(requireActor(request), request.params.alertId, readerLanguage(request, request.query.lang)),
  );

  app.put(
    '/api/alerts/:alertId',
    {
      schema: {
        tags,
        summary: 'Replace a draft or published alert (a withdrawn one: 409)',
        params: alertParams,
        body: alertBody,
        response: { 200: alertView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      alerts.update(
        requireActor(request),
        request.params.alertId,
        request.body,
        request.ip,
        readerLanguage(request),
      ),
  );

  app.post(
    '/api/alerts/:alertId/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft: it reaches the inboxes of the countries it targets at once',
        params: alertParams,
        response: { 200: alertView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) =>
      alerts.publish(requireActor(request), request.params.alertId, request.ip, readerLanguage(request)),
  );

  app.post(
    '/api/alerts/:alertId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a published alert: it leaves every inbox',
        params: alertParams,
        response: { 200: alertView, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) =>
      alerts.withdraw(requireActor(request), request.params.alertId, request.ip, readerLanguage(request)),
  );

  app.get(
    '/api/alerts/:alertId/rules',
    {
      schema: {
        tags,
        summary:
          "The alert's indicators as a risk profile for the screening engine (its publisher, and analysts of the countries it reaches)",
        params: alertParams,
        response: { 200: riskProfileSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => alerts.rules(requireActor(request), request.params.alertId),
  );
}
