import { isEnforcementKind } from '@assay/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../session/session-context';

/** Shown instead of the app until the operator approves the organisation or an approver the person. */
export function WaitingForApproval() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const organisation = session.organisation;
  const organisationWaits = organisation?.status === 'pending';
  const approver =
    organisation && isEnforcementKind(organisation.kind) ? t('waiting.coordinator') : t('waiting.admin');
  return (
    <section className="panel">
      <PageHeading>{t('waiting.title')}</PageHeading>
      <p>
        {organisationWaits
          ? t('waiting.organisation', { organisation: organisation?.name })
          : t('waiting.membership', { organisation: organisation?.name, approver })}
      </p>
      <p>{t('waiting.email')}</p>
      <div className="actions">
        <button type="button" className="button-secondary" onClick={() => void refresh()}>
          {t('waiting.check')}
        </button>
        <Link to="/account">{t('nav.account')}</Link>
      </div>
    </section>
  );
}

/** Shown when the organisation or the membership was rejected, suspended or disabled. */
export function AccessEnded() {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <section className="panel">
      <PageHeading>{t('accessEnded.title')}</PageHeading>
      <p>{t('accessEnded.body', { organisation: session.organisation?.name })}</p>
    </section>
  );
}
