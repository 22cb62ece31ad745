import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context';
import { flushOutbox } from './outbox';
import { useOnline } from './use-online';

/** Due reports are looked for this often while the app is open. */
const FLUSH_EVERY_MS = 30_000;

/**
 * Runs while someone is signed in: sends queued reports at start, when the network returns and
 * periodically; says plainly when the device is offline.
 */
export function OfflineServices() {
  const { t } = useTranslation();
  const { session } = useSession();
  const online = useOnline();
  const userId = session.user?.id;

  useEffect(() => {
    if (!userId) return;
    const flush = (force = false) => void flushOutbox(userId, { force }).catch(() => undefined);
    // A session just became active: reports that waited for this sign-in go now, not after their pause.
    flush(true);
    // Back online: everything waiting goes now, whatever its pause.
    const onOnline = () => flush(true);
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(() => navigator.onLine && flush(), FLUSH_EVERY_MS);
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [userId]);

  if (online) return null;
  return (
    <p className="notice offline-notice" role="status">
      {t('offline.offlineNotice')}
    </p>
  );
}
