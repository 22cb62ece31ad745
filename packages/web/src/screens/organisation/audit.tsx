import { translationKeys } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationApi } from '../../api/endpoints';
import { AuditLog } from '../../components/audit-log';
import { SelectField } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import en from '../../locales/en.json';

/** The actions the app knows how to name are the ones worth filtering on. */
const KNOWN_ACTIONS = translationKeys(en.auditActions);

/** What happened in this organisation: sign-ins, invitations, role changes, tokens. */
export function OrganisationAudit() {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <div className="filters">
        <SelectField
          label={t('audit.filterAction')}
          value={action}
          onChange={(event) => setAction(event.target.value)}
        >
          <option value="">{t('audit.allActions')}</option>
          {KNOWN_ACTIONS.map((known) => (
            <option key={known} value={known}>
              {t(`auditActions.${known}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <AuditLog
        key={action}
        caption={t('audit.title')}
        load={(before) => organisationApi.audit({ before, action: action || undefined })}
      />
    </>
  );
}
