import type { InboxAlert } from '@assay/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { alertsApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { ShownText } from '../../components/shown-text';
import { useContentLanguages } from '../../i18n/content-languages';
import { useFormat } from '../../i18n/format';
import { useAlertPushes } from './alert-stream';
import { SeverityBadge } from './severity-badge';
import './alerts.css';

type Filter = 'active' | 'all';

/** The officer's alerts for their country: unread ones marked, new ones arriving while open. */
export function AlertInbox() {
  const { t } = useTranslation();
  const format = useFormat();
  const { reader } = useContentLanguages();
  const [filter, setFilter] = useState<Filter>('active');
  const inbox = useResource(() => alertsApi.inbox(filter, reader), [filter, reader]);
  const [announcement, setAnnouncement] = useState('');
  const filterName = useId();

  useAlertPushes(reader, (alert) => {
    inbox.reload();
    setAnnouncement(t('alerts.arrived', { title: alert.title.text }));
  });

  const alerts = inbox.data?.alerts ?? [];
  return (
    <>
      <PageHeading>{t('alerts.inboxTitle')}</PageHeading>
      <p className="lead">{t('alerts.inboxIntro')}</p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <fieldset className="inbox-filter">
        <legend className="visually-hidden">{t('alerts.filterLegend')}</legend>
        {(['active', 'all'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={filterName}
              value={value}
              checked={filter === value}
              onChange={() => setFilter(value)}
            />
            {t(`alerts.filter.${value}`)}
          </label>
        ))}
      </fieldset>
      <FormError error={inbox.error} />
      {inbox.loading && !inbox.data && <p role="status">{t('app.loading')}</p>}
      {inbox.data && <p className="muted">{t('alerts.unreadCount', { count: inbox.data.unread })}</p>}
      {inbox.data && alerts.length === 0 && (
        <p className="empty">{t(filter === 'active' ? 'alerts.emptyActive' : 'alerts.emptyAll')}</p>
      )}
      <ul className="alert-list">
        {alerts.map((alert) => (
          <li key={alert.id}>
            <InboxCard alert={alert} dateTime={format.dateTime} day={format.day} />
          </li>
        ))}
      </ul>
    </>
  );
}

function InboxCard({
  alert,
  dateTime,
  day,
}: {
  alert: InboxAlert;
  dateTime: (iso: string) => string;
  day: (date: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <article className={`card alert-card severity-${alert.severity}${alert.read ? '' : ' unread'}`}>
      <h2>
        <Link to={`/alerts/${alert.id}`}>
          {!alert.read && <span className="visually-hidden">{t('alerts.unreadPrefix')} </span>}
          <ShownText {...alert.title} />
        </Link>
      </h2>
      <p className="alert-meta">
        <SeverityBadge severity={alert.severity} />
        {!alert.read && <span className="badge badge-waiting">{t('alerts.new')}</span>}
        {alert.acknowledgedAt && <span className="badge badge-good">{t('alerts.acknowledged')}</span>}
        {!alert.active && <span className="badge badge-neutral">{t('alerts.inactive')}</span>}
      </p>
      <p className="muted">
        {t('alerts.publishedBy', { name: alert.publisher.name, when: dateTime(alert.publishedAt) })}
        {' · '}
        {alert.validTo
          ? t('alerts.validBetween', { from: day(alert.validFrom), to: day(alert.validTo) })
          : t('alerts.validFrom', { from: day(alert.validFrom) })}
      </p>
    </article>
  );
}
