import { invitationBody, type Locale, type Role, rolesAllowedFor } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Invitation, organisationApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { CheckboxGroup } from '../../components/choice-group';
import { ConfirmButton } from '../../components/confirm-button';
import { type Column, DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { LanguageSelect } from '../../components/language-select';
import { PageHeading } from '../../components/page-heading';
import { StatusBadge } from '../../components/status-badge';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { languageName, useFormat } from '../../i18n/format';
import { currentLocale } from '../../i18n/i18n';
import { useSession } from '../../session/session-context';

/** Invite colleagues by email with the roles their organisation kind allows; revoke unused invitations. */
export function Invitations() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const format = useFormat();
  const invitations = useResource(() => organisationApi.invitations(), []);
  const kind = session.organisation?.kind;
  const allowedRoles = kind ? rolesAllowedFor(kind) : [];
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['member']);
  const [locale, setLocale] = useState<Locale>(currentLocale(i18n.language));
  const [announcement, setAnnouncement] = useState('');
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const form = useForm();

  const submit = form.onSubmit(async () => {
    setAnnouncement('');
    const body = form.check(invitationBody, { email, roles, locale });
    const created = await organisationApi.invite(body);
    invitations.update((current) => ({ invitations: [created, ...current.invitations] }));
    setAnnouncement(t('invitations.sent', { email: created.email }));
    setEmail('');
  });

  const revoke = async (invitation: Invitation) => {
    setRevokeError(null);
    try {
      await organisationApi.revokeInvitation(invitation.id);
      invitations.update((current) => ({
        invitations: current.invitations.map((item) =>
          item.id === invitation.id ? { ...item, status: 'revoked' } : item,
        ),
      }));
      setAnnouncement(t('invitations.revoked', { email: invitation.email }));
    } catch (error) {
      setRevokeError(error);
    }
  };

  const columns: Column<Invitation>[] = [
    { header: t('fields.email'), render: (invitation) => invitation.email },
    {
      header: t('members.roles'),
      render: (invitation) => format.list(invitation.roles.map((role) => t(`roles.${role}`))),
    },
    { header: t('fields.language'), render: (invitation) => languageName(invitation.locale) },
    { header: t('members.status'), render: (invitation) => <StatusBadge status={invitation.status} /> },
    { header: t('invitations.invitedBy'), render: (invitation) => invitation.invitedBy ?? '' },
    { header: t('invitations.expires'), render: (invitation) => format.dateTime(invitation.expiresAt) },
    {
      header: t('common.actions'),
      render: (invitation) =>
        invitation.status === 'pending' ? (
          <ConfirmButton
            label={t('invitations.revoke')}
            accessibleLabel={t('invitations.revokeFor', { email: invitation.email })}
            question={t('invitations.revokeQuestion', { email: invitation.email })}
            confirmLabel={t('invitations.revoke')}
            onConfirm={() => revoke(invitation)}
          />
        ) : null,
    },
  ];

  return (
    <>
      <PageHeading>{t('invitations.title')}</PageHeading>
      <section className="panel" aria-labelledby="invite-title">
        <h2 id="invite-title">{t('invitations.inviteTitle')}</h2>
        <p>{t('invitations.inviteIntro')}</p>
        <form ref={form.formRef} onSubmit={submit} noValidate>
          <FormError error={form.error} />
          <Field
            label={t('invitations.email')}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={form.fieldError('email')}
          />
          <CheckboxGroup
            legend={t('invitations.roles')}
            value={roles}
            onChange={setRoles}
            error={form.fieldError('roles')}
            choices={allowedRoles.map((role) => ({
              value: role,
              label: t(`roles.${role}`),
              description: t(`roleDescriptions.${role}`),
            }))}
          />
          <LanguageSelect
            label={t('invitations.language')}
            hint={t('invitations.languageHint')}
            value={locale}
            onChange={setLocale}
          />
          <SubmitButton busy={form.busy}>{t('invitations.submit')}</SubmitButton>
        </form>
      </section>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <section aria-labelledby="invitations-list">
        <h2 id="invitations-list">{t('invitations.listTitle')}</h2>
        <FormError error={invitations.error ?? revokeError} />
        {invitations.loading && !invitations.data && <p role="status">{t('app.loading')}</p>}
        {invitations.data && (
          <DataTable
            caption={t('invitations.listTitle')}
            columns={columns}
            rows={invitations.data.invitations}
            rowKey={(invitation) => invitation.id}
            empty={t('invitations.empty')}
          />
        )}
      </section>
    </>
  );
}
