import type { Locale, OrganisationKind, Role } from '@assay/core';
import i18next from 'i18next';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

export const MAIL_RESOURCES = { en, fr, es } as const;

/** Each template with the values it needs; `link` is always absolute. */
export interface MailTemplates {
  invitation: { inviter: string; organisation: string; roles: Role[]; expires: Date; link: string };
  password_reset: { name: string; expires: Date; link: string };
  organisation_approved: { name: string; organisation: string; link: string };
  organisation_rejected: { name: string; organisation: string; note: string };
  membership_approved: { name: string; organisation: string; link: string };
  membership_rejected: { name: string; organisation: string };
  registration_received: { name: string; organisation: string; kind: OrganisationKind; link: string };
  join_request_received: {
    name: string;
    email: string;
    organisation: string;
    roles: Role[];
    note: string;
    link: string;
  };
  /** `country` and `expires` (a calendar day) come written in the recipient's language. */
  recordation_expiring: {
    name: string;
    organisation: string;
    reference: string;
    country: string;
    expires: string;
    link: string;
  };
  /** `alerts`: one entry per alert, already written in the recipient's language (see alerts/digest.ts). */
  alert_digest: { name: string; count: number; alerts: string; link: string };
  /** `verifications`: one line each, already written in the recipient's language (see authentication/alert-mail.ts). */
  suspicious_verifications: { name: string; count: number; verifications: string; link: string };
  /**
   * A case's events (see notifications/case-notices.ts): `country`, `deadline`, `answer`, `decision`
   * and `status` come written in the recipient's language; `organisation` answered or wrote.
   */
  case_opened: { name: string; reference: string; country: string; deadline: string; link: string };
  case_answered: { name: string; reference: string; organisation: string; answer: string; link: string };
  case_message: { name: string; reference: string; organisation: string; link: string };
  case_decided: { name: string; reference: string; decision: string; status: string; link: string };
  case_deadline_near: { name: string; reference: string; country: string; deadline: string; link: string };
  case_deadline_passed: { name: string; reference: string; deadline: string; link: string };
}
export type MailTemplate = keyof MailTemplates;

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(Object.entries(MAIL_RESOURCES).map(([lng, mail]) => [lng, { mail }])),
  defaultNS: 'mail',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

/** One phrase of the mail texts in a language, for values a template lists (e.g. severities). */
export function mailPhrase(locale: Locale, key: string): string {
  return i18n.getFixedT(locale)(key);
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Render a template in the recipient's language: subject, plain text and a simple HTML twin. */
export function renderMail<T extends MailTemplate>(
  template: T,
  locale: Locale,
  params: MailTemplates[T],
): RenderedMail {
  const t = i18n.getFixedT(locale);
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value instanceof Date) {
      // dateStyle/timeStyle cannot be combined with timeZoneName (TypeError): spell the parts out.
      values[key] = new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'UTC',
        timeZoneName: 'short',
      }).format(value);
    } else if (Array.isArray(value)) {
      values[key] = new Intl.ListFormat(locale).format(value.map((role) => t(`roles.${role}`)));
    } else if (key === 'kind') {
      values[key] = t(`kinds.${value}`);
    } else {
      values[key] = String(value);
    }
  }
  const greeting =
    'name' in params && template !== 'join_request_received' ? `${t('greeting', values)}\n\n` : '';
  const text = `${greeting}${t(`${template}.body`, values)}\n\n${t('ignore')}\n\n${t('signature')}\n`;
  return { subject: t(`${template}.subject`, values), text, html: textToHtml(text, locale) };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function textToHtml(text: string, locale: Locale): string {
  const paragraphs = escapeHtml(text)
    .split('\n\n')
    .map((block) => block.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>').replaceAll('\n', '<br>'));
  return `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
}
