import { describe, expect, it } from 'vitest';
import { PACK_STATES, VERDICT_MEANINGS, VERIFICATION_VERDICTS, verdictRank } from './verdicts.js';
import { type RegisteredPack, verdictFor } from './verify.js';

const pack = (overrides: Partial<RegisteredPack> = {}): RegisteredPack => ({
  state: 'active',
  batch: 'LOT-4711',
  expiry: '2027-05-31',
  intendedMarkets: ['FR', 'BE'],
  ...overrides,
});
const scan = { batch: 'LOT-4711', expiry: '2027-05-31' };

describe('verdictFor', () => {
  it('calls a registered active pack with matching batch and expiry in its market genuine', () => {
    const result = verdictFor(pack(), scan, 'FR');
    expect(result.verdict).toBe('genuine');
    expect(result.findings).toEqual([
      { verdict: 'genuine', severity: 'ok', considerDetaining: false, params: {} },
    ]);
  });

  it('calls a serial the registry does not hold unknown_serial', () => {
    const result = verdictFor(null, scan, 'FR');
    expect(result.verdict).toBe('unknown_serial');
    expect(result.findings[0]).toMatchObject({ severity: 'alert', considerDetaining: true });
  });

  it.each([
    ['recalled', 'warning'],
    ['stolen', 'alert'],
    ['destroyed', 'alert'],
    ['decommissioned', 'alert'],
  ] as const)('reports a %s pack as %s, advising detention', (state, severity) => {
    const result = verdictFor(pack({ state }), scan, 'FR');
    expect(result.verdict).toBe(state);
    expect(result.findings).toEqual([{ verdict: state, severity, considerDetaining: true, params: {} }]);
  });

  it('reports a batch that differs from the registered one, with both values', () => {
    const result = verdictFor(pack(), { ...scan, batch: 'LOT-9999' }, 'FR');
    expect(result.verdict).toBe('batch_mismatch');
    expect(result.findings[0]!.params).toEqual({ scanned: 'LOT-9999', registered: 'LOT-4711' });
  });

  it('compares batches ignoring case and surrounding spaces', () => {
    expect(verdictFor(pack({ batch: ' Lot-4711 ' }), { ...scan, batch: 'lot-4711  ' }, 'FR').verdict).toBe(
      'genuine',
    );
  });

  it('does not judge batch or expiry the code did not carry', () => {
    expect(verdictFor(pack(), {}, 'FR').verdict).toBe('genuine');
    expect(verdictFor(pack(), { batch: null, expiry: null }, 'FR').verdict).toBe('genuine');
    expect(verdictFor(pack(), { batch: '  ', expiry: '' }, 'FR').verdict).toBe('genuine');
  });

  it('reports an expiry date that differs from the registered one', () => {
    const result = verdictFor(pack(), { ...scan, expiry: '2027-06-30' }, 'FR');
    expect(result.verdict).toBe('expiry_mismatch');
    expect(result.findings[0]!.params).toEqual({ scanned: '2027-06-30', registered: '2027-05-31' });
  });

  it('compares only months when the registry holds a month', () => {
    expect(verdictFor(pack({ expiry: '2027-05' }), { expiry: '2027-05-31' }, 'FR').verdict).toBe('genuine');
    expect(verdictFor(pack({ expiry: '2027-05' }), { expiry: '2027-06-01' }, 'FR').verdict).toBe(
      'expiry_mismatch',
    );
  });

  it('treats an unreadable printed expiry as not matching', () => {
    expect(verdictFor(pack(), { expiry: '2027-02-30' }, 'FR').verdict).toBe('expiry_mismatch');
    expect(verdictFor(pack(), { expiry: '31/05/2027' }, 'FR').verdict).toBe('expiry_mismatch');
  });

  it('reports a pack verified outside its intended markets as diversion', () => {
    const result = verdictFor(pack(), scan, 'de');
    expect(result.verdict).toBe('other_market');
    expect(result.findings[0]).toMatchObject({
      severity: 'warning',
      considerDetaining: false,
      params: { country: 'DE', intendedMarkets: 'FR, BE' },
    });
    expect(verdictFor(pack({ intendedMarkets: ['fr'] }), scan, 'FR').verdict).toBe('genuine');
  });

  it('treats a pack with no intended markets as sellable anywhere', () => {
    expect(verdictFor(pack({ intendedMarkets: [] }), scan, 'JP').verdict).toBe('genuine');
  });

  it('lists every finding, state before mismatch before diversion', () => {
    const result = verdictFor(pack({ state: 'stolen' }), { batch: 'X1', expiry: '2030-01-01' }, 'US');
    expect(result.verdict).toBe('stolen');
    expect(result.findings.map((finding) => finding.verdict)).toEqual([
      'stolen',
      'batch_mismatch',
      'expiry_mismatch',
      'other_market',
    ]);
    const mismatch = verdictFor(pack(), { ...scan, expiry: '2030-01-01' }, 'US');
    expect(mismatch.findings.map((finding) => finding.verdict)).toEqual(['expiry_mismatch', 'other_market']);
  });
});

describe('verdicts', () => {
  it('gives every verdict a severity, and ranks pack states before mismatches, diversion and genuine', () => {
    for (const verdict of VERIFICATION_VERDICTS) expect(VERDICT_MEANINGS[verdict]).toBeDefined();
    expect(VERDICT_MEANINGS.service_unavailable).toEqual({ severity: 'unknown', considerDetaining: false });
    expect(VERDICT_MEANINGS.unknown_product).toEqual({ severity: 'unknown', considerDetaining: false });
    expect(VERDICT_MEANINGS.possible_clone).toEqual({ severity: 'alert', considerDetaining: true });
    for (const state of PACK_STATES) {
      if (state === 'active') continue;
      expect(verdictRank(state)).toBeLessThan(verdictRank('batch_mismatch'));
    }
    expect(verdictRank('expiry_mismatch')).toBeLessThan(verdictRank('other_market'));
    expect(verdictRank('other_market')).toBeLessThan(verdictRank('genuine'));
  });
});
