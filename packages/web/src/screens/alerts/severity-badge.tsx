import type { AlertSeverity } from '@assay/core';
import { useTranslation } from 'react-i18next';
import './alerts.css';

/** An alert's severity as a word on a coloured ground. */
export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  const { t } = useTranslation();
  return (
    <span className={`badge severity-badge severity-${severity}`}>
      {t('alerts.severityLabel', { severity: t(`alerts.severity.${severity}`) })}
    </span>
  );
}
