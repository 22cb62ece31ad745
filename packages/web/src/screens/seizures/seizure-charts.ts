import type { SeizureStatistics } from '../../api/endpoints';
import type { BarDatum } from '../cases/bar-table';

export const CHARTED_DIMENSIONS = ['country', 'mode', 'brand', 'category', 'outcome', 'month'] as const;
export type ChartedDimension = (typeof CHARTED_DIMENSIONS)[number];

export const METRICS = ['seizures', 'quantity', 'estimatedValue'] as const;
export type Metric = (typeof METRICS)[number];

export type Group = SeizureStatistics['groups'][ChartedDimension][number];

/** Rows past this many are summed into one "others" row, so a chart stays readable on a phone. */
export const MAX_ROWS = 10;
export const OTHERS = '__others';

/**
 * The bars of one dimension for one figure: months in calendar order, anything else largest first
 * with the smallest summed as "others". `label` names a key (a country, a mode, an outcome).
 */
export function chartRows(
  groups: readonly Group[],
  dimension: ChartedDimension,
  metric: Metric,
  label: (key: string) => string,
  othersLabel: string,
): BarDatum[] {
  const rows = groups.map((group) => ({ key: group.key, label: label(group.key), value: group[metric] }));
  if (dimension === 'month') return rows.sort((a, b) => a.key.localeCompare(b.key));
  rows.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  if (rows.length <= MAX_ROWS) return rows;
  const kept = rows.slice(0, MAX_ROWS - 1);
  const rest = rows.slice(MAX_ROWS - 1).reduce((sum, row) => sum + row.value, 0);
  return [...kept, { key: OTHERS, label: othersLabel, value: rest }];
}

/** The statistics' query from the page address: only well-formed dates and country codes. */
export function statisticsQuery(params: URLSearchParams) {
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  const country = params.get('country')?.toUpperCase() ?? '';
  return {
    from: date('from'),
    to: date('to'),
    countryCode: /^[A-Z]{2}$/.test(country) ? country : undefined,
  };
}
