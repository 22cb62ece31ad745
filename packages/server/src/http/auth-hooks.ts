import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';
import { safeEqual } from '../lib/tokens.js';
import { SESSION_COOKIE } from '../modules/identity/routes.js';
import { AppError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolve who calls (session cookie or bearer API token) before any handler runs, and refuse a
 * state-changing browser request whose CSRF header does not match its session.
 */
export function registerAuthHooks(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null as never);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) {
      request.auth = { kind: 'anonymous' };
      return;
    }
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.auth = await ctx.apiTokens.resolve(header.slice(7).trim());
      if (request.auth.kind === 'anonymous')
        throw new AppError(401, 'unauthorised', 'Unknown, expired or revoked API token');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    request.auth = cookie ? await ctx.identity.resolveSession(cookie) : { kind: 'anonymous' };
    if (request.auth.kind === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, request.auth.session.csrf_token)) {
        throw new AppError(403, 'csrf_failed', 'Missing or wrong x-csrf-token header: reload the page');
      }
    }
  });
}
