import type { ViewStatistics } from '../../api/endpoints';

/** The key of views whose viewer had no country. */
export const UNKNOWN = 'unknown';

/** The last `count` months up to this one, oldest first, as YYYY-MM (UTC, like the server). */
export function lastMonths(count: number, now = new Date()): string[] {
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    months.push(`${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

export interface CountryTotal {
  code: string;
  views: number;
}

export interface MonthTotal {
  month: string;
  views: number;
  byCountry: CountryTotal[];
}

/** Views per country (most first) and per month, from the server's rows. */
export function summarise(rows: ViewStatistics['rows'], months: string[]) {
  const countries = new Map<string, number>();
  const perMonth = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const code = row.countryCode ?? UNKNOWN;
    countries.set(code, (countries.get(code) ?? 0) + row.views);
    const month = perMonth.get(row.month) ?? new Map<string, number>();
    month.set(code, (month.get(code) ?? 0) + row.views);
    perMonth.set(row.month, month);
  }
  const byCountry: CountryTotal[] = [...countries.entries()]
    .map(([code, views]) => ({ code, views }))
    .sort((a, b) => b.views - a.views || a.code.localeCompare(b.code));
  const allMonths = [...new Set([...months, ...perMonth.keys()])].sort();
  const byMonth: MonthTotal[] = allMonths.map((month) => {
    const counts = perMonth.get(month) ?? new Map<string, number>();
    const entries = [...counts.entries()]
      .map(([code, views]) => ({ code, views }))
      .sort((a, b) => b.views - a.views || a.code.localeCompare(b.code));
    return { month, views: entries.reduce((sum, entry) => sum + entry.views, 0), byCountry: entries };
  });
  const total = byCountry.reduce((sum, entry) => sum + entry.views, 0);
  return { byCountry, byMonth, total };
}
