import { describe, expect, it } from 'vitest';
import { barWidth } from '../cases/bar-table';
import { chartRows, type Group, MAX_ROWS, OTHERS, statisticsQuery } from './seizure-charts';

const group = (
  key: string,
  seizures: number,
  quantity = seizures * 10,
  estimatedValue = quantity * 2,
): Group => ({
  key,
  seizures,
  quantity,
  estimatedValue,
});
const upper = (key: string) => key.toUpperCase();

describe('the bars of a seizure chart', () => {
  it('are ordered by the figure shown, largest first', () => {
    const groups = [group('fr', 2, 500), group('es', 5, 20), group('it', 1, 900)];
    expect(
      chartRows(groups, 'country', 'seizures', upper, 'Others').map((row) => [row.label, row.value]),
    ).toEqual([
      ['ES', 5],
      ['FR', 2],
      ['IT', 1],
    ]);
    expect(chartRows(groups, 'country', 'quantity', upper, 'Others').map((row) => row.key)).toEqual([
      'it',
      'fr',
      'es',
    ]);
  });

  it('keep months in calendar order', () => {
    const groups = [group('2026-03', 1), group('2025-12', 9), group('2026-01', 4)];
    expect(chartRows(groups, 'month', 'seizures', upper, 'Others').map((row) => row.key)).toEqual([
      '2025-12',
      '2026-01',
      '2026-03',
    ]);
  });

  it('sum the smallest groups into one row past the limit', () => {
    const groups = Array.from({ length: 14 }, (_, index) => group(`brand-${index}`, 100 - index));
    const rows = chartRows(groups, 'brand', 'seizures', upper, 'Others');
    expect(rows).toHaveLength(MAX_ROWS);
    expect(rows.at(-1)).toEqual({ key: OTHERS, label: 'Others', value: 91 + 90 + 89 + 88 + 87 });
  });
});

describe('a bar', () => {
  it('spans the room left for the figure at the largest value, and stays visible when small', () => {
    expect(barWidth(50, 50)).toBe(75);
    expect(barWidth(1, 10_000)).toBe(1);
    expect(barWidth(0, 10)).toBe(0);
    expect(barWidth(0, 0)).toBe(0);
  });
});

it('reads the date range and country from the page address, ignoring malformed values', () => {
  expect(statisticsQuery(new URLSearchParams('from=2026-01-01&to=2026-06-30&country=fr'))).toEqual({
    from: '2026-01-01',
    to: '2026-06-30',
    countryCode: 'FR',
  });
  expect(statisticsQuery(new URLSearchParams('from=last%20week&country=France'))).toEqual({
    from: undefined,
    to: undefined,
    countryCode: undefined,
  });
});
