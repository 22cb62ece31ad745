import { describe, expect, it } from 'vitest';
import { isWorkingDay, startOfLocalDay, workingDayDeadline, workingDaysLeft } from './working-days.js';

const paris = { timeZone: 'Europe/Paris', holidays: ['2026-12-25', '2027-01-01'] };
const nairobi = { timeZone: 'Africa/Nairobi', holidays: ['2026-12-25', '2026-12-26', '2027-01-01'] };

describe('working-day deadlines', () => {
  it('counts ten working days from the day after notification, skipping the weekend', () => {
    // Notified Monday 2026-11-23 at 10:00 in Paris: day 1 is Tuesday 24th, day 10 is Monday 7 December.
    const deadline = workingDayDeadline(new Date('2026-11-23T09:00:00Z'), 10, paris);
    expect(deadline.toISOString()).toBe('2026-12-07T22:59:59.999Z');
  });

  it('skips the public holidays of the policy', () => {
    // Notified Friday 18 December: 21–24 (4), 25 holiday, 28–31 (8), 1 January holiday, 4–5 January (10).
    const deadline = workingDayDeadline(new Date('2026-12-18T15:00:00Z'), 10, paris);
    expect(deadline.toISOString()).toBe('2027-01-05T22:59:59.999Z');
    // The same notification with no holidays ends on 1 January.
    expect(
      workingDayDeadline(new Date('2026-12-18T15:00:00Z'), 10, { ...paris, holidays: [] }).toISOString(),
    ).toBe('2027-01-01T22:59:59.999Z');
  });

  it('gives three working days for perishable goods', () => {
    // Notified Thursday 26 November: Friday 27, Monday 30, Tuesday 1 December.
    expect(workingDayDeadline(new Date('2026-11-26T08:00:00Z'), 3, paris).toISOString()).toBe(
      '2026-12-01T22:59:59.999Z',
    );
  });

  it("reads the notification's day in the office's time zone", () => {
    // 22:30 UTC on Thursday 26 November is Friday 01:30 in Nairobi but still Thursday 23:30 in Paris.
    const at = new Date('2026-11-26T22:30:00Z');
    expect(workingDayDeadline(at, 1, nairobi).toISOString()).toBe('2026-11-30T20:59:59.999Z'); // Monday
    expect(workingDayDeadline(at, 1, paris).toISOString()).toBe('2026-11-27T22:59:59.999Z'); // Friday
  });

  it('ends at local midnight across a change of daylight-saving time', () => {
    // Paris moves to summer time on Sunday 28 March 2027; a deadline on Monday 29 ends at 21:59:59.999 UTC.
    const deadline = workingDayDeadline(new Date('2027-03-26T10:00:00Z'), 1, { ...paris, holidays: [] });
    expect(deadline.toISOString()).toBe('2027-03-29T21:59:59.999Z');
    expect(startOfLocalDay('2027-03-28', 'Europe/Paris').toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(startOfLocalDay('2027-03-29', 'Europe/Paris').toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect(startOfLocalDay('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfLocalDay('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('follows a country whose weekend is Friday and Saturday', () => {
    const policy = { timeZone: 'Asia/Dubai', holidays: [], weekend: [5, 6] };
    expect(isWorkingDay('2026-11-27', policy)).toBe(false); // Friday
    expect(isWorkingDay('2026-11-29', policy)).toBe(true); // Sunday
    // Notified Thursday 26: Sunday 29 is day 1.
    expect(workingDayDeadline(new Date('2026-11-26T06:00:00Z'), 1, policy).toISOString()).toBe(
      '2026-11-29T19:59:59.999Z',
    );
  });

  it('counts the working days left for the countdown, today included, and none once passed', () => {
    const deadline = workingDayDeadline(new Date('2026-11-23T09:00:00Z'), 10, paris);
    expect(workingDaysLeft(new Date('2026-11-23T09:00:00Z'), deadline, paris)).toBe(11);
    expect(workingDaysLeft(new Date('2026-12-05T12:00:00Z'), deadline, paris)).toBe(1); // Saturday
    expect(workingDaysLeft(new Date('2026-12-07T21:00:00Z'), deadline, paris)).toBe(1);
    expect(workingDaysLeft(new Date('2026-12-07T23:00:00Z'), deadline, paris)).toBe(0);
  });

  it('refuses a deadline of no days and a policy without working days', () => {
    expect(() => workingDayDeadline(new Date(), 0, paris)).toThrow(RangeError);
    expect(() => workingDayDeadline(new Date(), 1, { ...paris, weekend: [0, 1, 2, 3, 4, 5, 6] })).toThrow(
      RangeError,
    );
  });
});
