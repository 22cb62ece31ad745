import { representationBody } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Representation, representationsApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { ConfirmButton } from '../../components/confirm-button';
import { type Column, DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useFormat } from '../../i18n/format';
import { useSession } from '../../session/session-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The legal representative firms the rights holder appointed to manage its portfolio. Members see
 * them; admins appoint and revoke.
 */
export function Representatives() {
  const { t } = useTranslation();
  const format = useFormat();
  const { session } = useSession();
  const rightsHolderId = session.organisation?.id ?? '';
  const isAdmin = session.roles.includes('admin');
  const representations = useResource(() => representationsApi.list(rightsHolderId), [rightsHolderId]);
  const [firmId, setFirmId] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const form = useForm({ serverProblems: { legalRepresentativeId: 'representatives.notAFirm' } });

  const submit = form.onSubmit(async () => {
    const id = firmId.trim();
    const body = form.check(
      representationBody,
      { legalRepresentativeId: id },
      id && !UUID.test(id) ? { legalRepresentativeId: { key: 'representatives.badIdentifier' } } : {},
    );
    const appointed = await representationsApi.appoint(rightsHolderId, body.legalRepresentativeId);
    representations.update((current) => ({ representations: [...current.representations, appointed] }));
    setFirmId('');
    setAnnouncement(t('representatives.appointed', { name: appointed.legalRepresentative.name }));
  });

  const columns: Column<Representation>[] = [
    { header: t('representatives.firm'), render: (row) => <strong>{row.legalRepresentative.name}</strong> },
    {
      header: t('fields.country'),
      render: (row) => format.country(row.legalRepresentative.countryCode) || '—',
    },
    { header: t('representatives.since'), render: (row) => format.date(row.createdAt) },
  ];
  if (isAdmin) {
    columns.push({
      header: t('common.actions'),
      render: (row) => (
        <ConfirmButton
          label={t('representatives.revoke')}
          accessibleLabel={t('representatives.revokeNamed', { name: row.legalRepresentative.name })}
          question={t('representatives.revokeQuestion', { name: row.legalRepresentative.name })}
          confirmLabel={t('representatives.revoke')}
          onConfirm={async () => {
            setRevokeError(null);
            try {
              await representationsApi.revoke(rightsHolderId, row.legalRepresentative.id);
              representations.update((current) => ({
                representations: current.representations.filter(
                  (item) => item.legalRepresentative.id !== row.legalRepresentative.id,
                ),
              }));
              setAnnouncement(t('representatives.revoked', { name: row.legalRepresentative.name }));
            } catch (error) {
              setRevokeError(error);
            }
          }}
        />
      ),
    });
  }

  return (
    <>
      <PageHeading>{t('representatives.title')}</PageHeading>
      <p className="lead">{t('representatives.intro')}</p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <FormError error={representations.error ?? revokeError} />
      {representations.loading && !representations.data && <p role="status">{t('app.loading')}</p>}
      {representations.data && (
        <DataTable
          caption={t('representatives.title')}
          columns={columns}
          rows={representations.data.representations}
          rowKey={(row) => row.legalRepresentative.id}
          empty={t('representatives.empty')}
        />
      )}
      {isAdmin && (
        <section className="panel" aria-labelledby="appoint-firm">
          <h2 id="appoint-firm">{t('representatives.appointTitle')}</h2>
          <p>{t('representatives.appointIntro')}</p>
          <form ref={form.formRef} onSubmit={submit} noValidate>
            <FormError error={form.error} messages={{ conflict: t('representatives.already') }} />
            <Field
              label={t('representatives.identifier')}
              hint={t('representatives.identifierHint')}
              className="mono"
              spellCheck={false}
              autoComplete="off"
              maxLength={40}
              value={firmId}
              onChange={(event) => setFirmId(event.target.value)}
              error={form.fieldError('legalRepresentativeId')}
            />
            <SubmitButton busy={form.busy}>{t('representatives.appoint')}</SubmitButton>
          </form>
        </section>
      )}
    </>
  );
}
