import { describe, expect, it } from 'vitest';
import { lastMonths, summarise, UNKNOWN } from './view-statistics';

describe('lastMonths', () => {
  it('counts back across a year end, oldest first', () => {
    expect(lastMonths(3, new Date('2026-02-10T12:00:00Z'))).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});

describe('summarise', () => {
  const rows = [
    { month: '2026-01', countryCode: 'FR', views: 2 },
    { month: '2026-02', countryCode: 'KE', views: 1 },
    { month: '2026-02', countryCode: 'FR', views: 3 },
    { month: '2026-02', countryCode: null, views: 1 },
  ];

  it('totals per country, most viewed first, with viewers without a country apart', () => {
    expect(summarise(rows, ['2026-01', '2026-02']).byCountry).toEqual([
      { code: 'FR', views: 5 },
      { code: 'KE', views: 1 },
      { code: UNKNOWN, views: 1 },
    ]);
  });

  it('keeps every month of the period, empty ones included, and the total', () => {
    const { byMonth, total } = summarise(rows, ['2025-12', '2026-01', '2026-02']);
    expect(byMonth.map((month) => [month.month, month.views])).toEqual([
      ['2025-12', 0],
      ['2026-01', 2],
      ['2026-02', 5],
    ]);
    expect(total).toBe(7);
  });
});
