import { describe, expect, it } from 'vitest';
import { alertBody } from '../api/alerts.js';
import {
  ALERT_RULE_THRESHOLD,
  ALERT_RULE_WEIGHTS,
  type AlertForRules,
  alertToRiskProfile,
  riskProfileSchema,
} from './rules.js';

const NONE = { exporterNames: [], importerNames: [], routes: [], ports: [], descriptions: [], hsCodes: [] };

function alert(overrides: Partial<AlertForRules> = {}): AlertForRules {
  return {
    id: '5b1c3c53-6f0e-4c83-9d57-7d3b0c1f2a10',
    ownerOrganisationId: '0f8e0f5c-3a1d-4b7e-8f43-2f4b8d1a9c55',
    title: {
      original: 'fr',
      texts: { en: 'Fake trainers via Jebel Ali', fr: 'Fausses baskets via Jebel Ali' },
    },
    indicators: NONE,
    targetCountries: [],
    targetPorts: [],
    transportModes: [],
    validFrom: '2026-11-01',
    validTo: null,
    ...overrides,
  };
}

describe('alertToRiskProfile', () => {
  it('names the profile after the alert, in the language it was written in, and keeps its window and targets', () => {
    const profile = alertToRiskProfile(
      alert({
        targetCountries: ['FR', 'KE'],
        validTo: '2027-01-31',
        indicators: { ...NONE, exporterNames: ['X'] },
      }),
    );
    expect(profile).toMatchObject({
      id: 'alert:5b1c3c53-6f0e-4c83-9d57-7d3b0c1f2a10',
      name: 'Fausses baskets via Jebel Ali',
      owner: '0f8e0f5c-3a1d-4b7e-8f43-2f4b8d1a9c55',
      validFrom: '2026-11-01',
      validTo: '2027-01-31',
      targetCountries: ['FR', 'KE'],
    });
    expect(riskProfileSchema.parse(profile)).toEqual(profile);
  });

  it('turns each kind of indicator into one condition over the screening fields', () => {
    const profile = alertToRiskProfile(
      alert({
        indicators: {
          exporterNames: ['Shenzhen Brightway Trading Co., Ltd', 'Brightway Export'],
          importerNames: ['Rapid Parcel SARL'],
          routes: [
            { origin: 'CN', transit: ['AE'], destination: 'FR' },
            { origin: 'HK', transit: [], destination: 'KE' },
          ],
          ports: ['AEJEA', 'FRLEH'],
          descriptions: ['sport shoes', 'sample'],
          hsCodes: ['640411', '6403'],
        },
        targetPorts: ['FRMRS'],
        transportModes: ['SEA', 'COURIER'],
      }),
    );
    const { strong, medium, weak } = ALERT_RULE_WEIGHTS;
    expect(profile.conditions).toEqual([
      {
        field: 'exporter_name',
        op: 'name_match',
        values: ['Shenzhen Brightway Trading Co., Ltd', 'Brightway Export'],
        weight: strong,
      },
      { field: 'importer_name', op: 'name_match', values: ['Rapid Parcel SARL'], weight: strong },
      { field: 'description', op: 'contains_word', values: ['sport shoes', 'sample'], weight: strong },
      { field: 'origin_country', op: 'in', values: ['CN', 'HK'], weight: medium },
      { field: 'export_country', op: 'in', values: ['CN', 'AE', 'HK'], weight: medium },
      { field: 'destination_country', op: 'in', values: ['FR', 'KE'], weight: medium },
      { field: 'port_of_loading', op: 'in', values: ['AEJEA', 'FRLEH'], weight: medium },
      { field: 'port_of_discharge', op: 'in', values: ['AEJEA', 'FRLEH'], weight: medium },
      { field: 'hs_code', op: 'prefix', values: ['640411', '6403'], weight: medium },
      { field: 'port_of_discharge', op: 'in', values: ['FRMRS'], weight: weak },
      { field: 'mode', op: 'in', values: ['SEA', 'COURIER'], weight: weak },
    ]);
    expect(profile.threshold).toBe(ALERT_RULE_THRESHOLD);
  });

  it('fires on one named exporter alone, but needs two medium indicators together', () => {
    const profile = alertToRiskProfile(alert({ indicators: { ...NONE, exporterNames: ['Brightway'] } }));
    expect(profile.conditions[0]!.weight).toBeGreaterThanOrEqual(profile.threshold);
    const weakOnes = alertToRiskProfile(
      alert({ indicators: { ...NONE, hsCodes: ['640411'], ports: ['AEJEA'] } }),
    );
    const hsCode = weakOnes.conditions.find((condition) => condition.field === 'hs_code')!;
    expect(hsCode.weight).toBeLessThan(weakOnes.threshold);
    const portOfLoading = weakOnes.conditions.find((condition) => condition.field === 'port_of_loading')!;
    expect(hsCode.weight + portOfLoading.weight).toBeGreaterThanOrEqual(weakOnes.threshold);
  });

  it('lowers the threshold to what the indicators can reach, so a full match is a hit', () => {
    const profile = alertToRiskProfile(alert({ indicators: { ...NONE, hsCodes: ['300490'] } }));
    expect(profile.threshold).toBe(ALERT_RULE_WEIGHTS.medium);
  });

  it('gives an alert without indicators a profile that never fires', () => {
    const profile = alertToRiskProfile(alert());
    expect(profile.conditions).toEqual([]);
    expect(profile.threshold).toBeGreaterThan(0);
  });

  it('drops repeated and blank values', () => {
    const profile = alertToRiskProfile(
      alert({
        indicators: {
          ...NONE,
          routes: [
            { origin: 'CN', transit: ['AE'], destination: 'FR' },
            { origin: 'CN', transit: ['AE'], destination: 'ES' },
          ],
          descriptions: ['replica', ' ', 'replica'],
        },
      }),
    );
    expect(profile.conditions.find((c) => c.field === 'origin_country')!.values).toEqual(['CN']);
    expect(profile.conditions.find((c) => c.field === 'export_country')!.values).toEqual(['CN', 'AE']);
    expect(profile.conditions.find((c) => c.field === 'description')!.values).toEqual(['replica']);
  });

  it('reads HS codes and ports from a published body in the form the rules compare', () => {
    const body = alertBody.parse({
      title: { original: 'en', texts: { en: 'Fake analgesics' } },
      text: { original: 'en', texts: { en: 'Blister packs with misspelt batch numbers.' } },
      severity: 'high',
      indicators: { hsCodes: ['3004.90'], ports: ['ke mba'] },
      validFrom: '2026-11-23',
    });
    const profile = alertToRiskProfile({ ...alert(), ...body, indicators: body.indicators });
    expect(profile.conditions.find((c) => c.field === 'hs_code')!.values).toEqual(['300490']);
    expect(profile.conditions.find((c) => c.field === 'port_of_loading')!.values).toEqual(['KEMBA']);
  });
});

