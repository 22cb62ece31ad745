import { gtinSchema, registeredSerial, SERIAL_CSV_COLUMNS } from '@assay/core';
import { describe, expect, it } from 'vitest';
import countries from 'world-atlas/countries-110m.json';
import { alpha2FromNumeric } from './country-numeric';
import { colourFor, colourSteps, MAP_COLOURS, MAP_EMPTY_COLOUR } from './map-scale';
import { parseListedSerials, serialCsvTemplate } from './serials-csv';
import { fillDays } from './timeline';

describe('alpha2FromNumeric', () => {
  it('names the countries of the map by their alpha-2 code', () => {
    expect(alpha2FromNumeric('250')).toBe('FR');
    expect(alpha2FromNumeric('840')).toBe('US');
    expect(alpha2FromNumeric(36)).toBe('AU');
    expect(alpha2FromNumeric('004')).toBe('AF');
  });

  it('knows every map feature that has an id', () => {
    const ids = countries.objects.countries.geometries.flatMap((geometry) =>
      'id' in geometry && geometry.id !== undefined ? [geometry.id] : [],
    );
    expect(ids.length).toBeGreaterThan(170);
    expect(ids.filter((id) => alpha2FromNumeric(id) === null)).toEqual([]);
  });

  it('gives nothing for a feature without an ISO code', () => {
    expect(alpha2FromNumeric(undefined)).toBeNull();
    expect(alpha2FromNumeric('999')).toBeNull();
  });
});

describe('colour scale', () => {
  it('has no step when nothing was verified', () => {
    expect(colourSteps(0)).toEqual([]);
    expect(colourFor(0, colourSteps(0))).toBe(MAP_EMPTY_COLOUR);
  });

  it('splits the counts into whole, contiguous steps ending at the maximum', () => {
    const steps = colourSteps(100);
    expect(steps).toHaveLength(MAP_COLOURS.length);
    expect(steps[0]?.from).toBe(1);
    expect(steps.at(-1)?.to).toBe(100);
    for (let index = 1; index < steps.length; index++) {
      expect(steps[index]?.from).toBe((steps[index - 1]?.to ?? 0) + 1);
    }
  });

  it('uses fewer steps than colours for small counts, never an empty range', () => {
    const steps = colourSteps(2);
    expect(steps.map(({ from, to }) => [from, to])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('colours more verifications darker', () => {
    const steps = colourSteps(50);
    expect(colourFor(1, steps)).toBe(MAP_COLOURS[0]);
    expect(colourFor(50, steps)).toBe(MAP_COLOURS.at(-1));
    expect(colourFor(0, steps)).toBe(MAP_EMPTY_COLOUR);
  });
});

describe('serials CSV template', () => {
  it('starts with the columns the registry expects', () => {
    expect(serialCsvTemplate().split('\r\n')[0]).toBe(SERIAL_CSV_COLUMNS.join(','));
  });

  it('holds example rows the registry accepts', () => {
    const [, ...rows] = serialCsvTemplate().trim().split('\r\n');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [gtin, serial, batch, expiry, markets = '', state] = row.split(',');
      const parsed = registeredSerial.safeParse({
        gtin,
        serial,
        batch,
        expiry,
        intendedMarkets: markets.split(' ').filter(Boolean),
        state,
      });
      expect(parsed.success).toBe(true);
    }
  });
});

describe('parseListedSerials', () => {
  it('reads one pack per line, whatever separates GTIN and serial', () => {
    expect(parseListedSerials('09506000134352 A1\n\n09506000134352,A2\r\n09506000134352\tA3\n')).toEqual([
      { gtin: '09506000134352', serial: 'A1' },
      { gtin: '09506000134352', serial: 'A2' },
      { gtin: '09506000134352', serial: 'A3' },
    ]);
  });

  it('leaves a line without serial for the schema to refuse', () => {
    const [pack] = parseListedSerials('09506000134352');
    expect(pack).toEqual({ gtin: '09506000134352', serial: '' });
    expect(gtinSchema.safeParse(pack?.gtin).success).toBe(true);
  });
});

describe('fillDays', () => {
  it('gives every day of the period, zero where nothing was verified', () => {
    const days = fillDays(
      [{ day: '2026-03-02', total: 4, suspicious: 1 }],
      '2026-03-01T10:00:00Z',
      '2026-03-03T09:00:00Z',
    );
    expect(days).toEqual([
      { day: '2026-03-01', total: 0, suspicious: 0 },
      { day: '2026-03-02', total: 4, suspicious: 1 },
      { day: '2026-03-03', total: 0, suspicious: 0 },
    ]);
  });
});
