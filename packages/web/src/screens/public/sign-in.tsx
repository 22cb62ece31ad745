import { signInBody } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { sessionApi } from '../../api/endpoints';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useReturnPath } from '../../session/guards';
import { useSession } from '../../session/session-context';
import { TwoFactorChallenge } from './two-factor-challenge';
import { TwoFactorEnrolmentStep } from './two-factor-enrolment-step';

/** Sign-in in up to three steps, following the session's stage. */
export function SignIn() {
  const { session } = useSession();
  const returnPath = useReturnPath();
  if (session.user && session.stage === 'active') return <Navigate to={returnPath} replace />;
  if (session.stage === 'two_factor_required') return <TwoFactorChallenge />;
  if (session.stage === 'two_factor_enrolment_required') return <TwoFactorEnrolmentStep />;
  return <PasswordStep />;
}

function PasswordStep() {
  const { t } = useTranslation();
  const { setSession } = useSession();
  const prefilled = (useLocation().state as { email?: unknown } | null)?.email;
  const [email, setEmail] = useState(typeof prefilled === 'string' ? prefilled : '');
  const [password, setPassword] = useState('');
  const form = useForm();

  const submit = form.onSubmit(async () => {
    const body = form.check(signInBody, { email, password });
    setSession(await sessionApi.signIn(body));
  });

  return (
    <section className="panel narrow">
      <PageHeading>{t('signIn.title')}</PageHeading>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} />
        <Field
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.fieldError('email')}
        />
        <Field
          label={t('fields.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.fieldError('password')}
        />
        <SubmitButton busy={form.busy}>{t('signIn.submit')}</SubmitButton>
      </form>
      <p>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
      <section className="aside" aria-labelledby="sign-in-new">
        <h2 id="sign-in-new">{t('signIn.newHere')}</h2>
        <ul className="link-list">
          <li>
            <Link to="/register">{t('signIn.register')}</Link>
          </li>
          <li>
            <Link to="/join">{t('signIn.join')}</Link>
          </li>
        </ul>
      </section>
    </section>
  );
}
