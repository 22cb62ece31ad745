import { LOCALES, type Locale, missingTranslations, translationKeys } from '@assay/core';
import { describe, expect, it } from 'vitest';
import { MAIL_RESOURCES, type MailTemplate, type MailTemplates, renderMail } from './templates.js';

const EXPIRES = new Date('2026-11-30T09:05:00Z');

/** Plausible parameters for every template; `link` (when the template has one) is checked in the output. */
const SAMPLES: { [T in MailTemplate]: MailTemplates[T] } = {
  invitation: {
    inviter: 'Ada Lovelace',
    organisation: 'Maison Exemple',
    roles: ['admin', 'member'],
    expires: EXPIRES,
    link: 'https://assay.test/invitations/abc123',
  },
  password_reset: {
    name: 'Ada Lovelace',
    expires: EXPIRES,
    link: 'https://assay.test/reset-password?token=abc',
  },
  organisation_approved: {
    name: 'Ada Lovelace',
    organisation: 'Maison Exemple',
    link: 'https://assay.test/',
  },
  organisation_rejected: { name: 'Ada Lovelace', organisation: 'Maison Exemple', note: 'Unknown company' },
  membership_approved: { name: 'Ada Lovelace', organisation: 'Douane FR', link: 'https://assay.test/' },
  membership_rejected: { name: 'Ada Lovelace', organisation: 'Douane FR' },
  registration_received: {
    name: 'Olga Operator',
    organisation: 'Maison Exemple',
    kind: 'rights_holder',
    link: 'https://assay.test/operator/organisations',
  },
  join_request_received: {
    name: 'Officer Dupont',
    email: 'dupont@douane.example',
    organisation: 'Douane FR',
    roles: ['officer'],
    note: 'Port of Le Havre',
    link: 'https://assay.test/organisation/members',
  },
  recordation_expiring: {
    name: 'Ada Lovelace',
    organisation: 'Maison Exemple',
    reference: 'AFA-2026-0042',
    country: 'France',
    expires: 'December 20, 2026',
    link: 'https://assay.test/portfolio/recordations',
  },
  alert_digest: {
    name: 'Officer Dupont',
    count: 2,
    alerts:
      '• [High] Fake trainers via Jebel Ali — Douane FR\n  https://assay.test/alerts/5b1c3c53-6f0e-4c83-9d57-7d3b0c1f2a10',
    link: 'https://assay.test/alerts',
  },
  suspicious_verifications: {
    name: 'Ingrid Halvorsen',
    count: 1,
    verifications: '• Possible clone — KE, 23 November 2026 — GTIN 07038210001015, serial …0001',
    link: 'https://assay.test/authentication/verifications',
  },
  case_opened: {
    name: 'Ingrid Halvorsen',
    reference: 'FR-2026-000042',
    country: 'France',
    deadline: 'Monday, December 7, 2026 at 11:59 PM GMT+1',
    link: 'https://assay.test/cases/5b1c3c53-6f0e-4c83-9d57-7d3b0c1f2a10',
  },
  case_answered: {
    name: 'Officer Dupont',
    reference: 'FR-2026-000042',
    organisation: 'Halvorsen Pharma',
    answer: 'counterfeit',
    link: 'https://assay.test/cases/5b1c3c53-6f0e-4c83-9d57-7d3b0c1f2a10',
  },
  case_message: {
    name: 'Officer Dupont',
    reference: 'FR-2026-000042',
    organisation: 'Halvorsen Pharma',
    link: 'https://assay.test/cases/5b1c3c53-6f0e-4c83-9d57-7d3b0c1f2a10',
  },
  case_decided: {
    name: 'Ingrid Halvorsen',
    reference: 'FR-2026-000042',
    decision: 'goods detained',
    status: 'goods detained',
    link: 'https://assay.test/cases/5b1c3c53-6f0e-4c83-9d57-7d3b0c1f2a10',
  },
  case_deadline_near: {
    name: 'Ingrid Halvorsen',
    reference: 'FR-2026-000042',
    country: 'France',
    deadline: 'Monday, December 7, 2026 at 11:59 PM GMT+1',
    link: 'https://assay.test/cases/5b1c3c53-6f0e-4c83-9d57-7d3b0c1f2a10',
  },
  case_deadline_passed: {
    name: 'Officer Dupont',
    reference: 'FR-2026-000042',
    deadline: 'Monday, December 7, 2026 at 11:59 PM GMT+1',
    link: 'https://assay.test/cases/5b1c3c53-6f0e-4c83-9d57-7d3b0c1f2a10',
  },
};
const TEMPLATES = Object.keys(SAMPLES) as MailTemplate[];

const cases = TEMPLATES.flatMap((template) => LOCALES.map((locale) => ({ template, locale })));

