import { ENFORCEMENT_KINDS } from '@assay/core';
import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { PublicLayout } from './layout/public-layout';
import { AlertReadingScreen } from './screens/alerts/alert-reading';
import { AlertInbox } from './screens/alerts/inbox';
import { RequireAlertPublisher } from './screens/alerts/require-publisher';
import { Home } from './screens/app/home';
import { NotFound } from './screens/app/not-found';
import { Catalogue } from './screens/guides/catalogue';
import { Companies, CompanyPage } from './screens/guides/companies';
import { Guide } from './screens/guides/guide';
import { Search } from './screens/officer/search';
import { ForgotPassword } from './screens/public/forgot-password';
import { ResetPassword } from './screens/public/reset-password';
import { SignIn } from './screens/public/sign-in';
import { RequireKind, RequirePermission, RequireSignedIn } from './session/guards';
import { RouteError } from './session/route-error';

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('app.loading')}</p>;
}

/**
 * A screen fetched on its first visit. The big areas an officer never opens (portfolio editing,
 * organisation admin, operator tools) and the barcode scanner stay out of the first download, which
 * a phone on a port's network must fetch before anything shows.
 */
function lazyScreen(load: () => Promise<ComponentType>): ComponentType {
  const Screen = lazy(() => load().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per screen when this module loads, never during a render.
  return function LazyScreen() {
    return (
      <Suspense fallback={<Loading />}>
        <Screen />
      </Suspense>
    );
  };
}

const OperatorOrganisations = lazyScreen(() =>
  import('./screens/operator/organisations').then((module) => module.OperatorOrganisations),
);
const Outbox = lazyScreen(() => import('./screens/operator/outbox').then((module) => module.Outbox));
const OutboxMessageView = lazyScreen(() =>
  import('./screens/operator/outbox').then((module) => module.OutboxMessageView),
);
const PlatformAudit = lazyScreen(() =>
  import('./screens/operator/platform-audit').then((module) => module.PlatformAudit),
);
const ApiTokens = lazyScreen(() =>
  import('./screens/organisation/api-tokens').then((module) => module.ApiTokens),
);
const OrganisationAudit = lazyScreen(() =>
  import('./screens/organisation/audit').then((module) => module.OrganisationAudit),
);
const Invitations = lazyScreen(() =>
  import('./screens/organisation/invitations').then((module) => module.Invitations),
);
const Members = lazyScreen(() => import('./screens/organisation/members').then((module) => module.Members));
const Brands = lazyScreen(() => import('./screens/portfolio/brands').then((module) => module.Brands));
const Contacts = lazyScreen(() => import('./screens/portfolio/contacts').then((module) => module.Contacts));
const ImportExport = lazyScreen(() =>
  import('./screens/portfolio/import-export').then((module) => module.ImportExport),
);
const IpRights = lazyScreen(() => import('./screens/portfolio/ip-rights').then((module) => module.IpRights));
const PortfolioLayout = lazyScreen(() =>
  import('./screens/portfolio/portfolio-scope').then((module) => module.PortfolioLayout),
);
const ProductEditor = lazyScreen(() =>
  import('./screens/portfolio/product-editor').then((module) => module.ProductEditor),
);
const Products = lazyScreen(() => import('./screens/portfolio/products').then((module) => module.Products));
const Recordations = lazyScreen(() =>
  import('./screens/portfolio/recordations').then((module) => module.Recordations),
);
const Representatives = lazyScreen(() =>
  import('./screens/portfolio/representatives').then((module) => module.Representatives),
);
const Sharing = lazyScreen(() => import('./screens/portfolio/sharing').then((module) => module.Sharing));
const Statistics = lazyScreen(() =>
  import('./screens/portfolio/statistics').then((module) => module.Statistics),
);
const SupplyChain = lazyScreen(() =>
  import('./screens/portfolio/supply-chain').then((module) => module.SupplyChain),
);
const Connectors = lazyScreen(() =>
  import('./screens/authentication/connectors').then((module) => module.Connectors),
);
const ConnectorEditor = lazyScreen(() =>
  import('./screens/authentication/connector-editor').then((module) => module.ConnectorEditor),
);
const RegistrySerials = lazyScreen(() =>
  import('./screens/authentication/serials').then((module) => module.RegistrySerials),
);
const Deliveries = lazyScreen(() =>
  import('./screens/authentication/deliveries').then((module) => module.Deliveries),
);
const EndpointProtocol = lazyScreen(() =>
  import('./screens/authentication/protocol').then((module) => module.Protocol),
);
const VerificationPolicy = lazyScreen(() =>
  import('./screens/authentication/policy').then((module) => module.Policy),
);
const TestConsole = lazyScreen(() =>
  import('./screens/authentication/test-console').then((module) => module.TestConsole),
);
const Verifications = lazyScreen(() =>
  import('./screens/authentication/verifications').then((module) => module.Verifications),
);
const Scan = lazyScreen(() => import('./screens/officer/scan').then((module) => module.Scan));
const SavedGuides = lazyScreen(() => import('./screens/guides/saved').then((module) => module.SavedGuides));
const Reports = lazyScreen(() => import('./screens/reports/reports').then((module) => module.Reports));
const ReportForm = lazyScreen(() =>
  import('./screens/reports/report-form').then((module) => module.ReportForm),
);
const LookupResult = lazyScreen(() =>
  import('./screens/officer/lookup-result').then((module) => module.LookupResult),
);

const CaseWorkList = lazyScreen(() =>
  import('./screens/cases/work-list-screen').then((module) => module.CaseWorkList),
);
const CaseScreen = lazyScreen(() =>
  import('./screens/cases/case-screen').then((module) => module.CaseScreen),
);
const SeizureStatistics = lazyScreen(() =>
  import('./screens/seizures/seizure-statistics').then((module) => module.SeizureStatisticsScreen),
);
const CasePolicies = lazyScreen(() =>
  import('./screens/case-policies/case-policies').then((module) => module.CasePolicies),
);
const CasePolicyEditor = lazyScreen(() =>
  import('./screens/case-policies/case-policies').then((module) => module.CasePolicyEditor),
);

const Account = lazyScreen(() => import('./screens/account/account').then((module) => module.Account));
const AcceptInvitation = lazyScreen(() =>
  import('./screens/public/accept-invitation').then((module) => module.AcceptInvitation),
);
const JoinOrganisation = lazyScreen(() =>
  import('./screens/public/join-organisation').then((module) => module.JoinOrganisation),
);
const RegisterOrganisation = lazyScreen(() =>
  import('./screens/public/register-organisation').then((module) => module.RegisterOrganisation),
);
const PublishedAlerts = lazyScreen(() =>
  import('./screens/alerts/published-alerts').then((module) => module.PublishedAlerts),
);
const AlertEditorScreen = lazyScreen(() =>
  import('./screens/alerts/alert-editor').then((module) => module.AlertEditorScreen),
);

/** Organisations that manage a rights holder's portfolio: the rights holder and its legal representatives. */
const PORTFOLIO_KINDS = ['rights_holder', 'legal_representative'] as const;
/** Both sides of a case: the officers who open it and the rights holders (or their representatives) who answer. */
const CASE_KINDS = [...ENFORCEMENT_KINDS, ...PORTFOLIO_KINDS] as const;
const SEIZURE_STATISTICS_KINDS = [...ENFORCEMENT_KINDS, 'platform_operator', 'rights_holder'] as const;

const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: [
      { path: 'sign-in', element: <SignIn /> },
      { path: 'register', element: <RegisterOrganisation /> },
      { path: 'join', element: <JoinOrganisation /> },
      { path: 'forgot-password', element: <ForgotPassword /> },
      { path: 'reset-password', element: <ResetPassword /> },
      { path: 'invitations/:token', element: <AcceptInvitation /> },
    ],
  },
  {
    element: (
      <RequireSignedIn>
        <AppLayout />
      </RequireSignedIn>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      { path: 'account', element: <Account /> },
      {
        path: 'organisation/members',
        element: (
          <RequirePermission permission="members.read">
            <Members />
          </RequirePermission>
        ),
      },
      {
        path: 'organisation/invitations',
        element: (
          <RequirePermission permission="members.invite">
            <Invitations />
          </RequirePermission>
        ),
      },
      {
        path: 'organisation/audit',
        element: (
          <RequirePermission permission="audit.read">
            <OrganisationAudit />
          </RequirePermission>
        ),
      },
      {
        path: 'organisation/api-tokens',
        element: (
          <RequirePermission permission="api_tokens.manage">
            <ApiTokens />
          </RequirePermission>
        ),
      },
      {
        path: 'operator/organisations',
        element: (
          <RequirePermission permission="organisations.approve">
            <OperatorOrganisations />
          </RequirePermission>
        ),
      },
      {
        path: 'operator/outbox',
        element: (
          <RequirePermission permission="outbox.read">
            <Outbox />
          </RequirePermission>
        ),
      },
      {
        path: 'operator/outbox/:id',
        element: (
          <RequirePermission permission="outbox.read">
            <OutboxMessageView />
          </RequirePermission>
        ),
      },
      {
        path: 'operator/audit',
        element: (
          <RequirePermission permission="organisations.approve">
            <PlatformAudit />
          </RequirePermission>
        ),
      },
      {
        path: 'portfolio',
        element: (
          <RequireKind kinds={PORTFOLIO_KINDS}>
            <PortfolioLayout />
          </RequireKind>
        ),
        children: [
          { index: true, element: <Navigate to="products" replace /> },
          { path: 'brands', element: <Brands /> },
          { path: 'products', element: <Products /> },
          { path: 'products/new', element: <ProductEditor /> },
          { path: 'products/:productId', element: <ProductEditor /> },
          { path: 'products/:productId/sharing', element: <Sharing /> },
          { path: 'ip-rights', element: <IpRights /> },
          { path: 'recordations', element: <Recordations /> },
          { path: 'supply-chain', element: <SupplyChain /> },
          { path: 'contacts', element: <Contacts /> },
          { path: 'import-export', element: <ImportExport /> },
          { path: 'statistics', element: <Statistics /> },
          {
            path: 'representatives',
            element: (
              <RequireKind kinds={['rights_holder']}>
                <Representatives />
              </RequireKind>
            ),
          },
        ],
      },
      {
        // Authentication connectors act for the same rights holder as the portfolio ("Acting for").
        path: 'authentication',
        element: (
          <RequireKind kinds={PORTFOLIO_KINDS}>
            <PortfolioLayout />
          </RequireKind>
        ),
        children: [
          { index: true, element: <Navigate to="connectors" replace /> },
          { path: 'connectors', element: <Connectors /> },
          { path: 'connectors/new', element: <ConnectorEditor /> },
          { path: 'connectors/:connectorId', element: <ConnectorEditor /> },
          { path: 'connectors/:connectorId/serials', element: <RegistrySerials /> },
          { path: 'connectors/:connectorId/deliveries', element: <Deliveries /> },
          { path: 'protocol', element: <EndpointProtocol /> },
          { path: 'policy', element: <VerificationPolicy /> },
          { path: 'test', element: <TestConsole /> },
          { path: 'verifications', element: <Verifications /> },
        ],
      },
      {
        path: 'search',
        element: (
          <RequireKind kinds={ENFORCEMENT_KINDS}>
            <Search />
          </RequireKind>
        ),
      },
      {
        path: 'scan',
        element: (
          <RequireKind kinds={ENFORCEMENT_KINDS}>
            <Scan />
          </RequireKind>
        ),
      },
      {
        path: 'scan/result',
        element: (
          <RequireKind kinds={ENFORCEMENT_KINDS}>
            <LookupResult />
          </RequireKind>
        ),
      },
      {
        path: 'guides',
        element: (
          <RequireKind kinds={ENFORCEMENT_KINDS}>
            <Catalogue />
          </RequireKind>
        ),
      },
      {
        path: 'guides/rights-holders',
        element: (
          <RequireKind kinds={ENFORCEMENT_KINDS}>
            <Companies />
          </RequireKind>
        ),
      },
      {
        path: 'guides/rights-holders/:rightsHolderId',
        element: (
          <RequireKind kinds={ENFORCEMENT_KINDS}>
            <CompanyPage />
          </RequireKind>
        ),
      },
      {
        path: 'guides/:productId',
        element: (
          <RequireKind kinds={ENFORCEMENT_KINDS}>
            <Guide />
          </RequireKind>
        ),
      },
      {
        path: 'guides/saved',
        element: (
          <RequireKind kinds={ENFORCEMENT_KINDS}>
            <SavedGuides />
          </RequireKind>
        ),
      },
      {
        path: 'reports',
        element: (
          <RequireKind kinds={ENFORCEMENT_KINDS}>
            <Reports />
          </RequireKind>
        ),
      },
      {
        path: 'reports/new',
        element: (
          <RequireKind kinds={ENFORCEMENT_KINDS}>
            <ReportForm />
          </RequireKind>
        ),
      },
      {
        path: 'cases',
        element: (
          <RequireKind kinds={CASE_KINDS}>
            <CaseWorkList />
          </RequireKind>
        ),
      },
      {
        path: 'cases/:caseId',
        element: (
          <RequireKind kinds={CASE_KINDS}>
            <CaseScreen />
          </RequireKind>
        ),
      },
      {
        path: 'statistics/seizures',
        element: (
          <RequireKind kinds={SEIZURE_STATISTICS_KINDS}>
            <SeizureStatistics />
          </RequireKind>
        ),
      },
      { path: 'case-policies', element: <CasePolicies /> },
      { path: 'case-policies/:countryCode', element: <CasePolicyEditor /> },
      {
        path: 'alerts',
        element: (
          <RequireKind kinds={ENFORCEMENT_KINDS}>
            <AlertInbox />
          </RequireKind>
        ),
      },
      {
        path: 'alerts/manage',
        element: (
          <RequireAlertPublisher>
            <PublishedAlerts />
          </RequireAlertPublisher>
        ),
      },
      {
        path: 'alerts/manage/new',
        element: (
          <RequireAlertPublisher>
            <AlertEditorScreen />
          </RequireAlertPublisher>
        ),
      },
      {
        path: 'alerts/manage/:alertId',
        element: (
          <RequireAlertPublisher>
            <AlertEditorScreen />
          </RequireAlertPublisher>
        ),
      },
      {
        path: 'alerts/:alertId',
        element: (
          <RequireKind kinds={ENFORCEMENT_KINDS}>
            <AlertReadingScreen />
          </RequireKind>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
