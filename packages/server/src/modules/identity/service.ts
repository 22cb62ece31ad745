import { type Locale, permissionsOf, requiresTwoFactor, type SessionView } from '@assay/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { SessionStage } from '../../db/schema.js';
import { AppError, invalid, unauthorised } from '../../http/errors.js';
import { addSeconds, type Clock } from '../../lib/clock.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { randomToken, sha256 } from '../../lib/tokens.js';
import { recordAudit } from '../audit/queries.js';
import { type MailSettings, queueMail } from '../mail/outbox.js';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './passwords.js';
import {
  consumeRecoveryCode,
  deleteSession,
  deleteUserSessions,
  findMembership,
  findSessionWithPerson,
  findUserByEmail,
  findUserById,
  insertSession,
  type MembershipRecord,
  replaceRecoveryCodes,
  type UserRecord,
} from './queries.js';
import type { RequestAuth } from './request-auth.js';
import { enrolmentDetails, matchTotpStep, newTotpSecret } from './totp.js';

export interface IdentityLimits {
  /** Failed passwords or codes in a row before the account locks. */
  lockoutThreshold: number;
  lockoutSeconds: number;
  sessionAbsoluteSeconds: number;
  sessionIdleSeconds: number;
  passwordResetSeconds: number;
}

export const DEFAULT_IDENTITY_LIMITS: IdentityLimits = {
  lockoutThreshold: 5,
  lockoutSeconds: 15 * 60,
  sessionAbsoluteSeconds: 12 * 3600,
  sessionIdleSeconds: 2 * 3600,
  passwordResetSeconds: 3600,
};

const RECOVERY_CODE_COUNT = 10;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** A session cookie value to set, with the view the client sees. */
export interface SignedIn {
  cookie: string;
  view: SessionView;
}

interface Deps {
  db: Db;
  clock: Clock;
  totpBox: SecretBox;
  mail: MailSettings & { afterCommit(): void };
  publicUrl: string;
  limits: IdentityLimits;
  demo: boolean;
}