describe('every template in every language', () => {
  it.each(cases)(
    '$template renders in $locale with a subject, its values and its link',
    ({ template, locale }) => {
      const params = SAMPLES[template];
      const mail = renderMail(template, locale, params);
      expect(mail.subject.trim()).not.toBe('');
      expect(mail.subject).not.toContain('\n');
      for (const output of [mail.subject, mail.text]) {
        expect(output).not.toMatch(/\{\{|\}\}/); // no placeholder left unfilled
        expect(output).not.toMatch(/\b(mail|roles|kinds)\.[a-z_]+\b/); // no raw translation key
      }
      if ('link' in params) {
        expect(mail.text).toContain(params.link);
        expect(mail.html).toContain(`<a href="${params.link}">`);
      }
      if ('organisation' in params) expect(mail.subject + mail.text).toContain(params.organisation);
      expect(mail.html).toMatch(new RegExp(`^<!doctype html><html lang="${locale}">`));
    },
  );

  it('greets the recipient by name, except in a join request where the name is the applicant', () => {
    expect(renderMail('password_reset', 'en', SAMPLES.password_reset).text).toMatch(/^Hello Ada Lovelace,\n/);
    expect(renderMail('password_reset', 'fr', SAMPLES.password_reset).text).toMatch(
      /^Bonjour Ada Lovelace,\n/,
    );
    expect(renderMail('join_request_received', 'en', SAMPLES.join_request_received).text).not.toMatch(
      /^Hello/,
    );
  });

  it('names roles and organisation kinds in the reader language, not as codes', () => {
    const invitation = renderMail('invitation', 'fr', SAMPLES.invitation);
    expect(invitation.text).toContain('en tant que administrateur de l’organisation et membre');
    const registration = renderMail('registration_received', 'en', SAMPLES.registration_received);
    expect(registration.text).toContain('rights holder');
    expect(registration.text).not.toContain('rights_holder');
  });
});

describe('translations', () => {
  const others = LOCALES.filter((locale) => locale !== 'en');

  it.each(others)('%s has exactly the same keys as English', (locale) => {
    expect(missingTranslations(MAIL_RESOURCES.en, MAIL_RESOURCES[locale])).toEqual([]);
    expect(missingTranslations(MAIL_RESOURCES[locale], MAIL_RESOURCES.en)).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty text', (locale) => {
    const resource = MAIL_RESOURCES[locale] as Record<string, unknown>;
    const empty = translationKeys(MAIL_RESOURCES[locale]).filter((key) => {
      const value = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  it.each(others)('%s uses the same placeholders as English in every text', (locale) => {
    const placeholders = (resource: object, key: string) => {
      const value = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource);
      return [...String(value).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    };
    for (const key of translationKeys(MAIL_RESOURCES.en)) {
      expect(placeholders(MAIL_RESOURCES[locale], key), key).toEqual(placeholders(MAIL_RESOURCES.en, key));
    }
  });

  it.each(TEMPLATES)('%s reads differently in French, Spanish and English', (template) => {
    const [en, fr, es] = (['en', 'fr', 'es'] as Locale[]).map((locale) =>
      renderMail(template, locale, SAMPLES[template]),
    );
    expect(fr!.subject).not.toBe(en!.subject);
    expect(fr!.text).not.toBe(en!.text);
    expect(es!.subject).not.toBe(en!.subject);
    expect(es!.text).not.toBe(fr!.text);
  });
});

describe('values from users', () => {
  const hostile = '<script>alert("x")</script> & Co';

  it('are escaped in the HTML body', () => {
    const mail = renderMail('join_request_received', 'en', {
      ...SAMPLES.join_request_received,
      name: hostile,
      note: '<img src=x onerror=alert(1)>',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&#60;script&#62;');
    expect(mail.html).toContain('&#38; Co');
  });

  it('are kept as written in the plain text and the subject', () => {
    const mail = renderMail('organisation_rejected', 'en', {
      ...SAMPLES.organisation_rejected,
      organisation: hostile,
    });
    expect(mail.subject).toContain(hostile);
    expect(mail.text).toContain(hostile);
  });

  it('are not interpreted as placeholders or nested translations', () => {
    const mail = renderMail('password_reset', 'en', {
      ...SAMPLES.password_reset,
      name: '{{link}} $t(signature)',
    });
    expect(mail.text).toMatch(/^Hello \{\{link\}\} \$t\(signature\),/);
  });
});

describe('dates', () => {
  it.each([
    ['en', 'November 30, 2026'],
    ['fr', '30 novembre 2026'],
    ['es', '30 de noviembre de 2026'],
  ] as const)('are written the %s way, with the time in UTC', (locale, date) => {
    const mail = renderMail('invitation', locale, SAMPLES.invitation);
    expect(mail.text).toContain(date);
    expect(mail.text).toMatch(/9:05|09:05/);
    expect(mail.text).toContain('UTC');
    expect(renderMail('password_reset', locale, SAMPLES.password_reset).text).toContain(date);
  });
});
