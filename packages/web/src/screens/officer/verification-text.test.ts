import { VERIFICATION_VERDICTS, type VerificationView } from '@assay/core';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import es from '../../locales/es.json';
import fr from '../../locales/fr.json';
import { hasSerial } from './use-verification';
import { type VerificationFormat, verificationText } from './verification-text';

const locales = { en, fr, es };

async function translator(language: keyof typeof locales) {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { [language]: { translation: locales[language] } },
    interpolation: { escapeValue: false },
    nsSeparator: false,
  });
  return instance.t;
}

function formatFor(locale: keyof typeof locales): VerificationFormat {
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    locale,
    country: (code) => (code ? (regions.of(code) ?? code) : ''),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    day: (date) => day.format(new Date(`${date}T00:00:00Z`)),
    list: (items) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items),
  };
}

// Dates and times come from Intl as in the app; the test checks where they go, not how ICU writes them.
const english = formatFor('en');

const RIGHTS_HOLDER = { id: '7f1c1d8e-2f4a-4a53-9a43-0a1b2c3d4e5f', name: 'Halvorsen Pharma' };
const BRAND = { id: '8f1c1d8e-2f4a-4a53-9a43-0a1b2c3d4e5f', name: 'Norvexa' };

function verification(change: Partial<VerificationView>): VerificationView {
  return {
    id: '9f1c1d8e-2f4a-4a53-9a43-0a1b2c3d4e5f',
    verifiedAt: '2026-11-23T10:15:00.000Z',
    country: 'FR',
    verdict: 'genuine',
    severity: 'ok',
    considerDetaining: false,
    findings: [{ verdict: 'genuine', severity: 'ok', considerDetaining: false, params: {} }],
    clone: [],
    gtin: '07038210001015',
    serial: 'SN0002',
    batch: 'B2026A',
    expiry: '2028-03-31',
    rightsHolder: RIGHTS_HOLDER,
    brand: BRAND,
    connectorKind: 'registry',
    handOffUrl: null,
    unavailableReason: null,
    ...change,
  };
}

