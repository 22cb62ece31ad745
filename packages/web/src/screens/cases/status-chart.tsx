import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { BarTable } from './bar-table';
import { statusCounts } from './work-list';

/** Cases per status in the list as small bars, the figures written beside them. */
export function StatusChart({ counts }: { counts: Record<string, number> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = statusCounts(counts);
  if (rows.length === 0) return null;
  return (
    <div className="panel case-chart">
      <BarTable
        caption={t('cases.chart.title')}
        labelHeader={t('cases.columns.status')}
        valueHeader={t('cases.chart.cases')}
        rows={rows.map((row) => ({
          key: row.status,
          label: t(`cases.status.${row.status}`),
          value: row.count,
        }))}
        formatNumber={format.number}
      />
    </div>
  );
}
