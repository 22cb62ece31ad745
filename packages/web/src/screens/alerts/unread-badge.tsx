import { readsAlerts } from '@assay/core';
import { useTranslation } from 'react-i18next';
import { useContentLanguages } from '../../i18n/content-languages';
import { useSession } from '../../session/session-context';
import { useUnreadAlerts } from './alert-stream';
import './alerts.css';

/** Beside "Alerts" in the navigation: how many active alerts the officer has not opened, live. */
export function UnreadAlertsBadge() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { reader } = useContentLanguages();
  const kind = session.organisation?.kind;
  const unread = useUnreadAlerts(kind !== undefined && readsAlerts(kind), reader);
  if (!unread) return null;
  return (
    <>
      <span className="nav-count" aria-hidden="true">
        {unread}
      </span>
      <span className="visually-hidden">{t('alerts.unreadCount', { count: unread })}</span>
    </>
  );
}
