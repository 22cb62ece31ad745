import { type CaseSource, TRANSPORT_MODES, type TransportMode } from '@assay/core';
import type { OpenCaseInput } from '../../api/endpoints';

/** The report form as typed: strings, so half-typed numbers survive until submission. */
export interface ReportDraft {
  source: CaseSource;
  productId: string;
  scannedCode: string;
  goodsDescription: string;
  quantity: string;
  transportMode: TransportMode | '';
  originCountry: string;
  destinationCountry: string;
  exporterName: string;
  importerName: string;
  hsCode: string;
  declaredValue: string;
  currency: string;
  smallConsignment: 'yes' | 'no' | '';
  /** Perishable goods get the country's shorter answer deadline. */
  perishable: boolean;
  office: string;
  locode: string;
  notes: string;
}

export function emptyDraft(): ReportDraft {
  return {
    source: 'manual',
    productId: '',
    scannedCode: '',
    goodsDescription: '',
    quantity: '1',
    transportMode: '',
    originCountry: '',
    destinationCountry: '',
    exporterName: '',
    importerName: '',
    hsCode: '',
    declaredValue: '',
    currency: '',
    smallConsignment: '',
    perishable: false,
    office: '',
    locode: '',
    notes: '',
  };
}

/**
 * A draft started from a link: a guide (`productId`, and `code` when reached by scanning), and what
 * the guide's supply-chain check was given (`exporter`, `origin`, `destination`, `mode`, `locode`).
 */
export function draftFromLink(
  params: URLSearchParams,
  defaults: { destinationCountry?: string | null },
): ReportDraft {
  const draft = emptyDraft();
  const get = (name: string) => params.get(name)?.trim() ?? '';
  draft.productId = get('productId');
  draft.scannedCode = get('code');
  draft.source = draft.scannedCode ? 'scan' : draft.productId ? 'guide' : 'manual';
  draft.exporterName = get('exporter');
  draft.originCountry = get('origin').toUpperCase();
  draft.destinationCountry = (get('destination') || defaults.destinationCountry || '').toUpperCase();
  const mode = get('mode').toUpperCase();
  draft.transportMode = (TRANSPORT_MODES as readonly string[]).includes(mode) ? (mode as TransportMode) : '';
  draft.locode = get('locode');
  return draft;
}

/** A number as typed, with a comma or a point for decimals; NaN when it is not one (the schema says so). */
function typedNumber(value: string): number {
  const text = value.trim().replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

const optional = (value: string) => value.trim() || undefined;

/** The API body of a draft; empty fields are left out. `observedAt`: when the officer made the report. */
export function reportBody(draft: ReportDraft, observedAt: string): OpenCaseInput {
  const productId = optional(draft.productId);
  return {
    source: draft.source,
    productIds: productId ? [productId] : [],
    scannedCode: optional(draft.scannedCode),
    observedAt,
    location: { office: optional(draft.office), locode: optional(draft.locode) },
    shipment: {
      transportMode: draft.transportMode || undefined,
      originCountry: optional(draft.originCountry),
      destinationCountry: optional(draft.destinationCountry),
      exporterName: optional(draft.exporterName),
      importerName: optional(draft.importerName),
      hsCode: optional(draft.hsCode),
      declaredValue: draft.declaredValue.trim() ? typedNumber(draft.declaredValue) : undefined,
      currency: optional(draft.currency),
      smallConsignment: draft.smallConsignment === '' ? undefined : draft.smallConsignment === 'yes',
    },
    goods: [{ productId, description: draft.goodsDescription, quantity: typedNumber(draft.quantity) }],
    notes: optional(draft.notes),
    // A draft saved in the outbox before this field existed has none.
    perishable: draft.perishable === true,
  };
}

/** The form field (its label's translation key) behind a path the API names in a refusal. */
const FIELD_LABELS: Record<string, string> = {
  'goods.0.description': 'reports.goodsDescription',
  'goods.0.quantity': 'reports.quantity',
  'shipment.transportMode': 'reports.transportMode',
  'shipment.originCountry': 'reports.originCountry',
  'shipment.destinationCountry': 'reports.destinationCountry',
  'shipment.exporterName': 'reports.exporter',
  'shipment.importerName': 'reports.importer',
  'shipment.hsCode': 'reports.hsCode',
  'shipment.declaredValue': 'reports.declaredValue',
  'shipment.currency': 'reports.currency',
  'shipment.smallConsignment': 'reports.smallConsignment',
  perishable: 'reports.perishable',
  'location.office': 'reports.office',
  'location.locode': 'reports.locode',
  notes: 'reports.notes',
};

export function fieldLabelKey(path: string): string | null {
  return FIELD_LABELS[path] ?? null;
}
