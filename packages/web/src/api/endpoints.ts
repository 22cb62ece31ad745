import type {
  accountUpdateBody,
  apiTokenBody,
  apiTokenCreated,
  apiTokenListView,
  auditPage,
  brandBody,
  brandListView,
  brandView,
  ContactView,
  caseListView,
  caseOpenedView,
  companyListView,
  companyPrefixesView,
  companyView,
  contactBody,
  decisionBody,
  directoryView,
  enrolmentView,
  GtinLookupView,
  GuideView,
  ImageKind,
  ImageView,
  IpRightView,
  imageListView,
  invitationAcceptBody,
  invitationBody,
  invitationListView,
  invitationPreview,
  invitationView,
  ipRightBody,
  ipRightListView,
  joinRequestBody,
  memberListView,
  memberUpdateBody,
  memberView,
  OrganisationStatus,
  OrganisationView,
  openCaseBody,
  organisationListView,
  outboxPage,
  PortfolioImportResult,
  ProductView,
  passwordChangeBody,
  passwordResetConfirmBody,
  productBody,
  productListView,
  RecordationView,
  recordationBody,
  recordationListView,
  recoveryCodesView,
  registrationBody,
  representationListView,
  representationView,
  representedRightsHoldersView,
  SearchView,
  SessionView,
  sharesBody,
  sharesView,
  signInBody,
  supplyChainEntryBody,
  supplyChainEntryListView,
  supplyChainEntryView,
  supplyChainImportView,
  supplyRouteBody,
  supplyRouteListView,
  supplyRouteView,
  viewStatisticsView,
} from '@assay/core';
import type { z } from 'zod';
import { request, setCsrfToken, upload, urlFor } from './client';

export type Enrolment = z.infer<typeof enrolmentView>;
type RegistrationInput = z.input<typeof registrationBody>;
type JoinRequestInput = z.input<typeof joinRequestBody>;
type InvitationPreview = z.infer<typeof invitationPreview>;
type InvitationAcceptInput = z.input<typeof invitationAcceptBody>;
export type Member = z.infer<typeof memberView>;
type MemberUpdate = z.input<typeof memberUpdateBody>;
export type Invitation = z.infer<typeof invitationView>;
type InvitationInput = z.input<typeof invitationBody>;
export type AuditPage = z.infer<typeof auditPage>;
type ApiTokenInput = z.input<typeof apiTokenBody>;
export type ApiToken = z.infer<typeof apiTokenListView>['tokens'][number];
export type ApiTokenCreated = z.infer<typeof apiTokenCreated>;
export type OutboxMessage = z.infer<typeof outboxPage>['messages'][number];
export type Brand = z.infer<typeof brandView>;
export type BrandInput = z.input<typeof brandBody>;
export type ProductSummary = z.infer<typeof productListView>['products'][number];
export type ProductInput = z.input<typeof productBody>;
export type { GuideView, ProductView };
export type Share = z.infer<typeof sharesView>['shares'][number];
export type SharesInput = z.input<typeof sharesBody>;
export type ViewStatistics = z.infer<typeof viewStatisticsView>;
export type DirectoryEntry = z.infer<typeof directoryView>['organisations'][number];
export type { ContactView, ImageKind, ImageView, IpRightView, PortfolioImportResult, RecordationView };
export type IpRightInput = z.input<typeof ipRightBody>;
export type RecordationInput = z.input<typeof recordationBody>;
export type SupplyChainEntry = z.infer<typeof supplyChainEntryView>;
export type SupplyChainEntryInput = z.input<typeof supplyChainEntryBody>;
export type SupplyRoute = z.infer<typeof supplyRouteView>;
export type SupplyRouteInput = z.input<typeof supplyRouteBody>;
export type ContactInput = z.input<typeof contactBody>;
export type Representation = z.infer<typeof representationView>;
export type RepresentedRightsHolder = z.infer<typeof representedRightsHoldersView>['rightsHolders'][number];
export type CompanySummary = z.infer<typeof companyListView>['rightsHolders'][number];
export type Company = z.infer<typeof companyView>;

