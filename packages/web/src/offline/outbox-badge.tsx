import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context';
import { useOutbox } from './use-offline-list';

/** How many reports wait in the outbox (queued or needing attention); nothing when none do. */
export function OutboxBadge() {
  const { t } = useTranslation();
  const { session } = useSession();
  const entries = useOutbox(session.user?.id);
  const waiting = entries?.filter((entry) => entry.state !== 'sent') ?? [];
  if (waiting.length === 0) return null;
  const attention = waiting.some((entry) => entry.state === 'attention');
  return (
    <>
      {' '}
      <span className={attention ? 'badge badge-bad' : 'badge badge-waiting'}>
        <span aria-hidden="true">{waiting.length}</span>
        <span className="visually-hidden">{t('offline.outboxCount', { count: waiting.length })}</span>
      </span>
    </>
  );
}
