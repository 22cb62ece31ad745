import { type Role, rolesAllowedFor } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Member, organisationApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { CheckboxGroup } from '../../components/choice-group';
import { ConfirmButton } from '../../components/confirm-button';
import { type Column, DataTable } from '../../components/data-table';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { StatusBadge } from '../../components/status-badge';
import { useFormat } from '../../i18n/format';
import { useCan, useSession } from '../../session/session-context';

/** Everyone in the organisation; approvers decide on pending people, managers edit roles and access. */
export function Members() {
  const { t } = useTranslation();
  const format = useFormat();
  const canApprove = useCan('members.approve');
  const canManage = useCan('members.manage');
  const members = useResource(() => organisationApi.members(), []);
  const [actionError, setActionError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');

  const act = async (change: Promise<Member>, message: string): Promise<boolean> => {
    setActionError(null);
    try {
      const updated = await change;
      members.update((list) => ({
        members: list.members.map((member) => (member.userId === updated.userId ? updated : member)),
      }));
      setAnnouncement(message);
      return true;
    } catch (error) {
      setActionError(error);
      return false;
    }
  };

  const all = members.data?.members ?? [];
  const pending = all.filter((member) => member.status === 'pending');
  const others = all.filter((member) => member.status !== 'pending');

  const columns: Column<Member>[] = [
    {
      header: t('members.person'),
      render: (member) => (
        <>
          <strong>{member.name}</strong>
          <br />
          <span className="muted">{member.email}</span>
        </>
      ),
    },
    {
      header: t('members.roles'),
      render: (member) => format.list(member.roles.map((role) => t(`roles.${role}`))),
    },
    { header: t('members.status'), render: (member) => <StatusBadge status={member.status} /> },
    {
      header: t('members.twoFactor'),
      render: (member) => (member.twoFactorEnabled ? t('common.yes') : t('common.no')),
    },
    {
      header: t('members.lastSignIn'),
      render: (member) => (member.lastSignInAt ? format.dateTime(member.lastSignInAt) : t('members.never')),
    },
  ];
  if (canManage) {
    columns.push({
      header: t('common.actions'),
      render: (member) => <MemberActions member={member} act={act} />,
    });
  }

  return (
    <>
      <PageHeading>{t('members.title')}</PageHeading>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <FormError error={members.error ?? actionError} />
      {members.loading && !members.data && <p role="status">{t('app.loading')}</p>}
      {canApprove && pending.length > 0 && (
        <section className="panel" aria-labelledby="pending-members">
          <h2 id="pending-members">{t('members.pendingTitle')}</h2>
          <ul className="cards">
            {pending.map((member) => (
              <li key={member.userId}>
                <article className="card" aria-labelledby={`member-${member.userId}`}>
                  <h3 id={`member-${member.userId}`}>{member.name}</h3>
                  <p className="muted">{member.email}</p>
                  <p>
                    {t('members.requestedRoles', {
                      roles: format.list(member.roles.map((role) => t(`roles.${role}`))),
                    })}
                  </p>
                  {member.note && (
                    <blockquote>
                      <p>{member.note}</p>
                    </blockquote>
                  )}
                  <p className="muted">
                    {t('members.requestedOn', { date: format.dateTime(member.createdAt) })}
                  </p>
                  <div className="actions">
                    <button
                      type="button"
                      onClick={() =>
                        void act(
                          organisationApi.approveMember(member.userId),
                          t('members.approved', { name: member.name }),
                        )
                      }
                    >
                      {t('members.approve')}
                    </button>
                    <ConfirmButton
                      label={t('members.reject')}
                      question={t('members.rejectQuestion', { name: member.name })}
                      confirmLabel={t('members.reject')}
                      onConfirm={async () => {
                        await act(
                          organisationApi.rejectMember(member.userId),
                          t('members.rejected', { name: member.name }),
                        );
                      }}
                    />
                  </div>
                </article>
              </li>
            ))}
          </ul>
        </section>
      )}
      {members.data && (
        <DataTable
          caption={t('members.title')}
          columns={columns}
          rows={canApprove ? others : all}
          rowKey={(member) => member.userId}
          empty={t('members.empty')}
        />
      )}
    </>
  );
}

function MemberActions({
  member,
  act,
}: {
  member: Member;
  act: (change: Promise<Member>, message: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<Role[]>(member.roles);
  const kind = session.organisation?.kind;
  if (
    !kind ||
    member.userId === session.user?.id ||
    member.status === 'pending' ||
    member.status === 'rejected'
  ) {
    return null;
  }

  if (editing) {
    return (
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void act(
            organisationApi.updateMember(member.userId, { roles }),
            t('members.rolesSaved', { name: member.name }),
          ).then((saved) => saved && setEditing(false));
        }}
      >
        <CheckboxGroup
          legend={t('members.rolesOf', { name: member.name })}
          value={roles}
          onChange={setRoles}
          choices={rolesAllowedFor(kind).map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <div className="actions">
          <button type="submit" disabled={roles.length === 0}>
            {t('common.save')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="actions">
      <button
        type="button"
        className="button-secondary"
        aria-label={t('members.editRolesOf', { name: member.name })}
        onClick={() => {
          setRoles(member.roles);
          setEditing(true);
        }}
      >
        {t('members.editRoles')}
      </button>
      {member.status === 'active' ? (
        <ConfirmButton
          label={t('members.disable')}
          accessibleLabel={t('members.disableOf', { name: member.name })}
          question={t('members.disableQuestion', { name: member.name })}
          confirmLabel={t('members.disable')}
          onConfirm={async () => {
            await act(
              organisationApi.updateMember(member.userId, { status: 'disabled' }),
              t('members.disabled', { name: member.name }),
            );
          }}
        />
      ) : (
        <button
          type="button"
          className="button-secondary"
          aria-label={t('members.enableOf', { name: member.name })}
          onClick={() =>
            void act(
              organisationApi.updateMember(member.userId, { status: 'active' }),
              t('members.enabled', { name: member.name }),
            )
          }
        >
          {t('members.enable')}
        </button>
      )}
    </div>
  );
}
