import type { TFunction } from 'i18next';
import type { Formatters } from './format';

/** A validity period in words: "1 Jan 2024 – 31 Dec 2033", "from …", "until …", or a dash. */
export function validity(from: string | null, to: string | null, format: Formatters, t: TFunction): string {
  if (from && to) return t('ipRights.fromTo', { from: format.day(from), to: format.day(to) });
  if (from) return t('ipRights.from', { date: format.day(from) });
  if (to) return t('ipRights.until', { date: format.day(to) });
  return '—';
}
