import type { Locale, NotificationKind, NotificationView } from '@assay/core';
import type { TFunction } from 'i18next';

/** Translation key of each kind under `notifications.kinds` (keys may not hold dots). */
const KIND_KEYS: Record<NotificationKind, string> = {
  'case.opened': 'opened',
  'case.answered': 'answered',
  'case.message': 'message',
  'case.decided': 'decided',
  'case.deadline_near': 'deadlineNear',
  'case.deadline_passed': 'deadlinePassed',
};

/** A deadline on the case country's office clock, naming the zone: the reader may be elsewhere. */
export function officeTime(iso: string, timeZone: string | undefined, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: timeZone ?? 'UTC',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** The sentence a notification reads as, in the reader's language. */
export function notificationText(notification: NotificationView, t: TFunction, locale: Locale): string {
  const { params } = notification;
  return t(`notifications.kinds.${KIND_KEYS[notification.kind]}`, {
    reference: params.reference,
    country: params.countryCode
      ? (new Intl.DisplayNames([locale], { type: 'region' }).of(params.countryCode) ?? params.countryCode)
      : '',
    deadline: params.deadline ? officeTime(params.deadline, params.timeZone, locale) : '',
    organisation: params.organisationName ?? '',
    answer: params.answer ? t(`notifications.answers.${params.answer}`) : '',
    decision: params.decision ? t(`notifications.decisions.${params.decision}`) : '',
    status: params.status ? t(`notifications.statuses.${params.status}`) : '',
  });
}
