import type { OrganisationKind, Permission } from '@assay/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Forbidden } from '../screens/app/not-found';
import { useSession } from './session-context';

/** Fully signed-in users only; anyone else goes to sign-in and comes back afterwards. */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session.user && session.stage === 'active') return children;
  return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { session } = useSession();
  return session.permissions.includes(permission) ? children : <Forbidden />;
}

/** Pages for some kinds of organisation only (a portfolio for rights holders, guides for officers). */
export function RequireKind({
  kinds,
  children,
}: {
  kinds: readonly OrganisationKind[];
  children: ReactNode;
}) {
  const { session } = useSession();
  const kind = session.organisation?.kind;
  return kind && kinds.includes(kind) ? children : <Forbidden />;
}

/** Where to go after signing in: the page that sent the person to sign-in, else home. */
export function useReturnPath(): string {
  const state = useLocation().state as { from?: unknown } | null;
  return typeof state?.from === 'string' && state.from.startsWith('/') ? state.from : '/';
}
