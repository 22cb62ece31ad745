import { useTranslation } from 'react-i18next';

const TONES: Record<string, 'good' | 'waiting' | 'bad' | 'neutral'> = {
  active: 'good',
  accepted: 'good',
  sent: 'good',
  pending: 'waiting',
  held: 'waiting',
  queued: 'waiting',
  rejected: 'bad',
  suspended: 'bad',
  disabled: 'bad',
  failed: 'bad',
  revoked: 'neutral',
  expired: 'neutral',
  discontinued: 'neutral',
  filed: 'waiting',
  granted: 'good',
  refused: 'bad',
  withdrawn: 'neutral',
  recalled: 'bad',
};

/** A coloured status word; the colour repeats what the text says. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${TONES[status] ?? 'neutral'}`}>{t(`status.${status}`)}</span>;
}
