import { LIMITS, passwordChangeBody } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../../api/endpoints';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';

// Everything else is checked before sending: the server refusing this field means the password is wrong.
const SERVER_PROBLEMS = { serverProblems: { currentPassword: 'account.currentPasswordWrong' } };

export function PasswordForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [saved, setSaved] = useState(false);
  const form = useForm(SERVER_PROBLEMS);

  const submit = form.onSubmit(async () => {
    setSaved(false);
    const body = form.check(passwordChangeBody, { currentPassword, newPassword });
    await accountApi.changePassword(body);
    setCurrentPassword('');
    setNewPassword('');
    setSaved(true);
  });

  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password')}</h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} />
        <Field
          label={t('fields.currentPassword')}
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={form.fieldError('currentPassword')}
        />
        <Field
          label={t('fields.newPassword')}
          hint={t('fields.passwordHint', { min: LIMITS.passwordMin })}
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          error={form.fieldError('newPassword')}
        />
        <div className="actions">
          <SubmitButton busy={form.busy}>{t('account.changePassword')}</SubmitButton>
          <span role="status">{saved ? t('account.passwordChanged') : ''}</span>
        </div>
      </form>
    </section>
  );
}
