import {
  certificateView,
  ipRightBody,
  ipRightListQuery,
  ipRightListView,
  ipRightParams,
  ipRightView,
  recordationBody,
  recordationListQuery,
  recordationListView,
  recordationParams,
  recordationView,
  rightsHolderParams,
} from '@assay/core';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { uploadedFile } from '../../http/uploads.js';
import { requireActor } from '../identity/request-auth.js';

export function registerIpRightRoutes(app: App, ctx: AppContext): void {
  const certificatePath = '/api/rights-holders/:rightsHolderId/ip-rights/:ipRightId/certificate';

  app.put(
    certificatePath,
    {
      schema: {
        tags: ['ip-rights'],
        summary:
          'Upload the registration certificate (multipart field `file`): a PDF, or a scan re-encoded without metadata',
        consumes: ['multipart/form-data'],
        params: ipRightParams,
        response: { 200: certificateView, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request) =>
      ctx.certificates.attach(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.ipRightId,
        () => uploadedFile(request, ctx.config.uploads.maxBytes),
        request.ip,
      ),
  );

  app.get(
    certificatePath,
    {
      schema: {
        tags: ['ip-rights'],
        summary: 'Download the registration certificate',
        params: ipRightParams,
      },
    },
    async (request, reply) => {
      const file = await ctx.certificates.fetch(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.ipRightId,
      );
      const extension = file.contentType === 'application/pdf' ? 'pdf' : 'webp';
      return reply
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="certificate-${request.params.ipRightId}.${extension}"`,
        )
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );

  const { ipRights } = ctx;
  const base = '/api/rights-holders/:rightsHolderId';
  const tags = ['ip-rights'];

  app.get(
    `${base}/ip-rights`,
    {
      schema: {
        tags,
        summary: 'IP rights of a rights holder you manage',
        params: rightsHolderParams,
        querystring: ipRightListQuery,
        response: { 200: ipRightListView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      ipRights: await ipRights.ipRights(requireActor(request), request.params.rightsHolderId, request.query),
    }),
  );

  app.post(
    `${base}/ip-rights`,
    {
      schema: {
        tags,
        summary:
          'Add an IP right: trademark, design, patent, copyright, geographical indication, plant variety',
        params: rightsHolderParams,
        body: ipRightBody,
        response: { 201: ipRightView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await ipRights.saveIpRight(
            requireActor(request),
            request.params.rightsHolderId,
            null,
            request.body,
            request.ip,
          ),
        ),
  );

  app.get(
    `${base}/ip-rights/:ipRightId`,
    {
      schema: {
        tags,
        summary: 'One IP right',
        params: ipRightParams,
        response: { 200: ipRightView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      ipRights.ipRight(requireActor(request), request.params.rightsHolderId, request.params.ipRightId),
  );

  app.put(
    `${base}/ip-rights/:ipRightId`,
    {
      schema: {
        tags,
        summary: 'Replace an IP right',
        params: ipRightParams,
        body: ipRightBody,
        response: { 200: ipRightView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      ipRights.saveIpRight(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.ipRightId,
        request.body,
        request.ip,
      ),
  );

  app.delete(
    `${base}/ip-rights/:ipRightId`,
    {
      schema: {
        tags,
        summary: 'Remove an IP right (its recordations stay, without it)',
        params: ipRightParams,
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await ipRights.deleteIpRight(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.ipRightId,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/recordations`,
    {
      schema: {
        tags,
        summary:
          'Customs recordations (applications for action), soonest-ending first, each with the days left and whether it ends within 30 days',
        params: rightsHolderParams,
        querystring: recordationListQuery,
        response: { 200: recordationListView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      recordations: await ipRights.recordations(
        requireActor(request),
        request.params.rightsHolderId,
        request.query,
      ),
    }),
  );

  app.post(
    `${base}/recordations`,
    {
      schema: {
        tags,
        summary: 'Add a customs recordation (application for action) in one country',
        params: rightsHolderParams,
        body: recordationBody,
        response: { 201: recordationView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await ipRights.saveRecordation(
            requireActor(request),
            request.params.rightsHolderId,
            null,
            request.body,
            request.ip,
          ),
        ),
  );

  app.get(
    `${base}/recordations/:recordationId`,
    {
      schema: {
        tags,
        summary: 'One recordation',
        params: recordationParams,
        response: { 200: recordationView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      ipRights.recordation(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.recordationId,
      ),
  );

  app.put(
    `${base}/recordations/:recordationId`,
    {
      schema: {
        tags,
        summary: 'Replace a recordation (a new end date or status re-arms its expiry reminder)',
        params: recordationParams,
        body: recordationBody,
        response: { 200: recordationView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ipRights.saveRecordation(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.recordationId,
        request.body,
        request.ip,
      ),
  );

  app.delete(
    `${base}/recordations/:recordationId`,
    {
      schema: {
        tags,
        summary: 'Remove a recordation',
        params: recordationParams,
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await ipRights.deleteRecordation(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.recordationId,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );
}
