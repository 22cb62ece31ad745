import { casePolicyBody } from '@assay/core';
import { describe, expect, it } from 'vitest';
import {
  addHoliday,
  mayEditPolicies,
  policyBody,
  policyDraft,
  policyProblems,
  weekdayName,
} from './policy-draft';

const policy = {
  countryCode: 'FR',
  answerDays: 10,
  perishableDays: 3,
  timeZone: 'Europe/Paris',
  holidays: ['2026-12-25'],
  weekend: [0, 6],
  isDefault: false,
  updatedAt: null,
};

describe('a country policy as edited', () => {
  it('round-trips to the body the API takes', () => {
    const body = policyBody({
      ...policyDraft(policy),
      weekend: [6, 0],
      holidays: ['2026-12-25', '2026-11-11'],
    });
    expect(body).toEqual({
      answerDays: 10,
      perishableDays: 3,
      timeZone: 'Europe/Paris',
      holidays: ['2026-11-11', '2026-12-25'],
      weekend: [0, 6],
    });
    expect(casePolicyBody.safeParse(body).success).toBe(true);
  });

  it('lets the schema refuse days that are not whole numbers, at their field', () => {
    const body = policyBody({ ...policyDraft(policy), answerDays: '10.5', perishableDays: '' });
    const result = casePolicyBody.safeParse(body);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'answerDays',
      'perishableDays',
    ]);
  });

  it('lets the schema refuse an unknown time zone', () => {
    const result = casePolicyBody.safeParse(policyBody({ ...policyDraft(policy), timeZone: 'Mars/Olympus' }));
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['timeZone']);
  });
});

describe('public holidays', () => {
  it('are added once each, in calendar order', () => {
    expect(addHoliday(['2026-12-25'], '2026-05-01')).toEqual(['2026-05-01', '2026-12-25']);
    expect(addHoliday(['2026-12-25'], '2026-12-25')).toEqual(['2026-12-25']);
  });

  it('ignore an empty or malformed date', () => {
    expect(addHoliday(['2026-12-25'], '')).toEqual(['2026-12-25']);
  });
});

it('names weekdays in the reader language, 0 being Sunday', () => {
  expect(weekdayName(0, 'en')).toBe('Sunday');
  expect(weekdayName(6, 'fr')).toBe('samedi');
  expect(weekdayName(1, 'es')).toBe('lunes');
});

it('lets the operator admins and national coordinators edit policies, no one else', () => {
  expect(mayEditPolicies('platform_operator', ['admin'])).toBe(true);
  expect(mayEditPolicies('platform_operator', ['member'])).toBe(false);
  expect(mayEditPolicies('customs', ['national_coordinator'])).toBe(true);
  expect(mayEditPolicies('customs', ['officer', 'admin'])).toBe(false);
  expect(mayEditPolicies('rights_holder', ['admin'])).toBe(false);
});

it('explains days out of range and unknown time zones in words of the form', () => {
  const body = policyBody({
    ...policyDraft(policy),
    answerDays: '0',
    perishableDays: '61',
    timeZone: 'Mars/Olympus',
  });
  expect(policyProblems(body)).toEqual({
    answerDays: { key: 'casePolicies.daysInvalid' },
    perishableDays: { key: 'casePolicies.daysInvalid' },
    timeZone: { key: 'casePolicies.timeZoneInvalid' },
  });
  expect(policyProblems(policyBody(policyDraft(policy)))).toEqual({});
});
