import { describe, expect, it } from 'vitest';
import { countdown, toneBadge } from './countdown';

describe('the answer deadline countdown', () => {
  it('counts the working days left, warning on the last one', () => {
    expect(countdown(3)).toEqual({ key: 'left', count: 3, tone: 'later' });
    expect(countdown(1)).toEqual({ key: 'left', count: 1, tone: 'soon' });
  });

  it('says the answer is due today on the last day', () => {
    expect(countdown(0)).toEqual({ key: 'dueToday', count: 0, tone: 'due' });
  });

  it('says by how many working days an answer is overdue', () => {
    expect(countdown(-2)).toEqual({ key: 'overdue', count: 2, tone: 'overdue' });
  });

  it('shows no countdown without a deadline', () => {
    expect(countdown(null)).toBeNull();
  });

  it('colours overdue as bad, the last days as a warning', () => {
    expect(toneBadge('overdue')).toBe('badge-bad');
    expect(toneBadge('due')).toBe('badge-waiting');
    expect(toneBadge('soon')).toBe('badge-waiting');
    expect(toneBadge('later')).toBe('badge-neutral');
  });
});
