import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Connector } from '../../api/endpoints';

/** Switches between a connector's settings and, by kind, its serials or its delivery log. */
export function ConnectorTabs({ connector }: { connector: Connector }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const base = `/authentication/connectors/${connector.id}`;
  const tabs = [
    { to: base, label: t('authentication.connectors.settings') },
    ...(connector.kind === 'registry'
      ? [{ to: `${base}/serials`, label: t('authentication.connectors.serials') }]
      : []),
    ...(connector.kind === 'endpoint'
      ? [{ to: `${base}/deliveries`, label: t('authentication.connectors.deliveries') }]
      : []),
  ];
  if (tabs.length === 1) return null;
  return (
    <nav aria-label={t('authentication.connectors.tabsLabel')} className="tabs">
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

export function BackToConnectors() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/authentication/connectors">{t('authentication.connectors.back')}</Link>
    </p>
  );
}
