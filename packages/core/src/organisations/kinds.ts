/** What an organisation is; decides its roles, who approves it and who approves its members. */
export const ORGANISATION_KINDS = [
  'platform_operator',
  'customs',
  'police',
  'other_enforcement',
  'rights_holder',
  'legal_representative',
  'industry_association',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Kinds that may ask to join; the platform operator is created from the command line only. */
export const REGISTRABLE_KINDS = ORGANISATION_KINDS.filter(
  (kind): kind is Exclude<OrganisationKind, 'platform_operator'> => kind !== 'platform_operator',
);

export const ENFORCEMENT_KINDS = [
  'customs',
  'police',
  'other_enforcement',
] as const satisfies readonly OrganisationKind[];

export function isEnforcementKind(kind: OrganisationKind): boolean {
  return (ENFORCEMENT_KINDS as readonly OrganisationKind[]).includes(kind);
}

/** Enforcement organisations act for one country (ISO 3166-1 alpha-2). */
export function requiresCountry(kind: OrganisationKind): boolean {
  return isEnforcementKind(kind);
}

export const ORGANISATION_STATUSES = ['pending', 'active', 'rejected', 'suspended'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];