async function session(pending: Promise<SessionView>): Promise<SessionView> {
  const view = await pending;
  setCsrfToken(view.csrfToken);
  return view;
}

export const sessionApi = {
  get: () => session(request<SessionView>('GET', '/session')),
  signIn: (body: z.input<typeof signInBody>) => session(request<SessionView>('POST', '/session', { body })),
  verifyTwoFactor: (code: string) =>
    session(request<SessionView>('POST', '/session/two-factor', { body: { code } })),
  startEnrolment: () => request<Enrolment>('POST', '/session/two-factor/enrolment', { body: {} }),
  confirmEnrolment: async (code: string) => {
    const result = await request<{ recoveryCodes: string[]; session: SessionView }>(
      'POST',
      '/session/two-factor/enrolment/confirm',
      { body: { code } },
    );
    setCsrfToken(result.session.csrfToken);
    return result;
  },
  signOut: () => request<void>('DELETE', '/session'),
};

export const passwordResetApi = {
  request: (email: string) => request<void>('POST', '/password-reset', { body: { email } }),
  confirm: (body: z.input<typeof passwordResetConfirmBody>) =>
    request<void>('POST', '/password-reset/confirm', { body }),
};

export const accountApi = {
  update: (body: z.input<typeof accountUpdateBody>) =>
    session(request<SessionView>('PATCH', '/account', { body })),
  changePassword: (body: z.input<typeof passwordChangeBody>) =>
    request<void>('POST', '/account/password', { body }),
  regenerateRecoveryCodes: () =>
    request<z.infer<typeof recoveryCodesView>>('POST', '/account/recovery-codes', { body: {} }),
};

