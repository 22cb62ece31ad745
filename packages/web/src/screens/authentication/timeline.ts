export interface DayCount {
  day: string;
  total: number;
  suspicious: number;
}

const DAY_MS = 86_400_000;

/** Every calendar day (UTC) from `from` to `to`, with zero where nothing was verified, so gaps show. */
export function fillDays(byDay: readonly DayCount[], from: string, to: string): DayCount[] {
  const known = new Map(byDay.map((entry) => [entry.day, entry]));
  const start = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const end = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  const days: DayCount[] = [];
  for (let time = start; time <= end; time += DAY_MS) {
    const day = new Date(time).toISOString().slice(0, 10);
    days.push(known.get(day) ?? { day, total: 0, suspicious: 0 });
  }
  return days;
}
