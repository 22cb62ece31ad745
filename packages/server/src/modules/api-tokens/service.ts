import type { Actor, TokenScope } from '@assay/core';
import type { Db } from '../../db/database.js';
import { invalid, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { randomToken, sha256 } from '../../lib/tokens.js';
import { recordAudit } from '../audit/queries.js';
import { findMembership } from '../identity/queries.js';
import type { RequestAuth } from '../identity/request-auth.js';

const TOKEN_PREFIX = 'assay_';

const COLUMNS = [
  't.id',
  't.name',
  't.scopes',
  't.prefix',
  'u.name as created_by_name',
  't.created_at',
  't.expires_at',
  't.last_used_at',
  't.revoked_at',
] as const;

/** Machine tokens: shown once, stored as SHA-256, scoped, revocable, acting as their creator. */
export function createApiTokenService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  const toView = (row: {
    id: string;
    name: string;
    scopes: string[];
    prefix: string;
    created_by_name: string | null;
    created_at: Date;
    expires_at: Date | null;
    last_used_at: Date | null;
    revoked_at: Date | null;
  }) => ({
    id: row.id,
    name: row.name,
    scopes: row.scopes as TokenScope[],
    prefix: row.prefix,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  });

  return {
    async list(actor: Actor) {
      const rows = await db
        .selectFrom('api_tokens as t')
        .leftJoin('users as u', 'u.id', 't.created_by')
        .select(COLUMNS)
        .where('t.organisation_id', '=', actor.organisationId)
        .orderBy('t.created_at', 'desc')
        .execute();
      return rows.map(toView);
    },

    async create(
      actor: Actor,
      input: { name: string; scopes: TokenScope[]; expiresAt?: string | undefined },
      ip: string | null,
    ) {
      if (input.expiresAt && new Date(input.expiresAt) <= clock.now()) {
        throw invalid('expiresAt', 'The expiry date must be in the future');
      }
      const token = `${TOKEN_PREFIX}${randomToken()}`;
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('api_tokens')
          .values({
            organisation_id: actor.organisationId,
            created_by: actor.userId,
            name: input.name,
            scopes: input.scopes,
            prefix: token.slice(0, TOKEN_PREFIX.length + 6),
            token_hash: sha256(token),
            expires_at: input.expiresAt ? new Date(input.expiresAt) : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, {
          actor_user_id: actor.userId,
          actor_organisation_id: actor.organisationId,
          organisation_id: actor.organisationId,
          action: 'api_token.created',
          target_type: 'api_token',
          target_id: row.id,
          ip,
          details: { name: input.name, scopes: input.scopes },
        });
        return row.id;
      });
      const rows = await db
        .selectFrom('api_tokens as t')
        .leftJoin('users as u', 'u.id', 't.created_by')
        .select(COLUMNS)
        .where('t.id', '=', id)
        .execute();
      return { ...toView(rows[0]!), token };
    },

    async revoke(actor: Actor, id: string, ip: string | null): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('api_tokens')
          .set({ revoked_at: clock.now() })
          .where('id', '=', id)
          .where('organisation_id', '=', actor.organisationId)
          .where('revoked_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!row) throw notFound('API token');
        await recordAudit(trx, {
          actor_user_id: actor.userId,
          actor_organisation_id: actor.organisationId,
          organisation_id: actor.organisationId,
          action: 'api_token.revoked',
          target_type: 'api_token',
          target_id: id,
          ip,
        });
      });
    },

    /** The caller behind a bearer token, or anonymous when the token is unknown, revoked or expired. */
    async resolve(token: string): Promise<RequestAuth> {
      if (!token.startsWith(TOKEN_PREFIX)) return { kind: 'anonymous' };
      const row = await db
        .selectFrom('api_tokens')
        .select(['id', 'created_by', 'scopes', 'expires_at', 'revoked_at', 'organisation_id', 'last_used_at'])
        .where('token_hash', '=', sha256(token))
        .executeTakeFirst();
      const now = clock.now();
      if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now) || !row.created_by)
        return { kind: 'anonymous' };
      const membership = await findMembership(db, row.created_by);
      if (!membership || membership.organisation_id !== row.organisation_id) return { kind: 'anonymous' };
      if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
        await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
      }
      return {
        kind: 'token',
        tokenId: row.id,
        scopes: row.scopes as TokenScope[],
        membership,
        userId: row.created_by,
      };
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
