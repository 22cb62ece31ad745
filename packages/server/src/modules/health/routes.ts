import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { isDatabaseReachable } from '../../db/database.js';
import type { App } from '../../http/types.js';

const healthView = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unreachable']),
});

export function registerHealthRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/health',
    {
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'Liveness, with a database round trip',
        response: { 200: healthView, 503: healthView },
      },
    },
    async (_request, reply) => {
      const ok = await isDatabaseReachable(ctx.db);
      return reply
        .status(ok ? 200 : 503)
        .send({ status: ok ? 'ok' : 'unavailable', database: ok ? 'ok' : 'unreachable' });
    },
  );
}
