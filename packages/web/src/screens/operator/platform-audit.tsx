import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { operatorApi } from '../../api/endpoints';
import { AuditLog } from '../../components/audit-log';
import { PageHeading } from '../../components/page-heading';

/** Every organisation's events; opened from an organisation card it shows only that organisation. */
export function PlatformAudit() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const organisationId = params.get('organisationId') ?? undefined;
  return (
    <>
      <PageHeading>{t('operator.audit.title')}</PageHeading>
      {organisationId && (
        <p className="notice">
          {t('operator.audit.filtered')} <Link to="/operator/audit">{t('operator.audit.showAll')}</Link>
        </p>
      )}
      <AuditLog
        key={organisationId ?? ''}
        caption={t('operator.audit.title')}
        load={(before) => operatorApi.audit({ before, organisationId })}
      />
    </>
  );
}
