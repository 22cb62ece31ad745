import { ENFORCEMENT_KINDS } from '@assay/core';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { PublicLayout } from './layout/public-layout';
import { Account } from './screens/account/account';
import { AlertEditorScreen } from './screens/alerts/alert-editor';
import { AlertReadingScreen } from './screens/alerts/alert-reading';
import { AlertInbox } from './screens/alerts/inbox';
import { PublishedAlerts } from './screens/alerts/published-alerts';
import { RequireAlertPublisher } from './screens/alerts/require-publisher';
import { Home } from './screens/app/home';
import { NotFound } from './screens/app/not-found';
import { Catalogue } from './screens/guides/catalogue';
import { Companies, CompanyPage } from './screens/guides/companies';
import { Guide } from './screens/guides/guide';
import { SavedGuides } from './screens/guides/saved';
import { OperatorOrganisations } from './screens/operator/organisations';
import { Outbox, OutboxMessageView } from './screens/operator/outbox';
import { PlatformAudit } from './screens/operator/platform-audit';
import { ApiTokens } from './screens/organisation/api-tokens';
import { OrganisationAudit } from './screens/organisation/audit';
import { Invitations } from './screens/organisation/invitations';
import { Members } from './screens/organisation/members';
import { Brands } from './screens/portfolio/brands';
import { Contacts } from './screens/portfolio/contacts';
import { ImportExport } from './screens/portfolio/import-export';
import { IpRights } from './screens/portfolio/ip-rights';
import { PortfolioLayout } from './screens/portfolio/portfolio-scope';
import { ProductEditor } from './screens/portfolio/product-editor';
import { Products } from './screens/portfolio/products';
import { Recordations } from './screens/portfolio/recordations';
import { Representatives } from './screens/portfolio/representatives';
import { Sharing } from './screens/portfolio/sharing';
import { Statistics } from './screens/portfolio/statistics';
import { SupplyChain } from './screens/portfolio/supply-chain';
import { AcceptInvitation } from './screens/public/accept-invitation';
import { ForgotPassword } from './screens/public/forgot-password';
import { JoinOrganisation } from './screens/public/join-organisation';
import { RegisterOrganisation } from './screens/public/register-organisation';
import { ResetPassword } from './screens/public/reset-password';
import { SignIn } from './screens/public/sign-in';
import { ReportForm } from './screens/reports/report-form';
import { Reports } from './screens/reports/reports';
import { RequireKind, RequirePermission, RequireSignedIn } from './session/guards';

/** Organisations that manage a rights holder's portfolio: the rights holder and its legal representatives. */
const PORTFOLIO_KINDS = ['rights_holder', 'legal_representative'] as const;

const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
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
