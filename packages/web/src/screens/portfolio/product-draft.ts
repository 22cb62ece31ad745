import {
  type IDENTIFIER_LEVELS,
  type IMAGE_KINDS,
  type INDICATOR_KINDS,
  type PRODUCT_STATUSES,
  type ProductView,
  parseGtin,
  parseHsCode,
} from '@assay/core';
import type { ProductInput } from '../../api/endpoints';
import { emptyLocalised, type LocalisedDraft, localisedForApi } from '../../components/localised-text';
import type { Problem, Problems } from '../../components/use-form';

export type IdentifierLevel = (typeof IDENTIFIER_LEVELS)[number];
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export type Visibility = 'overt' | 'covert';
export type ImageKind = (typeof IMAGE_KINDS)[number];

let lastKey = 0;
/** A key for a row the person adds, stable while rows are added, moved and removed. */
export function rowKey(): string {
  lastKey += 1;
  return `row-${lastKey}`;
}

export interface GuidePointDraft {
  key: string;
  title: LocalisedDraft;
  body: LocalisedDraft;
  visibility: Visibility;
  genuineImageId: string | null;
  counterfeitImageId: string | null;
}

export interface IndicatorDraft {
  key: string;
  kind: IndicatorKind;
  text: LocalisedDraft;
}

/** A product as the form holds it: numbers as typed, rows with keys, texts per language. */
export interface ProductDraft {
  brandId: string;
  reference: string;
  name: LocalisedDraft;
  description: LocalisedDraft;
  packaging: LocalisedDraft;
  category: string;
  status: ProductStatus;
  hsCodes: { key: string; code: string }[];
  identifiers: { key: string; gtin: string; level: IdentifierLevel }[];
  countriesOfManufacture: string[];
  length: string;
  width: string;
  height: string;
  weight: string;
  priceMin: string;
  priceMax: string;
  currency: string;
  guidePoints: GuidePointDraft[];
  indicators: IndicatorDraft[];
  /** The gallery, in order. */
  images: { imageId: string; kind: ImageKind }[];
}

export function newGuidePoint(language: string): GuidePointDraft {
  return {
    key: rowKey(),
    title: emptyLocalised(language),
    body: emptyLocalised(language),
    visibility: 'overt',
    genuineImageId: null,
    counterfeitImageId: null,
  };
}

export function newIndicator(language: string): IndicatorDraft {
  return { key: rowKey(), kind: 'defect', text: emptyLocalised(language) };
}

/** A new product written in `language`, with one GTIN row and one guide point to fill in. */
export function emptyProduct(language: string, brandId = ''): ProductDraft {
  return {
    brandId,
    reference: '',
    name: emptyLocalised(language),
    description: emptyLocalised(language),
    packaging: emptyLocalised(language),
    category: '',
    status: 'active',
    hsCodes: [],
    identifiers: [{ key: rowKey(), gtin: '', level: 'item' }],
    countriesOfManufacture: [],
    length: '',
    width: '',
    height: '',
    weight: '',
    priceMin: '',
    priceMax: '',
    currency: '',
    guidePoints: [newGuidePoint(language)],
    indicators: [],
    images: [],
  };
}

const editable = (text: { original: string; texts: Record<string, string> } | null, language: string) =>
  text ? { original: text.original, texts: { ...text.texts } } : emptyLocalised(language);

/** A saved product in the form's shape; missing optional texts start in the product's own language. */
export function draftFromProduct(product: ProductView): ProductDraft {
  const language = product.name.original;
  const typed = (value: number | undefined | null) =>
    value === undefined || value === null ? '' : String(value);
  return {
    brandId: product.brandId,
    reference: product.reference,
    name: editable(product.name, language),
    description: editable(product.description, language),
    packaging: editable(product.packaging, language),
    category: product.category,
    status: product.status,
    hsCodes: product.hsCodes.map((code) => ({ key: rowKey(), code: formatHsCode(code) })),
    identifiers: product.identifiers.map((identifier) => ({
      key: rowKey(),
      gtin: displayGtin(identifier.gtin),
      level: identifier.level,
    })),
    countriesOfManufacture: [...product.countriesOfManufacture],
    length: typed(product.dimensionsMm?.length),
    width: typed(product.dimensionsMm?.width),
    height: typed(product.dimensionsMm?.height),
    weight: typed(product.weightG),
    priceMin: typed(product.price?.min),
    priceMax: typed(product.price?.max),
    currency: product.price?.currency ?? '',
    guidePoints: product.guidePoints.map((point) => ({
      key: rowKey(),
      title: editable(point.title, language),
      body: editable(point.body, language),
      visibility: point.visibility,
      genuineImageId: point.genuineImageId,
      counterfeitImageId: point.counterfeitImageId,
    })),
    images: product.images.map((image) => ({ imageId: image.imageId, kind: image.kind })),
    indicators: product.indicators.map((indicator) => ({
      key: rowKey(),
      kind: indicator.kind,
      text: editable(indicator.text, language),
    })),
  };
}

/**
 * A number as typed: empty is no number; a decimal comma is read as a point ("3,50"). Anything else
 * unreadable is passed on as typed so the schema refuses it at its field.
 */
function numberOrTyped(typed: string): number | string | undefined {
  const trimmed = typed.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : trimmed;
}

