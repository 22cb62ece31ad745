import { isEnforcementKind } from '@assay/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CopyButton } from '../../components/copy-button';
import { PageHeading } from '../../components/page-heading';
import { useFormat } from '../../i18n/format';
import { useSession } from '../../session/session-context';
import { ScanButton } from '../officer/search';
import { SearchPanel } from '../officer/search-panel';

/** Welcome page: who you are, for which organisation, and where you can go from here. */
export function Home() {
  const { t } = useTranslation();
  const { session } = useSession();
  const format = useFormat();
  const { user, organisation, roles, permissions } = session;
  const kind = organisation?.kind;
  const open = session.membershipStatus === 'active' && organisation?.status === 'active';
  const officer = open && kind !== undefined && isEnforcementKind(kind);
  const shortcuts = [
    {
      to: '/guides',
      label: 'home.openGuides',
      allowed: officer,
    },
    {
      to: '/portfolio/products',
      label: 'home.managePortfolio',
      allowed: open && (kind === 'rights_holder' || kind === 'legal_representative'),
    },
    {
      to: '/operator/organisations',
      label: 'home.reviewOrganisations',
      allowed: permissions.includes('organisations.approve'),
    },
    {
      to: '/organisation/members',
      label: 'home.manageMembers',
      allowed: permissions.includes('members.read'),
    },
    {
      to: '/organisation/invitations',
      label: 'home.inviteColleagues',
      allowed: permissions.includes('members.invite'),
    },
    { to: '/account', label: 'home.yourAccount', allowed: true },
  ].filter((shortcut) => shortcut.allowed);

  return (
    <>
      <PageHeading>{t('home.title', { name: user?.name })}</PageHeading>
      {officer ? (
        // At the bench the officer came to find a product: search and scan come first.
        <section aria-labelledby="home-find">
          <h2 id="home-find">{t('search.officerHome')}</h2>
          <ScanButton />
          <SearchPanel />
        </section>
      ) : (
        <p className="lead">{t('home.intro')}</p>
      )}
      {organisation && (
        <section className="panel" aria-labelledby="home-organisation">
          <h2 id="home-organisation">{organisation.name}</h2>
          <dl className="facts">
            <dt>{t('home.kind')}</dt>
            <dd>{t(`kinds.${organisation.kind}`)}</dd>
            {organisation.countryCode && (
              <>
                <dt>{t('home.country')}</dt>
                <dd>{format.country(organisation.countryCode)}</dd>
              </>
            )}
            <dt>{t('home.roles')}</dt>
            <dd>{format.list(roles.map((role) => t(`roles.${role}`)))}</dd>
          </dl>
          {organisation.kind === 'legal_representative' && organisation.status === 'active' && (
            <div className="notice">
              <p>{t('home.firmIdentifierIntro')}</p>
              <p className="copy">
                <code>{organisation.id}</code> <CopyButton text={organisation.id} />
              </p>
            </div>
          )}
        </section>
      )}
      <section aria-labelledby="home-shortcuts">
        <h2 id="home-shortcuts">{t('home.shortcuts')}</h2>
        <ul className="shortcuts">
          {shortcuts.map((shortcut) => (
            <li key={shortcut.to}>
              <Link to={shortcut.to}>{t(shortcut.label)}</Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
