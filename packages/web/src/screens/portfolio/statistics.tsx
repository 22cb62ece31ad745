import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portfolioApi, type ViewStatistics } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { type BarRow, type BarSeries, StackedBarChart } from '../../components/bar-chart';
import { type Column, DataTable } from '../../components/data-table';
import { SelectField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { type Formatters, useFormat } from '../../i18n/format';
import { usePortfolioScope } from './portfolio-scope';
import { type CountryTotal, lastMonths, type MonthTotal, summarise, UNKNOWN } from './view-statistics';

const PERIODS = [6, 12, 24, 36] as const;
/** Countries drawn in their own colour; the others share one. */
const PALETTE = ['#1f3a5f', '#c9862b', '#2e7d6b', '#8a3b78', '#b5453a'];
const OTHER_COLOUR = '#8b95a3';
const OTHER = 'other';

function monthFormatter(locale: string) {
  const format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (month: string) => format.format(new Date(`${month}-01T00:00:00Z`));
}

/** How often officers opened the rights holder's guides, per month and country — never who. */
export function Statistics() {
  const { t } = useTranslation();
  const format = useFormat();
  const { rightsHolder } = usePortfolioScope();
  const [months, setMonths] = useState<number>(12);
  const statistics = useResource(
    () => portfolioApi.guideViews(rightsHolder.id, months),
    [rightsHolder.id, months],
  );

  return (
    <>
      <PageHeading>{t('statistics.title')}</PageHeading>
      <p className="lead">{t('statistics.intro')}</p>
      <div className="filters">
        <SelectField
          label={t('statistics.period')}
          value={String(months)}
          onChange={(event) => setMonths(Number(event.target.value))}
        >
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              {t('statistics.lastMonths', { number: period })}
            </option>
          ))}
        </SelectField>
      </div>
      <FormError error={statistics.error} />
      {statistics.loading && <p role="status">{t('app.loading')}</p>}
      {statistics.data && <ViewsReport rows={statistics.data.rows} months={months} format={format} />}
    </>
  );
}

function ViewsReport({
  rows,
  months,
  format,
}: {
  rows: ViewStatistics['rows'];
  months: number;
  format: Formatters;
}) {
  const { t } = useTranslation();
  const countryName = (code: string) =>
    code === UNKNOWN
      ? t('statistics.unknownCountry')
      : code === OTHER
        ? t('statistics.otherCountries')
        : format.country(code);
  const monthName = useMemo(() => monthFormatter(format.locale), [format.locale]);
  const { byCountry, byMonth, total } = useMemo(() => summarise(rows, lastMonths(months)), [rows, months]);

  if (total === 0) return <p className="empty">{t('statistics.empty')}</p>;

  const drawn = byCountry.slice(0, PALETTE.length);
  const others = byCountry.slice(PALETTE.length).map((entry) => entry.code);
  const series: BarSeries[] = [
    ...drawn.map((entry, index) => ({
      key: entry.code,
      label: countryName(entry.code),
      colour: PALETTE[index] ?? OTHER_COLOUR,
    })),
    ...(others.length ? [{ key: OTHER, label: t('statistics.otherCountries'), colour: OTHER_COLOUR }] : []),
  ];
  const chartRows: BarRow[] = byMonth.map((month) => {
    const values: Record<string, number> = {};
    for (const entry of month.byCountry) {
      const key = others.includes(entry.code) ? OTHER : entry.code;
      values[key] = (values[key] ?? 0) + entry.views;
    }
    return { key: month.month, label: monthName(month.month), values };
  });
  const top = byCountry[0];
  const summary = t('statistics.summary', {
    total: format.number(total),
    months: format.number(months),
    countries: format.number(byCountry.length),
    top: top ? countryName(top.code) : '',
    topViews: top ? format.number(top.views) : '',
  });

  const monthColumns: Column<MonthTotal>[] = [
    { header: t('statistics.month'), render: (month) => monthName(month.month) },
    { header: t('statistics.views'), render: (month) => format.number(month.views) },
    {
      header: t('statistics.countries'),
      render: (month) =>
        format.list(
          month.byCountry.map((entry) =>
            t('statistics.countryViews', {
              country: countryName(entry.code),
              views: format.number(entry.views),
            }),
          ),
        ),
    },
  ];
  const countryColumns: Column<CountryTotal>[] = [
    { header: t('statistics.country'), render: (entry) => countryName(entry.code) },
    { header: t('statistics.views'), render: (entry) => format.number(entry.views) },
  ];

  return (
    <>
      <p>{summary}</p>
      <figure className="panel chart-figure" aria-labelledby="views-chart-caption">
        <figcaption id="views-chart-caption">
          <h2 className="chart-caption">{t('statistics.chartTitle')}</h2>
        </figcaption>
        <StackedBarChart
          title={t('statistics.chartTitle')}
          summary={summary}
          series={series}
          rows={chartRows}
          formatNumber={format.number}
          legendLabel={t('statistics.legend')}
          describe={(row, item, value) =>
            t('statistics.segment', { country: item.label, month: row.label, views: format.number(value) })
          }
        />
      </figure>
      <section aria-labelledby="views-by-country">
        <h2 id="views-by-country">{t('statistics.byCountry')}</h2>
        <DataTable
          caption={t('statistics.byCountry')}
          columns={countryColumns}
          rows={byCountry}
          rowKey={(entry) => entry.code}
          empty={t('statistics.empty')}
        />
      </section>
      <section aria-labelledby="views-by-month">
        <h2 id="views-by-month">{t('statistics.byMonth')}</h2>
        <DataTable
          caption={t('statistics.byMonth')}
          columns={monthColumns}
          rows={byMonth.filter((month) => month.views > 0)}
          rowKey={(month) => month.month}
          empty={t('statistics.empty')}
        />
      </section>
    </>
  );
}
