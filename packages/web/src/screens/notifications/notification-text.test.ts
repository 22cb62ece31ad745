import { NOTIFICATION_KINDS, type NotificationView } from '@assay/core';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import es from '../../locales/es.json';
import fr from '../../locales/fr.json';
import { notificationText } from './notification-text';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, fr: { translation: fr }, es: { translation: es } },
  lng: 'en',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

const notification = (kind: NotificationView['kind']): NotificationView => ({
  id: '5b1c3c53-6f0e-4c83-9d57-7d3b0c1f2a10',
  kind,
  caseId: '7d3b0c1f-6f0e-4c83-9d57-5b1c3c532a10',
  params: {
    reference: 'FR-2026-000042',
    countryCode: 'FR',
    deadline: '2026-12-07T22:59:59.999Z',
    timeZone: 'Europe/Paris',
    answer: 'counterfeit',
    decision: 'detain',
    status: 'detained',
    organisationName: 'Norvale Pharma',
  },
  readAt: null,
  createdAt: '2026-11-23T09:00:00.000Z',
});

describe.each(['en', 'fr', 'es'] as const)('notifications in %s', (locale) => {
  const t = i18n.getFixedT(locale);

  it.each(NOTIFICATION_KINDS)('%s reads as a sentence naming the case, with no code or key left', (kind) => {
    const text = notificationText(notification(kind), t, locale);
    expect(text).toContain('FR-2026-000042');
    expect(text).not.toMatch(/\{\{|notifications\.|counterfeit_|_answer|case\./);
  });
});

it("writes the deadline on the case country's office clock and the answer in the reader's language", () => {
  const opened = notificationText(notification('case.opened'), i18n.getFixedT('fr'), 'fr');
  expect(opened).toContain('France');
  expect(opened).toMatch(/lun\. 7 décembre.*23:59/);
  const answered = notificationText(notification('case.answered'), i18n.getFixedT('es'), 'es');
  expect(answered).toBe('Expediente FR-2026-000042: Norvale Pharma ha respondido «falsificación»');
});
