import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './app-context.js';
import { registerAuthHooks } from './http/auth-hooks.js';
import { AppError, registerErrorHandling } from './http/errors.js';
import { refuseNulCharacters } from './http/nul-characters.js';
import type { App } from './http/types.js';
import { registerAlertRoutes } from './modules/alerts/routes.js';
import { registerApiTokenRoutes } from './modules/api-tokens/routes.js';
import { registerAuditRoutes } from './modules/audit/routes.js';
import { registerAuthenticationRoutes } from './modules/authentication/routes.js';
import { registerCasePolicyRoutes } from './modules/case-policies/routes.js';
import { registerCaseRoutes } from './modules/cases/routes.js';
import { registerCompanyPrefixRoutes } from './modules/company-prefixes/routes.js';
import { registerContactRoutes } from './modules/contacts/routes.js';
import { registerGuidePdfRoutes } from './modules/guide-pdf/routes.js';
import { registerHealthRoutes } from './modules/health/routes.js';
import { registerIdentityRoutes } from './modules/identity/routes.js';
import { registerImageRoutes } from './modules/images/routes.js';
import { registerIpRightRoutes } from './modules/ip-rights/routes.js';
import { registerMailRoutes } from './modules/mail/routes.js';
import { registerNotificationRoutes } from './modules/notifications/routes.js';
import { registerOrganisationRoutes } from './modules/organisations/routes.js';
import { registerPortfolioRoutes } from './modules/portfolio/routes.js';
import { registerPortfolioBulkRoutes } from './modules/portfolio-bulk/routes.js';
import { registerRepresentationRoutes } from './modules/representations/routes.js';
import { registerSearchRoutes } from './modules/search/routes.js';
import { registerSupplyChainRoutes } from './modules/supply-chain/routes.js';
import { registerWebApp } from './modules/web/static.js';
import { registerWebhookRoutes } from './modules/webhooks/routes.js';

/** Emailed links carry secrets in their path or query: they never reach the logs. */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/invitations\/)[^/?#]+/, '$1[redacted]')
    .replace(/([?&]token=)[^&#]+/, '$1[redacted]');
}

function requestForLog(request: {
  method: string;
  url: string;
  ip?: string;
  headers: Record<string, unknown>;
}) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    remoteAddress: request.ip,
    userAgent: request.headers['user-agent'],
  };
}

/** The HTTP server: plugins, error handling, auth, then each module's routes. */
export async function buildServer(ctx: AppContext): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.log.child(
      { module: 'http' },
      { serializers: { req: requestForLog } },
    ) as FastifyBaseLogger,
    genReqId: (request) =>
      typeof request.headers['x-request-id'] === 'string'
        ? request.headers['x-request-id'].slice(0, 100)
        : randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Assay API',
        version: '0.1.0',
        description:
          'Rights holders publish what officers need to tell genuine goods from counterfeits. Browser clients sign in with a session cookie and send `x-csrf-token`; machines use `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'assay_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyCookie);
  // Uploads (images, workbooks): one file per request unless a route asks for more, at most MAX_UPLOAD_MB.
  await app.register(fastifyMultipart, {
    limits: { fileSize: ctx.config.uploads.maxBytes, files: 1, fields: 20, parts: 25 },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        429,
        'rate_limited',
        `Too many requests: try again in ${Math.ceil(context.ttl / 1000)} s`,
        {
          retryAfterSeconds: Math.ceil(context.ttl / 1000),
        },
      ),
  });
  registerErrorHandling(app);
  refuseNulCharacters(app);
  registerAuthHooks(app, ctx);

  registerHealthRoutes(app, ctx);
  registerIdentityRoutes(app, ctx);
  registerOrganisationRoutes(app, ctx);
  registerApiTokenRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerMailRoutes(app, ctx);
  registerPortfolioRoutes(app, ctx);
  registerPortfolioBulkRoutes(app, ctx);
  registerIpRightRoutes(app, ctx);
  registerSupplyChainRoutes(app, ctx);
  registerContactRoutes(app, ctx);
  registerSearchRoutes(app, ctx);
  registerCompanyPrefixRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerCasePolicyRoutes(app, ctx);
  registerAuthenticationRoutes(app, ctx);
  registerRepresentationRoutes(app, ctx);
  registerImageRoutes(app, ctx);
  registerGuidePdfRoutes(app, ctx);
  registerAlertRoutes(app, ctx);
  registerWebhookRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  await registerWebApp(app, ctx.config.http.webDist);
  return app;
}
