import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/" className="brand">
      <span className="brand-name">{t('app.name')}</span>
      <span className="brand-tagline">{t('app.tagline')}</span>
    </Link>
  );
}
