import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { LanguagePicker } from '../components/language-picker';
import { OfflineServices } from '../offline/offline-services';
import { AccessEnded, WaitingForApproval } from '../screens/app/waiting-for-approval';
import { NotificationBell } from '../screens/notifications/notification-bell';
import { useSession } from '../session/session-context';
import { Brand } from './brand';
import { Footer } from './footer';
import { Navigation } from './navigation';
import { UserMenu } from './user-menu';

type Access = 'open' | 'waiting' | 'ended';

function useAccess(): Access {
  const { session } = useSession();
  const statuses = [session.membershipStatus, session.organisation?.status];
  if (statuses.some((status) => status === 'rejected' || status === 'disabled' || status === 'suspended')) {
    return 'ended';
  }
  return statuses.includes('pending') ? 'waiting' : 'open';
}

/** The signed-in frame: header, role-aware navigation and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { session } = useSession();
  const location = useLocation();
  const access = useAccess();
  const [navOpen, setNavOpen] = useState(false);

  const menuButtonRef = useRef<HTMLButtonElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the phone menu closes on every navigation.
  useEffect(() => setNavOpen(false), [location.pathname]);

  useEffect(() => {
    if (!navOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setNavOpen(false);
      menuButtonRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navOpen]);

  const onAccountPage = location.pathname === '/account';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <button
          ref={menuButtonRef}
          type="button"
          className="menu-button button-ghost"
          aria-expanded={navOpen}
          aria-controls="app-nav"
          onClick={() => setNavOpen((open) => !open)}
        >
          {t('nav.menu')}
        </button>
        <Brand />
        {session.organisation && <span className="org-name">{session.organisation.name}</span>}
        <div className="header-tools">
          {access === 'open' && <NotificationBell />}
          <LanguagePicker />
          <UserMenu />
        </div>
      </header>
      <div className="app-body">
        <Navigation id="app-nav" open={navOpen} restricted={access !== 'open'} />
        <main id="main" className="app-main">
          {access === 'open' && <OfflineServices />}
          {access === 'open' || onAccountPage ? (
            <Outlet />
          ) : access === 'waiting' ? (
            <WaitingForApproval />
          ) : (
            <AccessEnded />
          )}
        </main>
      </div>
      <Footer />
    </div>
  );
}
