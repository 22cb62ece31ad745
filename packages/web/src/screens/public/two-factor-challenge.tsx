import { twoFactorBody } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionApi } from '../../api/endpoints';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useSession } from '../../session/session-context';

/** Second step for people with two-step verification: a code from their app, or a recovery code. */
export function TwoFactorChallenge() {
  const { t } = useTranslation();
  const { setSession, signOut } = useSession();
  const [code, setCode] = useState('');
  const form = useForm();

  const submit = form.onSubmit(async () => {
    const body = form.check(twoFactorBody, { code });
    setSession(await sessionApi.verifyTwoFactor(body.code));
  });

  return (
    <section className="panel narrow">
      <PageHeading>{t('twoFactor.title')}</PageHeading>
      <p>{t('twoFactor.intro')}</p>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} />
        <Field
          label={t('twoFactor.code')}
          hint={t('twoFactor.codeHint')}
          autoComplete="one-time-code"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={form.fieldError('code')}
        />
        <div className="actions">
          <SubmitButton busy={form.busy}>{t('twoFactor.submit')}</SubmitButton>
          <button type="button" className="button-secondary" onClick={() => void signOut()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
