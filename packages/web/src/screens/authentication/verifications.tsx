import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authenticationApi, type VerificationRecord, type VerificationSummary } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { type Column, DataTable } from '../../components/data-table';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { useFormat } from '../../i18n/format';
import { usePortfolioScope } from '../portfolio/portfolio-scope';
import { type DayCount, fillDays } from './timeline';
import { TimelineChart } from './timeline-chart';
import { useVerdictText } from './verdict-text';
import type { CountryCount } from './verification-map';

const VerificationMap = lazy(() =>
  import('./verification-map').then((module) => ({ default: module.VerificationMap })),
);

/** The period of the map and the timeline. */
const SUMMARY_DAYS = 90;
const ALERTS_PAGE = 50;
const HISTORY_PAGE = 20;

/**
 * Where and when officers verified the rights holder's codes: suspicious verifications first, as
 * alerts to acknowledge, then a map and a timeline of the last 90 days and the whole history.
 */
export function Verifications() {
  const { t } = useTranslation();
  const { rightsHolder } = usePortfolioScope();
  return (
    <>
      <PageHeading>{t('authentication.verifications.title')}</PageHeading>
      <p className="lead">{t('authentication.verifications.intro')}</p>
      <Alerts key={`alerts-${rightsHolder.id}`} rightsHolderId={rightsHolder.id} />
      <Summary key={`summary-${rightsHolder.id}`} rightsHolderId={rightsHolder.id} />
      <History key={`history-${rightsHolder.id}`} rightsHolderId={rightsHolder.id} />
    </>
  );
}

/** Pages of verifications, newest first, with "show older". */
function usePagedVerifications(rightsHolderId: string, suspicious: boolean | undefined, pageSize: number) {
  const first = useResource(
    () => authenticationApi.verifications(rightsHolderId, { suspicious, limit: pageSize }),
    [rightsHolderId, suspicious, pageSize],
  );
  const [older, setOlder] = useState<VerificationRecord[]>([]);
  const [olderDone, setOlderDone] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const rows = [...(first.data?.verifications ?? []), ...older];
  const loadMore = async () => {
    const last = rows.at(-1);
    if (!last) return;
    setMoreError(null);
    try {
      const page = await authenticationApi.verifications(rightsHolderId, {
        suspicious,
        limit: pageSize,
        before: last.verifiedAt,
      });
      setOlder((current) => [...current, ...page.verifications]);
      setOlderDone(page.verifications.length < pageSize);
    } catch (error) {
      setMoreError(error);
    }
  };
  const hasMore = !olderDone && (first.data?.verifications.length ?? 0) === pageSize;
  return { first, rows, loadMore, hasMore, moreError };
}

