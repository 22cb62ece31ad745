import { describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS, type OrganisationKind } from '../organisations/kinds.js';
import type { Role } from '../organisations/roles.js';
import {
  canSeeCompanyInformation,
  companyInformationAccess,
  GUIDE_POINT_VISIBILITIES,
  type PortfolioViewer,
  type ProductAccess,
  type ProductShare,
  productAccess,
  productShareSchema,
  productSharesSchema,
  shareReaches,
  visibleGuidePoint,
} from './sharing.js';

const OWNER = '10000000-0000-4000-8000-000000000001'; // the rights holder whose product it is
const VIEWER = '20000000-0000-4000-8000-000000000002'; // the viewer's own organisation
const OTHER = '30000000-0000-4000-8000-000000000003'; // some other organisation
const VIEWER_COUNTRY = 'FR';
const OTHER_COUNTRY = 'DE';

const ROLES_OF: Record<OrganisationKind, Role[]> = {
  platform_operator: ['admin'],
  customs: ['officer'],
  police: ['analyst'],
  other_enforcement: ['national_coordinator'],
  rights_holder: ['member'],
  legal_representative: ['admin'],
  industry_association: ['member'],
};

const viewer = (kind: OrganisationKind, extra: Partial<PortfolioViewer> = {}): PortfolioViewer => ({
  organisationId: VIEWER,
  organisationKind: kind,
  countryCode: VIEWER_COUNTRY,
  roles: ROLES_OF[kind],
  ...extra,
});

/** The share settings of the matrix, each as the list of shares the product has. */
const SETTINGS: Record<string, ProductShare[]> = {
  none: [],
  all: [{ kind: 'all', includesCovert: false }],
  'own country': [{ kind: 'country', countryCode: VIEWER_COUNTRY, includesCovert: false }],
  'other country': [{ kind: 'country', countryCode: OTHER_COUNTRY, includesCovert: false }],
  'own organisation, overt': [{ kind: 'organisation', organisationId: VIEWER, includesCovert: false }],
  'own organisation, with covert': [{ kind: 'organisation', organisationId: VIEWER, includesCovert: true }],
  'other organisation, with covert': [{ kind: 'organisation', organisationId: OTHER, includesCovert: true }],
};
type Setting = keyof typeof SETTINGS;

const ENFORCEMENT_EXPECTED: Record<Setting, ProductAccess> = {
  none: 'none',
  all: 'overt',
  'own country': 'overt',
  'other country': 'none',
  'own organisation, overt': 'overt',
  'own organisation, with covert': 'overt_and_covert',
  'other organisation, with covert': 'none',
};
const always = (access: ProductAccess) =>
  Object.fromEntries(Object.keys(SETTINGS).map((setting) => [setting, access])) as Record<
    Setting,
    ProductAccess
  >;

/** Viewers of the matrix with the access each share setting gives them; anything else must be refused. */
const VIEWERS: [string, PortfolioViewer, Record<Setting, ProductAccess>][] = [
  ['customs', viewer('customs'), ENFORCEMENT_EXPECTED],
  ['police', viewer('police'), ENFORCEMENT_EXPECTED],
  ['other enforcement', viewer('other_enforcement'), ENFORCEMENT_EXPECTED],
  ['customs officer without roles', viewer('customs', { roles: [] }), ENFORCEMENT_EXPECTED],
  ['member of the owning rights holder', viewer('rights_holder', { organisationId: OWNER }), always('owner')],
  [
    'admin of the owning rights holder',
    viewer('rights_holder', { organisationId: OWNER, roles: ['admin'] }),
    always('owner'),
  ],
  [
    'legal representative of the owner',
    viewer('legal_representative', { representedRightsHolderIds: [OTHER, OWNER] }),
    always('owner'),
  ],
  ['another rights holder', viewer('rights_holder'), always('none')],
  [
    'legal representative of other rights holders',
    viewer('legal_representative', { representedRightsHolderIds: [OTHER] }),
    always('none'),
  ],
  ['legal representative of nobody', viewer('legal_representative'), always('none')],
  ['industry association', viewer('industry_association'), always('none')],
  ['platform operator', viewer('platform_operator'), always('none')],
  ['platform operator without a country', viewer('platform_operator', { countryCode: null }), always('none')],
];

const SEES: Record<ProductAccess, { overt: boolean; covert: boolean }> = {
  owner: { overt: true, covert: true },
  overt_and_covert: { overt: true, covert: true },
  overt: { overt: true, covert: false },
  none: { overt: false, covert: false },
};

describe('product access matrix', () => {
  it('covers every organisation kind', () => {
    const kinds = new Set(VIEWERS.map(([, v]) => v.organisationKind));
    expect([...kinds].sort()).toEqual([...ORGANISATION_KINDS].sort());
  });

  const cases = VIEWERS.flatMap(([name, v, expected]) =>
    Object.entries(SETTINGS).map(
      ([setting, shares]) => [name, setting, v, shares, expected[setting]!] as const,
    ),
  );

  it.each(cases)('%s, shared with: %s', (_name, _setting, v, shares, expected) => {
    const access = productAccess(v, OWNER, shares);
    expect(access).toBe(expected);
    for (const visibility of GUIDE_POINT_VISIBILITIES) {
      expect(visibleGuidePoint(access, visibility), `${visibility} guide points`).toBe(
        SEES[expected][visibility],
      );
    }
  });
});

