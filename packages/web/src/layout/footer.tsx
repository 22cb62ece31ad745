import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context';

export function Footer() {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <footer className="site-footer">
      {session.demo && <p className="demo-note">{t('app.demoNote')}</p>}
      <p>
        {t('app.name')} · {t('app.tagline')} · <a href="/api/docs">{t('app.apiDocs')}</a>
      </p>
    </footer>
  );
}
