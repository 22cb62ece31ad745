import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** Switches between a product's content and whom it is shared with. */
export function ProductTabs({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const tabs = [
    { to: `/portfolio/products/${productId}`, label: t('productTabs.content') },
    { to: `/portfolio/products/${productId}/sharing`, label: t('productTabs.sharing') },
  ];
  return (
    <nav aria-label={t('productTabs.label')} className="tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} aria-current={pathname === tab.to ? 'page' : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
