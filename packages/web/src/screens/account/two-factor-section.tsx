import { requiresTwoFactor } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../../api/endpoints';
import { ConfirmButton } from '../../components/confirm-button';
import { FormError } from '../../components/form-error';
import { RecoveryCodes } from '../../components/recovery-codes';
import { useSession } from '../../session/session-context';
import { TwoFactorSetup } from './two-factor-setup';

/** Two-step verification status; set it up when optional, or replace the recovery codes. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const { session, setSession } = useSession();
  const [settingUp, setSettingUp] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const enabled = session.user?.twoFactorEnabled ?? false;
  const required = session.organisation ? requiresTwoFactor(session.organisation.kind, session.roles) : false;

  const regenerate = async () => {
    setError(null);
    try {
      setCodes((await accountApi.regenerateRecoveryCodes()).recoveryCodes);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="panel" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t('account.twoFactor')}</h2>
      <p>
        {enabled ? t('account.twoFactorOn') : t('account.twoFactorOff')}{' '}
        {required ? t('account.twoFactorRequired') : t('account.twoFactorOptional')}
      </p>
      <FormError error={error} />
      {codes ? (
        <RecoveryCodes codes={codes} headingLevel={3} onDone={() => setCodes(null)} />
      ) : enabled ? (
        <ConfirmButton
          label={t('account.regenerate')}
          question={t('account.regenerateQuestion')}
          confirmLabel={t('account.regenerateConfirm')}
          onConfirm={regenerate}
        />
      ) : settingUp ? (
        <TwoFactorSetup
          headingLevel={3}
          onDone={(next) => {
            setSession(next);
            setSettingUp(false);
          }}
        />
      ) : (
        <button type="button" onClick={() => setSettingUp(true)}>
          {t('account.enableTwoFactor')}
        </button>
      )}
    </section>
  );
}
