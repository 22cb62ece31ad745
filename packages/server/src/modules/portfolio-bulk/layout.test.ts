import { describe, expect, it } from 'vitest';
import { neutraliseCell, normaliseName, restoreCell, sheetKeyOf } from './layout.js';

describe('formula injection', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+33 1 23', "'+33 1 23"],
    ['-5 %', "'-5 %"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ["'=quoted", "''=quoted"],
    ['plain = text', 'plain = text'],
    ["it's", "it's"],
  ])('exports %j as %j and reads it back', (text, cell) => {
    expect(neutraliseCell(text)).toBe(cell);
    expect(restoreCell(cell)).toBe(text);
  });
});

describe('names', () => {
  it('matches sheets and headers whatever their case and separators', () => {
    expect(normaliseName(' Product Reference ')).toBe('product_reference');
    expect(sheetKeyOf('guide-points')).toBe('guidePoints');
    expect(sheetKeyOf('READ ME')).toBe('readme');
    expect(sheetKeyOf('Notes')).toBeUndefined();
  });
});
