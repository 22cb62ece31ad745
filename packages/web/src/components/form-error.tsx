import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message';

/** The error of a whole form or page, announced as soon as it appears. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      {errorMessage(t, error)}
    </div>
  );
}