describe('verification text', () => {
  it('names the printed and the registered batch, and advises detaining', async () => {
    const text = verificationText(
      await translator('en'),
      english,
      verification({
        verdict: 'batch_mismatch',
        severity: 'alert',
        considerDetaining: true,
        findings: [
          {
            verdict: 'batch_mismatch',
            severity: 'alert',
            considerDetaining: true,
            params: { scanned: 'B2025Z', registered: 'B2026A' },
          },
        ],
      }),
    );
    expect(text).toMatchObject({
      severity: 'alert',
      severityLabel: 'Alert',
      headline: 'Batch does not match',
      reasons: ['The printed batch B2025Z is not the registered batch B2026A.'],
      considerDetaining: 'Consider detaining the goods.',
      advice: [],
    });
    expect(text.source).toBe(
      `Serial SN0002 checked with Halvorsen Pharma (Norvexa) on ${english.dateTime('2026-11-23T10:15:00.000Z')}.`,
    );
  });

  it('gives the registered and printed expiry as dates in the reader’s language', async () => {
    const text = verificationText(
      await translator('fr'),
      formatFor('fr'),
      verification({
        verdict: 'expiry_mismatch',
        severity: 'alert',
        findings: [
          {
            verdict: 'expiry_mismatch',
            severity: 'alert',
            considerDetaining: true,
            params: { scanned: '2029-03-31', registered: '2028-03' },
          },
        ],
      }),
    );
    expect(text.reasons).toEqual([
      'La date de péremption imprimée (31 mars 2029) n’est pas la date enregistrée (mars 2028).',
    ]);
  });

  it('lists a possible clone’s earlier checks by country name and time, most serious finding first', async () => {
    const text = verificationText(
      await translator('en'),
      english,
      verification({
        verdict: 'stolen',
        severity: 'alert',
        considerDetaining: true,
        country: 'KE',
        findings: [
          { verdict: 'stolen', severity: 'alert', considerDetaining: true, params: {} },
          { verdict: 'possible_clone', severity: 'alert', considerDetaining: true, params: {} },
        ],
        clone: [
          {
            rule: 'other_country',
            params: { windowDays: 30, countries: 'DE, FR', country: 'KE' },
            earlierScans: [
              { country: 'FR', at: '2026-11-20T08:00:00.000Z' },
              { country: 'DE', at: '2026-11-02T17:30:00.000Z' },
            ],
          },
          {
            rule: 'burst',
            params: { verifications: 6, maxVerifications: 5, windowHours: 1 },
            earlierScans: [],
          },
        ],
      }),
    );
    expect(text.headline).toBe('Stolen pack');
    expect(text.reasons).toEqual([
      'This pack was reported stolen.',
      'The same serial was checked elsewhere in a way one genuine pack cannot explain: the code may have been copied.',
    ]);
    expect(text.clone).toEqual([
      {
        rule: 'other_country',
        text: 'Checked in Germany and France within 30 days of this check in Kenya.',
        earlierScans: [
          `France, ${english.dateTime('2026-11-20T08:00:00.000Z')}`,
          `Germany, ${english.dateTime('2026-11-02T17:30:00.000Z')}`,
        ],
      },
      {
        rule: 'burst',
        text: 'Checked 6 times within 1 hour (more than 5 is unusual).',
        earlierScans: [],
      },
    ]);
  });

  it('names the intended markets of a diverted pack and the country of the check', async () => {
    const text = verificationText(
      await translator('en'),
      english,
      verification({
        verdict: 'other_market',
        severity: 'warning',
        findings: [
          {
            verdict: 'other_market',
            severity: 'warning',
            considerDetaining: false,
            params: { country: 'FR', intendedMarkets: 'NO, SE' },
          },
        ],
      }),
    );
    expect(text.severityLabel).toBe('Look closer');
    expect(text.considerDetaining).toBeNull();
    expect(text.reasons).toEqual([
      'This pack is meant for Norway and Sweden, not France. Parallel trade can be lawful: check the import papers.',
    ]);
  });

  it('says why the brand’s service gave no answer and what to do instead', async () => {
    const text = verificationText(
      await translator('en'),
      english,
      verification({
        verdict: 'service_unavailable',
        severity: 'unknown',
        connectorKind: 'endpoint',
        unavailableReason: 'timeout',
        findings: [
          { verdict: 'service_unavailable', severity: 'unknown', considerDetaining: false, params: {} },
        ],
      }),
    );
    expect(text.severityLabel).toBe('Unconfirmed');
    expect(text.headline).toBe('The brand’s check did not answer');
    expect(text.reasons).toEqual([
      'The rights holder’s verification service gave no answer: it took too long.',
    ]);
    expect(text.advice).toEqual([
      'Examine the pack against the security features in the guide.',
      'Contact the rights holder through the contacts listed in Assay.',
      'Do not release the goods on the strength of the code alone.',
    ]);
  });

  it('hands the officer over to the brand’s own page, and notes a product nobody checks neutrally', async () => {
    const t = await translator('en');
    const handedOff = verificationText(
      t,
      english,
      verification({
        verdict: 'handed_off',
        severity: 'unknown',
        connectorKind: 'resolver',
        handOffUrl: 'https://id.norvexa.example/01/07038210001015/21/SN0002',
        findings: [{ verdict: 'handed_off', severity: 'unknown', considerDetaining: false, params: {} }],
      }),
    );
    expect(handedOff.reasons).toEqual(['Norvexa checks its codes on its own verification page.']);
    const unknown = verificationText(
      t,
      english,
      verification({
        id: null,
        verdict: 'unknown_product',
        severity: 'unknown',
        rightsHolder: null,
        brand: null,
        connectorKind: null,
        findings: [{ verdict: 'unknown_product', severity: 'unknown', considerDetaining: false, params: {} }],
      }),
    );
    expect(unknown).toMatchObject({
      headline: 'Serial not checked in Assay',
      reasons: ['No rights holder checks serial numbers of this product through Assay.'],
      considerDetaining: null,
      source: `Serial SN0002, ${english.dateTime('2026-11-23T10:15:00.000Z')}.`,
    });
  });

  it.each(['en', 'fr', 'es'] as const)(
    'has a headline and a reason for every verdict in %s',
    async (language) => {
      const t = await translator(language);
      for (const verdict of VERIFICATION_VERDICTS) {
        const text = verificationText(
          t,
          formatFor(language),
          verification({
            verdict,
            findings: [{ verdict, severity: 'unknown', considerDetaining: false, params: {} }],
          }),
        );
        for (const line of [
          text.headline,
          text.severityLabel,
          ...text.reasons,
          ...text.advice,
          text.source,
        ]) {
          expect(line).not.toMatch(/verification\.|\{\{/);
        }
      }
    },
  );
});

describe('which codes are verified', () => {
  it('verifies a code with a GTIN and a serial, in any form, and nothing else', () => {
    expect(hasSerial('(01)07038210001015(10)B2026A(21)SN0002')).toBe(true);
    expect(hasSerial('https://id.example.org/01/07038210001015/21/SN0002')).toBe(true);
    expect(hasSerial('010703821000101521SN0002')).toBe(true);
    expect(hasSerial('(01)07038210001015(10)B2026A')).toBe(false);
    expect(hasSerial('07038210001015')).toBe(false);
    expect(hasSerial('norvexa')).toBe(false);
    expect(hasSerial(null)).toBe(false);
  });
});
