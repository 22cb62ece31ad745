import { isEnforcementKind, type OrganisationKind } from '../organisations/kinds.js';
import type { Role } from '../organisations/roles.js';

/**
 * Whether someone may write and publish alerts: anyone acting for a rights holder (its members and
 * legal representatives, for the rights holders they act for), and in an enforcement organisation
 * its analysts and national coordinator — not every officer.
 */
export function canPublishAlerts(kind: OrganisationKind, roles: readonly Role[]): boolean {
  if (kind === 'rights_holder' || kind === 'legal_representative') return true;
  return isEnforcementKind(kind) && (roles.includes('analyst') || roles.includes('national_coordinator'));
}

/** Whether someone has an alerts inbox: every user of an enforcement organisation. */
export function readsAlerts(kind: OrganisationKind): boolean {
  return isEnforcementKind(kind);
}

/**
 * Whether an alert reaches an officer of this country: it is published and names no target
 * country or names this one. (Being active — within its validity window — is a separate question.)
 */
export function alertReachesCountry(
  alert: { status: string; targetCountries: readonly string[] },
  countryCode: string | null,
): boolean {
  if (alert.status !== 'published') return false;
  return (
    alert.targetCountries.length === 0 ||
    (countryCode !== null && alert.targetCountries.includes(countryCode))
  );
}

/** Whether an alert is valid on `day` (`YYYY-MM-DD`): from its first day to its last, both included. */
export function alertValidOn(alert: { validFrom: string; validTo: string | null }, day: string): boolean {
  return alert.validFrom <= day && (alert.validTo === null || day <= alert.validTo);
}
