import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/endpoints';
import { useFormat } from '../../i18n/format';

/** What happened to the case, oldest first: who did what, when, and the status it led to. */
export function Trail({ events }: { events: CaseDetail['events'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail = (details: Record<string, unknown>) => {
    const parts: string[] = [];
    if (typeof details.answer === 'string') parts.push(t(`cases.answers.${details.answer}`));
    if (details.consentsToDestruction === true) parts.push(t('cases.trail.consents'));
    if (typeof details.handedOverTo === 'string')
      parts.push(
        t('cases.trail.handedOverTo', { to: t(`cases.decisions.authorities.${details.handedOverTo}`) }),
      );
    if (details.deemedConsent === true) parts.push(t('cases.trail.deemedConsent'));
    if (details.late === true) parts.push(t('cases.trail.late'));
    if (typeof details.note === 'string') parts.push(details.note);
    return parts.join(' · ');
  };
  return (
    <section aria-labelledby="trail-title" className="panel">
      <h2 id="trail-title">{t('cases.trail.title')}</h2>
      {events.length === 0 ? (
        <p className="empty">{t('cases.trail.empty')}</p>
      ) : (
        <ol className="plain-list case-trail">
          {events.map((event, index) => (
            // Events are listed in order and never change.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <li key={index}>
              <time dateTime={event.createdAt} className="muted">
                {format.dateTime(event.createdAt)}
              </time>{' '}
              <strong>{t(`cases.events.${event.event}`, { defaultValue: event.event })}</strong>
              {event.organisationName && <> — {event.organisationName}</>}
              <span className="muted">
                {' '}
                {event.fromStatus && event.fromStatus !== event.toStatus
                  ? t('cases.trail.statusChange', {
                      from: t(`cases.status.${event.fromStatus}`),
                      to: t(`cases.status.${event.toStatus}`),
                    })
                  : t('cases.trail.status', { status: t(`cases.status.${event.toStatus}`) })}
              </span>
              {detail(event.details) && <p className="trail-detail">{detail(event.details)}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