describe('productAccess', () => {
  const customs = viewer('customs');

  it('gives covert points when a share names the organisation with covert among broader shares', () => {
    expect(
      productAccess(customs, OWNER, [
        { kind: 'all', includesCovert: false },
        { kind: 'country', countryCode: VIEWER_COUNTRY, includesCovert: false },
        { kind: 'organisation', organisationId: VIEWER, includesCovert: true },
      ]),
    ).toBe('overt_and_covert');
  });

  it('gives only overt points when covert goes to another organisation and the country is shared', () => {
    expect(
      productAccess(customs, OWNER, [
        { kind: 'organisation', organisationId: OTHER, includesCovert: true },
        { kind: 'country', countryCode: VIEWER_COUNTRY, includesCovert: false },
      ]),
    ).toBe('overt');
  });

  it('never lets a covert flag on a share with everyone or a country reveal covert points', () => {
    const stray = [
      { kind: 'all', includesCovert: true },
      { kind: 'country', countryCode: VIEWER_COUNTRY, includesCovert: true },
    ] as ProductShare[];
    expect(productAccess(customs, OWNER, stray)).toBe('overt');
    expect(productAccess(customs, OWNER, [stray[0]!])).toBe('overt');
    expect(productAccess(customs, OWNER, [stray[1]!])).toBe('overt');
  });

  it('does not match a country share for an enforcement viewer without a country', () => {
    const v = viewer('customs', { countryCode: null });
    expect(productAccess(v, OWNER, [{ kind: 'country', countryCode: 'FR', includesCovert: false }])).toBe(
      'none',
    );
    expect(productAccess(v, OWNER, [{ kind: 'all', includesCovert: false }])).toBe('overt');
  });

  it('gives a rights holder nothing of another’s product even when a share names it with covert', () => {
    const rival = viewer('rights_holder');
    expect(
      productAccess(rival, OWNER, [{ kind: 'organisation', organisationId: VIEWER, includesCovert: true }]),
    ).toBe('none');
    const association = viewer('industry_association');
    expect(
      productAccess(association, OWNER, [
        { kind: 'organisation', organisationId: VIEWER, includesCovert: true },
      ]),
    ).toBe('none');
  });

  it('treats a legal representative as owner only of the rights holders it represents', () => {
    const firm = viewer('legal_representative', { representedRightsHolderIds: [OWNER] });
    expect(productAccess(firm, OWNER, [])).toBe('owner');
    expect(productAccess(firm, OTHER, [])).toBe('none');
  });

  it('ignores represented rights holders listed for an organisation that is not a legal representative', () => {
    const v = viewer('industry_association', { representedRightsHolderIds: [OWNER] });
    expect(productAccess(v, OWNER, [])).toBe('none');
  });
});

describe('shareReaches', () => {
  const v = { organisationId: VIEWER, countryCode: VIEWER_COUNTRY };
  it('matches everyone, the viewer’s country and the viewer’s organisation only', () => {
    expect(shareReaches({ kind: 'all' }, v)).toBe(true);
    expect(shareReaches({ kind: 'country', countryCode: VIEWER_COUNTRY }, v)).toBe(true);
    expect(shareReaches({ kind: 'country', countryCode: OTHER_COUNTRY }, v)).toBe(false);
    expect(shareReaches({ kind: 'organisation', organisationId: VIEWER }, v)).toBe(true);
    expect(shareReaches({ kind: 'organisation', organisationId: OTHER }, v)).toBe(false);
  });
});

describe('company information', () => {
  const EXPECTED: [string, PortfolioViewer, boolean, 'owner' | 'enforcement' | 'none'][] = [
    ['customs', viewer('customs'), true, 'enforcement'],
    ['police', viewer('police'), true, 'enforcement'],
    ['other enforcement', viewer('other_enforcement'), true, 'enforcement'],
    ['the owner’s members', viewer('rights_holder', { organisationId: OWNER }), false, 'owner'],
    [
      'the owner’s legal representative',
      viewer('legal_representative', { representedRightsHolderIds: [OWNER] }),
      false,
      'owner',
    ],
    ['another rights holder', viewer('rights_holder'), false, 'none'],
    [
      'a legal representative of others',
      viewer('legal_representative', { representedRightsHolderIds: [OTHER] }),
      false,
      'none',
    ],
    ['an industry association', viewer('industry_association'), false, 'none'],
    ['the platform operator', viewer('platform_operator'), false, 'none'],
  ];

  it.each(EXPECTED)('%s: browse %s, this company %s', (_name, v, browse, access) => {
    expect(canSeeCompanyInformation(v)).toBe(browse);
    expect(companyInformationAccess(v, OWNER)).toBe(access);
  });

  it('needs no share: an enforcement organisation sees company information of a product it cannot see', () => {
    const v = viewer('customs');
    expect(productAccess(v, OWNER, [])).toBe('none');
    expect(companyInformationAccess(v, OWNER)).toBe('enforcement');
  });
});