/** The request body for the form's content (the schema then decides whether it is acceptable). */
export function productInput(draft: ProductDraft): ProductInput {
  const dimensions = [draft.length, draft.width, draft.height];
  const price = [draft.priceMin, draft.priceMax, draft.currency];
  return {
    brandId: draft.brandId,
    reference: draft.reference,
    name: localisedForApi(draft.name, true),
    description: localisedForApi(draft.description, false),
    packaging: localisedForApi(draft.packaging, false),
    category: draft.category,
    hsCodes: draft.hsCodes.map((row) => row.code),
    identifiers: draft.identifiers.map((row) => ({ gtin: row.gtin, level: row.level })),
    countriesOfManufacture: draft.countriesOfManufacture,
    dimensionsMm: dimensions.every((value) => value.trim() === '')
      ? undefined
      : ({
          length: numberOrTyped(draft.length),
          width: numberOrTyped(draft.width),
          height: numberOrTyped(draft.height),
        } as ProductInput['dimensionsMm']),
    weightG: numberOrTyped(draft.weight) as number | undefined,
    price: price.every((value) => value.trim() === '')
      ? undefined
      : ({
          min: numberOrTyped(draft.priceMin),
          max: numberOrTyped(draft.priceMax),
          currency: draft.currency,
        } as ProductInput['price']),
    status: draft.status,
    guidePoints: draft.guidePoints.map((point) => ({
      title: localisedForApi(point.title, true),
      body: localisedForApi(point.body, true),
      visibility: point.visibility,
      genuineImageId: point.genuineImageId,
      counterfeitImageId: point.counterfeitImageId,
    })),
    images: draft.images,
    indicators: draft.indicators.map((indicator) => ({
      kind: indicator.kind,
      text: localisedForApi(indicator.text, true),
    })),
  };
}

/** Why a typed GTIN is refused, as a translatable problem; undefined when it is a GTIN. */
export function gtinProblem(input: string): Problem | undefined {
  const result = parseGtin(input);
  if (result.ok) return undefined;
  const digits = input.replace(/[\s-]/g, '');
  switch (result.reason) {
    case 'empty':
      return { key: 'gtin.empty' };
    case 'not_digits':
      return { key: 'gtin.not_digits' };
    case 'bad_length':
      return { key: 'gtin.bad_length', values: { count: digits.length } };
    case 'bad_check_digit':
      return {
        key: 'gtin.bad_check_digit',
        values: { expected: result.expectedCheckDigit, actual: digits.slice(-1) },
      };
  }
}

/**
 * Why a typed HS code is refused, as a translatable problem. `parseHsCode` decides; its English
 * message names no reason, so the rule that failed is told apart here from the digits.
 */
export function hsCodeProblem(input: string): Problem | undefined {
  if (parseHsCode(input).ok) return undefined;
  const code = input.trim().replace(/[.\s]/g, '');
  if (code === '') return { key: 'hsCode.empty' };
  if (!/^\d+$/.test(code)) return { key: 'hsCode.not_digits' };
  if (code.length < 6 || code.length > 10)
    return { key: 'hsCode.bad_length', values: { count: code.length } };
  const chapter = code.slice(0, 2);
  if (chapter === '77') return { key: 'hsCode.reserved_chapter' };
  if (Number(chapter) < 1 || Number(chapter) > 97) return { key: 'hsCode.bad_chapter', values: { chapter } };
  if (code.slice(2, 4) === '00')
    return { key: 'hsCode.bad_heading', values: { heading: code.slice(0, 4), first: `${chapter}01` } };
  return { key: 'validation.invalid' };
}

/** Problems with the codes the form reads itself, more precise than the schema's, by field path. */
export function codeProblems(draft: ProductDraft): Problems {
  const problems: Problems = {};
  draft.identifiers.forEach((row, index) => {
    const problem = gtinProblem(row.gtin);
    if (problem) problems[`identifiers.${index}.gtin`] = problem;
  });
  const seen = new Map<string, number>();
  draft.identifiers.forEach((row, index) => {
    const parsed = parseGtin(row.gtin);
    if (!parsed.ok) return;
    if (seen.has(parsed.gtin14)) problems[`identifiers.${index}.gtin`] = { key: 'gtin.duplicate' };
    seen.set(parsed.gtin14, index);
  });
  draft.hsCodes.forEach((row, index) => {
    const problem = hsCodeProblem(row.code);
    if (problem) problems[`hsCodes.${index}`] = problem;
  });
  return problems;
}

/**
 * A stored GTIN-14 as printed under barcodes: a GTIN-8 in 8 digits, an item code in the 13 of an
 * EAN-13 (a U.P.C. then shows its leading zero), a case code in 14.
 */
export function displayGtin(gtin14: string): string {
  if (gtin14.startsWith('000000')) return gtin14.slice(6);
  if (gtin14.startsWith('0')) return gtin14.slice(1);
  return gtin14;
}

/** HS digits grouped as in tariffs: `30049000` → `3004.90.00`. */
export function formatHsCode(code: string): string {
  const groups = [code.slice(0, 4), code.slice(4, 6), code.slice(6, 8), code.slice(8)].filter(Boolean);
  return groups.join('.');
}