export const onboardingApi = {
  register: (body: RegistrationInput) =>
    request<{ organisationId: string }>('POST', '/registrations', { body }),
  enforcementDirectory: (countryCode: string) =>
    request<z.infer<typeof directoryView>>('GET', '/directory/enforcement-organisations', {
      query: { countryCode },
    }),
  requestToJoin: (body: JoinRequestInput) => request<void>('POST', '/join-requests', { body }),
  previewInvitation: (token: string) =>
    request<InvitationPreview>('GET', `/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string, body: InvitationAcceptInput) =>
    request<void>('POST', `/invitations/${encodeURIComponent(token)}/accept`, { body }),
};

export const organisationApi = {
  get: () => request<OrganisationView>('GET', '/organisation'),
  members: () => request<z.infer<typeof memberListView>>('GET', '/organisation/members'),
  updateMember: (userId: string, body: MemberUpdate) =>
    request<Member>('PATCH', `/organisation/members/${userId}`, { body }),
  approveMember: (userId: string) =>
    request<Member>('POST', `/organisation/members/${userId}/approve`, { body: {} }),
  rejectMember: (userId: string) =>
    request<Member>('POST', `/organisation/members/${userId}/reject`, { body: {} }),
  invitations: () => request<z.infer<typeof invitationListView>>('GET', '/organisation/invitations'),
  invite: (body: InvitationInput) => request<Invitation>('POST', '/organisation/invitations', { body }),
  revokeInvitation: (id: string) => request<void>('DELETE', `/organisation/invitations/${id}`),
  audit: (query: { before?: number; action?: string; limit?: number }) =>
    request<AuditPage>('GET', '/organisation/audit', { query }),
  apiTokens: () => request<z.infer<typeof apiTokenListView>>('GET', '/organisation/api-tokens'),
  createApiToken: (body: ApiTokenInput) =>
    request<ApiTokenCreated>('POST', '/organisation/api-tokens', { body }),
  revokeApiToken: (id: string) => request<void>('DELETE', `/organisation/api-tokens/${id}`),
};

export const operatorApi = {
  organisations: (status?: OrganisationStatus) =>
    request<z.infer<typeof organisationListView>>('GET', '/operator/organisations', { query: { status } }),
  approveOrganisation: (id: string, body: z.input<typeof decisionBody>) =>
    request<OrganisationView>('POST', `/operator/organisations/${id}/approve`, { body }),
  rejectOrganisation: (id: string, body: z.input<typeof decisionBody>) =>
    request<OrganisationView>('POST', `/operator/organisations/${id}/reject`, { body }),
  audit: (query: { before?: number; organisationId?: string; limit?: number }) =>
    request<AuditPage>('GET', '/operator/audit', { query }),
  outbox: (query: { to?: string; limit?: number }) =>
    request<z.infer<typeof outboxPage>>('GET', '/operator/outbox', { query }),
};

export const directoryApi = {
  /** Approved enforcement organisations, of one country or all. */
  enforcementOrganisations: (countryCode?: string) =>
    request<z.infer<typeof directoryView>>('GET', '/directory/enforcement-organisations', {
      query: { countryCode },
    }),
};

/** A rights holder's own portfolio, managed by its members or by a legal representative acting for it. */
export const portfolioApi = {
  brands: (rightsHolderId: string) =>
    request<z.infer<typeof brandListView>>('GET', `/rights-holders/${rightsHolderId}/brands`),
  createBrand: (rightsHolderId: string, body: BrandInput) =>
    request<Brand>('POST', `/rights-holders/${rightsHolderId}/brands`, { body }),
  updateBrand: (rightsHolderId: string, brandId: string, body: BrandInput) =>
    request<Brand>('PUT', `/rights-holders/${rightsHolderId}/brands/${brandId}`, { body }),
  products: (rightsHolderId: string, query: { brandId?: string | undefined; lang?: string }) =>
    request<z.infer<typeof productListView>>('GET', `/rights-holders/${rightsHolderId}/products`, { query }),
  product: (rightsHolderId: string, productId: string) =>
    request<ProductView>('GET', `/rights-holders/${rightsHolderId}/products/${productId}`),
  createProduct: (rightsHolderId: string, body: ProductInput) =>
    request<ProductView>('POST', `/rights-holders/${rightsHolderId}/products`, { body }),
  replaceProduct: (rightsHolderId: string, productId: string, body: ProductInput) =>
    request<ProductView>('PUT', `/rights-holders/${rightsHolderId}/products/${productId}`, { body }),
  shares: (rightsHolderId: string, productId: string) =>
    request<z.infer<typeof sharesView>>(
      'GET',
      `/rights-holders/${rightsHolderId}/products/${productId}/shares`,
    ),
  replaceShares: (rightsHolderId: string, productId: string, body: SharesInput) =>
    request<z.infer<typeof sharesView>>(
      'PUT',
      `/rights-holders/${rightsHolderId}/products/${productId}/shares`,
      { body },
    ),
  guideViews: (rightsHolderId: string, months: number) =>
    request<ViewStatistics>('GET', `/rights-holders/${rightsHolderId}/statistics/guide-views`, {
      query: { months },
    }),
};

/** Guides shared with the reader's enforcement organisation, texts in the reader's language. */
export const catalogueApi = {
  products: (lang: string) =>
    request<z.infer<typeof productListView>>('GET', '/catalogue/products', { query: { lang } }),
  /** `onHeaders` tells a saved copy served offline (see offline/saved-copy.ts) from a fresh one. */
  guide: (productId: string, lang: string, onHeaders?: (headers: Headers) => void) =>
    request<GuideView>('GET', `/catalogue/products/${productId}`, {
      query: { lang },
      ...(onHeaders ? { onHeaders } : {}),
    }),
};

/** A rights holder's own product guide as a PDF, with covert points, in a chosen language. */
export function ownerGuidePdfUrl(rightsHolderId: string, productId: string, lang: string): string {
  return urlFor(`/rights-holders/${rightsHolderId}/products/${productId}/guide.pdf`, { lang });
}

/** The printable guide of a product shared with the reader, in their language. */
export function guidePdfUrl(productId: string, lang: string): string {
  return urlFor(`/catalogue/products/${productId}/guide.pdf`, { lang });
}

/** An image at thumbnail (≤ 320 px) or display (≤ 1600 px) size; cookies authorise it. */
export function imageUrl(imageId: string, rendition: 'thumbnail' | 'display'): string {
  return urlFor(`/images/${imageId}/${rendition}`);
}

export const imagesApi = {
  list: (rightsHolderId: string) =>
    request<z.infer<typeof imageListView>>('GET', `/rights-holders/${rightsHolderId}/images`),
  upload: (rightsHolderId: string, file: File, kind: ImageKind) =>
    upload<ImageView>(`/rights-holders/${rightsHolderId}/images`, file, { kind }),
  remove: (rightsHolderId: string, imageId: string) =>
    request<void>('DELETE', `/rights-holders/${rightsHolderId}/images/${imageId}`),
};

/** Legal representative firms: those a rights holder appointed, and the clients of a firm. */
export const representationsApi = {
  represented: () => request<z.infer<typeof representedRightsHoldersView>>('GET', '/representations'),
  list: (rightsHolderId: string) =>
    request<z.infer<typeof representationListView>>(
      'GET',
      `/rights-holders/${rightsHolderId}/representations`,
    ),
  appoint: (rightsHolderId: string, legalRepresentativeId: string) =>
    request<Representation>('POST', `/rights-holders/${rightsHolderId}/representations`, {
      body: { legalRepresentativeId },
    }),
  revoke: (rightsHolderId: string, legalRepresentativeId: string) =>
    request<void>('DELETE', `/rights-holders/${rightsHolderId}/representations/${legalRepresentativeId}`),
};

export const ipRightsApi = {
  list: (rightsHolderId: string) =>
    request<z.infer<typeof ipRightListView>>('GET', `/rights-holders/${rightsHolderId}/ip-rights`),
  create: (rightsHolderId: string, body: IpRightInput) =>
    request<IpRightView>('POST', `/rights-holders/${rightsHolderId}/ip-rights`, { body }),
  update: (rightsHolderId: string, id: string, body: IpRightInput) =>
    request<IpRightView>('PUT', `/rights-holders/${rightsHolderId}/ip-rights/${id}`, { body }),
  remove: (rightsHolderId: string, id: string) =>
    request<void>('DELETE', `/rights-holders/${rightsHolderId}/ip-rights/${id}`),
  uploadCertificate: (rightsHolderId: string, id: string, file: File) =>
    upload<{ contentType: string; bytes: number }>(
      `/rights-holders/${rightsHolderId}/ip-rights/${id}/certificate`,
      file,
      undefined,
      'PUT',
    ),
  certificateUrl: (rightsHolderId: string, id: string) =>
    urlFor(`/rights-holders/${rightsHolderId}/ip-rights/${id}/certificate`),
  recordations: (rightsHolderId: string, query: { expiringSoon?: boolean } = {}) =>
    request<z.infer<typeof recordationListView>>('GET', `/rights-holders/${rightsHolderId}/recordations`, {
      query: { expiringSoon: query.expiringSoon === undefined ? undefined : String(query.expiringSoon) },
    }),
  createRecordation: (rightsHolderId: string, body: RecordationInput) =>
    request<RecordationView>('POST', `/rights-holders/${rightsHolderId}/recordations`, { body }),
  updateRecordation: (rightsHolderId: string, id: string, body: RecordationInput) =>
    request<RecordationView>('PUT', `/rights-holders/${rightsHolderId}/recordations/${id}`, { body }),
  removeRecordation: (rightsHolderId: string, id: string) =>
    request<void>('DELETE', `/rights-holders/${rightsHolderId}/recordations/${id}`),
};

export const supplyChainApi = {
  entries: (rightsHolderId: string) =>
    request<z.infer<typeof supplyChainEntryListView>>(
      'GET',
      `/rights-holders/${rightsHolderId}/supply-chain/entries`,
    ),
  createEntry: (rightsHolderId: string, body: SupplyChainEntryInput) =>
    request<SupplyChainEntry>('POST', `/rights-holders/${rightsHolderId}/supply-chain/entries`, { body }),
  updateEntry: (rightsHolderId: string, id: string, body: SupplyChainEntryInput) =>
    request<SupplyChainEntry>('PUT', `/rights-holders/${rightsHolderId}/supply-chain/entries/${id}`, {
      body,
    }),
  removeEntry: (rightsHolderId: string, id: string) =>
    request<void>('DELETE', `/rights-holders/${rightsHolderId}/supply-chain/entries/${id}`),
  routes: (rightsHolderId: string) =>
    request<z.infer<typeof supplyRouteListView>>(
      'GET',
      `/rights-holders/${rightsHolderId}/supply-chain/routes`,
    ),
  createRoute: (rightsHolderId: string, body: SupplyRouteInput) =>
    request<SupplyRoute>('POST', `/rights-holders/${rightsHolderId}/supply-chain/routes`, { body }),
  updateRoute: (rightsHolderId: string, id: string, body: SupplyRouteInput) =>
    request<SupplyRoute>('PUT', `/rights-holders/${rightsHolderId}/supply-chain/routes/${id}`, { body }),
  removeRoute: (rightsHolderId: string, id: string) =>
    request<void>('DELETE', `/rights-holders/${rightsHolderId}/supply-chain/routes/${id}`),
  templateUrl: (rightsHolderId: string, format: 'xlsx' | 'csv', sheet: 'entries' | 'routes') =>
    urlFor(`/rights-holders/${rightsHolderId}/supply-chain/template`, { format, sheet }),
  import: (rightsHolderId: string, file: File, replace: boolean) =>
    upload<z.infer<typeof supplyChainImportView>>(
      `/rights-holders/${rightsHolderId}/supply-chain/import`,
      file,
      {
        replace: String(replace),
      },
    ),
};

export const contactsApi = {
  list: (rightsHolderId: string) =>
    request<{ contacts: ContactView[] }>('GET', `/rights-holders/${rightsHolderId}/contacts`),
  create: (rightsHolderId: string, body: ContactInput) =>
    request<ContactView>('POST', `/rights-holders/${rightsHolderId}/contacts`, { body }),
  update: (rightsHolderId: string, id: string, body: ContactInput) =>
    request<ContactView>('PUT', `/rights-holders/${rightsHolderId}/contacts/${id}`, { body }),
  remove: (rightsHolderId: string, id: string) =>
    request<void>('DELETE', `/rights-holders/${rightsHolderId}/contacts/${id}`),
};

/** Import and export of a whole portfolio as an XLSX workbook or a CSV file. */
export const bulkApi = {
  templateUrl: (rightsHolderId: string, format: 'xlsx' | 'csv') =>
    urlFor(`/rights-holders/${rightsHolderId}/portfolio/template.${format}`),
  exportUrl: (rightsHolderId: string, format: 'xlsx' | 'csv') =>
    urlFor(`/rights-holders/${rightsHolderId}/portfolio/export.${format}`),
  import: (rightsHolderId: string, file: File) =>
    upload<PortfolioImportResult>(`/rights-holders/${rightsHolderId}/portfolio/import`, file),
};

/** Company-level information of rights holders, open to every approved enforcement user. */
export const companiesApi = {
  list: (q?: string) =>
    request<z.infer<typeof companyListView>>('GET', '/catalogue/rights-holders', { query: { q } }),
  get: (rightsHolderId: string) => request<Company>('GET', `/catalogue/rights-holders/${rightsHolderId}`),
};

/** The GS1 company prefixes a rights holder licenses, said to officers who scan an unknown GTIN. */
export const companyPrefixesApi = {
  list: (rightsHolderId: string) =>
    request<z.infer<typeof companyPrefixesView>>('GET', `/rights-holders/${rightsHolderId}/company-prefixes`),
  replace: (rightsHolderId: string, prefixes: string[]) =>
    request<z.infer<typeof companyPrefixesView>>(
      'PUT',
      `/rights-holders/${rightsHolderId}/company-prefixes`,
      {
        body: { prefixes },
      },
    ),
};

/** Filters of a search, as strings taken from the page address. */
export interface SearchFilters {
  category?: string | undefined;
  brandId?: string | undefined;
  rightsHolderId?: string | undefined;
  country?: string | undefined;
}

/** The officer's search across the guides they may open, and the lookup of a scanned GTIN. */
export const searchApi = {
  search: (q: string, lang: string, filters: SearchFilters, signal?: AbortSignal) =>
    request<SearchView>('GET', '/search', { query: { q, lang, ...filters, limit: 30 }, signal }),
  lookupGtin: (gtin: string, lang: string) =>
    request<GtinLookupView>('GET', `/lookup/gtin/${encodeURIComponent(gtin)}`, { query: { lang } }),
};

export type OpenCaseInput = z.input<typeof openCaseBody>;
export type CaseOpened = z.infer<typeof caseOpenedView>;
export type CaseSummary = z.infer<typeof caseListView>['cases'][number];

export type CaseWorkItem = import('@assay/core').CaseWorkItemView;
export type CaseWorkList = import('@assay/core').CaseWorkListView;
export type CaseDetail = import('@assay/core').CaseDetailView;
export type CaseAttachment = import('@assay/core').CaseAttachmentView;
export type CaseAnswerInput = z.input<typeof import('@assay/core').caseAnswerBody>;
export type CaseDecisionInput = z.input<typeof import('@assay/core').caseDecisionBody>;
export type CaseMessageInput = z.input<typeof import('@assay/core').caseMessageBody>;
/** The work list's query, as strings from the page address (the CSV export takes the same). */
export interface CaseListQuery {
  list?: string | undefined;
  status?: string | undefined;
  closed?: string | undefined;
  lang?: string | undefined;
}
const idempotent = (key: string) => ({ 'idempotency-key': key });

/** Suspect-shipment cases: every write carries an Idempotency-Key, so a retried one happens once. */
export const casesApi = {
  open: (body: OpenCaseInput, idempotencyKey: string) =>
    request<CaseOpened>('POST', '/cases', { body, headers: idempotent(idempotencyKey) }),
  list: () => request<z.infer<typeof caseListView>>('GET', '/cases'),
  workList: (query: CaseListQuery) => request<CaseWorkList>('GET', '/cases', { query: { ...query } }),
  csvUrl: (query: CaseListQuery) => urlFor('/cases.csv', { ...query }),
  get: (caseId: string, lang: string) => request<CaseDetail>('GET', `/cases/${caseId}`, { query: { lang } }),
  answer: (caseId: string, body: CaseAnswerInput, idempotencyKey: string) =>
    request<CaseDetail>('POST', `/cases/${caseId}/answers`, { body, headers: idempotent(idempotencyKey) }),
  decide: (caseId: string, body: CaseDecisionInput, idempotencyKey: string) =>
    request<CaseDetail>('POST', `/cases/${caseId}/decisions`, { body, headers: idempotent(idempotencyKey) }),
  message: (caseId: string, body: CaseMessageInput, idempotencyKey: string) =>
    request<CaseDetail>('POST', `/cases/${caseId}/messages`, { body, headers: idempotent(idempotencyKey) }),
  attach: (caseId: string, file: File, idempotencyKey: string) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<CaseAttachment>('POST', `/cases/${caseId}/attachments`, {
      body: form,
      headers: idempotent(idempotencyKey),
    });
  },
  attachmentUrl: (caseId: string, attachmentId: string) =>
    urlFor(`/cases/${caseId}/attachments/${attachmentId}`),
};

export type SeizureStatistics = import('@assay/core').SeizureStatisticsView;
export type SeizureRecord = import('@assay/core').SeizureRecordView;

export const seizuresApi = {
  statistics: (query: {
    from?: string | undefined;
    to?: string | undefined;
    countryCode?: string | undefined;
  }) => request<SeizureStatistics>('GET', '/seizures/statistics', { query: { ...query } }),
};

export type CasePolicy = import('@assay/core').CasePolicyView;
export type CasePolicyInput = z.input<typeof import('@assay/core').casePolicyBody>;

/** Each country's detention-procedure deadlines, calendar and time zone. */
export const casePoliciesApi = {
  list: () => request<{ policies: CasePolicy[] }>('GET', '/case-policies'),
  get: (countryCode: string) => request<CasePolicy>('GET', `/case-policies/${countryCode}`),
  set: (countryCode: string, body: CasePolicyInput) =>
    request<CasePolicy>('PUT', `/case-policies/${countryCode}`, { body }),
};

// Alerts: the officer's inbox (plain GET JSON, cacheable offline) and the publisher's alerts.
type AlertView = import('@assay/core').AlertView;
type AlertInput = import('@assay/core').AlertInput;

export const alertsApi = {
  inbox: (filter: 'active' | 'all', lang: string) =>
    request<import('@assay/core').InboxView>('GET', '/alerts/inbox', { query: { filter, lang } }),
  /** Opening an alert marks it read. */
  read: (alertId: string, lang: string) =>
    request<import('@assay/core').AlertReading>('GET', `/alerts/inbox/${alertId}`, { query: { lang } }),
  acknowledge: (alertId: string) =>
    request<{ acknowledgedAt: string }>('POST', `/alerts/inbox/${alertId}/acknowledge`),
  unread: () => request<{ unread: number }>('GET', '/alerts/unread'),
  /** Server-sent events: `unread` and `alert` (see alert-stream.ts). */
  streamUrl: (lang: string) => urlFor('/alerts/stream', { lang }),
  list: (lang: string) => request<{ alerts: AlertView[] }>('GET', '/alerts', { query: { lang } }),
  get: (alertId: string, lang: string) =>
    request<AlertView>('GET', `/alerts/${alertId}`, { query: { lang } }),
  create: (body: AlertInput) => request<AlertView>('POST', '/alerts', { body }),
  update: (alertId: string, body: AlertInput) => request<AlertView>('PUT', `/alerts/${alertId}`, { body }),
  publish: (alertId: string) => request<AlertView>('POST', `/alerts/${alertId}/publish`),
  withdraw: (alertId: string) => request<AlertView>('POST', `/alerts/${alertId}/withdraw`),
  subjects: (rightsHolderId: string | undefined, lang: string) =>
    request<import('@assay/core').AlertSubjects>('GET', '/alerts/subjects', {
      query: { rightsHolderId, lang },
    }),
  rulesUrl: (alertId: string) => urlFor(`/alerts/${alertId}/rules`),
};

// Authentication connectors, the serial registry, the verification policy and history of a rights holder.
type AuthenticationSchemas = typeof import('@assay/core');
export type Connector = import('@assay/core').ConnectorView;
export type ConnectorInput = z.input<AuthenticationSchemas['connectorBody']>;
export type ConnectorCreated = z.infer<AuthenticationSchemas['connectorCreatedView']>;
export type PackStateInput = z.input<AuthenticationSchemas['packStateBody']>;
export type Delivery = z.infer<AuthenticationSchemas['deliveryView']>;
export type VerificationPolicy = z.infer<AuthenticationSchemas['verificationPolicyView']>;
export type VerificationPolicyInput = z.input<AuthenticationSchemas['verificationPolicyBody']>;
export type VerificationRecord = import('@assay/core').VerificationRecordView;
export type VerificationSummary = z.infer<AuthenticationSchemas['verificationSummaryView']>;

const authenticationBase = (rightsHolderId: string) => `/rights-holders/${rightsHolderId}`;
const connectorPath = (rightsHolderId: string, connectorId: string) =>
  `${authenticationBase(rightsHolderId)}/connectors/${connectorId}`;

export const authenticationApi = {
  connectors: (rightsHolderId: string) =>
    request<{ connectors: Connector[] }>('GET', `${authenticationBase(rightsHolderId)}/connectors`),
  connector: (rightsHolderId: string, connectorId: string) =>
    request<Connector>('GET', connectorPath(rightsHolderId, connectorId)),
  createConnector: (rightsHolderId: string, body: ConnectorInput) =>
    request<ConnectorCreated>('POST', `${authenticationBase(rightsHolderId)}/connectors`, { body }),
  updateConnector: (rightsHolderId: string, connectorId: string, body: ConnectorInput) =>
    request<Connector>('PUT', connectorPath(rightsHolderId, connectorId), { body }),
  removeConnector: (rightsHolderId: string, connectorId: string) =>
    request<void>('DELETE', connectorPath(rightsHolderId, connectorId)),
  rotateSecret: (rightsHolderId: string, connectorId: string) =>
    request<{ signingSecret: string }>(
      'POST',
      `${connectorPath(rightsHolderId, connectorId)}/signing-secret`,
    ),
  /** The CSV upload goes through XMLHttpRequest for its progress (screens/authentication/csv-upload.ts). */
  serialsCsvPath: (rightsHolderId: string, connectorId: string) =>
    `${connectorPath(rightsHolderId, connectorId)}/serials/csv`,
  setPackState: (rightsHolderId: string, connectorId: string, body: PackStateInput) =>
    request<{ updated: number; notFound: number }>(
      'POST',
      `${connectorPath(rightsHolderId, connectorId)}/serials/state`,
      { body },
    ),
  deliveries: (rightsHolderId: string, connectorId: string) =>
    request<{ deliveries: Delivery[] }>('GET', `${connectorPath(rightsHolderId, connectorId)}/deliveries`),
  policy: (rightsHolderId: string) =>
    request<VerificationPolicy>('GET', `${authenticationBase(rightsHolderId)}/verification-policy`),
  setPolicy: (rightsHolderId: string, body: VerificationPolicyInput) =>
    request<VerificationPolicy>('PUT', `${authenticationBase(rightsHolderId)}/verification-policy`, {
      body,
    }),
  /** The test console: recorded nowhere. */
  test: (rightsHolderId: string, body: { code: string; country: string }) =>
    request<import('@assay/core').VerificationView>(
      'POST',
      `${authenticationBase(rightsHolderId)}/verification-tests`,
      { body },
    ),
  verifications: (rightsHolderId: string, query: { suspicious?: boolean; limit?: number; before?: string }) =>
    request<{ verifications: VerificationRecord[]; unacknowledged: number }>(
      'GET',
      `${authenticationBase(rightsHolderId)}/verifications`,
      {
        query: {
          suspicious: query.suspicious === undefined ? undefined : String(query.suspicious),
          limit: query.limit,
          before: query.before,
        },
      },
    ),
  acknowledge: (rightsHolderId: string, verificationId: string) =>
    request<void>(
      'POST',
      `${authenticationBase(rightsHolderId)}/verifications/${verificationId}/acknowledge`,
    ),
  summary: (rightsHolderId: string, days: number) =>
    request<VerificationSummary>('GET', `${authenticationBase(rightsHolderId)}/verifications/summary`, {
      query: { days },
    }),
};
