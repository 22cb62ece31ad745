import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessClone,
  CLONE_RULE_DEFAULTS,
  type CurrentVerification,
  type EarlierVerification,
} from './clone-rules.js';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-11-23T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

const current = (overrides: Partial<CurrentVerification> = {}): CurrentVerification => ({
  country: 'FR',
  at: NOW,
  organisationId: 'org-customs-fr',
  genuineSoFar: true,
  ...overrides,
});
const earlier = (overrides: Partial<EarlierVerification> = {}): EarlierVerification => ({
  country: 'FR',
  at: daysAgo(1),
  organisationId: 'org-customs-fr',
  verdict: 'genuine',
  ...overrides,
});
const ruleIds = (history: EarlierVerification[], now = current()) =>
  assessClone(now, history).fired.map((finding) => finding.rule);

describe('rule other_country', () => {
  it('fires when the same serial was verified in another country 29 days before, naming it', () => {
    const result = assessClone(current(), [earlier({ country: 'de', at: daysAgo(29) })]);
    expect(result.verdict).toBe('possible_clone');
    expect(result.primary).toBe(true);
    expect(result.fired).toEqual([
      {
        rule: 'other_country',
        explanation: 'Verified in DE within 30 days of this verification in FR.',
        params: { windowDays: 30, countries: 'DE', country: 'FR' },
        earlierScans: [{ country: 'DE', at: daysAgo(29) }],
      },
    ]);
  });

  it('does not fire for a scan in another country 31 days before', () => {
    const result = assessClone(current(), [earlier({ country: 'DE', at: daysAgo(31) })]);
    expect(result).toEqual({ verdict: null, primary: false, fired: [] });
  });

  it('does not fire for earlier scans in the same country', () => {
    expect(ruleIds([earlier({ country: 'fr', at: daysAgo(2) })])).toEqual([]);
  });

  it('lists every other country once, and each triggering scan most recent first', () => {
    const finding = assessClone(current(), [
      earlier({ country: 'NL', at: daysAgo(10) }),
      earlier({ country: 'DE', at: daysAgo(3) }),
      earlier({ country: 'NL', at: daysAgo(5) }),
      earlier({ country: 'FR', at: daysAgo(1) }),
    ]).fired[0]!;
    expect(finding.params.countries).toBe('DE, NL');
    expect(finding.earlierScans).toEqual([
      { country: 'DE', at: daysAgo(3) },
      { country: 'NL', at: daysAgo(5) },
      { country: 'NL', at: daysAgo(10) },
    ]);
  });

  it('follows a tuned window', () => {
    const settings = { ...CLONE_RULE_DEFAULTS, otherCountry: { windowDays: 60 } };
    expect(
      assessClone(current(), [earlier({ country: 'DE', at: daysAgo(45) })], settings).fired,
    ).toHaveLength(1);
  });
});

describe('rule many_organisations', () => {
  const byOrganisations = (count: number, days: number) =>
    Array.from({ length: count }, (_, index) =>
      earlier({ organisationId: `org-${index}`, at: daysAgo(days) }),
    );

  it('fires when a fourth organisation verifies the serial within 7 days', () => {
    const result = assessClone(current(), byOrganisations(3, 6));
    expect(result.fired.map((finding) => finding.rule)).toEqual(['many_organisations']);
    expect(result.fired[0]!.params).toEqual({ organisations: 4, maxOrganisations: 3, windowDays: 7 });
    expect(result.fired[0]!.explanation).toBe('Verified by 4 organisations within 7 days (more than 3).');
    expect(result.fired[0]!.earlierScans).toHaveLength(3);
  });

  it('does not fire for three organisations, or for a fourth outside the 7 days', () => {
    expect(ruleIds(byOrganisations(2, 6))).toEqual([]);
    expect(
      ruleIds([...byOrganisations(2, 6), earlier({ organisationId: 'org-late', at: daysAgo(8) })]),
    ).toEqual([]);
  });

  it('counts the verifying organisation itself once however often it scanned', () => {
    const history = [...byOrganisations(2, 1), earlier({ at: daysAgo(2) }), earlier({ at: daysAgo(3) })];
    expect(ruleIds(history)).toEqual([]);
  });
});

