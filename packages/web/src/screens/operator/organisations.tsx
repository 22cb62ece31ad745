import { ORGANISATION_STATUSES, type OrganisationStatus, type OrganisationView } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { operatorApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { ConfirmButton } from '../../components/confirm-button';
import { TextAreaField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { StatusBadge } from '../../components/status-badge';
import { useFormat } from '../../i18n/format';

function statusFrom(value: string | null): OrganisationStatus {
  return (ORGANISATION_STATUSES as readonly string[]).includes(value ?? '')
    ? (value as OrganisationStatus)
    : 'pending';
}

/** The operator reviews registrations; the other statuses list every organisation on the platform. */
export function OperatorOrganisations() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const status = statusFrom(params.get('status'));
  const organisations = useResource(() => operatorApi.organisations(status), [status]);
  const [announcement, setAnnouncement] = useState('');

  const decided = (organisation: OrganisationView, message: string) => {
    organisations.update((current) => ({
      organisations: current.organisations.filter((item) => item.id !== organisation.id),
    }));
    setAnnouncement(message);
  };

  return (
    <>
      <PageHeading>{t('operator.organisations.title')}</PageHeading>
      <nav aria-label={t('operator.organisations.byStatus')} className="tabs">
        <ul>
          {ORGANISATION_STATUSES.map((value) => (
            <li key={value}>
              <Link to={`?status=${value}`} aria-current={value === status ? 'page' : undefined}>
                {t(`operator.organisations.tab.${value}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <FormError error={organisations.error} />
      {organisations.loading && <p role="status">{t('app.loading')}</p>}
      {organisations.data && organisations.data.organisations.length === 0 && (
        <p className="empty">{t(`operator.organisations.empty.${status}`)}</p>
      )}
      <ul className="cards">
        {organisations.data?.organisations.map((organisation) => (
          <li key={organisation.id}>
            <OrganisationCard organisation={organisation} onDecided={decided} />
          </li>
        ))}
      </ul>
    </>
  );
}

function OrganisationCard({
  organisation,
  onDecided,
}: {
  organisation: OrganisationView;
  onDecided: (organisation: OrganisationView, message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const headingId = `organisation-${organisation.id}`;

  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      const body = note.trim() ? { note: note.trim() } : {};
      const result =
        decision === 'approve'
          ? await operatorApi.approveOrganisation(organisation.id, body)
          : await operatorApi.rejectOrganisation(organisation.id, body);
      const message =
        decision === 'approve' ? 'operator.organisations.approved' : 'operator.organisations.rejected';
      onDecided(result, t(message, { name: result.name }));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{organisation.name}</h2>
      <dl className="facts">
        <dt>{t('home.kind')}</dt>
        <dd>{t(`kinds.${organisation.kind}`)}</dd>
        {organisation.countryCode && (
          <>
            <dt>{t('fields.country')}</dt>
            <dd>{format.country(organisation.countryCode)}</dd>
          </>
        )}
        {organisation.website && (
          <>
            <dt>{t('register.website')}</dt>
            <dd>
              <a href={organisation.website} target="_blank" rel="noreferrer noopener">
                {organisation.website}
              </a>
            </dd>
          </>
        )}
        {organisation.adminEmail && (
          <>
            <dt>{t('operator.organisations.adminEmail')}</dt>
            <dd>{organisation.adminEmail}</dd>
          </>
        )}
        <dt>{t('members.status')}</dt>
        <dd>
          <StatusBadge status={organisation.status} />
        </dd>
        <dt>{t('operator.organisations.registered')}</dt>
        <dd>{format.dateTime(organisation.createdAt)}</dd>
        <dt>{t('operator.organisations.members')}</dt>
        <dd>{format.number(organisation.memberCount)}</dd>
        {organisation.decidedAt && (
          <>
            <dt>{t('operator.organisations.decided')}</dt>
            <dd>{format.dateTime(organisation.decidedAt)}</dd>
          </>
        )}
        {organisation.decisionNote && (
          <>
            <dt>{t('operator.organisations.note')}</dt>
            <dd>{organisation.decisionNote}</dd>
          </>
        )}
      </dl>
      <p>
        <Link to={`/operator/audit?organisationId=${organisation.id}`}>
          {t('operator.organisations.viewAudit')}
        </Link>
      </p>
      {organisation.status === 'pending' && (
        <div className="decision">
          <FormError error={error} />
          <TextAreaField
            label={t('operator.organisations.note')}
            hint={t('operator.organisations.noteHint')}
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void decide('approve')}>
              {t('operator.organisations.approve')}
            </button>
            <ConfirmButton
              label={t('operator.organisations.reject')}
              question={t('operator.organisations.rejectQuestion', { name: organisation.name })}
              confirmLabel={t('operator.organisations.reject')}
              onConfirm={() => decide('reject')}
            />
          </div>
        </div>
      )}
    </article>
  );
}
