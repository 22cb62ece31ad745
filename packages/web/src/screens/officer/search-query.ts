import type { SearchFilters } from '../../api/endpoints';

/** URL parameters of the filters, so a filtered search can be shared and survives back and forward. */
export const FILTER_PARAMS = ['category', 'brandId', 'rightsHolderId', 'country'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

export function filtersOf(params: URLSearchParams): SearchFilters {
  const filters: SearchFilters = {};
  for (const name of FILTER_PARAMS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/** The query with each corrected word replaced, keeping the other words as typed. */
export function correctedQuery(query: string, corrections: { from: string; to: string }[]): string {
  return query
    .split(/(\s+)/)
    .map((word) => {
      const correction = corrections.find((item) => item.from.toLowerCase() === word.toLowerCase());
      return correction ? correction.to : word;
    })
    .join('')
    .trim();
}

/** The address of the lookup of a scanned or typed code. */
export function lookupPath(code: string): string {
  return `/scan/result?${new URLSearchParams({ code })}`;
}

/** A guide opened from a scan carries the code, for the report of a suspect shipment. */
export function guidePath(productId: string, code?: string): string {
  return code ? `/guides/${productId}?${new URLSearchParams({ code })}` : `/guides/${productId}`;
}