describe('rule burst', () => {
  const scans = (count: number, hours: number) =>
    Array.from({ length: count }, () => earlier({ at: hoursAgo(hours) }));

  it('fires on the eleventh verification within 24 hours', () => {
    const result = assessClone(current(), scans(10, 23));
    expect(result.fired.map((finding) => finding.rule)).toEqual(['burst']);
    expect(result.fired[0]!.params).toEqual({ verifications: 11, maxVerifications: 10, windowHours: 24 });
    expect(result.fired[0]!.explanation).toBe('Verified 11 times within 24 hours (more than 10).');
  });

  it('does not fire on the tenth, nor when the earlier scans are older than 24 hours', () => {
    expect(ruleIds(scans(9, 23))).toEqual([]);
    expect(ruleIds([...scans(9, 23), earlier({ at: hoursAgo(25) })])).toEqual([]);
  });
});

describe('assessClone', () => {
  it('reports every rule that fired', () => {
    const history = [
      earlier({ country: 'DE', organisationId: 'org-a', at: hoursAgo(1) }),
      earlier({ country: 'IT', organisationId: 'org-b', at: hoursAgo(2) }),
      earlier({ country: 'ES', organisationId: 'org-c', at: hoursAgo(3) }),
      ...Array.from({ length: 8 }, () => earlier({ at: hoursAgo(4) })),
    ];
    expect(ruleIds(history)).toEqual(['other_country', 'many_organisations', 'burst']);
  });

  it('keeps an already suspicious pack on its own verdict while still reporting the clone', () => {
    const result = assessClone(current({ genuineSoFar: false }), [earlier({ country: 'DE' })]);
    expect(result.verdict).toBe('possible_clone');
    expect(result.primary).toBe(false);
  });

  it('fires nothing on a first verification', () => {
    expect(assessClone(current(), [])).toEqual({ verdict: null, primary: false, fired: [] });
  });
});

describe('clone rule properties', () => {
  const country = fc.constantFrom('FR', 'DE', 'NL', 'IT', 'KE', 'BR');
  const organisation = fc.constantFrom('org-a', 'org-b', 'org-c', 'org-d', 'org-e');
  const at = fc
    .integer({ min: -90 * DAY_MS, max: 90 * DAY_MS })
    .map((offset) => new Date(NOW.getTime() + offset));
  const scan = fc.record({
    country,
    at,
    organisationId: organisation,
    verdict: fc.constantFrom('genuine' as const, 'possible_clone' as const, 'service_unavailable' as const),
  });
  const now = fc.record({ country, at, organisationId: organisation, genuineSoFar: fc.boolean() });

  it('never fires other_country or many_organisations for a history in one country and one organisation', () => {
    fc.assert(
      fc.property(now, fc.array(scan, { maxLength: 40 }), (verification, history) => {
        const sameplace = history.map((entry) => ({
          ...entry,
          country: verification.country,
          organisationId: verification.organisationId,
        }));
        const rules = assessClone(verification, sameplace).fired.map((finding) => finding.rule);
        expect(rules).not.toContain('other_country');
        expect(rules).not.toContain('many_organisations');
      }),
    );
  });

  it('never turns a fired result into not fired when a scan is added', () => {
    fc.assert(
      fc.property(now, fc.array(scan, { maxLength: 20 }), scan, (verification, history, added) => {
        const before = assessClone(verification, history);
        const after = assessClone(verification, [...history, added]);
        if (before.verdict === 'possible_clone') expect(after.verdict).toBe('possible_clone');
        const afterRules = after.fired.map((finding) => finding.rule);
        for (const finding of before.fired) expect(afterRules).toContain(finding.rule);
      }),
    );
  });
});
