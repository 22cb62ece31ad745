import { describe, expect, it } from 'vitest';
import { registeredSerial } from '../api/authentication.js';
import { readSerialRow } from './serial-row.js';

const cells = (
  overrides: Partial<Record<'gtin' | 'serial' | 'batch' | 'expiry' | 'markets' | 'state', string>> = {},
) => ({
  gtin: '7038210001015',
  serial: 'NVL0000001',
  batch: 'NV2611A',
  expiry: '2028-10-31',
  markets: '',
  state: '',
  ...overrides,
});

describe('readSerialRow', () => {
  it('reads a row as the JSON schema does: GTIN to 14 digits, markets upper-cased and split, state active by default', () => {
    const result = readSerialRow(
      cells({ gtin: ' 7038210001015 ', markets: 'fr; de,NO  fr', state: ' Recalled ' }),
    );
    expect(result).toEqual({
      ok: true,
      row: {
        gtin: '07038210001015',
        serial: 'NVL0000001',
        batch: 'NV2611A',
        expiry: '2028-10-31',
        intendedMarkets: ['FR', 'DE', 'NO'],
        state: 'recalled',
      },
    });
    const json = registeredSerial.parse({
      gtin: '7038210001015',
      serial: 'NVL0000001',
      batch: 'NV2611A',
      expiry: '2028-10-31',
    });
    expect(readSerialRow(cells())).toEqual({ ok: true, row: json });
  });

  it('reports one issue per faulty field', () => {
    const result = readSerialRow({
      gtin: '7038210001016',
      serial: '',
      batch: 'with space',
      expiry: '31/10/2028',
      markets: 'FR XX',
      state: 'lost',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.field)).toEqual([
      'gtin',
      'serial',
      'batch',
      'expiry',
      'intended_markets',
      'state',
    ]);
    expect(result.issues[0]!.message).toBe('Check digit should be 5, not 6');
  });

  it('accepts an expiry month and the GS1 punctuation allowed in serials, refuses a 21-character serial', () => {
    expect(readSerialRow(cells({ expiry: '2028-10', serial: 'A-1/2.3_x%"!' })).ok).toBe(true);
    expect(readSerialRow(cells({ serial: 'A'.repeat(21) })).ok).toBe(false);
    expect(readSerialRow(cells({ expiry: '2028-13-01' })).ok).toBe(false);
  });
});
