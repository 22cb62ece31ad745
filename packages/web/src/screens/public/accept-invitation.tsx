import { invitationAcceptBody } from '@assay/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { onboardingApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { FormError } from '../../components/form-error';
import { type NewAccount, NewAccountFields } from '../../components/new-account-fields';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useFormat } from '../../i18n/format';
import { currentLocale, hasChosenLocale, switchLanguage } from '../../i18n/i18n';

/** Opened from the emailed link `/invitations/<token>`: creates the invited person's account. */
export function AcceptInvitation() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const token = useParams().token ?? '';
  const preview = useResource(() => onboardingApi.previewInvitation(token), [token]);
  const [account, setAccount] = useState<NewAccount>({
    name: '',
    password: '',
    locale: currentLocale(i18n.language),
  });
  const [done, setDone] = useState(false);
  const form = useForm();

  const invitationLocale = preview.data?.locale;
  useEffect(() => {
    // Speak the language the inviter chose unless this browser already picked one.
    if (!invitationLocale || hasChosenLocale()) return;
    void switchLanguage(invitationLocale);
    setAccount((current) => ({ ...current, locale: invitationLocale }));
  }, [invitationLocale]);

  if (preview.loading) return <p role="status">{t('app.loading')}</p>;
  if (!preview.data) {
    const unknown = preview.error instanceof ApiError && preview.error.code === 'not_found';
    return (
      <section className="panel narrow">
        <PageHeading>{t('invitation.title')}</PageHeading>
        {unknown ? <p>{t('invitation.unavailable')}</p> : <FormError error={preview.error} />}
        <p>
          <Link to="/sign-in">{t('forgotPassword.backToSignIn')}</Link>
        </p>
      </section>
    );
  }

  const invitation = preview.data;
  const submit = form.onSubmit(async () => {
    const body = form.check(invitationAcceptBody, account);
    await onboardingApi.acceptInvitation(token, body);
    setDone(true);
  });

  if (done) {
    return (
      <section className="panel narrow">
        <PageHeading>{t('invitation.doneTitle')}</PageHeading>
        <p>
          {invitation.needsApproval
            ? t('invitation.doneNeedsApproval', { organisation: invitation.organisationName })
            : t('invitation.doneBody', { organisation: invitation.organisationName })}
        </p>
        <p>
          <Link to="/sign-in" state={{ email: invitation.email }}>
            {t('register.goToSignIn')}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <section className="panel narrow">
      <PageHeading>{t('invitation.title')}</PageHeading>
      <p className="lead">{t('invitation.intro', { organisation: invitation.organisationName })}</p>
      <dl className="facts">
        <dt>{t('invitation.organisation')}</dt>
        <dd>
          {invitation.organisationName} ({t(`kinds.${invitation.organisationKind}`)})
        </dd>
        <dt>{t('fields.email')}</dt>
        <dd>{invitation.email}</dd>
        <dt>{t('invitation.roles')}</dt>
        <dd>{format.list(invitation.roles.map((role) => t(`roles.${role}`)))}</dd>
        <dt>{t('invitation.expires')}</dt>
        <dd>{format.dateTime(invitation.expiresAt)}</dd>
      </dl>
      {invitation.needsApproval && <p className="notice">{t('invitation.needsApproval')}</p>}
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} />
        <NewAccountFields value={account} onChange={setAccount} fieldError={form.fieldError} />
        <SubmitButton busy={form.busy}>{t('invitation.submit')}</SubmitButton>
      </form>
    </section>
  );
}
