import { canPublishAlerts } from '@assay/core';
import type { ReactNode } from 'react';
import { useSession } from '../../session/session-context';
import { Forbidden } from '../app/not-found';

/** Alert publishing pages: rights holders, their legal representatives, enforcement analysts. */
export function RequireAlertPublisher({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const kind = session.organisation?.kind;
  return kind && canPublishAlerts(kind, session.roles) ? children : <Forbidden />;
}
