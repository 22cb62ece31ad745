import { z } from 'zod';
import { countryCode, uuid } from '../api/common.js';
import { isEnforcementKind, type OrganisationKind } from '../organisations/kinds.js';
import type { Role } from '../organisations/roles.js';

/**
 * Whom a rights holder shares a product with: every enforcement organisation, those of one
 * country, or one organisation named explicitly.
 */
export type ShareTarget =
  | { kind: 'all' }
  | { kind: 'country'; countryCode: string }
  | { kind: 'organisation'; organisationId: string };

/**
 * One share of a product. `includesCovert` (covert guide points too) is only ever true for an
 * organisation named explicitly: covert features go to trusted authorities one by one.
 */
export type ProductShare = ShareTarget & { includesCovert: boolean };

export const SHARE_TARGET_KINDS = ['all', 'country', 'organisation'] as const;
export type ShareTargetKind = (typeof SHARE_TARGET_KINDS)[number];

const COVERT_ONLY_TO_ORGANISATIONS =
  'Covert guide points are shared only with organisations named one by one';
const noCovert = z
  .boolean()
  .default(false)
  .refine((value) => !value, { message: COVERT_ONLY_TO_ORGANISATIONS });

/**
 * A {@link ProductShare} in a request body. `includesCovert` defaults to false; set on a share with
 * everyone or with a country it is refused with an issue at `includesCovert`. Country codes are
 * upper-cased and checked against ISO 3166-1.
 */
export const productShareSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all'), includesCovert: noCovert }),
  z.object({ kind: z.literal('country'), countryCode, includesCovert: noCovert }),
  z.object({
    kind: z.literal('organisation'),
    organisationId: uuid,
    includesCovert: z.boolean().default(false),
  }),
]);

/** The same target twice is one share: a key that is equal for both. */
export function shareTargetKey(target: ShareTarget): string {
  switch (target.kind) {
    case 'all':
      return 'all';
    case 'country':
      return `country:${target.countryCode}`;
    case 'organisation':
      return `organisation:${target.organisationId}`;
  }
}

/**
 * The complete list of a product's shares, as replaced in one request: each target at most once
 * (a repeated target is refused at its index).
 */
export const productSharesSchema = z.array(productShareSchema).superRefine((shares, ctx) => {
  const seen = new Set<string>();
  shares.forEach((share, index) => {
    const key = shareTargetKey(share);
    if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message: 'This product is already shared with this target',
      });
    }
    seen.add(key);
  });
});

/**
 * Someone looking at a rights holder's portfolio, as the server knows them. Only users of approved
 * (active) organisations are ever described by one. `representedRightsHolderIds` lists, for a legal
 * representative firm, the rights holders it acts for.
 */
export interface PortfolioViewer {
  organisationId: string;
  organisationKind: OrganisationKind;
  countryCode: string | null;
  roles: readonly Role[];
  representedRightsHolderIds?: readonly string[];
}

/** How much of a product a viewer sees. */
export const PRODUCT_ACCESSES = ['owner', 'overt_and_covert', 'overt', 'none'] as const;
export type ProductAccess = (typeof PRODUCT_ACCESSES)[number];

/** Whether the viewer acts for the rights holder: one of its members, or a legal representative of it. */
function isOwnerSide(viewer: PortfolioViewer, ownerOrganisationId: string): boolean {
  if (viewer.organisationId === ownerOrganisationId) return true;
  return (
    viewer.organisationKind === 'legal_representative' &&
    (viewer.representedRightsHolderIds ?? []).includes(ownerOrganisationId)
  );
}

/**
 * Whether a share reaches the viewer's organisation: a share with everyone, with the viewer's
 * country, or naming the viewer's organisation. Says nothing about the kind of organisation — see
 * {@link productAccess}.
 */
export function shareReaches(
  share: ShareTarget,
  viewer: Pick<PortfolioViewer, 'organisationId' | 'countryCode'>,
) {
  switch (share.kind) {
    case 'all':
      return true;
    case 'country':
      return viewer.countryCode !== null && share.countryCode === viewer.countryCode;
    case 'organisation':
      return share.organisationId === viewer.organisationId;
  }
}

/**
 * How much of a rights holder's product the viewer sees.
 *
 * - `owner` — members of the owning rights holder, and a legal representative firm acting for it:
 *   everything, shared or not.
 * - For enforcement organisations (customs, police, other enforcement): `overt_and_covert` when a
 *   share names their organisation and includes covert points; else `overt` when any share reaches
 *   them (everyone, their country, their organisation); else `none`.
 * - Everyone else — the platform operator, other rights holders, industry associations, legal
 *   representatives of other rights holders — `none`.
 *
 * A covert flag on a share with everyone or with a country (which {@link productShareSchema}
 * refuses) grants only overt points.
 */
export function productAccess(
  viewer: PortfolioViewer,
  ownerOrganisationId: string,
  shares: readonly ProductShare[],
): ProductAccess {
  if (isOwnerSide(viewer, ownerOrganisationId)) return 'owner';
  if (!isEnforcementKind(viewer.organisationKind)) return 'none';
  const reaching = shares.filter((share) => shareReaches(share, viewer));
  if (reaching.some((share) => share.kind === 'organisation' && share.includesCovert))
    return 'overt_and_covert';
  return reaching.length > 0 ? 'overt' : 'none';
}

/**
 * Whether the viewer may browse rights holders' company-level information (company, brands,
 * contacts) in general: every approved enforcement organisation's users may, with no share needed.
 * The owner side sees its own company too — ask {@link companyInformationAccess} about one company.
 */
export function canSeeCompanyInformation(viewer: PortfolioViewer): boolean {
  return isEnforcementKind(viewer.organisationKind);
}

/** Why a viewer sees a rights holder's company-level information, or that they do not. */
export type CompanyInformationAccess = 'owner' | 'enforcement' | 'none';

/**
 * Whether and why the viewer sees one rights holder's company-level information (company, brands,
 * contacts): `owner` for its members and legal representatives, `enforcement` for enforcement
 * organisations, `none` for everyone else.
 */
export function companyInformationAccess(
  viewer: PortfolioViewer,
  ownerOrganisationId: string,
): CompanyInformationAccess {
  if (isOwnerSide(viewer, ownerOrganisationId)) return 'owner';
  return canSeeCompanyInformation(viewer) ? 'enforcement' : 'none';
}

/** Who may see a guide point: anyone the product is shared with, or trusted organisations only. */
export const GUIDE_POINT_VISIBILITIES = ['overt', 'covert'] as const;
export type GuidePointVisibility = (typeof GUIDE_POINT_VISIBILITIES)[number];

/** Whether a guide point of this visibility is shown to a viewer with this access to the product. */
export function visibleGuidePoint(access: ProductAccess, visibility: GuidePointVisibility): boolean {
  switch (access) {
    case 'owner':
    case 'overt_and_covert':
      return true;
    case 'overt':
      return visibility === 'overt';
    case 'none':
      return false;
  }
}
