import { PACK_STATES } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { authenticationApi, type Connector } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { ConfirmButton } from '../../components/confirm-button';
import { type Column, DataTable } from '../../components/data-table';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { useFormat } from '../../i18n/format';
import { usePortfolioScope } from '../portfolio/portfolio-scope';

/** The rights holder's connectors: which source of truth answers for which brand or product. */
export function Connectors() {
  const { t } = useTranslation();
  const format = useFormat();
  const { rightsHolder } = usePortfolioScope();
  const connectors = useResource(() => authenticationApi.connectors(rightsHolder.id), [rightsHolder.id]);
  const [announcement, setAnnouncement] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);

  const remove = async (connector: Connector) => {
    setActionError(null);
    try {
      await authenticationApi.removeConnector(rightsHolder.id, connector.id);
      connectors.update((current) => ({
        connectors: current.connectors.filter((item) => item.id !== connector.id),
      }));
      setAnnouncement(t('authentication.connectors.removed', { name: connector.name }));
    } catch (error) {
      setActionError(error);
    }
  };

  const columns: Column<Connector>[] = [
    {
      header: t('authentication.connectors.name'),
      render: (connector) => <Link to={`/authentication/connectors/${connector.id}`}>{connector.name}</Link>,
    },
    {
      header: t('authentication.connectors.kind'),
      render: (connector) => t(`authentication.kinds.${connector.kind}`),
    },
    {
      header: t('authentication.connectors.appliesTo'),
      render: (connector) => <Target connector={connector} />,
    },
    {
      header: t('authentication.connectors.active'),
      render: (connector) => (connector.active ? t('common.yes') : t('common.no')),
    },
    {
      header: t('authentication.connectors.status'),
      render: (connector) => <Status connector={connector} format={format.number} />,
    },
    {
      header: t('common.actions'),
      render: (connector) => (
        <div className="actions">
          {connector.kind === 'registry' && (
            <Link
              to={`/authentication/connectors/${connector.id}/serials`}
              aria-label={t('authentication.connectors.serialsOf', { name: connector.name })}
            >
              {t('authentication.connectors.serials')}
            </Link>
          )}
          {connector.kind === 'endpoint' && (
            <Link
              to={`/authentication/connectors/${connector.id}/deliveries`}
              aria-label={t('authentication.connectors.deliveriesOf', { name: connector.name })}
            >
              {t('authentication.connectors.deliveries')}
            </Link>
          )}
          <ConfirmButton
            label={t('authentication.connectors.remove')}
            accessibleLabel={t('authentication.connectors.removeLabel', { name: connector.name })}
            question={t('authentication.connectors.removeQuestion')}
            confirmLabel={t('authentication.connectors.removeConfirm')}
            onConfirm={() => remove(connector)}
          />
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeading>{t('authentication.connectors.title')}</PageHeading>
      <p className="lead">{t('authentication.connectors.intro')}</p>
      <p className="actions">
        <Link className="button-link" to="/authentication/connectors/new">
          {t('authentication.connectors.new')}
        </Link>
        <Link to="/authentication/protocol">{t('authentication.protocol.link')}</Link>
      </p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <FormError error={connectors.error ?? actionError} />
      {connectors.loading && !connectors.data && <p role="status">{t('app.loading')}</p>}
      {connectors.data && (
        <DataTable
          caption={t('authentication.connectors.title')}
          columns={columns}
          rows={connectors.data.connectors}
          rowKey={(connector) => connector.id}
          empty={t('authentication.connectors.empty')}
        />
      )}
    </>
  );
}

function Target({ connector }: { connector: Connector }) {
  const { t } = useTranslation();
  if (connector.productId)
    return <>{t('authentication.connectors.productTarget', { name: connector.productName ?? '' })}</>;
  return <>{t('authentication.connectors.brandTarget', { name: connector.brandName ?? '' })}</>;
}

/** Serials per state for a registry, the circuit for an endpoint, the address for a resolver. */
function Status({ connector, format }: { connector: Connector; format: (value: number) => string }) {
  const { t } = useTranslation();
  if (connector.kind === 'registry') {
    const counts = PACK_STATES.filter((state) => (connector.serials?.[state] ?? 0) > 0);
    if (counts.length === 0) return <>{t('authentication.connectors.noSerials')}</>;
    return (
      <ul className="plain-list">
        {counts.map((state) => (
          <li key={state}>
            {t('authentication.connectors.serialCount', {
              state: t(`authentication.packStates.${state}`),
              count: format(connector.serials?.[state] ?? 0),
            })}
          </li>
        ))}
      </ul>
    );
  }
  if (connector.kind === 'endpoint')
    return (
      <>
        {t('authentication.connectors.circuitState', {
          state: t(`authentication.circuit.${connector.circuit ?? 'closed'}`),
        })}
      </>
    );
  return <span className="mono">{connector.url}</span>;
}