function Alerts({ rightsHolderId }: { rightsHolderId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useVerdictText();
  const paged = usePagedVerifications(rightsHolderId, true, ALERTS_PAGE);
  const [acknowledged, setAcknowledged] = useState<Record<string, string>>({});
  const [actionError, setActionError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rows = paged.rows.map((row) =>
    acknowledged[row.id] ? { ...row, acknowledgedAt: acknowledged[row.id] ?? null } : row,
  );
  // Unacknowledged first; newest first within each group (the API's order, kept by a stable sort).
  const sorted = [...rows].sort(
    (a, b) => Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null),
  );
  const unacknowledged = Math.max(
    0,
    (paged.first.data?.unacknowledged ?? 0) - Object.keys(acknowledged).length,
  );

  const acknowledge = async (row: VerificationRecord) => {
    setActionError(null);
    try {
      await authenticationApi.acknowledge(rightsHolderId, row.id);
      setAcknowledged((current) => ({ ...current, [row.id]: new Date().toISOString() }));
      setAnnouncement(
        t('authentication.verifications.acknowledgedNow', { verdict: text.verdict(row.verdict) }),
      );
      // The button disappears with the acknowledgement: keep the keyboard in the alerts.
      headingRef.current?.focus();
    } catch (error) {
      setActionError(error);
    }
  };

  return (
    <section aria-labelledby="verification-alerts" className="panel">
      <h2 id="verification-alerts" ref={headingRef} tabIndex={-1}>
        {t('authentication.verifications.alertsTitle')}
      </h2>
      <p>
        <span className={`badge badge-${unacknowledged > 0 ? 'bad' : 'neutral'}`}>
          {t('authentication.verifications.unacknowledged', { count: format.number(unacknowledged) })}
        </span>
      </p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <FormError error={paged.first.error ?? actionError ?? paged.moreError} />
      {paged.first.loading && !paged.first.data && <p role="status">{t('app.loading')}</p>}
      {paged.first.data && sorted.length === 0 && (
        <p className="empty">{t('authentication.verifications.noAlerts')}</p>
      )}
      <ul className="plain-list">
        {sorted.map((row) => {
          const verdict = text.verdict(row.verdict);
          const product = row.brandName ?? row.gtin;
          return (
            <li key={row.id} className="card" data-verdict={row.verdict}>
              <h3>
                <span className={`badge badge-${row.severity === 'alert' ? 'bad' : 'waiting'}`}>
                  {verdict}
                </span>{' '}
                {t('authentication.verifications.alertTitle', {
                  product,
                  country: format.country(row.country),
                })}
              </h3>
              <dl className="facts compact">
                <div>
                  <dt>{t('authentication.verifications.date')}</dt>
                  <dd>{format.dateTime(row.verifiedAt)}</dd>
                </div>
                <div>
                  <dt>{t('authentication.verifications.country')}</dt>
                  <dd>{format.country(row.country)}</dd>
                </div>
                <div>
                  <dt>{t('authentication.verifications.organisation')}</dt>
                  <dd>{row.organisationName}</dd>
                </div>
                <div>
                  <dt>{t('authentication.verifications.gtin')}</dt>
                  <dd className="mono">{row.gtin}</dd>
                </div>
                <div>
                  <dt>{t('authentication.verifications.serialHint')}</dt>
                  <dd className="mono">{row.serialHint}</dd>
                </div>
                {row.batch && (
                  <div>
                    <dt>{t('authentication.verifications.batch')}</dt>
                    <dd className="mono">{row.batch}</dd>
                  </div>
                )}
              </dl>
              {row.clone.length > 0 && (
                <ul>
                  {row.clone.map((clone) => (
                    <li key={clone.rule}>
                      {text.clone(clone)}{' '}
                      {clone.earlierScans.length > 0 &&
                        t('authentication.verifications.earlier', { scans: text.earlierScans(clone) })}
                    </li>
                  ))}
                </ul>
              )}
              <div className="actions">
                {row.acknowledgedAt ? (
                  <span className="muted">
                    {t('authentication.verifications.acknowledgedOn', {
                      date: format.dateTime(row.acknowledgedAt),
                    })}
                  </span>
                ) : (
                  <button
                    type="button"
                    aria-label={t('authentication.verifications.acknowledgeLabel', {
                      verdict,
                      product,
                      country: format.country(row.country),
                    })}
                    onClick={() => void acknowledge(row)}
                  >
                    {t('authentication.verifications.acknowledge')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {paged.hasMore && (
        <button type="button" className="button-secondary" onClick={() => void paged.loadMore()}>
          {t('authentication.verifications.more')}
        </button>
      )}
    </section>
  );
}

function Summary({ rightsHolderId }: { rightsHolderId: string }) {
  const { t } = useTranslation();
  const summary = useResource(
    () => authenticationApi.summary(rightsHolderId, SUMMARY_DAYS),
    [rightsHolderId],
  );
  return (
    <>
      <FormError error={summary.error} />
      {summary.loading && !summary.data && <p role="status">{t('app.loading')}</p>}
      {summary.data && <SummaryReport summary={summary.data} />}
    </>
  );
}

function SummaryReport({ summary }: { summary: VerificationSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = useMemo(() => fillDays(summary.byDay, summary.from, summary.to), [summary]);
  const byCountry = useMemo(() => [...summary.byCountry].sort((a, b) => b.total - a.total), [summary]);
  const total = byCountry.reduce((sum, entry) => sum + entry.total, 0);
  const suspicious = byCountry.reduce((sum, entry) => sum + entry.suspicious, 0);
  const top = byCountry[0];
  const period = { days: format.number(SUMMARY_DAYS) };
  const overview = t('authentication.verifications.overview', {
    ...period,
    total: format.number(total),
    suspicious: format.number(suspicious),
    countries: format.number(byCountry.length),
    top: top ? format.country(top.country) : '',
  });
  const countryColumns: Column<CountryCount>[] = [
    { header: t('authentication.verifications.country'), render: (entry) => format.country(entry.country) },
    { header: t('authentication.verifications.total'), render: (entry) => format.number(entry.total) },
    {
      header: t('authentication.verifications.suspicious'),
      render: (entry) => format.number(entry.suspicious),
    },
  ];
  const dayColumns: Column<DayCount>[] = [
    { header: t('authentication.verifications.day'), render: (entry) => format.day(entry.day) },
    { header: t('authentication.verifications.total'), render: (entry) => format.number(entry.total) },
    {
      header: t('authentication.verifications.suspicious'),
      render: (entry) => format.number(entry.suspicious),
    },
  ];

  if (total === 0) return <p className="empty">{t('authentication.verifications.summaryEmpty', period)}</p>;
  return (
    <>
      <p>{overview}</p>
      <section className="panel" aria-labelledby="verification-map">
        <h2 id="verification-map">{t('authentication.verifications.mapTitle', period)}</h2>
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <VerificationMap
            counts={byCountry}
            title={t('authentication.verifications.mapTitle', period)}
            summary={overview}
          />
        </Suspense>
        <DataTable
          caption={t('authentication.verifications.byCountry')}
          columns={countryColumns}
          rows={byCountry}
          rowKey={(entry) => entry.country}
          empty=""
        />
      </section>
      <section className="panel" aria-labelledby="verification-timeline">
        <h2 id="verification-timeline">{t('authentication.verifications.timelineTitle', period)}</h2>
        <TimelineChart
          title={t('authentication.verifications.timelineTitle', period)}
          summary={overview}
          days={days}
          formatNumber={format.number}
          formatDay={format.day}
          describe={(day) =>
            t('authentication.verifications.dayCounts', {
              day: format.day(day.day),
              total: format.number(day.total),
              suspicious: format.number(day.suspicious),
            })
          }
          legend={{
            label: t('authentication.verifications.legend'),
            other: t('authentication.verifications.legendOther'),
            suspicious: t('authentication.verifications.legendSuspicious'),
          }}
        />
        {/* Folded: ninety rows would bury the history on a phone; the chart's summary gives the totals. */}
        <details>
          <summary>{t('authentication.verifications.byDay')}</summary>
          <DataTable
            caption={t('authentication.verifications.byDay')}
            columns={dayColumns}
            rows={days.filter((day) => day.total > 0).reverse()}
            rowKey={(entry) => entry.day}
            empty=""
          />
        </details>
      </section>
    </>
  );
}

function History({ rightsHolderId }: { rightsHolderId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useVerdictText();
  const paged = usePagedVerifications(rightsHolderId, undefined, HISTORY_PAGE);
  const columns: Column<VerificationRecord>[] = [
    { header: t('authentication.verifications.date'), render: (row) => format.dateTime(row.verifiedAt) },
    { header: t('authentication.verifications.verdict'), render: (row) => text.verdict(row.verdict) },
    { header: t('authentication.verifications.country'), render: (row) => format.country(row.country) },
    { header: t('authentication.verifications.organisation'), render: (row) => row.organisationName },
    { header: t('authentication.verifications.brand'), render: (row) => row.brandName ?? '' },
    {
      header: t('authentication.verifications.gtin'),
      render: (row) => <span className="mono">{row.gtin}</span>,
    },
    {
      header: t('authentication.verifications.serialHint'),
      render: (row) => <span className="mono">{row.serialHint}</span>,
    },
    {
      header: t('authentication.verifications.batch'),
      render: (row) => <span className="mono">{row.batch ?? ''}</span>,
    },
  ];
  return (
    <section aria-labelledby="verification-history">
      <h2 id="verification-history">{t('authentication.verifications.historyTitle')}</h2>
      <FormError error={paged.first.error ?? paged.moreError} />
      {paged.first.loading && !paged.first.data && <p role="status">{t('app.loading')}</p>}
      {paged.first.data && (
        <DataTable
          caption={t('authentication.verifications.historyTitle')}
          columns={columns}
          rows={paged.rows}
          rowKey={(row) => row.id}
          empty={t('authentication.verifications.historyEmpty')}
        />
      )}
      {paged.hasMore && (
        <button type="button" className="button-secondary" onClick={() => void paged.loadMore()}>
          {t('authentication.verifications.more')}
        </button>
      )}
    </section>
  );
}
