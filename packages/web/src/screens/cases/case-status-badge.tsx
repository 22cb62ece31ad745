import { useTranslation } from 'react-i18next';

const TONES: Record<string, string> = {
  awaiting_answer: 'badge-waiting',
  information_requested: 'badge-waiting',
  answered: 'badge-neutral',
  detained: 'badge-bad',
  destruction_pending: 'badge-bad',
  court_proceedings: 'badge-bad',
  released: 'badge-good',
  destroyed: 'badge-neutral',
  handed_over: 'badge-neutral',
};

/** A case's status in words; the colour only repeats it. */
export function CaseStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONES[status] ?? 'badge-neutral'}`}>{t(`cases.status.${status}`)}</span>;
}
