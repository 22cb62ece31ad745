import { outboxPage, outboxQuery } from '@assay/core';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { recordAudit } from '../audit/queries.js';
import { requireActor } from '../identity/request-auth.js';

export function registerMailRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/operator/outbox',
    {
      schema: {
        tags: ['operator'],
        summary: 'Outgoing mail: the messages themselves in demo mode, a delivery log with SMTP',
        querystring: outboxQuery,
        response: { 200: outboxPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'outbox.read');
      let query = ctx.db
        .selectFrom('mail_outbox')
        .select([
          'id',
          'to_address',
          'locale',
          'template',
          'subject',
          'text_body',
          'status',
          'attempts',
          'last_error',
          'created_at',
          'sent_at',
        ])
        .orderBy('created_at', 'desc')
        .limit(request.query.limit);
      if (request.query.to) query = query.where('to_address', '=', request.query.to.toLowerCase());
      const rows = await query.execute();
      // Held messages contain sign-in and reset links: reading them is a sensitive view.
      await recordAudit(ctx.db, {
        actor_user_id: actor.userId,
        actor_organisation_id: actor.organisationId,
        organisation_id: actor.organisationId,
        action: 'outbox.viewed',
        ip: request.ip,
        details: { messages: rows.length, ...(request.query.to ? { to: request.query.to } : {}) },
      });
      return {
        messages: rows.map((row) => ({
          id: row.id,
          to: row.to_address,
          locale: row.locale,
          template: row.template,
          subject: row.subject,
          text: row.text_body,
          status: row.status,
          attempts: row.attempts,
          lastError: row.last_error,
          createdAt: row.created_at.toISOString(),
          sentAt: row.sent_at?.toISOString() ?? null,
        })),
      };
    },
  );
}
