import { pickText } from '@assay/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { alertsApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { ShownText } from '../../components/shown-text';
import { StatusBadge } from '../../components/status-badge';
import { useContentLanguages } from '../../i18n/content-languages';
import { useFormat } from '../../i18n/format';
import { SeverityBadge } from './severity-badge';
import './alerts.css';

/** The alerts of the organisations this person publishes for: drafts, published, withdrawn. */
export function PublishedAlerts() {
  const { t } = useTranslation();
  const format = useFormat();
  const { reader } = useContentLanguages();
  const alerts = useResource(() => alertsApi.list(reader), [reader]);

  return (
    <>
      <PageHeading>{t('alerts.publishedTitle')}</PageHeading>
      <p className="lead">{t('alerts.publishedIntro')}</p>
      <p>
        <Link className="button-link" to="/alerts/manage/new">
          {t('alerts.newTitle')}
        </Link>
      </p>
      <FormError error={alerts.error} />
      {alerts.loading && !alerts.data && <p role="status">{t('app.loading')}</p>}
      {alerts.data && alerts.data.alerts.length === 0 && <p className="empty">{t('alerts.noneWritten')}</p>}
      <ul className="alert-list">
        {alerts.data?.alerts.map((alert) => {
          const title = pickText(alert.title, reader);
          return (
            <li key={alert.id}>
              <article className={`card alert-card severity-${alert.severity}`}>
                <h2>
                  <Link to={`/alerts/manage/${alert.id}`}>
                    <ShownText
                      text={title.text}
                      language={title.language}
                      isReaderLanguage={title.isReaderLanguage}
                    />
                  </Link>
                </h2>
                <p className="alert-meta">
                  <StatusBadge status={alert.status} />
                  <SeverityBadge severity={alert.severity} />
                </p>
                <p className="muted">
                  {alert.owner.name}
                  {' · '}
                  {t('alerts.updatedOn', { when: format.dateTime(alert.updatedAt) })}
                  {alert.status !== 'draft' &&
                    ` · ${t('alerts.acknowledgedBy', {
                      organisations: alert.acknowledgements.organisations,
                      countries: alert.acknowledgements.countries,
                    })}`}
                </p>
              </article>
            </li>
          );
        })}
      </ul>
    </>
  );
}
