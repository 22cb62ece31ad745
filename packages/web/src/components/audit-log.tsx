import type { AuditEventView } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditPage } from '../api/endpoints';
import { useResource } from '../api/use-resource';
import { useFormat } from '../i18n/format';
import { type Column, DataTable } from './data-table';
import { FormError } from './form-error';

/** Events carry the name or address they concern in their details; the id is the fallback. */
function targetLabel(event: AuditEventView): string {
  const { email, name } = event.details;
  if (typeof name === 'string') return name;
  if (typeof email === 'string') return email;
  return event.targetId?.slice(0, 8) ?? '';
}

interface AuditLogProps {
  caption: string;
  /** Fetches the page of events older than `before` (the newest page when undefined). */
  load: (before: number | undefined) => Promise<AuditPage>;
}

/** Audit events, newest first, with "load older" paging. Give it a new `key` when its filter changes. */
export function AuditLog({ caption, load }: AuditLogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // Loads once: a new filter remounts the log (see `key` at the call sites).
  const first = useResource(() => load(undefined), []);
  const [older, setOlder] = useState<{ events: AuditEventView[]; nextBefore: number | null } | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<unknown>(null);

  const events = [...(first.data?.events ?? []), ...(older?.events ?? [])];
  const nextBefore = older ? older.nextBefore : (first.data?.nextBefore ?? null);

  const loadOlder = async () => {
    if (nextBefore === null) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await load(nextBefore);
      setOlder({ events: [...(older?.events ?? []), ...page.events], nextBefore: page.nextBefore });
    } catch (error) {
      setOlderError(error);
    } finally {
      setLoadingOlder(false);
    }
  };

  const columns: Column<AuditEventView>[] = [
    {
      header: t('audit.time'),
      render: (event) => <time dateTime={event.at}>{format.dateTime(event.at)}</time>,
    },
    { header: t('audit.actor'), render: (event) => event.actorName ?? t('audit.system') },
    {
      header: t('audit.action'),
      render: (event) => t(`auditActions.${event.action}`, { defaultValue: event.action }),
    },
    {
      header: t('audit.target'),
      render: (event) =>
        event.targetType
          ? `${t(`auditTargets.${event.targetType}`, { defaultValue: event.targetType })} ${targetLabel(event)}`
          : '',
    },
    { header: t('audit.ip'), render: (event) => event.ip ?? '' },
  ];

  return (
    <>
      <FormError error={first.error} />
      {first.loading && <p role="status">{t('app.loading')}</p>}
      {first.data && (
        <DataTable
          caption={caption}
          columns={columns}
          rows={events}
          rowKey={(event) => event.id}
          empty={t('audit.empty')}
        />
      )}
      <FormError error={olderError} />
      {first.data && nextBefore !== null && (
        <button
          type="button"
          className="button-secondary"
          disabled={loadingOlder}
          onClick={() => void loadOlder()}
        >
          {t('audit.loadOlder')}
        </button>
      )}
    </>
  );
}
