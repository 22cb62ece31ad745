import { portfolioImportError, portfolioImportResult, rightsHolderParams } from '@assay/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { uploadedFile } from '../../http/uploads.js';
import { requireActor } from '../identity/request-auth.js';
import type { BulkFormat } from './service.js';

const CONTENT_TYPES: Record<BulkFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** A file download: the body is raw bytes, described for OpenAPI only. */
const fileResponse = (format: BulkFormat) =>
  z.any().meta({ description: `${format.toUpperCase()} file`, contentMediaType: CONTENT_TYPES[format] });

function sendFile(reply: FastifyReply, format: BulkFormat, name: string, body: Buffer) {
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

/**
 * Template, export and import of a whole portfolio: an XLSX workbook (Brands, Products,
 * Identifiers, Guide points, Indicators) or a CSV file of the Products sheet with a `gtins` column.
 */
export function registerPortfolioBulkRoutes(app: App, ctx: AppContext): void {
  const bulk = ctx.portfolioBulk;
  const base = '/api/rights-holders/:rightsHolderId/portfolio';
  const tags = ['portfolio'];
  const day = () => ctx.clock.now().toISOString().slice(0, 10);

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `${base}/template.${format}`,
      {
        schema: {
          tags,
          summary:
            format === 'xlsx'
              ? 'Empty portfolio workbook: every sheet and column, a note on each, drop-down lists'
              : 'Empty portfolio CSV file: the Products sheet with a `gtins` column ("gtin:level;…")',
          params: rightsHolderParams,
          response: { 200: fileResponse(format), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          format,
          'assay-portfolio-template',
          await bulk.template(requireActor(request), request.params.rightsHolderId, format),
        ),
    );

    app.get(
      `${base}/export.${format}`,
      {
        schema: {
          tags,
          summary:
            format === 'xlsx'
              ? 'The whole portfolio as a workbook, in the layout the import reads'
              : 'The portfolio products as CSV (no guide points or indicators: they are in the workbook)',
          params: rightsHolderParams,
          response: { 200: fileResponse(format), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          format,
          `assay-portfolio-${day()}`,
          await bulk.export(requireActor(request), request.params.rightsHolderId, format),
        ),
    );
  }

  app.post(
    `${base}/import`,
    {
      schema: {
        tags,
        summary:
          'Import a portfolio workbook (XLSX) or CSV file (multipart field `file`), whole or not at all; brands are matched by name and products by reference, so importing a file again changes nothing',
        description:
          'The format is told by content: an XLSX workbook is a zip archive. A refused file (400) lists every bad row as `{ sheet, line, field, message }` — at most 1,000, with `truncated` when there were more — and nothing is written. A CSV file is the Products sheet with GTINs in a `gtins` column (`gtin:level;…`); the guide points and indicators of products already in the portfolio are kept. Images are never in the file: products keep theirs.',
        consumes: ['multipart/form-data'],
        params: rightsHolderParams,
        response: {
          200: portfolioImportResult,
          400: portfolioImportError,
          ...errorResponses(401, 403, 404, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await ctx.portfolio.managedRightsHolder(actor, request.params.rightsHolderId);
      const file = await uploadedFile(request, ctx.config.uploads.maxBytes);
      const outcome = await bulk.import(actor, request.params.rightsHolderId, file, request.ip);
      if (outcome.ok) return outcome.result;
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: outcome.message,
          details: outcome.details,
          truncated: outcome.truncated,
        },
      });
    },
  );
}
