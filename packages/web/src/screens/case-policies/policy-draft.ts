import { casePolicyBody, isEnforcementKind, type OrganisationKind, type Role } from '@assay/core';
import type { CasePolicy, CasePolicyInput } from '../../api/endpoints';
import type { Problems } from '../../components/use-form';

/** A country's policy as typed: numbers as strings until saved. */
export interface PolicyDraft {
  answerDays: string;
  perishableDays: string;
  timeZone: string;
  holidays: string[];
  weekend: number[];
}

export function policyDraft(policy: CasePolicy): PolicyDraft {
  return {
    answerDays: String(policy.answerDays),
    perishableDays: String(policy.perishableDays),
    timeZone: policy.timeZone,
    holidays: [...policy.holidays],
    weekend: [...policy.weekend],
  };
}

/** Whole days as typed; anything else is NaN, which the schema refuses at its field. */
const days = (value: string) => (/^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN);

export function policyBody(draft: PolicyDraft): CasePolicyInput {
  return {
    answerDays: days(draft.answerDays),
    perishableDays: days(draft.perishableDays),
    timeZone: draft.timeZone.trim(),
    holidays: [...draft.holidays].sort(),
    weekend: [...draft.weekend].sort((a, b) => a - b),
  };
}

/** The holidays with one more date, once and in calendar order; a malformed date changes nothing. */
export function addHoliday(holidays: readonly string[], date: string): string[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return [...holidays];
  return [...new Set([...holidays, date])].sort();
}

/** The weekdays in the reader's week order (Monday first), 0 = Sunday as the API counts them. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/** A weekday's name in a language: 2026-11-01 was a Sunday. */
export function weekdayName(day: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 10, 1 + day)),
  );
}

/** Who edits policies (as the server checks): the operator's admins, and national coordinators for their country. */
export function mayEditPolicies(kind: OrganisationKind, roles: readonly Role[]): boolean {
  if (kind === 'platform_operator') return roles.includes('admin');
  return isEnforcementKind(kind) && roles.includes('national_coordinator');
}

/** What the form says, rather than the generic messages, about days out of range and unknown time zones. */
export function policyProblems(body: CasePolicyInput): Problems {
  const problems: Problems = {};
  for (const issue of casePolicyBody.safeParse(body).error?.issues ?? []) {
    const field = String(issue.path[0]);
    if (field === 'answerDays' || field === 'perishableDays')
      problems[field] = { key: 'casePolicies.daysInvalid' };
    if (field === 'timeZone') problems.timeZone = { key: 'casePolicies.timeZoneInvalid' };
  }
  return problems;
}
