import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** The translated sentence for a failed request; the server's English message is never shown. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.internal');
  const seconds = error.retryAfterSeconds;
  if ((error.code === 'locked' || error.code === 'rate_limited') && seconds !== null) {
    return t(`errors.${error.code}_for`, { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }
  return t(`errors.${error.code}`);
}
