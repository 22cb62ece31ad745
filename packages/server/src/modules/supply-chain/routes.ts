import {
  rightsHolderParams,
  supplyChainEntryBody,
  supplyChainEntryListView,
  supplyChainEntryParams,
  supplyChainEntryView,
  supplyChainImportQuery,
  supplyChainImportView,
  supplyChainListQuery,
  supplyChainTemplateQuery,
  supplyRouteBody,
  supplyRouteListView,
  supplyRouteParams,
  supplyRouteView,
} from '@assay/core';
// `request.file()` and `request.isMultipart()` come from the plugin registered in server.ts.
import type {} from '@fastify/multipart';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { uploadedFile } from '../../http/uploads.js';
import { requireActor } from '../identity/request-auth.js';
import { supplyChainTemplate } from './spreadsheet.js';

export function registerSupplyChainRoutes(app: App, ctx: AppContext): void {
  const { supplyChain } = ctx;
  const base = '/api/rights-holders/:rightsHolderId/supply-chain';
  const tags = ['supply-chain'];

  app.get(
    `${base}/entries`,
    {
      schema: {
        tags,
        summary: 'Companies of the legitimate supply chain (manufacturers, exporters, importers…)',
        params: rightsHolderParams,
        querystring: supplyChainListQuery,
        response: { 200: supplyChainEntryListView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      entries: await supplyChain.entries(requireActor(request), request.params.rightsHolderId, request.query),
    }),
  );

  app.post(
    `${base}/entries`,
    {
      schema: {
        tags,
        summary: 'Add a supply-chain entry, for one product or (without productId) the whole portfolio',
        params: rightsHolderParams,
        body: supplyChainEntryBody,
        response: { 201: supplyChainEntryView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await supplyChain.saveEntry(
            requireActor(request),
            request.params.rightsHolderId,
            null,
            request.body,
            request.ip,
          ),
        ),
  );

  app.get(
    `${base}/entries/:entryId`,
    {
      schema: {
        tags,
        summary: 'One supply-chain entry',
        params: supplyChainEntryParams,
        response: { 200: supplyChainEntryView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      supplyChain.entry(requireActor(request), request.params.rightsHolderId, request.params.entryId),
  );

  app.put(
    `${base}/entries/:entryId`,
    {
      schema: {
        tags,
        summary: 'Replace a supply-chain entry',
        params: supplyChainEntryParams,
        body: supplyChainEntryBody,
        response: { 200: supplyChainEntryView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      supplyChain.saveEntry(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.entryId,
        request.body,
        request.ip,
      ),
  );

  app.delete(
    `${base}/entries/:entryId`,
    {
      schema: {
        tags,
        summary: 'Remove a supply-chain entry',
        params: supplyChainEntryParams,
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await supplyChain.deleteEntry(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.entryId,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/routes`,
    {
      schema: {
        tags,
        summary: 'Usual routes of genuine goods: origin, transit, destination, ports, carriers, mode',
        params: rightsHolderParams,
        querystring: supplyChainListQuery,
        response: { 200: supplyRouteListView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      routes: await supplyChain.routes(requireActor(request), request.params.rightsHolderId, request.query),
    }),
  );

  app.post(
    `${base}/routes`,
    {
      schema: {
        tags,
        summary: 'Add a usual route, for one product or (without productId) the whole portfolio',
        params: rightsHolderParams,
        body: supplyRouteBody,
        response: { 201: supplyRouteView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await supplyChain.saveRoute(
            requireActor(request),
            request.params.rightsHolderId,
            null,
            request.body,
            request.ip,
          ),
        ),
  );

  app.get(
    `${base}/routes/:routeId`,
    {
      schema: {
        tags,
        summary: 'One usual route',
        params: supplyRouteParams,
        response: { 200: supplyRouteView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      supplyChain.route(requireActor(request), request.params.rightsHolderId, request.params.routeId),
  );

  app.put(
    `${base}/routes/:routeId`,
    {
      schema: {
        tags,
        summary: 'Replace a usual route',
        params: supplyRouteParams,
        body: supplyRouteBody,
        response: { 200: supplyRouteView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      supplyChain.saveRoute(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.routeId,
        request.body,
        request.ip,
      ),
  );

  app.delete(
    `${base}/routes/:routeId`,
    {
      schema: {
        tags,
        summary: 'Remove a usual route',
        params: supplyRouteParams,
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await supplyChain.deleteRoute(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.routeId,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/template`,
    {
      schema: {
        tags,
        summary:
          'The empty import template: a workbook (sheets Entries and Routes) or a CSV file of one sheet',
        params: rightsHolderParams,
        querystring: supplyChainTemplateQuery,
        response: {
          200: z.unknown().describe('The template: an XLSX workbook or a CSV file'),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      await ctx.portfolio.managedRightsHolder(requireActor(request), request.params.rightsHolderId);
      const template = await supplyChainTemplate(request.query.format, request.query.sheet);
      return reply
        .header('content-type', template.contentType)
        .header('content-disposition', `attachment; filename="${template.filename}"`)
        .send(template.body);
    },
  );

  app.post(
    `${base}/import`,
    {
      schema: {
        tags,
        summary:
          'Import a CSV or XLSX file (multipart field `file`, at most 10 MB) whole or not at all; a refusal lists every bad row as { sheet?, line, field, message }',
        consumes: ['multipart/form-data'],
        params: rightsHolderParams,
        querystring: supplyChainImportQuery,
        response: { 200: supplyChainImportView, ...errorResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const buffer = await uploadedFile(request, ctx.config.uploads.maxBytes);
      return supplyChain.importFile(
        actor,
        request.params.rightsHolderId,
        buffer,
        request.query.replace,
        request.ip,
      );
    },
  );
}
