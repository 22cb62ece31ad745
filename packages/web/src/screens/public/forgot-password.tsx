import { passwordResetRequestBody } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { passwordResetApi } from '../../api/endpoints';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPassword() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useForm();

  const submit = form.onSubmit(async () => {
    const body = form.check(passwordResetRequestBody, { email });
    await passwordResetApi.request(body.email);
    setSent(true);
  });

  if (sent) {
    return (
      <section className="panel narrow">
        <PageHeading>{t('forgotPassword.sentTitle')}</PageHeading>
        <p>{t('forgotPassword.sentBody', { email: email.trim() })}</p>
        <p>
          <Link to="/sign-in">{t('forgotPassword.backToSignIn')}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="panel narrow">
      <PageHeading>{t('forgotPassword.title')}</PageHeading>
      <p>{t('forgotPassword.intro')}</p>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} />
        <Field
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.fieldError('email')}
        />
        <SubmitButton busy={form.busy}>{t('forgotPassword.submit')}</SubmitButton>
      </form>
      <p>
        <Link to="/sign-in">{t('forgotPassword.backToSignIn')}</Link>
      </p>
    </section>
  );
}
