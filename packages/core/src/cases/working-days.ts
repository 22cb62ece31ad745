/**
 * Working-day deadlines of a detention procedure, per country policy: the rights holder has N
 * working days from the day after notification, counted in the office's time zone, skipping the
 * country's weekend days and public holidays; the deadline is the end of the last of those days.
 * Pure: the policy carries the time zone and holidays, the caller the instant of notification.
 */

export interface WorkingDayPolicy {
  /** IANA time zone of the office, e.g. `Europe/Paris`. */
  timeZone: string;
  /** Public holidays as `YYYY-MM-DD` local dates. */
  holidays: readonly string[];
  /** Days of the week that are not worked, 0 = Sunday … 6 = Saturday (default Saturday and Sunday). */
  weekend?: readonly number[];
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

/** The calendar date of `instant` on the office's wall clock. */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = wallClock(instant, timeZone);
  return isoDate({ year, month, day });
}

/** Whether a local date (`YYYY-MM-DD`) is a working day under the policy. */
export function isWorkingDay(date: string, policy: WorkingDayPolicy): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return !(policy.weekend ?? [0, 6]).includes(weekday) && !policy.holidays.includes(date);
}

/**
 * The deadline `days` working days after `notifiedAt`: the last instant (…:59.999) of the last
 * working day, as an absolute time. Day one is the first working day after the day of notification.
 */
export function workingDayDeadline(notifiedAt: Date, days: number, policy: WorkingDayPolicy): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('A deadline is at least one working day');
  let date = localDate(notifiedAt, policy.timeZone);
  let counted = 0;
  // A year of holidays cannot hide more than a few hundred days; the bound only stops a bad policy.
  for (let guard = 0; counted < days; guard += 1) {
    if (guard > days * 7 + 366) throw new RangeError('The policy leaves no working days');
    date = nextDate(date);
    if (isWorkingDay(date, policy)) counted += 1;
  }
  // The end of that day is the instant before the next local day starts (23:59:59.999, DST-safe).
  return new Date(startOfLocalDay(nextDate(date), policy.timeZone).getTime() - 1);
}

/** Working days from `now` until `deadline`, counting today if it is a working day; 0 once passed. */
export function workingDaysLeft(now: Date, deadline: Date, policy: WorkingDayPolicy): number {
  if (now.getTime() > deadline.getTime()) return 0;
  const last = localDate(deadline, policy.timeZone);
  let date = localDate(now, policy.timeZone);
  let left = 0;
  while (date <= last) {
    if (isWorkingDay(date, policy)) left += 1;
    date = nextDate(date);
  }
  return left;
}

/** The instant local midnight starts `date` in `timeZone` (the first instant of that local day). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(year, month - 1, day);
  // The zone's offset at that moment; checked again where a change of offset falls in between.
  let instant = asUtc - offsetMs(new Date(asUtc), timeZone);
  const corrected = asUtc - offsetMs(new Date(instant), timeZone);
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

function nextDate(date: string): string {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS);
  return next.toISOString().slice(0, 10);
}

function isoDate({ year, month, day }: LocalDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, timeZone: string) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}
