import { accountUpdateBody, LIMITS, type Locale } from '@assay/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../../api/endpoints';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { LanguageSelect } from '../../components/language-select';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useSession } from '../../session/session-context';

export function ProfileForm() {
  const { t } = useTranslation();
  const { session, setSession } = useSession();
  const [name, setName] = useState(session.user?.name ?? '');
  const [locale, setLocale] = useState<Locale>(session.user?.locale ?? 'en');
  const [saved, setSaved] = useState(false);
  const form = useForm();

  // The header's language picker may have changed the account's language since this form opened.
  const accountLocale = session.user?.locale;
  useEffect(() => {
    if (accountLocale) setLocale(accountLocale);
  }, [accountLocale]);

  const submit = form.onSubmit(async () => {
    setSaved(false);
    const changes = {
      name: name.trim() === session.user?.name ? undefined : name,
      locale: locale === accountLocale ? undefined : locale,
    };
    if (changes.name !== undefined || changes.locale !== undefined) {
      setSession(await accountApi.update(form.check(accountUpdateBody, changes)));
    }
    setSaved(true);
  });

  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('account.profile')}</h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} />
        <Field
          label={t('fields.email')}
          value={session.user?.email ?? ''}
          readOnly
          hint={t('account.emailFixed')}
        />
        <Field
          label={t('fields.yourName')}
          autoComplete="name"
          maxLength={LIMITS.nameMax}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.fieldError('name')}
        />
        <LanguageSelect label={t('fields.accountLanguage')} value={locale} onChange={setLocale} />
        <div className="actions">
          <SubmitButton busy={form.busy}>{t('common.save')}</SubmitButton>
          <span role="status">{saved ? t('common.saved') : ''}</span>
        </div>
      </form>
    </section>
  );
}