describe('alertBody', () => {
  const valid = {
    title: { original: 'en', texts: { en: 'Title' } },
    text: { original: 'en', texts: { en: 'Text' } },
    severity: 'low',
    validFrom: '2026-11-23',
  };
  const pathsOf = (input: unknown) =>
    alertBody.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? [];

  it('accepts the smallest alert and fills the lists', () => {
    expect(alertBody.parse(valid)).toMatchObject({ targetCountries: [], validTo: null, indicators: NONE });
  });

  it.each([
    [{ indicators: { hsCodes: ['7701.10'] } }, 'indicators.hsCodes.0'],
    [{ indicators: { ports: ['FRLE'] } }, 'indicators.ports.0'],
    [{ targetPorts: ['XXABC'] }, 'targetPorts.0'],
    [{ targetCountries: ['ZZ'] }, 'targetCountries.0'],
    [{ transportModes: ['BIKE'] }, 'transportModes.0'],
    [{ indicators: { routes: [{ origin: 'CN', destination: 'QQ' }] } }, 'indicators.routes.0.destination'],
    [{ validTo: '2026-11-01' }, 'validTo'],
    [{ severity: 'urgent' }, 'severity'],
    [{ title: { original: 'fr', texts: { en: 'Title' } } }, 'title.original'],
  ])('refuses %j at %s', (change, path) => {
    expect(pathsOf({ ...valid, ...change })).toEqual([path]);
  });
});
