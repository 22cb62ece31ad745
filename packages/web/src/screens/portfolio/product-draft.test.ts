import { gtinCheckDigit, productBody } from '@assay/core';
import { describe, expect, it } from 'vitest';
import {
  codeProblems,
  displayGtin,
  draftFromProduct,
  emptyProduct,
  formatHsCode,
  gtinProblem,
  hsCodeProblem,
  productInput,
  rowKey,
} from './product-draft';

const BRAND = '5c1a3a52-9a7e-4d0b-8f57-1f0e4b7c2d11';

describe('gtinProblem', () => {
  it('accepts a GTIN typed with spaces', () => {
    expect(gtinProblem('4 006381 333931')).toBeUndefined();
  });

  it('names the expected and the typed check digit', () => {
    expect(gtinProblem('4006381333934')).toEqual({
      key: 'gtin.bad_check_digit',
      values: { expected: 1, actual: '4' },
    });
  });

  it('counts the digits, not the separators, for a wrong length', () => {
    expect(gtinProblem('1234-5678-9')).toEqual({ key: 'gtin.bad_length', values: { count: 9 } });
  });

  it.each([
    ['', 'gtin.empty'],
    ['40063813339x1', 'gtin.not_digits'],
  ])('tells %j apart as %s', (input, key) => {
    expect(gtinProblem(input)?.key).toBe(key);
  });
});

describe('hsCodeProblem', () => {
  it.each(['3004.90', '6403 99 90', '8517620090'])('accepts %s', (input) => {
    expect(hsCodeProblem(input)).toBeUndefined();
  });

  it.each([
    ['', { key: 'hsCode.empty' }],
    ['3004-90', { key: 'hsCode.not_digits' }],
    ['3004', { key: 'hsCode.bad_length', values: { count: 4 } }],
    ['980010', { key: 'hsCode.bad_chapter', values: { chapter: '98' } }],
    ['770010', { key: 'hsCode.reserved_chapter' }],
    ['300090', { key: 'hsCode.bad_heading', values: { heading: '3000', first: '3001' } }],
  ])('explains %j', (input, problem) => {
    expect(hsCodeProblem(input)).toEqual(problem);
  });
});

describe('codeProblems', () => {
  it('locates each bad code at the path the schema uses, and a GTIN listed twice', () => {
    const draft = emptyProduct('en', BRAND);
    const gtin = `400638133393${gtinCheckDigit('400638133393')}`;
    draft.identifiers = [
      { key: rowKey(), gtin, level: 'item' },
      { key: rowKey(), gtin: `0${gtin}`, level: 'case' },
      { key: rowKey(), gtin: '123', level: 'case' },
    ];
    draft.hsCodes = [
      { key: rowKey(), code: '3004.90' },
      { key: rowKey(), code: '30' },
    ];
    expect(codeProblems(draft)).toEqual({
      'identifiers.1.gtin': { key: 'gtin.duplicate' },
      'identifiers.2.gtin': { key: 'gtin.bad_length', values: { count: 3 } },
      'hsCodes.1': { key: 'hsCode.bad_length', values: { count: 2 } },
    });
  });
});

describe('productInput', () => {
  it('gives a body the shared schema accepts, with decimal commas read and empty translations dropped', () => {
    const draft = emptyProduct('fr', BRAND);
    draft.reference = 'NVL-1';
    draft.name = { original: 'fr', texts: { fr: 'Norvalin 1 g', en: '  ' } };
    draft.category = 'analgesics';
    draft.identifiers = [{ key: rowKey(), gtin: '4006381333931', level: 'item' }];
    draft.priceMin = '3,50';
    draft.priceMax = '6.9';
    draft.currency = 'EUR';
    draft.guidePoints[0] = {
      ...draft.guidePoints[0]!,
      title: { original: 'fr', texts: { fr: 'Hologramme' } },
      body: { original: 'fr', texts: { fr: 'Vert puis bleu.' } },
    };
    const body = productBody.parse(productInput(draft));
    expect(body.name).toEqual({ original: 'fr', texts: { fr: 'Norvalin 1 g' } });
    expect(body.description).toBeUndefined();
    expect(body.price).toEqual({ min: 3.5, max: 6.9, currency: 'EUR' });
    expect(body.dimensionsMm).toBeUndefined();
    expect(body.identifiers).toEqual([{ gtin: '04006381333931', level: 'item' }]);
    expect(body.guidePoints[0]).toMatchObject({
      visibility: 'overt',
      genuineImageId: null,
      counterfeitImageId: null,
    });
  });

  it('keeps an empty original name so the schema says it is required there', () => {
    const result = productBody.safeParse(productInput(emptyProduct('en', BRAND)));
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('name.texts.en');
  });

  it('passes an unreadable number on as typed so the schema refuses it at its field', () => {
    const draft = emptyProduct('en', BRAND);
    draft.weight = 'heavy';
    const result = productBody.safeParse(productInput(draft));
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('weightG');
  });
});

describe('draftFromProduct', () => {
  it('keeps the images of the gallery and of the points, so saving does not drop them', () => {
    const image = '0b9f5c1e-1111-4c1d-9d2e-3f4a5b6c7d8e';
    const draft = draftFromProduct({
      id: '7e57c0de-0000-4000-8000-000000000001',
      brandId: BRAND,
      brandName: 'Norvalin',
      reference: 'NVL-1',
      name: { original: 'en', texts: { en: 'Norvalin' } },
      description: null,
      packaging: null,
      category: 'analgesics',
      hsCodes: ['30049000'],
      identifiers: [{ gtin: '04006381333931', level: 'item' }],
      countriesOfManufacture: ['NO'],
      dimensionsMm: null,
      weightG: 20,
      price: null,
      status: 'active',
      guidePoints: [
        {
          id: '7e57c0de-0000-4000-8000-000000000002',
          title: { original: 'en', texts: { en: 'Seal' } },
          body: { original: 'en', texts: { en: 'Raised.' } },
          visibility: 'covert',
          genuineImageId: image,
          counterfeitImageId: null,
        },
      ],
      indicators: [],
      images: [{ imageId: image, kind: 'packaging', width: 10, height: 10 }],
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(draft.hsCodes[0]?.code).toBe('3004.90.00');
    expect(draft.identifiers[0]?.gtin).toBe('4006381333931');
    expect(draft.weight).toBe('20');
    const input = productInput(draft);
    expect(input.images).toEqual([{ imageId: image, kind: 'packaging' }]);
    expect(input.guidePoints?.[0]).toMatchObject({ visibility: 'covert', genuineImageId: image });
  });
});

describe('displayGtin and formatHsCode', () => {
  it('shows a GTIN in the length printed under its barcode', () => {
    expect(displayGtin('00000096385074')).toBe('96385074');
    expect(displayGtin('04006381333931')).toBe('4006381333931');
    expect(displayGtin('10012345678902')).toBe('10012345678902');
  });

  it('groups HS digits as tariffs do', () => {
    expect(formatHsCode('640399')).toBe('6403.99');
    expect(formatHsCode('8517620090')).toBe('8517.62.00.90');
  });
});
