import {
  companyListQuery,
  companyListView,
  companyParams,
  companyView,
  contactBody,
  contactListView,
  contactParams,
  contactView,
  rightsHolderParams,
} from '@assay/core';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';

export function registerContactRoutes(app: App, ctx: AppContext): void {
  const { contacts } = ctx;
  const base = '/api/rights-holders/:rightsHolderId/contacts';
  const tags = ['contacts'];

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'People officers can call: countries covered, languages, hours',
        params: rightsHolderParams,
        response: { 200: contactListView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({
      contacts: await contacts.contacts(requireActor(request), request.params.rightsHolderId),
    }),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Add a contact (no countries: worldwide)',
        params: rightsHolderParams,
        body: contactBody,
        response: { 201: contactView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await contacts.saveContact(
            requireActor(request),
            request.params.rightsHolderId,
            null,
            request.body,
            request.ip,
          ),
        ),
  );

  app.get(
    `${base}/:contactId`,
    {
      schema: {
        tags,
        summary: 'One contact',
        params: contactParams,
        response: { 200: contactView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      contacts.contact(requireActor(request), request.params.rightsHolderId, request.params.contactId),
  );

  app.put(
    `${base}/:contactId`,
    {
      schema: {
        tags,
        summary: 'Replace a contact',
        params: contactParams,
        body: contactBody,
        response: { 200: contactView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      contacts.saveContact(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.contactId,
        request.body,
        request.ip,
      ),
  );

  app.delete(
    `${base}/:contactId`,
    {
      schema: {
        tags,
        summary: 'Remove a contact',
        params: contactParams,
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await contacts.deleteContact(
        requireActor(request),
        request.params.rightsHolderId,
        request.params.contactId,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/catalogue/rights-holders',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Rights holders and their brands (enforcement organisations only; no share needed)',
        querystring: companyListQuery,
        response: { 200: companyListView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ rightsHolders: await contacts.companies(requireActor(request), request.query) }),
  );

  app.get(
    '/api/catalogue/rights-holders/:rightsHolderId',
    {
      schema: {
        tags: ['catalogue'],
        summary:
          "A rights holder's company information: brands and contacts, those covering your country first (enforcement organisations and the rights holder's own side)",
        params: companyParams,
        response: { 200: companyView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => contacts.company(requireActor(request), request.params.rightsHolderId),
  );
}