describe('visibleGuidePoint', () => {
  it('shows covert points only to the owner side and organisations given them', () => {
    expect(visibleGuidePoint('owner', 'covert')).toBe(true);
    expect(visibleGuidePoint('overt_and_covert', 'covert')).toBe(true);
    expect(visibleGuidePoint('overt', 'covert')).toBe(false);
    expect(visibleGuidePoint('none', 'covert')).toBe(false);
  });

  it('shows overt points to anyone with access', () => {
    expect(visibleGuidePoint('owner', 'overt')).toBe(true);
    expect(visibleGuidePoint('overt_and_covert', 'overt')).toBe(true);
    expect(visibleGuidePoint('overt', 'overt')).toBe(true);
    expect(visibleGuidePoint('none', 'overt')).toBe(false);
  });
});

describe('productShareSchema', () => {
  function issues(input: unknown) {
    const result = productShareSchema.safeParse(input);
    expect(result.success).toBe(false);
    return result.error!.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  }

  it('accepts a share with everyone, defaulting to no covert points', () => {
    expect(productShareSchema.parse({ kind: 'all' })).toEqual({ kind: 'all', includesCovert: false });
  });

  it('accepts a share with a country, upper-casing its code', () => {
    expect(productShareSchema.parse({ kind: 'country', countryCode: ' fr ', includesCovert: false })).toEqual(
      {
        kind: 'country',
        countryCode: 'FR',
        includesCovert: false,
      },
    );
  });

  it('accepts a share with an organisation, with or without covert points', () => {
    expect(
      productShareSchema.parse({ kind: 'organisation', organisationId: OTHER, includesCovert: true }),
    ).toEqual({
      kind: 'organisation',
      organisationId: OTHER,
      includesCovert: true,
    });
    expect(productShareSchema.parse({ kind: 'organisation', organisationId: OTHER })).toMatchObject({
      includesCovert: false,
    });
  });

  it.each([
    { kind: 'all', includesCovert: true },
    { kind: 'country', countryCode: 'FR', includesCovert: true },
  ])('refuses covert points shared beyond named organisations: %j', (input) => {
    expect(issues(input)).toEqual([
      {
        path: 'includesCovert',
        message: 'Covert guide points are shared only with organisations named one by one',
      },
    ]);
  });

  it('refuses an unknown country code', () => {
    expect(issues({ kind: 'country', countryCode: 'XX' }).map((issue) => issue.path)).toEqual([
      'countryCode',
    ]);
  });

  it('refuses a country share without a country and an organisation share without an organisation', () => {
    expect(issues({ kind: 'country' }).map((issue) => issue.path)).toEqual(['countryCode']);
    expect(issues({ kind: 'organisation', includesCovert: true }).map((issue) => issue.path)).toEqual([
      'organisationId',
    ]);
  });

  it('refuses an organisation id that is not a UUID', () => {
    expect(issues({ kind: 'organisation', organisationId: 'customs-fr' }).map((issue) => issue.path)).toEqual(
      ['organisationId'],
    );
  });

  it('refuses an unknown kind of target', () => {
    expect(issues({ kind: 'region', region: 'EU' }).map((issue) => issue.path)).toEqual(['kind']);
  });

  it('refuses a non-boolean covert flag', () => {
    expect(issues({ kind: 'organisation', organisationId: OTHER, includesCovert: 'yes' })).toMatchObject([
      { path: 'includesCovert' },
    ]);
  });

  it('drops fields that belong to another kind of target', () => {
    expect(productShareSchema.parse({ kind: 'all', countryCode: 'FR', organisationId: OTHER })).toEqual({
      kind: 'all',
      includesCovert: false,
    });
  });
});

describe('productSharesSchema', () => {
  it('accepts distinct targets, including several countries and organisations', () => {
    const shares = [
      { kind: 'all' },
      { kind: 'country', countryCode: 'FR' },
      { kind: 'country', countryCode: 'DE' },
      { kind: 'organisation', organisationId: VIEWER, includesCovert: true },
      { kind: 'organisation', organisationId: OTHER },
    ];
    expect(productSharesSchema.parse(shares)).toHaveLength(5);
    expect(productSharesSchema.parse([])).toEqual([]);
  });

  it('refuses the same target twice, at the repeat', () => {
    const result = productSharesSchema.safeParse([
      { kind: 'country', countryCode: 'FR' },
      { kind: 'all' },
      { kind: 'country', countryCode: 'fr' },
    ]);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: [2], message: 'This product is already shared with this target' }),
    ]);
  });

  it('counts an organisation shared once overt and once with covert as a repeat', () => {
    const result = productSharesSchema.safeParse([
      { kind: 'organisation', organisationId: OTHER },
      { kind: 'organisation', organisationId: OTHER, includesCovert: true },
    ]);
    expect(result.success).toBe(false);
  });
});
