import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { PublicLayout } from './layout/public-layout';
import { Account } from './screens/account/account';
import { Home } from './screens/app/home';
import { NotFound } from './screens/app/not-found';
import { OperatorOrganisations } from './screens/operator/organisations';
import { Outbox, OutboxMessageView } from './screens/operator/outbox';
import { PlatformAudit } from './screens/operator/platform-audit';
import { ApiTokens } from './screens/organisation/api-tokens';
import { OrganisationAudit } from './screens/organisation/audit';
import { Invitations } from './screens/organisation/invitations';
import { Members } from './screens/organisation/members';
import { AcceptInvitation } from './screens/public/accept-invitation';
import { ForgotPassword } from './screens/public/forgot-password';
import { JoinOrganisation } from './screens/public/join-organisation';
import { RegisterOrganisation } from './screens/public/register-organisation';
import { ResetPassword } from './screens/public/reset-password';
import { SignIn } from './screens/public/sign-in';
import { RequirePermission, RequireSignedIn } from './session/guards';

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
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
