import { describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS } from '../organisations/kinds.js';
import { alertReachesCountry, alertValidOn, canPublishAlerts, readsAlerts } from './publishing.js';

describe('who publishes and who reads alerts', () => {
  it.each([
    ['rights_holder', ['member'], true],
    ['rights_holder', ['admin'], true],
    ['legal_representative', ['member'], true],
    ['customs', ['analyst'], true],
    ['police', ['national_coordinator'], true],
    ['customs', ['officer'], false],
    ['customs', ['admin'], false],
    ['industry_association', ['admin'], false],
    ['platform_operator', ['admin'], false],
  ] as const)('%s with %j may publish: %s', (kind, roles, expected) => {
    expect(canPublishAlerts(kind, roles)).toBe(expected);
  });

  it('gives an inbox to enforcement organisations only', () => {
    expect(ORGANISATION_KINDS.filter(readsAlerts)).toEqual(['customs', 'police', 'other_enforcement']);
  });
});

describe('which alerts reach an officer', () => {
  it('reaches every country when it names none, else only those it names, and only once published', () => {
    expect(alertReachesCountry({ status: 'published', targetCountries: [] }, 'KE')).toBe(true);
    expect(alertReachesCountry({ status: 'published', targetCountries: ['FR', 'KE'] }, 'KE')).toBe(true);
    expect(alertReachesCountry({ status: 'published', targetCountries: ['FR'] }, 'KE')).toBe(false);
    expect(alertReachesCountry({ status: 'published', targetCountries: ['FR'] }, null)).toBe(false);
    expect(alertReachesCountry({ status: 'draft', targetCountries: [] }, 'FR')).toBe(false);
    expect(alertReachesCountry({ status: 'withdrawn', targetCountries: [] }, 'FR')).toBe(false);
  });

  it('is valid from its first day to its last, both included', () => {
    const window = { validFrom: '2026-11-01', validTo: '2026-11-30' };
    expect(alertValidOn(window, '2026-10-31')).toBe(false);
    expect(alertValidOn(window, '2026-11-01')).toBe(true);
    expect(alertValidOn(window, '2026-11-30')).toBe(true);
    expect(alertValidOn(window, '2026-12-01')).toBe(false);
    expect(alertValidOn({ validFrom: '2026-11-01', validTo: null }, '2030-01-01')).toBe(true);
  });
});
