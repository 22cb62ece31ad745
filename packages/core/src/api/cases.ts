import { z } from 'zod';
import { hsCodeSchema } from '../portfolio/hs-code.js';
import { countryCode, timestamp, uuid } from './common.js';
import { TRANSPORT_MODES, unLocode } from './portfolio-records.js';

/** Where a suspicion came from: the detection origin that seizure statistics count. */
export const CASE_SOURCES = ['guide', 'scan', 'alert', 'screening', 'manual'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

const shortText = z.string().trim().min(1).max(200);
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Not an ISO 4217 currency code');

export const caseShipment = z
  .object({
    transportMode: z.enum(TRANSPORT_MODES).optional(),
    originCountry: countryCode.optional(),
    destinationCountry: countryCode.optional(),
    exporterName: shortText.optional(),
    importerName: shortText.optional(),
    description: z.string().trim().min(1).max(1000).optional(),
    hsCode: hsCodeSchema.optional(),
    declaredValue: z.number().nonnegative().max(1e12).optional(),
    currency: currency.optional(),
    smallConsignment: z.boolean().optional(),
  })
  .refine((shipment) => shipment.declaredValue === undefined || shipment.currency !== undefined, {
    path: ['currency'],
    message: 'Give the currency of the declared value',
  });
export type CaseShipment = z.infer<typeof caseShipment>;

export const caseGoodsLine = z.object({
  productId: uuid.optional(),
  description: z.string().trim().min(1).max(500),
  quantity: z.number().int().min(1).max(100_000_000),
});

/** An officer's report of a suspect shipment: it opens a case. */
export const openCaseBody = z.object({
  source: z.enum(CASE_SOURCES),
  productIds: z.array(uuid).max(50).default([]),
  scannedCode: z.string().trim().min(1).max(500).optional(),
  alertId: uuid.optional(),
  observedAt: timestamp.optional(),
  location: z
    .object({
      countryCode: countryCode.optional(),
      office: shortText.optional(),
      locode: unLocode.optional(),
    })
    .default({}),
  shipment: caseShipment.default({}),
  goods: z.array(caseGoodsLine).max(200).default([]),
  notes: z.string().trim().max(4000).optional(),
});
export type OpenCaseBody = z.infer<typeof openCaseBody>;

export const caseOpenedView = z
  .object({ id: uuid, reference: z.string(), status: z.string(), createdAt: timestamp })
  .meta({ id: 'CaseOpened' });

export const caseSummaryView = z.object({
  id: uuid,
  reference: z.string(),
  status: z.string(),
  source: z.enum(CASE_SOURCES),
  countryCode: z.string(),
  createdAt: timestamp,
  productNames: z.array(z.string()),
});
export const caseListView = z.object({ cases: z.array(caseSummaryView) });

export const caseView = caseSummaryView
  .extend({
    openedBy: z.object({ organisationId: uuid, organisationName: z.string() }),
    office: z.string().nullable(),
    locode: z.string().nullable(),
    scannedCode: z.string().nullable(),
    alertId: uuid.nullable(),
    observedAt: timestamp.nullable(),
    shipment: z.record(z.string(), z.unknown()),
    goods: z.array(
      z.object({
        productId: uuid.nullable(),
        productName: z.string().nullable(),
        rightsHolderId: uuid.nullable(),
        description: z.string().nullable(),
        quantity: z.number().int().nullable(),
      }),
    ),
    notes: z.string().nullable(),
  })
  .meta({ id: 'Case' });
export type CaseView = z.infer<typeof caseView>;

export const caseParams = z.object({ caseId: uuid });
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .trim()
    .min(8, 'Use a unique key of at least 8 characters, such as a UUID')
    .max(200),
});
