import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { casesApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { useFormat } from '../../i18n/format';
import type { OutboxEntry } from '../../offline/db';
import { flushOutbox, removeFromOutbox } from '../../offline/outbox';
import { useOutbox } from '../../offline/use-offline-list';
import { useOnline } from '../../offline/use-online';
import { useSession } from '../../session/session-context';
import { fieldLabelKey } from './report-draft';

/** The officer's reports: the outbox on this device first, then the organisation's cases. */
export function Reports() {
  const { t } = useTranslation();
  const { session } = useSession();
  const online = useOnline();
  const userId = session.user?.id;
  const entries = useOutbox(userId);
  const waiting = entries?.filter((entry) => entry.state !== 'sent') ?? [];
  const delivered = entries?.filter((entry) => entry.state === 'sent') ?? [];

  return (
    <>
      <PageHeading>{t('reports.title')}</PageHeading>
      <p className="actions">
        <Link className="button-link" to="/reports/new">
          {t('reports.newManual')}
        </Link>
      </p>

      <section aria-labelledby="outbox-title">
        <h2 id="outbox-title">{t('reports.outbox')}</h2>
        {entries && waiting.length === 0 && <p className="empty">{t('reports.outboxEmpty')}</p>}
        {waiting.length > 0 && (
          <>
            <ul className="plain-list record-list">
              {waiting.map((entry) => (
                <OutboxItem key={entry.key} entry={entry} />
              ))}
            </ul>
            {online && userId && (
              <p>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => void flushOutbox(userId, { force: true })}
                >
                  {t('reports.sendNow')}
                </button>
              </p>
            )}
          </>
        )}
        {delivered.length > 0 && (
          <>
            <h3>{t('reports.delivered')}</h3>
            <ul className="plain-list record-list">
              {delivered.map((entry) => (
                <OutboxItem key={entry.key} entry={entry} />
              ))}
            </ul>
          </>
        )}
      </section>

      {online && <OrganisationCases />}
    </>
  );
}

function OutboxItem({ entry }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  // The server explains in English: say it in the reader's language, naming the form's fields.
  const refusal = (problem: OutboxEntry['problem']) => {
    if (!problem) return t('errors.internal');
    const labels = problem.fields.map((field) => {
      const key = fieldLabelKey(field.path);
      return key ? t(key) : field.path;
    });
    return labels.length
      ? t('reports.checkFields', { fields: format.list([...new Set(labels)]) })
      : t(`errors.${problem.code}`);
  };
  const goods = entry.body.goods?.[0];
  return (
    <li className={`card outbox-entry outbox-${entry.state}`}>
      <p className="record-name">{entry.title}</p>
      {goods && (
        <p>
          {t('reports.goodsLine', {
            description: goods.description,
            quantity: format.number(goods.quantity),
          })}
        </p>
      )}
      <p className="muted">{t('reports.madeAt', { time: format.dateTime(entry.createdAt) })}</p>
      {entry.state === 'queued' && (
        <p className="badge badge-waiting">
          {entry.retryReason === 'sign_in' ? t('reports.waitingSignIn') : t('reports.queuedShort')}
        </p>
      )}
      {entry.state === 'sent' && entry.delivered && (
        <p>
          <span className="badge badge-good">{t('reports.sentBadge')}</span> {t('reports.reference')}{' '}
          <strong className="mono">{entry.delivered.reference}</strong>
        </p>
      )}
      {entry.state === 'attention' && (
        <>
          <p className="badge badge-bad">{t('reports.attention')}</p>
          <p className="field-error">{refusal(entry.problem)}</p>
          <p className="actions">
            <Link className="button-link" to={`/reports/new?outbox=${encodeURIComponent(entry.key)}`}>
              {t('reports.correct')}
            </Link>
            <button type="button" className="button-danger" onClick={() => void removeFromOutbox(entry.key)}>
              {t('reports.discard')}
            </button>
          </p>
        </>
      )}
      {entry.state === 'sent' && (
        <button type="button" className="button-ghost" onClick={() => void removeFromOutbox(entry.key)}>
          {t('reports.dismiss')}
        </button>
      )}
    </li>
  );
}

/** The cases opened by the officer's organisation, newest first, as the server lists them. */
function OrganisationCases() {
  const { t } = useTranslation();
  const format = useFormat();
  const cases = useResource(() => casesApi.list(), []);
  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">{t('reports.organisationCases')}</h2>
      <FormError error={cases.error} />
      {cases.loading && <p role="status">{t('app.loading')}</p>}
      {cases.data && cases.data.cases.length === 0 && <p className="empty">{t('reports.noCases')}</p>}
      {cases.data && cases.data.cases.length > 0 && (
        <ul className="plain-list record-list">
          {cases.data.cases.map((item) => (
            <li key={item.id} className="card">
              <p className="record-name mono">
                <Link to={`/cases/${item.id}`}>{item.reference}</Link>
              </p>
              <p>{item.productNames.length ? format.list(item.productNames) : '—'}</p>
              <p className="muted">
                {format.dateTime(item.createdAt)} · {t(`reports.sources.${item.source}`)} ·{' '}
                {t(`cases.status.${item.status}`, { defaultValue: item.status })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
