import {
  CASE_STATUSES,
  type CaseStatus,
  type CaseWorkList,
  isEnforcementKind,
  type OrganisationKind,
  type Role,
} from '@assay/core';
import type { CaseListQuery } from '../../api/endpoints';

/** The lists a person may switch between: their own, and the whole administration for a national coordinator. */
export function workListsFor(kind: OrganisationKind, roles: readonly Role[]): CaseWorkList[] {
  if (!isEnforcementKind(kind)) return ['rights_holder'];
  return roles.includes('national_coordinator') ? ['officer', 'coordinator'] : ['officer'];
}

const isStatus = (value: string | null): value is CaseStatus =>
  (CASE_STATUSES as readonly (string | null)[]).includes(value);

/** The list's query from the page address; unknown values fall back to the person's own list. */
export function listQuery(params: URLSearchParams, lists: CaseWorkList[], lang: string): CaseListQuery {
  const asked = params.get('list');
  const list = lists.find((candidate) => candidate === asked) ?? lists[0];
  const status = params.get('status');
  return {
    list,
    status: isStatus(status) ? status : undefined,
    closed: params.get('closed') === 'true' ? 'true' : undefined,
    lang,
  };
}

export interface StatusCount {
  status: CaseStatus;
  count: number;
}

/** The chart's rows: the statuses that have cases, in the order of the case's life. */
export function statusCounts(counts: Record<string, number>): StatusCount[] {
  return CASE_STATUSES.map((status) => ({ status, count: counts[status] ?? 0 })).filter(
    (entry) => entry.count > 0,
  );
}
