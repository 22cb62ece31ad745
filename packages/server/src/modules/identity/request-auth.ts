import type { Actor, Permission, TokenScope } from '@assay/core';
import { can } from '@assay/core';
import type { FastifyRequest } from 'fastify';
import { AppError, forbidden, unauthorised } from '../../http/errors.js';
import type { MembershipRecord, SessionRecord, UserRecord } from './queries.js';

/** Who is calling: nobody, a person with a browser session, or a machine with an API token. */
export type RequestAuth =
  | { kind: 'anonymous' }
  | { kind: 'session'; session: SessionRecord; user: UserRecord; membership: MembershipRecord | null }
  | { kind: 'token'; tokenId: string; scopes: TokenScope[]; membership: MembershipRecord; userId: string };

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth;
  }
}

/** API token scopes that grant read permissions; a token never gets any other permission. */
const SCOPE_FOR: Partial<Record<Permission, TokenScope>> = {
  'members.read': 'members:read',
  'audit.read': 'audit:read',
};

const READ_METHODS = new Set(['GET', 'HEAD']);

function actorOf(userId: string, membership: MembershipRecord | null): Actor {
  if (membership?.status !== 'active') throw forbidden('Your membership is not active');
  if (membership.organisation_status !== 'active') throw forbidden('Your organisation is not approved yet');
  return {
    userId,
    organisationId: membership.organisation_id,
    organisationKind: membership.organisation_kind,
    roles: membership.roles,
  };
}

/** The signed-in person's session, whatever its stage; 401 when there is none. */
export function requireSession(request: FastifyRequest) {
  const auth = request.auth;
  if (auth.kind !== 'session') throw unauthorised();
  return auth;
}

/**
 * The acting member of an active organisation, holding `permission` when one is named.
 * A token acts as its creator, narrowed to its scopes.
 */
export function requireActor(request: FastifyRequest, permission?: Permission): Actor {
  const auth = request.auth;
  if (auth.kind === 'anonymous') throw unauthorised();
  if (auth.kind === 'session' && auth.session.stage !== 'active') {
    throw new AppError(401, 'unauthorised', 'Finish two-factor sign-in first');
  }
  const actor =
    auth.kind === 'session' ? actorOf(auth.user.id, auth.membership) : actorOf(auth.userId, auth.membership);
  if (auth.kind === 'token') {
    // Without a named permission, reading needs the read scope and any change the write scope.
    const scope = permission
      ? SCOPE_FOR[permission]
      : READ_METHODS.has(request.method)
        ? 'organisation:read'
        : 'organisation:write';
    if (!scope || !auth.scopes.includes(scope))
      throw forbidden('This API token does not have the scope for this');
  }
  if (permission && !can(actor, permission)) throw forbidden();
  return actor;
}
