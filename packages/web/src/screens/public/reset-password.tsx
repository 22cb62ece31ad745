import { LIMITS, passwordResetConfirmBody } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { passwordResetApi } from '../../api/endpoints';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';

/** Opened from the emailed link `/reset-password?token=…`. */
export function ResetPassword() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const form = useForm();

  const submit = form.onSubmit(async () => {
    const body = form.check(passwordResetConfirmBody, { token, password });
    await passwordResetApi.confirm(body);
    setDone(true);
  });

  if (!token) {
    return (
      <section className="panel narrow">
        <PageHeading>{t('resetPassword.title')}</PageHeading>
        <p>{t('resetPassword.noToken')}</p>
        <p>
          <Link to="/forgot-password">{t('resetPassword.askAgain')}</Link>
        </p>
      </section>
    );
  }

  if (done) {
    return (
      <section className="panel narrow">
        <PageHeading>{t('resetPassword.doneTitle')}</PageHeading>
        <p>{t('resetPassword.doneBody')}</p>
        <p>
          <Link to="/sign-in">{t('register.goToSignIn')}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="panel narrow">
      <PageHeading>{t('resetPassword.title')}</PageHeading>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} />
        <Field
          label={t('fields.newPassword')}
          hint={t('fields.passwordHint', { min: LIMITS.passwordMin })}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.fieldError('password')}
        />
        <SubmitButton busy={form.busy}>{t('resetPassword.submit')}</SubmitButton>
      </form>
      {form.error ? (
        <p>
          <Link to="/forgot-password">{t('resetPassword.askAgain')}</Link>
        </p>
      ) : null}
    </section>
  );
}
