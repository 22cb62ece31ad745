import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type SeizureRecord, type SeizureStatistics, seizuresApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { type Column, DataTable } from '../../components/data-table';
import { Field, SelectField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { type Formatters, useFormat } from '../../i18n/format';
import { BarTable } from '../cases/bar-table';
import {
  CHARTED_DIMENSIONS,
  type ChartedDimension,
  chartRows,
  METRICS,
  type Metric,
  statisticsQuery,
} from './seizure-charts';
import '../cases/cases.css';

const UNKNOWN_KEYS = new Set(['', 'unknown', 'null']);

/**
 * What closed cases seized: totals and bars by country, mode, brand, category, outcome and month, and
 * the latest records. Seizure records hold no personal data. The filters live in the page address.
 */
export function SeizureStatisticsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const query = statisticsQuery(params);
  const metric: Metric = (METRICS as readonly string[]).includes(params.get('figure') ?? '')
    ? (params.get('figure') as Metric)
    : 'seizures';
  const statistics = useResource(
    () => seizuresApi.statistics(query),
    [query.from, query.to, query.countryCode],
  );

  const change = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeading>{t('seizures.title')}</PageHeading>
      <p className="lead">{t('seizures.intro')}</p>
      <div className="filters">
        <Field
          label={t('seizures.from')}
          type="date"
          value={query.from ?? ''}
          onChange={(event) => change('from', event.target.value)}
        />
        <Field
          label={t('seizures.to')}
          type="date"
          value={query.to ?? ''}
          onChange={(event) => change('to', event.target.value)}
        />
        <SelectField
          label={t('seizures.country')}
          value={query.countryCode ?? ''}
          onChange={(event) => change('country', event.target.value)}
        >
          <option value="">{t('seizures.allCountries')}</option>
          {format.countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('seizures.figure')}
          value={metric}
          onChange={(event) => change('figure', event.target.value)}
        >
          {METRICS.map((item) => (
            <option key={item} value={item}>
              {t(`seizures.metrics.${item}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <FormError error={statistics.error} />
      {statistics.loading && !statistics.data && <p role="status">{t('app.loading')}</p>}
      {statistics.data && <Report data={statistics.data} metric={metric} />}
    </>
  );
}

function Report({ data, metric }: { data: SeizureStatistics; metric: Metric }) {
  const { t } = useTranslation();
  const format = useFormat();
  const monthName = useMemo(() => {
    const formatter = new Intl.DateTimeFormat(format.locale, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return (month: string) =>
      /^\d{4}-\d{2}$/.test(month) ? formatter.format(new Date(`${month}-01T00:00:00Z`)) : month;
  }, [format.locale]);

  if (data.totals.seizures === 0) return <p className="empty">{t('seizures.empty')}</p>;

  const label = (dimension: ChartedDimension) => (key: string) => {
    if (UNKNOWN_KEYS.has(key)) return t('seizures.notKnown');
    switch (dimension) {
      case 'country':
        return format.country(key);
      case 'mode':
        return t(`transportModes.${key}`, { defaultValue: key });
      case 'outcome':
        return t(`cases.status.${key}`, { defaultValue: key });
      case 'month':
        return monthName(key);
      default:
        return key;
    }
  };
  const figure = (value: number) =>
    metric === 'estimatedValue' ? format.number(Math.round(value)) : format.number(value);

  return (
    <>
      <section aria-labelledby="seizure-totals">
        <h2 id="seizure-totals" className="visually-hidden">
          {t('seizures.totals')}
        </h2>
        <dl className="facts case-facts panel">
          <div>
            <dt>{t('seizures.metrics.seizures')}</dt>
            <dd className="total-figure">{format.number(data.totals.seizures)}</dd>
          </div>
          <div>
            <dt>{t('seizures.metrics.quantity')}</dt>
            <dd className="total-figure">{format.number(data.totals.quantity)}</dd>
          </div>
          <div>
            <dt>{t('seizures.metrics.estimatedValue')}</dt>
            <dd className="total-figure">{format.number(Math.round(data.totals.estimatedValue))}</dd>
          </div>
        </dl>
      </section>
      <div className="seizure-charts">
        {CHARTED_DIMENSIONS.map((dimension) => (
          <div key={dimension} className="panel">
            <BarTable
              caption={t('seizures.by', {
                figure: t(`seizures.metrics.${metric}`),
                per: t(`seizures.per.${dimension}`),
              })}
              labelHeader={t(`seizures.dimensions.${dimension}`)}
              valueHeader={t(`seizures.metrics.${metric}`)}
              rows={chartRows(
                data.groups[dimension] ?? [],
                dimension,
                metric,
                label(dimension),
                t('seizures.others'),
              )}
              formatNumber={figure}
            />
          </div>
        ))}
      </div>
      <section aria-labelledby="seizure-recent">
        <h2 id="seizure-recent">{t('seizures.recent')}</h2>
        <RecentRecords records={data.recent} format={format} />
      </section>
    </>
  );
}

function RecentRecords({ records, format }: { records: SeizureRecord[]; format: Formatters }) {
  const { t } = useTranslation();
  const columns: Column<SeizureRecord>[] = [
    { header: t('seizures.columns.date'), render: (record) => format.day(record.seizedOn) },
    {
      header: t('seizures.columns.where'),
      render: (record) => [record.office, format.country(record.countryCode)].filter(Boolean).join(', '),
    },
    {
      header: t('seizures.columns.route'),
      render: (record) =>
        [record.originCountry, record.destinationCountry].some(Boolean)
          ? `${format.country(record.originCountry) || t('seizures.notKnown')} → ${format.country(record.destinationCountry) || t('seizures.notKnown')}`
          : '—',
    },
    {
      header: t('seizures.columns.mode'),
      render: (record) =>
        record.transportMode
          ? t(`transportModes.${record.transportMode}`, { defaultValue: record.transportMode })
          : '—',
    },
    {
      header: t('seizures.columns.goods'),
      render: (record) => [record.brandName, record.category].filter(Boolean).join(' · ') || '—',
    },
    { header: t('seizures.columns.quantity'), render: (record) => format.number(record.quantity) },
    {
      header: t('seizures.columns.value'),
      render: (record) =>
        record.estimatedValue === null
          ? '—'
          : `${format.number(record.estimatedValue)} ${record.currency ?? ''}`.trim(),
    },
    { header: t('seizures.columns.outcome'), render: (record) => t(`cases.status.${record.outcome}`) },
    {
      header: t('seizures.columns.case'),
      render: (record) => <Link to={`/cases/${record.caseId}`}>{t('seizures.openCase')}</Link>,
    },
  ];
  return (
    <DataTable
      caption={t('seizures.recent')}
      columns={columns}
      rows={records}
      rowKey={(record) => record.id}
      empty={t('seizures.empty')}
    />
  );
}
