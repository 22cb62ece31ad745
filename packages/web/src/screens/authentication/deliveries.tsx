import { useTranslation } from 'react-i18next';
import { authenticationApi, type Delivery } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { type Column, DataTable } from '../../components/data-table';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { useFormat } from '../../i18n/format';
import { NotFound } from '../app/not-found';
import { BackToConnectors, ConnectorTabs } from './connector-tabs';
import { isNotFound, useConnector } from './use-connector';

/** The last calls Assay made to an endpoint connector: what the rights holder's operations team debugs with. */
export function Deliveries() {
  const { t } = useTranslation();
  const format = useFormat();
  const { rightsHolderId, connectorId, connector } = useConnector();
  const deliveries = useResource(
    () => authenticationApi.deliveries(rightsHolderId, connectorId),
    [rightsHolderId, connectorId],
  );
  if (isNotFound(connector.error) || isNotFound(deliveries.error)) return <NotFound />;
  const data = connector.data;

  const columns: Column<Delivery>[] = [
    { header: t('authentication.deliveries.at'), render: (row) => format.dateTime(row.at) },
    {
      header: t('authentication.deliveries.outcome'),
      render: (row) => (
        <span className={`badge badge-${row.outcome === 'answered' ? 'good' : 'bad'}`}>
          {t(`authentication.outcomes.${row.outcome}`)}
        </span>
      ),
    },
    { header: t('authentication.deliveries.httpStatus'), render: (row) => row.httpStatus ?? '—' },
    {
      header: t('authentication.deliveries.duration'),
      render: (row) => t('authentication.deliveries.milliseconds', { value: format.number(row.durationMs) }),
    },
    { header: t('authentication.deliveries.detail'), render: (row) => row.detail ?? '' },
    {
      header: t('authentication.deliveries.test'),
      render: (row) => (row.test ? t('authentication.deliveries.fromConsole') : t('common.no')),
    },
  ];

  return (
    <>
      <BackToConnectors />
      <PageHeading>
        {data
          ? t('authentication.deliveries.title', { name: data.name })
          : t('authentication.connectors.deliveries')}
      </PageHeading>
      {data && <ConnectorTabs connector={data} />}
      <p className="lead">{t('authentication.deliveries.intro')}</p>
      {data?.kind === 'endpoint' && (
        <p>
          {t('authentication.connectors.circuitState', {
            state: t(`authentication.circuit.${data.circuit ?? 'closed'}`),
          })}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button-secondary" onClick={deliveries.reload}>
          {t('authentication.deliveries.refresh')}
        </button>
      </div>
      <FormError error={connector.error ?? deliveries.error} />
      {deliveries.loading && <p role="status">{t('app.loading')}</p>}
      {deliveries.data && (
        <DataTable
          caption={t('authentication.deliveries.caption')}
          columns={columns}
          rows={deliveries.data.deliveries}
          rowKey={(row) => row.id}
          empty={t('authentication.deliveries.empty')}
        />
      )}
    </>
  );
}
