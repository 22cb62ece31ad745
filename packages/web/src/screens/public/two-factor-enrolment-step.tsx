import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { useReturnPath } from '../../session/guards';
import { useSession } from '../../session/session-context';
import { TwoFactorSetup } from '../account/two-factor-setup';

/** Sign-in step for people who must use two-step verification but have not set it up yet. */
export function TwoFactorEnrolmentStep() {
  const { t } = useTranslation();
  const { setSession, signOut } = useSession();
  const navigate = useNavigate();
  const returnPath = useReturnPath();
  return (
    <section className="panel">
      <PageHeading>{t('enrolment.title')}</PageHeading>
      <p>{t('enrolment.required')}</p>
      <TwoFactorSetup
        onDone={(session) => {
          setSession(session);
          navigate(returnPath, { replace: true });
        }}
      />
      <p>
        <button type="button" className="button-ghost" onClick={() => void signOut()}>
          {t('userMenu.signOut')}
        </button>
      </p>
    </section>
  );
}
