import {
  decisionBody,
  directoryQuery,
  directoryView,
  idParams,
  invitationAcceptBody,
  invitationBody,
  invitationListView,
  invitationPreview,
  invitationTokenParams,
  invitationView,
  joinRequestBody,
  memberListView,
  memberParams,
  memberUpdateBody,
  memberView,
  organisationListQuery,
  organisationListView,
  organisationView,
  registrationBody,
} from '@assay/core';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';
import { clientInfo } from '../identity/routes.js';

export function registerOrganisationRoutes(app: App, ctx: AppContext): void {
  const { organisations } = ctx;
  const publicLimit = { rateLimit: { max: ctx.limits.authRequestsPerMinute, timeWindow: 60_000 } };

  app.post(
    '/api/registrations',
    {
      config: publicLimit,
      schema: {
        tags: ['organisations'],
        summary: 'Ask for an organisation to join Assay, with its first admin; the operator reviews it',
        body: registrationBody,
        response: { 201: z.object({ organisationId: z.uuid() }), ...errorResponses(400, 409, 429) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await organisations.register(request.body, clientInfo(request))),
  );

  app.get(
    '/api/directory/enforcement-organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Approved enforcement organisations, to pick the one to ask to join',
        querystring: directoryQuery,
        response: { 200: directoryView, ...errorResponses(400) },
      },
    },
    async (request) => ({ organisations: await organisations.directory(request.query.countryCode) }),
  );

  app.post(
    '/api/join-requests',
    {
      config: publicLimit,
      schema: {
        tags: ['organisations'],
        summary: 'Ask to join an enforcement organisation; its national coordinator decides',
        body: joinRequestBody,
        response: { 201: z.object({}), ...errorResponses(400, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      await organisations.requestToJoin(request.body, clientInfo(request));
      return reply.status(201).send({});
    },
  );

  app.get(
    '/api/invitations/:token',
    {
      config: publicLimit,
      schema: {
        tags: ['invitations'],
        summary: 'What an invitation link offers',
        params: invitationTokenParams,
        response: { 200: invitationPreview, ...errorResponses(404, 429) },
      },
    },
    async (request) => (await organisations.previewInvitation(request.params.token)).view,
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: publicLimit,
      schema: {
        tags: ['invitations'],
        summary: 'Accept an invitation: create the account with a name, password and language',
        params: invitationTokenParams,
        body: invitationAcceptBody,
        response: { 201: z.object({}), ...errorResponses(400, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      await organisations.acceptInvitation(request.params.token, request.body, clientInfo(request));
      return reply.status(201).send({});
    },
  );

  app.get(
    '/api/organisation',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Your organisation',
        response: { 200: organisationView, ...errorResponses(401, 403) },
      },
    },
    async (request) => organisations.mine(requireActor(request)),
  );

  app.get(
    '/api/organisation/members',
    {
      schema: {
        tags: ['members'],
        summary: 'Members of your organisation, pending requests first',
        response: { 200: memberListView, ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ members: await organisations.members(requireActor(request, 'members.read')) }),
  );

  app.patch(
    '/api/organisation/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: "Change a member's roles or disable them",
        params: memberParams,
        body: memberUpdateBody,
        response: { 200: memberView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      organisations.updateMember(
        requireActor(request, 'members.manage'),
        request.params.userId,
        request.body,
        request.ip,
      ),
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/organisation/members/:userId/${decision}`,
      {
        schema: {
          tags: ['members'],
          summary: decision === 'approve' ? 'Approve a pending member' : 'Reject a pending member',
          params: memberParams,
          response: { 200: memberView, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) =>
        organisations.decideMember(
          requireActor(request, 'members.approve'),
          request.params.userId,
          decision,
          request.ip,
        ),
    );
  }

  app.get(
    '/api/organisation/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Invitations sent by your organisation',
        response: { 200: invitationListView, ...errorResponses(401, 403) },
      },
    },
    async (request) => ({
      invitations: await organisations.invitations(requireActor(request, 'members.invite')),
    }),
  );

  app.post(
    '/api/organisation/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Invite someone by email, with their roles and the language of the message',
        body: invitationBody,
        response: { 201: invitationView, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await organisations.invite(requireActor(request, 'members.invite'), request.body, request.ip)),
  );

  app.delete(
    '/api/organisation/invitations/:id',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Revoke a pending invitation',
        params: idParams,
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await organisations.revokeInvitation(
        requireActor(request, 'members.invite'),
        request.params.id,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/operator/organisations',
    {
      schema: {
        tags: ['operator'],
        summary: 'Organisations by status (operator only)',
        querystring: organisationListQuery,
        response: { 200: organisationListView, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      requireActor(request, 'organisations.approve');
      return { organisations: await organisations.list(request.query) };
    },
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/operator/organisations/:id/${decision}`,
      {
        schema: {
          tags: ['operator'],
          summary: decision === 'approve' ? 'Approve an organisation' : 'Reject an organisation',
          params: idParams,
          body: decisionBody,
          response: { 200: organisationView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        organisations.decideOrganisation(
          requireActor(request, 'organisations.approve'),
          request.params.id,
          decision,
          request.body.note,
          request.ip,
        ),
    );
  }
}
