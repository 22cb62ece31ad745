import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { SearchPanel } from './search-panel';
import './officer.css';

/** The scan button beside the search: one thumb away on the officer's phone. */
export function ScanButton() {
  const { t } = useTranslation();
  return (
    <p className="officer-actions">
      <Link className="button-link" to="/scan">
        {t('search.scanButton')}
      </Link>
    </p>
  );
}

/** The officer's search across the guides they may open. */
export function Search() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('search.title')}</PageHeading>
      <ScanButton />
      <SearchPanel />
    </>
  );
}
