import type { GuideView } from '@assay/core';

type GuideIpRight = GuideView['ipRights'][number];

/**
 * Whether customs in the officer's country hold the rights holder's application for action, which
 * decides how they may act: on the application when it is recorded and in force; ex officio
 * otherwise, the rights holder then having a few working days to file one.
 */
export type CustomsStanding =
  | { kind: 'recorded'; reference: string; validTo: string | null }
  | { kind: 'filed'; reference: string }
  | { kind: 'expired'; reference: string; validTo: string | null }
  | { kind: 'not_recorded' };

/** The best standing among the guide's IP rights, seen on `today` (`YYYY-MM-DD`). */
export function customsStanding(ipRights: GuideIpRight[], today: string): CustomsStanding {
  const recordations = ipRights.flatMap((right) => (right.recordation ? [right.recordation] : []));
  const inForce = recordations.find(
    (recordation) =>
      recordation.status === 'granted' &&
      (!recordation.validFrom || recordation.validFrom <= today) &&
      (!recordation.validTo || recordation.validTo >= today),
  );
  if (inForce) return { kind: 'recorded', reference: inForce.reference, validTo: inForce.validTo };
  const filed = recordations.find((recordation) => recordation.status === 'filed');
  if (filed) return { kind: 'filed', reference: filed.reference };
  const lapsed = recordations.find(
    (recordation) =>
      recordation.status === 'expired' ||
      (recordation.status === 'granted' && recordation.validTo !== null && recordation.validTo < today),
  );
  if (lapsed) return { kind: 'expired', reference: lapsed.reference, validTo: lapsed.validTo };
  return { kind: 'not_recorded' };
}
