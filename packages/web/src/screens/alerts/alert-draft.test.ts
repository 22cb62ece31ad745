import { type AlertView, alertBody } from '@assay/core';
import { describe, expect, it } from 'vitest';
import { alertInputFromDraft, countryCodesIn, draftFromAlert, emptyAlertDraft } from './alert-draft';

const stored: AlertView = {
  id: '5b1c3c53-6f0e-4c83-9d57-7d3b0c1f2a10',
  status: 'published',
  severity: 'high',
  owner: { id: '0f8e0f5c-3a1d-4b7e-8f43-2f4b8d1a9c55', name: 'Velotrax Sports', kind: 'rights_holder' },
  title: { original: 'fr', texts: { fr: 'Fausses baskets', en: 'Fake trainers' } },
  text: { original: 'fr', texts: { fr: 'Conteneurs déclarés comme chaussures.' } },
  brands: [{ id: '7d0e1b52-2f4c-4f53-9a0f-1d6c3b2a4e11', name: 'Velotrax' }],
  products: [],
  indicators: {
    exporterNames: ['Brightway Trading Co.'],
    importerNames: [],
    routes: [{ origin: 'CN', transit: ['AE', 'SG'], destination: 'FR' }],
    ports: ['AEJEA'],
    descriptions: ['sport shoes'],
    hsCodes: ['640411'],
  },
  targetCountries: ['FR', 'KE'],
  targetPorts: [],
  transportModes: ['SEA'],
  validFrom: '2026-11-01',
  validTo: null,
  publishedAt: '2026-11-23T09:00:00.000Z',
  withdrawnAt: null,
  updatedAt: '2026-11-23T09:00:00.000Z',
  acknowledgements: { organisations: 0, countries: 0, countryCodes: [] },
};

describe('alert drafts', () => {
  it('give back the stored alert unchanged when nothing was edited', () => {
    const input = alertInputFromDraft(draftFromAlert(stored));
    expect(alertBody.parse(input)).toMatchObject({
      rightsHolderId: stored.owner.id,
      title: stored.title,
      indicators: stored.indicators,
      targetCountries: ['FR', 'KE'],
      validTo: null,
    });
  });

  it('read transit countries typed in any case and separator', () => {
    expect(countryCodesIn(' ae, sg;hk  de ')).toEqual(['AE', 'SG', 'HK', 'DE']);
    expect(countryCodesIn('')).toEqual([]);
  });

  it('leave an empty form refused by the shared schema at the title and text', () => {
    const input = alertInputFromDraft(emptyAlertDraft('en', '2026-11-23'));
    const paths = alertBody.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['title.texts.en', 'text.texts.en']);
  });

  it('send no rights holder for an enforcement publisher and an open end as null', () => {
    const draft = {
      ...draftFromAlert({ ...stored, owner: { ...stored.owner, kind: 'customs' } }),
      validTo: '',
    };
    const input = alertInputFromDraft(draft);
    expect(input).not.toHaveProperty('rightsHolderId');
    expect(input.validTo).toBeNull();
  });
});
