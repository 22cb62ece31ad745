import {
  brandBody,
  brandListView,
  brandParams,
  brandView,
  catalogueProductParams,
  catalogueQuery,
  guideView,
  langQuery,
  productBody,
  productListQuery,
  productListView,
  productParams,
  productReferenceParams,
  productView,
  rightsHolderParams,
  sharesBody,
  sharesView,
  viewStatisticsQuery,
  viewStatisticsView,
} from '@assay/core';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import { readerLanguage } from '../../http/reader-language.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';

export function registerPortfolioRoutes(app: App, ctx: AppContext): void {
  const { portfolio } = ctx;
  const base = '/api/rights-holders/:rightsHolderId';

  app.get(
    `${base}/brands`,
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Brands of a rights holder you manage',
        params: rightsHolderParams,
        response: { 200: brandListView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({
      brands: await portfolio.brands(requireActor(request), request.params.rightsHolderId),
    }),
  );

  app.post(
    `${base}/brands`,
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Add a brand, with its aliases and the categories it covers',
        params: rightsHolderParams,
        body: brandBody,
        response: { 201: brandView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await portfolio.saveBrand(
            requireActor(request),
            request.params.rightsHolderId,
            null,
            request.body,
            request.ip,
          ),
        ),
  );

  app.put(
    `${base}/brands/:brandId`,
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Change a brand',
        params: brandParams,
        body: brandBody,
        response: { 200: brandView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      portfolio.saveBrand(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.brandId,
        request.body,
        request.ip,
      ),
  );

  app.get(
    `${base}/products`,
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Products of a rights holder you manage',
        params: rightsHolderParams,
        querystring: productListQuery,
        response: { 200: productListView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      products: await portfolio.products(requireActor(request), request.params.rightsHolderId, request.query),
    }),
  );

  app.post(
    `${base}/products`,
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Create a product with its guide',
        params: rightsHolderParams,
        body: productBody,
        response: { 201: productView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await portfolio.createProduct(
            requireActor(request),
            request.params.rightsHolderId,
            request.body,
            request.ip,
          ),
        ),
  );

  app.get(
    `${base}/products/:productId`,
    {
      schema: {
        tags: ['portfolio'],
        summary: 'A product with its whole guide, every language',
        params: productParams,
        response: { 200: productView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      portfolio.product(requireActor(request), request.params.rightsHolderId, request.params.productId),
  );

  app.put(
    `${base}/products/:productId`,
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Replace a product and its guide',
        params: productParams,
        body: productBody,
        response: { 200: productView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      portfolio.replaceProduct(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.productId,
        request.body,
        request.ip,
      ),
  );

  app.put(
    `${base}/products/by-reference/:reference`,
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'Create or replace the product with your own reference (idempotent: for product-information systems)',
        params: productReferenceParams,
        body: productBody,
        response: { 200: productView, 201: productView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await portfolio.upsertByReference(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.reference,
        request.body,
        request.ip,
      );
      return reply.status(result.created ? 201 : 200).send(result.product);
    },
  );

  app.get(
    `${base}/products/:productId/shares`,
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Who a product is shared with',
        params: productParams,
        response: { 200: sharesView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({
      shares: await portfolio.shares(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.productId,
      ),
    }),
  );

  app.put(
    `${base}/products/:productId/shares`,
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'Set who a product is shared with: everyone, countries, or named organisations (covert points only to named ones)',
        params: productParams,
        body: sharesBody,
        response: { 200: sharesView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      shares: await portfolio.replaceShares(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.productId,
        request.body.shares,
        request.ip,
      ),
    }),
  );

  app.get(
    `${base}/statistics/guide-views`,
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Guide views per month and viewer country (never who viewed)',
        params: rightsHolderParams,
        querystring: viewStatisticsQuery,
        response: { 200: viewStatisticsView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      rows: await portfolio.viewStatistics(
        requireActor(request),
        request.params.rightsHolderId,
        request.query.months,
      ),
    }),
  );

  app.get(
    '/api/catalogue/products',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Products shared with your enforcement organisation',
        querystring: catalogueQuery,
        response: { 200: productListView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      products: await portfolio.catalogue(requireActor(request), readerLanguage(request, request.query.lang)),
    }),
  );

  app.get(
    '/api/catalogue/products/:productId',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'A product guide as an officer sees it (each view is counted for the rights holder)',
        params: catalogueProductParams,
        querystring: langQuery,
        response: { 200: guideView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      portfolio.guide(
        requireActor(request),
        request.params.productId,
        readerLanguage(request, request.query.lang),
        request.ip,
      ),
  );
}
