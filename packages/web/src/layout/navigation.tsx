import {
  canPublishAlerts,
  ENFORCEMENT_KINDS,
  type OrganisationKind,
  type Permission,
  type Role,
} from '@assay/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { OutboxBadge } from '../offline/outbox-badge';
import { UnreadAlertsBadge } from '../screens/alerts/unread-badge';
import { mayEditPolicies } from '../screens/case-policies/policy-draft';
import { useSession } from '../session/session-context';

interface NavItem {
  to: string;
  label: string;
  permission?: Permission;
  /** Shown only to these kinds of organisation. */
  kinds?: readonly OrganisationKind[];
  /** A count beside the label (reports waiting in the outbox). */
  badge?: ComponentType;
  /** Shown only when this says so (roles within a kind). */
  when?: (kind: OrganisationKind, roles: readonly Role[]) => boolean;
}

const PORTFOLIO_KINDS: readonly OrganisationKind[] = ['rights_holder', 'legal_representative'];
const CASE_KINDS: readonly OrganisationKind[] = [...ENFORCEMENT_KINDS, ...PORTFOLIO_KINDS];
const SEIZURE_STATISTICS_KINDS: readonly OrganisationKind[] = [
  ...ENFORCEMENT_KINDS,
  'platform_operator',
  'rights_holder',
];

interface NavSection {
  title?: string;
  items: NavItem[];
}

const SECTIONS: NavSection[] = [
  {
    items: [
      { to: '/', label: 'nav.home' },
      { to: '/search', label: 'search.nav', kinds: ENFORCEMENT_KINDS },
      { to: '/scan', label: 'scan.nav', kinds: ENFORCEMENT_KINDS },
      { to: '/alerts', label: 'nav.alerts', kinds: ENFORCEMENT_KINDS, badge: UnreadAlertsBadge },
      { to: '/guides', label: 'nav.guides', kinds: ENFORCEMENT_KINDS },
      { to: '/guides/rights-holders', label: 'nav.companies', kinds: ENFORCEMENT_KINDS },
      { to: '/guides/saved', label: 'nav.savedGuides', kinds: ENFORCEMENT_KINDS },
      { to: '/reports', label: 'nav.reports', kinds: ENFORCEMENT_KINDS, badge: OutboxBadge },
      { to: '/cases', label: 'cases.nav', kinds: CASE_KINDS },
      { to: '/statistics/seizures', label: 'seizures.nav', kinds: SEIZURE_STATISTICS_KINDS },
      { to: '/case-policies', label: 'casePolicies.nav', when: mayEditPolicies },
      { to: '/alerts/manage', label: 'nav.publishedAlerts', when: canPublishAlerts },
      { to: '/account', label: 'nav.account' },
    ],
  },
  {
    title: 'nav.portfolio',
    items: [
      { to: '/portfolio/brands', label: 'nav.brands', kinds: PORTFOLIO_KINDS },
      { to: '/portfolio/products', label: 'nav.products', kinds: PORTFOLIO_KINDS },
      { to: '/portfolio/ip-rights', label: 'nav.ipRights', kinds: PORTFOLIO_KINDS },
      { to: '/portfolio/recordations', label: 'nav.recordations', kinds: PORTFOLIO_KINDS },
      { to: '/portfolio/supply-chain', label: 'nav.supplyChain', kinds: PORTFOLIO_KINDS },
      { to: '/portfolio/contacts', label: 'nav.contacts', kinds: PORTFOLIO_KINDS },
      { to: '/portfolio/import-export', label: 'nav.importExport', kinds: PORTFOLIO_KINDS },
      { to: '/portfolio/statistics', label: 'nav.statistics', kinds: PORTFOLIO_KINDS },
      { to: '/portfolio/representatives', label: 'nav.representatives', kinds: ['rights_holder'] },
    ],
  },
  {
    title: 'authentication.nav.title',
    items: [
      {
        to: '/authentication/verifications',
        label: 'authentication.nav.verifications',
        kinds: PORTFOLIO_KINDS,
      },
      { to: '/authentication/connectors', label: 'authentication.nav.connectors', kinds: PORTFOLIO_KINDS },
      { to: '/authentication/policy', label: 'authentication.nav.policy', kinds: PORTFOLIO_KINDS },
      { to: '/authentication/test', label: 'authentication.nav.test', kinds: PORTFOLIO_KINDS },
    ],
  },
  {
    title: 'nav.organisation',
    items: [
      { to: '/organisation/members', label: 'nav.members', permission: 'members.read' },
      { to: '/organisation/invitations', label: 'nav.invitations', permission: 'members.invite' },
      { to: '/organisation/audit', label: 'nav.audit', permission: 'audit.read' },
      { to: '/organisation/api-tokens', label: 'nav.apiTokens', permission: 'api_tokens.manage' },
    ],
  },
  {
    title: 'nav.operator',
    items: [
      { to: '/operator/organisations', label: 'nav.organisations', permission: 'organisations.approve' },
      { to: '/operator/outbox', label: 'nav.outbox', permission: 'outbox.read' },
      { to: '/operator/audit', label: 'nav.platformAudit', permission: 'organisations.approve' },
    ],
  },
];

/** The areas this person may open; people waiting for approval see only home and their account. */
export function Navigation({ id, open, restricted }: { id: string; open: boolean; restricted: boolean }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const kind = session.organisation?.kind;
  const allowed = (item: NavItem) => {
    if (item.kinds && (restricted || !kind || !item.kinds.includes(kind))) return false;
    if (item.when && (restricted || !kind || !item.when(kind, session.roles))) return false;
    return item.permission ? !restricted && session.permissions.includes(item.permission) : true;
  };
  const sections = SECTIONS.map((section) => ({
    ...section,
    items: section.items.filter(allowed),
  })).filter((section) => section.items.length > 0);

  return (
    <nav id={id} className={open ? 'app-nav open' : 'app-nav'} aria-label={t('nav.label')}>
      {sections.map((section) => (
        <div key={section.title ?? 'main'} className="nav-section">
          {/* A list label rather than a heading: the page's own h1 should be the first heading. */}
          {section.title && (
            <p id={`${id}-${section.title}`} className="nav-title">
              {t(section.title)}
            </p>
          )}
          <ul aria-labelledby={section.title ? `${id}-${section.title}` : undefined}>
            {section.items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/' || item.to === '/guides' || item.to === '/alerts'}>
                  {t(item.label)}
                  {item.badge && <item.badge />}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
