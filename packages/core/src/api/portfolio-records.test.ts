import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  contactBody,
  eoriNumber,
  ipRightBody,
  ipRightClassIssue,
  recordationExpiry,
  supplyRouteBody,
  unLocode,
} from './portfolio-records.js';

describe('recordationExpiry', () => {
  it.each([
    ['granted', '2026-12-23', 30, true],
    ['granted', '2026-12-24', 31, false],
    ['granted', '2026-11-23', 0, true],
    ['granted', '2026-11-22', -1, false],
    ['filed', '2026-12-01', 8, false],
    ['withdrawn', '2026-12-01', 8, false],
    ['expired', '2026-12-01', 8, false],
  ] as const)('%s ending %s: %i days, expiring soon %s', (status, validTo, days, soon) => {
    expect(recordationExpiry(status, validTo, '2026-11-23')).toEqual({
      expiresInDays: days,
      expiringSoon: soon,
    });
  });

  it('counts whole calendar days across a daylight-saving change and a leap day', () => {
    expect(recordationExpiry('granted', '2028-03-31', '2028-02-28').expiresInDays).toBe(32);
  });

  it('has nothing to say without an end date', () => {
    expect(recordationExpiry('granted', null, '2026-11-23')).toEqual({
      expiresInDays: null,
      expiringSoon: false,
    });
  });
});

describe('IP right classes', () => {
  it('are Nice 1–45 for trademarks, Locarno 1–32 for designs, none otherwise', () => {
    expect(ipRightClassIssue('trademark', 45)).toBeNull();
    expect(ipRightClassIssue('trademark', 46)).toMatch(/Nice/);
    expect(ipRightClassIssue('design', 32)).toBeNull();
    expect(ipRightClassIssue('design', 33)).toMatch(/Locarno/);
    expect(ipRightClassIssue('patent', 1)).toMatch(/Only trademarks/);
  });

  it('come back sorted and once each', () => {
    const body = ipRightBody.parse({
      type: 'trademark',
      registrationNumber: '1',
      office: 'WIPO',
      classes: [35, 3, 35, 9],
      ownerName: 'X',
    });
    expect(body.classes).toEqual([3, 9, 35]);
  });
});

describe('supply-chain identifiers', () => {
  it.each([
    ['FRLEH', 'FRLEH'],
    ['fr leh', 'FRLEH'],
    ['NL-RTM', 'NLRTM'],
    ['DEHA2', 'DEHA2'],
  ])('reads the UN/LOCODE %s as %s', (input, output) => {
    expect(unLocode.parse(input)).toBe(output);
  });

  it.each(['FRLE', 'FRLEHX', 'FRLE1', 'XXABC', '12ABC'])('refuses %s as a UN/LOCODE', (input) => {
    expect(unLocode.safeParse(input).success).toBe(false);
  });

  it('reads EORI numbers without spaces, in capitals', () => {
    expect(eoriNumber.parse('de 1234 5678')).toBe('DE12345678');
    expect(eoriNumber.safeParse('123456').success).toBe(false);
  });

  it('reads a transport mode in any case and a blank one as none', () => {
    const route = { originCountry: 'CN', destinationCountry: 'FR' };
    expect(supplyRouteBody.parse({ ...route, transportMode: ' courier ' }).transportMode).toBe('COURIER');
    expect(supplyRouteBody.parse({ ...route, transportMode: '' }).transportMode).toBeNull();
  });
});

describe('contacts', () => {
  it('need an email or a phone, and list countries and languages once each', () => {
    expect(contactBody.safeParse({ name: 'A' }).error?.issues[0]?.path).toEqual(['email']);
    const contact = contactBody.parse({
      name: 'A',
      phone: '+33 1 23 45 67 89',
      countries: ['fr', 'FR', 'BE'],
      languages: ['FR', 'fr'],
    });
    expect(contact).toMatchObject({ countries: ['FR', 'BE'], languages: ['fr'], email: null, hours: null });
  });
});

describe('calendar dates', () => {
  it('takes YYYY-MM-DD and refuses year 0, which the database cannot store', () => {
    expect(calendarDate.parse('2027-06-30')).toBe('2027-06-30');
    expect(calendarDate.safeParse('0000-01-01').error?.issues[0]?.message).toBe(
      'The year must be 1 or later',
    );
    expect(calendarDate.safeParse('2027-02-30').success).toBe(false);
  });
});
