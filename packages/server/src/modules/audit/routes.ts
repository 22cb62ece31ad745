import { auditPage, auditQuery } from '@assay/core';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { requireActor } from '../identity/request-auth.js';
import { listAuditEvents } from './queries.js';

export function registerAuditRoutes(app: App, ctx: AppContext): void {
  const respond = async (filter: Parameters<typeof listAuditEvents>[1]) => {
    const rows = await listAuditEvents(ctx.db, filter);
    const events = rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorUserId: row.actor_user_id,
      actorName: row.actor_name,
      actorOrganisationId: row.actor_organisation_id,
      organisationId: row.organisation_id,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      ip: row.ip,
      details: row.details,
    }));
    const last = events.at(-1);
    return { events, nextBefore: events.length === filter.limit && last ? Number(last.id) : null };
  };

  app.get(
    '/api/organisation/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "The audit log of the signed-in admin's organisation",
        querystring: auditQuery.omit({ organisationId: true }),
        response: { 200: auditPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'audit.read');
      return respond({ ...request.query, organisationId: actor.organisationId });
    },
  );

  app.get(
    '/api/operator/audit',
    {
      schema: {
        tags: ['operator'],
        summary: 'The whole platform audit log (operator only)',
        querystring: auditQuery,
        response: { 200: auditPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      requireActor(request, 'organisations.approve');
      return respond(request.query);
    },
  );
}
