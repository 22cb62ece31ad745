import { catalogueProductParams, langQuery, productParams } from '@assay/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';

/** The reader's language: an explicit `lang`, else their account language. */
function readerLanguage(request: FastifyRequest, lang: string | undefined): string {
  if (lang) return lang;
  return request.auth.kind === 'session' ? request.auth.user.locale : 'en';
}

function sendPdf(reply: FastifyReply, result: { pdf: Buffer; reference: string }, lang: string) {
  const name = `guide-${result.reference}-${lang}`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${name}.pdf"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(result.pdf);
}

export function registerGuidePdfRoutes(app: App, ctx: AppContext): void {
  const { guidePdf } = ctx;

  app.get(
    '/api/catalogue/products/:productId/guide.pdf',
    {
      schema: {
        tags: ['catalogue'],
        summary:
          'A product guide as a printable PDF in your language (the same content as the guide; counted as a view)',
        params: catalogueProductParams,
        querystring: langQuery,
        produces: ['application/pdf'],
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const lang = readerLanguage(request, request.query.lang);
      const result = await guidePdf.forReader(
        requireActor(request),
        request.params.productId,
        lang,
        request.ip,
      );
      return sendPdf(reply, result, lang);
    },
  );

  app.get(
    '/api/rights-holders/:rightsHolderId/products/:productId/guide.pdf',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'The printable PDF guide of one of your products, with covert points, in a chosen language',
        params: productParams,
        querystring: langQuery,
        produces: ['application/pdf'],
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const lang = readerLanguage(request, request.query.lang);
      const result = await guidePdf.forOwner(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.productId,
        lang,
        request.ip,
      );
      return sendPdf(reply, result, lang);
    },
  );
}
