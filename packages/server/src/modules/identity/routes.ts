import {
  accountUpdateBody,
  enrolmentView,
  passwordChangeBody,
  passwordResetConfirmBody,
  passwordResetRequestBody,
  recoveryCodesView,
  sessionView,
  signInBody,
  twoFactorBody,
} from '@assay/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { errorResponses } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { requireSession } from './request-auth.js';
import type { ClientInfo, SignedIn } from './service.js';

export const SESSION_COOKIE = 'assay_session';

export function clientInfo(request: FastifyRequest): ClientInfo {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

export function registerIdentityRoutes(app: App, ctx: AppContext): void {
  const { identity } = ctx;
  const authLimit = { rateLimit: { max: ctx.limits.authRequestsPerMinute, timeWindow: 60_000 } };

  const setSessionCookie = (reply: FastifyReply, signedIn: SignedIn) => {
    reply.setCookie(SESSION_COOKIE, signedIn.cookie, {
      path: '/',
      httpOnly: true,
      secure: ctx.config.http.cookieSecure,
      sameSite: 'strict',
      maxAge: ctx.limits.identity.sessionAbsoluteSeconds,
    });
    return signedIn.view;
  };

  app.get(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Who is signed in, at which stage, with which permissions',
        response: { 200: sessionView },
      },
    },
    async (request) => identity.view(request.auth),
  );

  app.post(
    '/api/session',
    {
      config: authLimit,
      schema: {
        tags: ['session'],
        summary: 'Sign in with email and password',
        body: signInBody,
        response: { 200: sessionView, ...errorResponses(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) =>
      setSessionCookie(
        reply,
        await identity.signIn(request.body.email, request.body.password, clientInfo(request)),
      ),
  );

  app.post(
    '/api/session/two-factor',
    {
      config: authLimit,
      schema: {
        tags: ['session'],
        summary: 'Answer the two-factor challenge with a TOTP code or a recovery code',
        body: twoFactorBody,
        response: { 200: sessionView, ...errorResponses(400, 401, 423, 429) },
      },
    },
    async (request, reply) =>
      setSessionCookie(
        reply,
        await identity.verifyTwoFactor(request.auth, request.body.code, clientInfo(request)),
      ),
  );

  app.post(
    '/api/session/two-factor/enrolment',
    {
      schema: {
        tags: ['session'],
        summary: 'Start setting up an authenticator app: returns a new secret and its QR code',
        response: { 200: enrolmentView, ...errorResponses(401, 409) },
      },
    },
    async (request) => identity.startEnrolment(request.auth),
  );

  app.post(
    '/api/session/two-factor/enrolment/confirm',
    {
      config: authLimit,
      schema: {
        tags: ['session'],
        summary: 'Confirm the authenticator with a first code; returns one-time recovery codes',
        body: twoFactorBody,
        response: { 200: recoveryCodesView.extend({ session: sessionView }), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const result = await identity.confirmEnrolment(request.auth, request.body.code, clientInfo(request));
      return { recoveryCodes: result.recoveryCodes, session: setSessionCookie(reply, result) };
    },
  );

  app.delete(
    '/api/session',
    { schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      await identity.signOut(request.auth);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/password-reset',
    {
      config: authLimit,
      schema: {
        tags: ['session'],
        summary:
          'Email a single-use password reset link (answers the same whether the account exists or not)',
        body: passwordResetRequestBody,
        response: { 202: z.object({}), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await identity.requestPasswordReset(request.body.email, clientInfo(request));
      return reply.status(202).send({});
    },
  );

  app.post(
    '/api/password-reset/confirm',
    {
      config: authLimit,
      schema: {
        tags: ['session'],
        summary: 'Set a new password with the emailed token; signs out every session of the account',
        body: passwordResetConfirmBody,
        response: { 204: z.null(), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await identity.confirmPasswordReset(request.body.token, request.body.password, clientInfo(request));
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/api/account',
    {
      schema: {
        tags: ['account'],
        summary: 'Change your name or language',
        body: accountUpdateBody,
        response: { 200: sessionView, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      requireSession(request);
      return identity.updateAccount(request.auth, request.body);
    },
  );

  app.post(
    '/api/account/password',
    {
      config: authLimit,
      schema: {
        tags: ['account'],
        summary: 'Change your password (other sessions are signed out)',
        body: passwordChangeBody,
        response: { 204: z.null(), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await identity.changePassword(
        request.auth,
        request.body.currentPassword,
        request.body.newPassword,
        clientInfo(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/account/recovery-codes',
    {
      schema: {
        tags: ['account'],
        summary: 'Replace your recovery codes with ten new ones',
        response: { 200: recoveryCodesView, ...errorResponses(400, 401) },
      },
    },
    async (request) => ({
      recoveryCodes: await identity.regenerateRecoveryCodes(request.auth, clientInfo(request)),
    }),
  );
}
