/** How urgent an answer deadline is: the tone of its badge and whether its row stands out. */
export type DeadlineTone = 'overdue' | 'due' | 'soon' | 'later';

export interface Countdown {
  /** Translation key under `cases.countdown`, with `count` for the plural. */
  key: 'left' | 'dueToday' | 'overdue';
  count: number;
  tone: DeadlineTone;
}

/** One working day left or less is close enough to say so in colour. */
const SOON_DAYS = 1;

/**
 * The countdown of an answer deadline from the working days the server counted in the case country's
 * calendar: 0 on the last day, negative after it. Null when there is no deadline (closed cases).
 */
export function countdown(workingDaysLeft: number | null): Countdown | null {
  if (workingDaysLeft === null) return null;
  if (workingDaysLeft < 0) return { key: 'overdue', count: -workingDaysLeft, tone: 'overdue' };
  if (workingDaysLeft === 0) return { key: 'dueToday', count: 0, tone: 'due' };
  return { key: 'left', count: workingDaysLeft, tone: workingDaysLeft <= SOON_DAYS ? 'soon' : 'later' };
}

/** The badge colour of a tone (styles.css): overdue is bad, the last days are a warning. */
export function toneBadge(tone: DeadlineTone): string {
  return tone === 'overdue' ? 'badge-bad' : tone === 'later' ? 'badge-neutral' : 'badge-waiting';
}
