import type { ErrorCode } from '@assay/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from './error-message';

/**
 * The error of a whole form or page, announced as soon as it appears. `messages` replaces the general
 * sentence for some codes where the page knows better what went wrong (a conflict on a product).
 */
export function FormError({
  error,
  messages,
}: {
  error: unknown;
  messages?: Partial<Record<ErrorCode, string>>;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const override = error instanceof ApiError ? messages?.[error.code] : undefined;
  return (
    <div className="notice notice-error" role="alert">
      {override ?? errorMessage(t, error)}
    </div>
  );
}
