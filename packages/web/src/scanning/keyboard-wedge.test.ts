import { describe, expect, it } from 'vitest';
import { KeyboardWedge, type WedgeKey } from './keyboard-wedge';
import { GROUP_SEPARATOR } from './normalise-code';

/** Key events as a scanner (10 ms apart) or a person (200 ms apart) produces them. */
function keys(text: string, start: number, gapMs: number): WedgeKey[] {
  return [...text].map((key, index) => ({
    key,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    timeStamp: start + index * gapMs,
  }));
}

const enter = (timeStamp: number): WedgeKey => ({
  key: 'Enter',
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  timeStamp,
});
const ctrl = (key: string, timeStamp: number): WedgeKey => ({
  key,
  ctrlKey: true,
  altKey: false,
  metaKey: false,
  timeStamp,
});

function feed(wedge: KeyboardWedge, events: WedgeKey[]) {
  return events.map((event) => wedge.push(event));
}

describe('KeyboardWedge', () => {
  it('takes fast keystrokes closed by Enter as one code', () => {
    const wedge = new KeyboardWedge();
    const outcomes = feed(wedge, [...keys('7038210001014', 1000, 10), enter(1130)]);
    expect(outcomes.at(-1)).toEqual({ kind: 'code', code: '7038210001014' });
    expect(outcomes.slice(0, -1).every((outcome) => outcome.kind === 'ignore')).toBe(true);
  });

  it('leaves a person typing and pressing Enter to the page', () => {
    const wedge = new KeyboardWedge();
    const outcomes = feed(wedge, [...keys('7038210001014', 1000, 200), enter(3700)]);
    expect(outcomes.at(-1)).toEqual({ kind: 'ignore' });
  });

  it('ignores an Enter that comes long after a fast burst', () => {
    const wedge = new KeyboardWedge();
    expect(feed(wedge, [...keys('7038210001014', 1000, 10), enter(2000)]).at(-1)).toEqual({
      kind: 'ignore',
    });
  });

  it('ignores a burst shorter than the shortest GTIN', () => {
    const wedge = new KeyboardWedge();
    expect(feed(wedge, [...keys('1234', 1000, 10), enter(1040)]).at(-1)).toEqual({ kind: 'ignore' });
  });

  it('turns Ctrl+] and the real character into the group separator, dropping a leading FNC1', () => {
    const wedge = new KeyboardWedge();
    const events = [
      ctrl(']', 1000),
      ...keys('10ABC', 1010, 10),
      ctrl(']', 1060),
      ...keys('21XYZ', 1070, 10),
      { ...keys(GROUP_SEPARATOR, 1120, 10)[0] },
      ...keys('17271231', 1130, 10),
      enter(1220),
    ] as WedgeKey[];
    const outcomes = feed(wedge, events);
    expect(outcomes[0]).toEqual({ kind: 'swallow' });
    expect(outcomes.at(-1)).toEqual({
      kind: 'code',
      code: `10ABC${GROUP_SEPARATOR}21XYZ${GROUP_SEPARATOR}17271231`,
    });
  });

  it('starts afresh after a pause, keeping only the new burst', () => {
    const wedge = new KeyboardWedge();
    const outcomes = feed(wedge, [...keys('abc', 0, 10), ...keys('7038210001014', 5000, 10), enter(5130)]);
    expect(outcomes.at(-1)).toEqual({ kind: 'code', code: '7038210001014' });
  });

  it('is interrupted by a shortcut but not by Shift', () => {
    const wedge = new KeyboardWedge();
    const shift: WedgeKey = { key: 'Shift', ctrlKey: false, altKey: false, metaKey: false, timeStamp: 1045 };
    let outcomes = feed(wedge, [...keys('ABCD', 1000, 10), shift, ...keys('EFGH', 1050, 10), enter(1090)]);
    expect(outcomes.at(-1)).toEqual({ kind: 'code', code: 'ABCDEFGH' });
    outcomes = feed(wedge, [
      ...keys('ABCD', 2000, 10),
      ctrl('c', 2040),
      ...keys('EFGH', 2050, 10),
      enter(2090),
    ]);
    expect(outcomes.at(-1)).toEqual({ kind: 'ignore' });
  });
});
