import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguagePicker } from '../components/language-picker';
import { Brand } from './brand';
import { Footer } from './footer';

/** Pages for people who are not signed in: sign-in, registration, invitations, password reset. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <Brand />
        <div className="header-tools">
          <LanguagePicker />
        </div>
      </header>
      <main id="main" className="public-main">
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}
