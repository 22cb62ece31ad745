import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { alertsApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { ShownText } from '../../components/shown-text';
import { useContentLanguages } from '../../i18n/content-languages';
import { useFormat } from '../../i18n/format';
import { IndicatorFacts, TargetFacts } from './alert-facts';
import { SeverityBadge } from './severity-badge';
import './alerts.css';

/**
 * The alert from the server (which marks it read), or, when the network is down, from the inbox
 * the app keeps for offline use: the inbox holds each alert in full.
 */
async function readOrSaved(alertId: string, lang: string) {
  try {
    return await alertsApi.read(alertId, lang);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'unavailable') throw error;
    const saved = (await alertsApi.inbox('active', lang)).alerts.find((alert) => alert.id === alertId);
    if (!saved) throw error;
    return saved;
  }
}

/** One alert as an officer reads it (opening it marks it read), with the acknowledge button. */
export function AlertReadingScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const { reader } = useContentLanguages();
  const { alertId = '' } = useParams();
  const reading = useResource(() => readOrSaved(alertId, reader), [alertId, reader]);
  const [acknowledging, setAcknowledging] = useState(false);
  const [ackError, setAckError] = useState<unknown>(null);
  const alert = reading.data;

  const acknowledge = async () => {
    setAcknowledging(true);
    setAckError(null);
    try {
      const { acknowledgedAt } = await alertsApi.acknowledge(alertId);
      reading.update((current) => ({ ...current, acknowledgedAt }));
    } catch (error) {
      setAckError(error);
    } finally {
      setAcknowledging(false);
    }
  };

  return (
    <>
      <p>
        <Link to="/alerts">{t('alerts.backToInbox')}</Link>
      </p>
      {reading.loading && !alert && <p role="status">{t('app.loading')}</p>}
      <FormError error={reading.error} />
      {alert && (
        <article className={`alert-card severity-${alert.severity}`}>
          <PageHeading>
            <ShownText {...alert.title} />
          </PageHeading>
          <p className="alert-meta">
            <SeverityBadge severity={alert.severity} />
            {!alert.active && <span className="badge badge-neutral">{t('alerts.inactive')}</span>}
          </p>
          <p className="muted">
            {t('alerts.publishedBy', {
              name: alert.publisher.name,
              when: format.dateTime(alert.publishedAt),
            })}
          </p>
          <ShownText {...alert.text} as="p" className="prose-text" />

          <section className="panel" aria-labelledby="alert-ack">
            <h2 id="alert-ack">{t('alerts.acknowledgeTitle')}</h2>
            <p role="status">
              {alert.acknowledgedAt
                ? t('alerts.acknowledgedOn', { when: format.dateTime(alert.acknowledgedAt) })
                : t('alerts.acknowledgeHint')}
            </p>
            {!alert.acknowledgedAt && (
              <button type="button" onClick={acknowledge} disabled={acknowledging} aria-busy={acknowledging}>
                {t('alerts.acknowledge')}
              </button>
            )}
            <FormError error={ackError} />
          </section>

          <section aria-labelledby="alert-subjects">
            <h2 id="alert-subjects">{t('alerts.subjects')}</h2>
            {alert.brands.length === 0 && alert.products.length === 0 && (
              <p className="muted">{t('alerts.noSubjects')}</p>
            )}
            {alert.brands.length > 0 && (
              <p>
                {t('alerts.brandsList', { brands: format.list(alert.brands.map((brand) => brand.name)) })}
              </p>
            )}
            {alert.products.length > 0 && (
              <ul className="link-list">
                {alert.products.map((product) => (
                  <li key={product.id}>
                    <Link to={`/guides/${product.id}`}>
                      {t('alerts.openGuide')} <ShownText {...product.name} /> ({product.brandName},{' '}
                      {product.reference})
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="alert-indicators">
            <h2 id="alert-indicators">{t('alerts.indicators')}</h2>
            <IndicatorFacts indicators={alert.indicators} />
          </section>

          <section aria-labelledby="alert-targets">
            <h2 id="alert-targets">{t('alerts.targets')}</h2>
            <TargetFacts {...alert} />
          </section>
        </article>
      )}
    </>
  );
}
