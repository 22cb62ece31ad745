import { useTranslation } from 'react-i18next';
import { countdown, toneBadge } from './countdown';

/** "3 working days left", "due today", "overdue by 2 working days", coloured by urgency. */
export function CountdownBadge({ workingDaysLeft }: { workingDaysLeft: number | null }) {
  const { t } = useTranslation();
  const shown = countdown(workingDaysLeft);
  if (!shown) return null;
  return (
    <span className={`badge ${toneBadge(shown.tone)}`}>
      {shown.key === 'dueToday'
        ? t('cases.countdown.dueToday')
        : t(`cases.countdown.${shown.key}`, { count: shown.count })}
    </span>
  );
}
