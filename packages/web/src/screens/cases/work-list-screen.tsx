import { CASE_STATUSES } from '@assay/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type CaseWorkItem, casesApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { type Column, DataTable } from '../../components/data-table';
import { SelectField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { useFormat } from '../../i18n/format';
import { currentLocale } from '../../i18n/i18n';
import { useSession } from '../../session/session-context';
import { CaseStatusBadge } from './case-status-badge';
import { CountdownBadge } from './countdown-badge';
import { StatusChart } from './status-chart';
import { listQuery, workListsFor } from './work-list';
import './cases.css';

/**
 * The cases to work on: the officer's open cases by deadline, the rights holder's with those awaiting
 * its answer first, the whole administration for a national coordinator. The filters live in the
 * address, so a list can be bookmarked and the CSV export takes the same query.
 */
export function CaseWorkList() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const kind = session.organisation?.kind;
  const lists = kind ? workListsFor(kind, session.roles) : [];
  const query = listQuery(params, lists, currentLocale(i18n.language));
  const cases = useResource(
    () => casesApi.workList(query),
    [query.list, query.status, query.closed, query.lang],
  );
  const rightsHolderList = query.list === 'rights_holder';

  const change = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const columns: Column<CaseWorkItem>[] = [
    {
      header: t('cases.columns.reference'),
      render: (item) => (
        <Link to={`/cases/${item.id}`} className="mono case-ref">
          {item.reference}
        </Link>
      ),
    },
    {
      header: t('cases.columns.status'),
      render: (item) => (
        <>
          <CaseStatusBadge status={item.status} />
          {item.awaitingYou && <span className="badge badge-waiting">{t('cases.awaitingYou')}</span>}
        </>
      ),
    },
    {
      header: t('cases.columns.products'),
      render: (item) => (item.productNames.length ? format.list(item.productNames) : '—'),
    },
    {
      header: t('cases.columns.where'),
      render: (item) => [item.office, format.country(item.countryCode)].filter(Boolean).join(', '),
    },
    {
      header: t('cases.columns.deadline'),
      render: (item) =>
        item.answerDeadline ? (
          <>
            <CountdownBadge workingDaysLeft={item.workingDaysLeft} />{' '}
            <span className="muted">{format.dateTime(item.answerDeadline)}</span>
          </>
        ) : (
          '—'
        ),
    },
    {
      header: t('cases.columns.latestAnswer'),
      render: (item) => (item.latestAnswer ? t(`cases.answers.${item.latestAnswer}`) : t('cases.noAnswer')),
    },
  ];

  return (
    <>
      <PageHeading>{t('cases.title')}</PageHeading>
      <p className="lead">{t(`cases.lists.${query.list ?? 'officer'}.intro`)}</p>
      {lists.length > 1 && (
        <nav aria-label={t('cases.listsLabel')} className="tabs">
          <ul>
            {lists.map((list) => (
              <li key={list}>
                <Link to={`/cases?list=${list}`} aria-current={query.list === list ? 'page' : undefined}>
                  {t(`cases.lists.${list}.tab`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="filters case-filters">
        <SelectField
          label={t('cases.filterStatus')}
          value={query.status ?? ''}
          onChange={(event) => change('status', event.target.value || undefined)}
        >
          <option value="">{t('cases.allStatuses')}</option>
          {CASE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`cases.status.${status}`)}
            </option>
          ))}
        </SelectField>
        {!rightsHolderList && (
          <div className="choice">
            <input
              id="cases-closed"
              type="checkbox"
              checked={query.closed === 'true'}
              onChange={(event) => change('closed', event.target.checked ? 'true' : undefined)}
            />
            <label htmlFor="cases-closed" className="choice-label">
              {t('cases.includeClosed')}
            </label>
          </div>
        )}
        <a className="button-link button-secondary" href={casesApi.csvUrl(query)} download>
          {t('cases.exportCsv')}
        </a>
      </div>
      <FormError error={cases.error} />
      {cases.loading && !cases.data && <p role="status">{t('app.loading')}</p>}
      {cases.data && (
        <>
          <StatusChart counts={cases.data.counts} />
          <p className="muted" role="status">
            {t('cases.shown', { count: cases.data.cases.length })}
          </p>
          <DataTable
            caption={t('cases.title')}
            columns={columns}
            rows={cases.data.cases}
            rowKey={(item) => item.id}
            empty={t('cases.empty')}
          />
        </>
      )}
    </>
  );
}
