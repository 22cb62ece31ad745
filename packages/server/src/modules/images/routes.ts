import { imageListView, imageParams, imageUploadQuery, imageView, rightsHolderParams } from '@assay/core';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { uploadedFile } from '../../http/uploads.js';
import { requireActor } from '../identity/request-auth.js';
import type { Rendition } from './service.js';

export function registerImageRoutes(app: App, ctx: AppContext): void {
  const { images } = ctx;

  app.post(
    '/api/rights-holders/:rightsHolderId/images',
    {
      schema: {
        tags: ['images'],
        summary:
          'Upload one image (multipart/form-data, one file): JPEG, PNG, WebP, AVIF or GIF (first frame), checked by content, re-encoded without metadata',
        consumes: ['multipart/form-data'],
        params: rightsHolderParams,
        querystring: imageUploadQuery,
        response: { 201: imageView, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await images.upload(
            requireActor(request),
            request.params.rightsHolderId,
            () => uploadedFile(request, ctx.config.uploads.maxBytes),
            request.query.kind,
            request.ip,
          ),
        ),
  );

  app.get(
    '/api/rights-holders/:rightsHolderId/images',
    {
      schema: {
        tags: ['images'],
        summary: 'Images of a rights holder you manage, newest first',
        params: rightsHolderParams,
        response: { 200: imageListView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({
      images: await images.list(requireActor(request), request.params.rightsHolderId),
    }),
  );

  app.delete(
    '/api/rights-holders/:rightsHolderId/images/:imageId',
    {
      schema: {
        tags: ['images'],
        summary: 'Delete an image that no product or guide point shows any more',
        params: rightsHolderParams.extend(imageParams.shape),
        response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await images.remove(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.imageId,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );

  for (const rendition of ['thumbnail', 'display'] as const satisfies readonly Rendition[]) {
    app.get(
      `/api/images/:imageId/${rendition}`,
      {
        schema: {
          tags: ['images'],
          summary:
            rendition === 'thumbnail'
              ? 'An image as a thumbnail (at most 320 px), for its rights holder or an officer its product is shared with'
              : 'An image at display size (at most 1600 px), for its rights holder or an officer its product is shared with',
          params: imageParams,
          response: {
            200: z.any().describe('The image, re-encoded as WebP'),
            304: z.undefined().describe('Not modified since the ETag sent in if-none-match'),
            ...errorResponses(401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const image = await images.rendition(requireActor(request), request.params.imageId, rendition);
        // An image id names one immutable picture; who may see it can change, so caches stay private
        // and short-lived.
        const etag = `"${request.params.imageId}-${rendition}"`;
        reply
          .header('cache-control', 'private, max-age=300')
          .header('etag', etag)
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', 'inline');
        if (request.headers['if-none-match'] === etag) return reply.status(304).send();
        return reply.type(image.contentType).send(image.bytes);
      },
    );
  }
}