export function createIdentityService(deps: Deps) {
  const { db, clock, limits } = deps;

  function newRecoveryCodes(): string[] {
    return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const raw = randomToken(10)
        .replace(/[^a-zA-Z0-9]/g, '')
        .toLowerCase()
        .padEnd(10, '0')
        .slice(0, 10);
      return `${raw.slice(0, 5)}-${raw.slice(5)}`;
    });
  }

  /** `executor` must be the open transaction when there is one: the embedded database has one connection. */
  async function buildView(
    executor: Db,
    user: UserRecord,
    stage: SessionStage,
    csrfToken: string,
  ): Promise<SessionView> {
    const membership = (await findMembership(executor, user.id)) ?? null;
    return viewOf(user, membership, stage, csrfToken);
  }

  function viewOf(
    user: UserRecord | null,
    membership: MembershipRecord | null,
    stage: SessionStage | null,
    csrfToken: string | null,
  ): SessionView {
    const activeActor =
      user &&
      membership &&
      stage === 'active' &&
      membership.status === 'active' &&
      membership.organisation_status === 'active'
        ? {
            userId: user.id,
            organisationId: membership.organisation_id,
            organisationKind: membership.organisation_kind,
            roles: membership.roles,
          }
        : null;
    return {
      user: user
        ? {
            id: user.id,
            email: user.email,
            name: user.name,
            locale: user.locale,
            twoFactorEnabled: user.totp_enabled_at !== null,
          }
        : null,
      stage,
      organisation: membership
        ? {
            id: membership.organisation_id,
            name: membership.organisation_name,
            kind: membership.organisation_kind,
            countryCode: membership.organisation_country_code,
            status: membership.organisation_status,
          }
        : null,
      membershipStatus: membership?.status ?? null,
      roles: membership?.roles ?? [],
      permissions: activeActor ? permissionsOf(activeActor) : [],
      csrfToken,
      demo: deps.demo,
    };
  }

  /** Open a new session (a fresh id at every step, so a planted cookie is worthless). */
  async function openSession(executor: Db, userId: string, stage: SessionStage, client: ClientInfo) {
    const cookie = randomToken();
    const csrfToken = randomToken();
    await insertSession(executor, {
      id: sha256(cookie),
      userId,
      stage,
      csrfToken,
      now: clock.now(),
      expiresAt: addSeconds(clock.now(), limits.sessionAbsoluteSeconds),
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return { cookie, csrfToken };
  }

  async function registerFailure(
    executor: Db,
    user: UserRecord,
    client: ClientInfo,
    reason: string,
  ): Promise<void> {
    const failures = user.failed_sign_ins + 1;
    const locks = failures >= limits.lockoutThreshold;
    await executor
      .updateTable('users')
      .set({
        failed_sign_ins: locks ? 0 : failures,
        locked_until: locks ? addSeconds(clock.now(), limits.lockoutSeconds) : user.locked_until,
      })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(executor, {
      actor_user_id: user.id,
      action: locks ? 'session.locked' : 'session.sign_in_failed',
      target_type: 'user',
      target_id: user.id,
      organisation_id: (await findMembership(executor, user.id))?.organisation_id ?? null,
      ip: client.ip,
      details: { reason },
    });
  }

  function assertNotLocked(user: UserRecord): void {
    const now = clock.now();
    if (user.locked_until && user.locked_until > now) {
      const retryAfterSeconds = Math.ceil((user.locked_until.getTime() - now.getTime()) / 1000);
      throw new AppError(423, 'locked', 'Too many failed attempts: the account is locked for a while', {
        retryAfterSeconds,
      });
    }
  }

  function stageAfterPassword(user: UserRecord, membership: MembershipRecord | null): SessionStage {
    if (user.totp_enabled_at) return 'two_factor_required';
    if (membership && requiresTwoFactor(membership.organisation_kind, membership.roles))
      return 'two_factor_enrolment_required';
    return 'active';
  }

  /** The second factor: a TOTP code (never the same one twice) or an unused recovery code. */
  async function checkSecondFactor(
    executor: Db,
    user: UserRecord,
    code: string,
  ): Promise<'totp' | 'recovery' | null> {
    if (/^\d{6}$/.test(code) && user.totp_secret) {
      const step = matchTotpStep(deps.totpBox.open(user.totp_secret), code, clock.now());
      if (step === null || (user.totp_last_step !== null && step <= Number(user.totp_last_step))) return null;
      await executor
        .updateTable('users')
        .set({ totp_last_step: String(step) })
        .where('id', '=', user.id)
        .execute();
      return 'totp';
    }
    const normalised = code.toLowerCase();
    if (/^[a-z0-9]{5}-?[a-z0-9]{5}$/.test(normalised)) {
      const canonical = normalised.includes('-')
        ? normalised
        : `${normalised.slice(0, 5)}-${normalised.slice(5)}`;
      return (await consumeRecoveryCode(executor, user.id, sha256(canonical), clock.now()))
        ? 'recovery'
        : null;
    }
    return null;
  }

  async function completeSignIn(executor: Db, user: UserRecord, client: ClientInfo, method: string) {
    await executor
      .updateTable('users')
      .set({ failed_sign_ins: 0, locked_until: null, last_sign_in_at: clock.now() })
      .where('id', '=', user.id)
      .execute();
    const membership = await findMembership(executor, user.id);
    await recordAudit(executor, {
      actor_user_id: user.id,
      actor_organisation_id: membership?.organisation_id ?? null,
      organisation_id: membership?.organisation_id ?? null,
      action: 'session.sign_in',
      target_type: 'user',
      target_id: user.id,
      ip: client.ip,
      details: { method },
    });
  }

  function sessionAuth(auth: RequestAuth) {
    if (auth.kind !== 'session') throw unauthorised();
    return auth;
  }

  return {
    /** Resolve a session cookie into the caller's identity, expiring idle and old sessions. */
    async resolveSession(cookie: string): Promise<RequestAuth> {
      const id = sha256(cookie);
      const found = await findSessionWithPerson(db, id);
      const now = clock.now();
      if (!found) return { kind: 'anonymous' };
      const { session, user, membership } = found;
      if (session.expires_at <= now || addSeconds(session.last_seen_at, limits.sessionIdleSeconds) <= now) {
        await deleteSession(db, id);
        return { kind: 'anonymous' };
      }
      if (now.getTime() - session.last_seen_at.getTime() > 60_000) {
        await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
      }
      return { kind: 'session', session, user, membership };
    },

    async view(auth: RequestAuth): Promise<SessionView> {
      if (auth.kind !== 'session') return viewOf(null, null, null, null);
      return viewOf(auth.user, auth.membership, auth.session.stage, auth.session.csrf_token);
    },

    async signIn(email: string, password: string, client: ClientInfo): Promise<SignedIn> {
      const user = await findUserByEmail(db, email);
      if (!user) {
        await verifyAgainstNothing(password);
        throw new AppError(401, 'invalid_credentials', 'Wrong email or password');
      }
      assertNotLocked(user);
      if (!(await verifyPassword(user.password_hash, password))) {
        await db.transaction().execute((trx) => registerFailure(trx, user, client, 'password'));
        throw new AppError(401, 'invalid_credentials', 'Wrong email or password');
      }
      const membership = (await findMembership(db, user.id)) ?? null;
      if (membership && (membership.status === 'disabled' || membership.status === 'rejected')) {
        throw new AppError(403, 'forbidden', 'This account is not active');
      }
      if (membership?.organisation_status === 'rejected' || membership?.organisation_status === 'suspended') {
        throw new AppError(403, 'forbidden', 'This organisation is not active on Assay');
      }
      const stage = stageAfterPassword(user, membership);
      return db.transaction().execute(async (trx) => {
        const { cookie, csrfToken } = await openSession(trx, user.id, stage, client);
        if (stage === 'active') await completeSignIn(trx, user, client, 'password');
        return { cookie, view: viewOf(user, membership, stage, csrfToken) };
      });
    },

    async verifyTwoFactor(auth: RequestAuth, code: string, client: ClientInfo): Promise<SignedIn> {
      const { session, user } = sessionAuth(auth);
      if (session.stage !== 'two_factor_required')
        throw invalid('code', 'No two-factor challenge is pending');
      assertNotLocked(user);
      return db.transaction().execute(async (trx) => {
        const method = await checkSecondFactor(trx, user, code);
        if (!method) {
          await registerFailure(trx, user, client, 'two_factor');
          throw new AppError(400, 'invalid_two_factor_code', 'That code is not valid');
        }
        await deleteSession(trx, session.id);
        const opened = await openSession(trx, user.id, 'active', client);
        await completeSignIn(
          trx,
          user,
          client,
          method === 'totp' ? 'password+totp' : 'password+recovery_code',
        );
        return { cookie: opened.cookie, view: await buildView(trx, user, 'active', opened.csrfToken) };
      });
    },

    /** Start (or restart) TOTP enrolment: a new secret kept on the session until confirmed. */
    async startEnrolment(auth: RequestAuth) {
      const { session, user } = sessionAuth(auth);
      if (session.stage === 'two_factor_required') throw unauthorised('Finish two-factor sign-in first');
      if (user.totp_enabled_at) throw new AppError(409, 'conflict', 'Two-factor sign-in is already set up');
      const secret = newTotpSecret();
      await db
        .updateTable('sessions')
        .set({ pending_totp_secret: deps.totpBox.seal(secret) })
        .where('id', '=', session.id)
        .execute();
      return enrolmentDetails(secret, user.email);
    },

    async confirmEnrolment(
      auth: RequestAuth,
      code: string,
      client: ClientInfo,
    ): Promise<SignedIn & { recoveryCodes: string[] }> {
      const { session, user } = sessionAuth(auth);
      if (!session.pending_totp_secret) throw invalid('code', 'Start the enrolment first');
      const sealed = session.pending_totp_secret;
      const step = matchTotpStep(deps.totpBox.open(sealed), code, clock.now());
      if (step === null) throw new AppError(400, 'invalid_two_factor_code', 'That code is not valid');
      const recoveryCodes = newRecoveryCodes();
      return db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ totp_secret: sealed, totp_enabled_at: clock.now(), totp_last_step: String(step) })
          .where('id', '=', user.id)
          .execute();
        await replaceRecoveryCodes(trx, user.id, recoveryCodes.map(sha256));
        const membership = await findMembership(trx, user.id);
        await recordAudit(trx, {
          actor_user_id: user.id,
          actor_organisation_id: membership?.organisation_id ?? null,
          organisation_id: membership?.organisation_id ?? null,
          action: 'user.two_factor_enabled',
          target_type: 'user',
          target_id: user.id,
          ip: client.ip,
        });
        await deleteSession(trx, session.id);
        const opened = await openSession(trx, user.id, 'active', client);
        if (session.stage === 'two_factor_enrolment_required')
          await completeSignIn(trx, user, client, 'password+totp_enrolment');
        const fresh = (await findUserById(trx, user.id)) ?? user;
        return {
          cookie: opened.cookie,
          view: await buildView(trx, fresh, 'active', opened.csrfToken),
          recoveryCodes,
        };
      });
    },

    async regenerateRecoveryCodes(auth: RequestAuth, client: ClientInfo): Promise<string[]> {
      const { session, user } = sessionAuth(auth);
      if (session.stage !== 'active') throw unauthorised('Finish two-factor sign-in first');
      if (!user.totp_enabled_at) throw invalid('twoFactor', 'Set up two-factor sign-in first');
      const codes = newRecoveryCodes();
      await db.transaction().execute(async (trx) => {
        await replaceRecoveryCodes(trx, user.id, codes.map(sha256));
        await recordAudit(trx, {
          actor_user_id: user.id,
          action: 'user.recovery_codes_regenerated',
          target_type: 'user',
          target_id: user.id,
          ip: client.ip,
        });
      });
      return codes;
    },

    async signOut(auth: RequestAuth): Promise<void> {
      if (auth.kind === 'session') await deleteSession(db, auth.session.id);
    },

    /** Always succeeds from the outside, so the form cannot tell which emails have accounts. */
    async requestPasswordReset(email: string, client: ClientInfo): Promise<void> {
      const user = await findUserByEmail(db, email);
      if (!user) return;
      const token = randomToken();
      const expires = addSeconds(clock.now(), limits.passwordResetSeconds);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('password_resets')
          .values({ token_hash: sha256(token), user_id: user.id, expires_at: expires })
          .execute();
        await queueMail(trx, deps.mail, {
          to: user.email,
          locale: user.locale,
          template: 'password_reset',
          params: { name: user.name, expires, link: `${deps.publicUrl}/reset-password?token=${token}` },
        });
        await recordAudit(trx, {
          actor_user_id: user.id,
          action: 'user.password_reset_requested',
          target_type: 'user',
          target_id: user.id,
          ip: client.ip,
        });
      });
      deps.mail.afterCommit();
    },

    async confirmPasswordReset(token: string, password: string, client: ClientInfo): Promise<void> {
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        const reset = await trx
          .updateTable('password_resets')
          .set({ used_at: clock.now() })
          .where('token_hash', '=', sha256(token))
          .where('used_at', 'is', null)
          .where('expires_at', '>', clock.now())
          .returning('user_id')
          .executeTakeFirst();
        if (!reset) throw invalid('token', 'This reset link is not valid any more: ask for a new one');
        await trx
          .updateTable('users')
          .set({
            password_hash: passwordHash,
            password_changed_at: clock.now(),
            failed_sign_ins: 0,
            locked_until: null,
          })
          .where('id', '=', reset.user_id)
          .execute();
        await deleteUserSessions(trx, reset.user_id);
        await recordAudit(trx, {
          actor_user_id: reset.user_id,
          action: 'user.password_reset',
          target_type: 'user',
          target_id: reset.user_id,
          ip: client.ip,
        });
      });
    },

    async updateAccount(
      auth: RequestAuth,
      changes: { name?: string | undefined; locale?: Locale | undefined },
    ): Promise<SessionView> {
      const { session, user } = sessionAuth(auth);
      const updated = await db
        .updateTable('users')
        .set({
          ...(changes.name ? { name: changes.name } : {}),
          ...(changes.locale ? { locale: changes.locale } : {}),
        })
        .where('id', '=', user.id)
        .returning(['id'])
        .executeTakeFirstOrThrow();
      const fresh = await findUserById(db, updated.id);
      return buildView(db, fresh ?? user, session.stage, session.csrf_token);
    },

    async changePassword(
      auth: RequestAuth,
      current: string,
      next: string,
      client: ClientInfo,
    ): Promise<void> {
      const { session, user } = sessionAuth(auth);
      if (session.stage !== 'active') throw unauthorised('Finish two-factor sign-in first');
      if (!(await verifyPassword(user.password_hash, current)))
        throw invalid('currentPassword', 'The current password is wrong');
      const passwordHash = await hashPassword(next);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, password_changed_at: clock.now() })
          .where('id', '=', user.id)
          .execute();
        // Other devices signed in with the old password are signed out.
        await trx
          .deleteFrom('sessions')
          .where('user_id', '=', user.id)
          .where('id', '<>', session.id)
          .execute();
        await recordAudit(trx, {
          actor_user_id: user.id,
          action: 'user.password_changed',
          target_type: 'user',
          target_id: user.id,
          ip: client.ip,
        });
      });
    },

    /** Remove sessions past their absolute lifetime (run periodically). */
    async purgeExpiredSessions(): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<=', clock.now()).execute();
      await db.deleteFrom('password_resets').where(sql<boolean>`expires_at < ${clock.now()}`).execute();
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
