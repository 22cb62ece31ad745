import { z } from 'zod';
import { CLONE_RULE_IDS } from '../authentication/clone-rules.js';
import { EXPIRY_PATTERN, GS1_CSET82_PATTERN, SERIAL_MESSAGES } from '../authentication/serial-row.js';
import { PACK_STATES, VERIFICATION_VERDICTS } from '../authentication/verdicts.js';
import { gtinSchema } from '../portfolio/gtin.js';
import { countryCode, timestamp, uuid } from './common.js';

/** How a rights holder answers "is this serialised pack genuine?". */
export const CONNECTOR_KINDS = ['registry', 'endpoint', 'resolver'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

/** Why an external endpoint gave no usable answer (also the delivery log's outcomes). */
export const ENDPOINT_FAILURES = [
  'timeout',
  'unreachable',
  'http_error',
  'bad_response',
  'circuit_open',
] as const;
export type EndpointFailure = (typeof ENDPOINT_FAILURES)[number];
export const DELIVERY_OUTCOMES = ['answered', ...ENDPOINT_FAILURES] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export const CONNECTOR_LIMITS = {
  nameMax: 120,
  urlMax: 500,
  timeoutMsMin: 100,
  /** The officer must see an answer within a second of the scan, network and rendering included. */
  timeoutMsMax: 900,
  timeoutMsDefault: 700,
  jsonSerialsMax: 10_000,
  csvErrorsMax: 1_000,
  ratePerHourMax: 100_000,
  ratePerHourDefault: 600,
} as const;

/** An absolute http(s) URL without credentials or fragment; https is enforced by the server outside development. */
const connectorUrl = z
  .string()
  .trim()
  .max(CONNECTOR_LIMITS.urlMax)
  .pipe(z.url({ protocol: /^https?$/ }))
  .refine(
    (value) => !/^[a-z]+:\/\/[^/?#]*@/i.test(value) && !value.includes('#'),
    'A connector URL may not hold credentials or a fragment',
  );

const connectorName = z.string().trim().min(1).max(CONNECTOR_LIMITS.nameMax);

/** A connector applies to one brand (all its products) or one product; a product's own one wins. */
const connectorTarget = {
  name: connectorName,
  brandId: uuid.nullable().default(null),
  productId: uuid.nullable().default(null),
  active: z.boolean().default(true),
};

const exactlyOneTarget = (body: { brandId: string | null; productId: string | null }) =>
  (body.brandId === null) !== (body.productId === null);
const targetMessage = { path: ['brandId'], message: 'Give either brandId or productId' };

export const connectorBody = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('registry'), ...connectorTarget }),
    z.object({
      kind: z.literal('endpoint'),
      ...connectorTarget,
      url: connectorUrl,
      timeoutMs: z
        .number()
        .int()
        .min(CONNECTOR_LIMITS.timeoutMsMin)
        .max(CONNECTOR_LIMITS.timeoutMsMax)
        .default(CONNECTOR_LIMITS.timeoutMsDefault),
    }),
    z.object({ kind: z.literal('resolver'), ...connectorTarget, url: connectorUrl }),
  ])
  .refine(exactlyOneTarget, targetMessage);
export type ConnectorBody = z.infer<typeof connectorBody>;

export const connectorParams = z.object({ rightsHolderId: uuid, connectorId: uuid });

export const CIRCUIT_STATES = ['closed', 'open', 'half_open'] as const;

export const connectorView = z
  .object({
    id: uuid,
    rightsHolderId: uuid,
    kind: z.enum(CONNECTOR_KINDS),
    name: z.string(),
    brandId: uuid.nullable(),
    brandName: z.string().nullable(),
    productId: uuid.nullable(),
    productName: z.string().nullable(),
    active: z.boolean(),
    /** Endpoint and resolver connectors. */
    url: z.string().nullable(),
    /** Endpoint connectors. */
    timeoutMs: z.number().int().nullable(),
    circuit: z.enum(CIRCUIT_STATES).nullable(),
    /** Registry connectors: serials registered, per pack state. */
    serials: z.record(z.enum(PACK_STATES), z.number().int()).nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'AuthenticationConnector' });
export type ConnectorView = z.infer<typeof connectorView>;

export const connectorListView = z.object({ connectors: z.array(connectorView) });

/** Returned once when an endpoint connector is created or its secret rotated: Assay signs requests with it. */
export const connectorCreatedView = z.object({
  connector: connectorView,
  signingSecret: z.string().nullable(),
});
export const signingSecretView = z.object({ signingSecret: z.string() });

/** Serial numbers (GS1 AI 21: up to 20 characters of CSET 82) as the rights holder registers them. */
export const serialNumber = z.string().trim().regex(GS1_CSET82_PATTERN, SERIAL_MESSAGES.serial);
const batchNumber = z.string().trim().regex(GS1_CSET82_PATTERN, SERIAL_MESSAGES.batch);
/** `YYYY-MM-DD`, or `YYYY-MM` when only the month is printed. */
export const expiryDate = z.string().trim().regex(EXPIRY_PATTERN, SERIAL_MESSAGES.expiry);

export const registeredSerial = z.object({
  gtin: gtinSchema,
  serial: serialNumber,
  batch: batchNumber,
  expiry: expiryDate,
  /** Countries the pack may be sold in; empty: any market. */
  intendedMarkets: z.array(countryCode).max(250).default([]),
  state: z.enum(PACK_STATES).default('active'),
});
export type RegisteredSerial = z.infer<typeof registeredSerial>;

/** The JSON way to register serials, for a packaging line's system; large files go as CSV. */
export const registerSerialsBody = z.object({
  serials: z.array(registeredSerial).min(1).max(CONNECTOR_LIMITS.jsonSerialsMax),
});

/** The header of a serials CSV file; `intended_markets` holds codes separated by spaces, commas or semicolons. */
export const SERIAL_CSV_COLUMNS = ['gtin', 'serial', 'batch', 'expiry', 'intended_markets', 'state'] as const;

export const serialUploadError = z.object({
  line: z.number().int(),
  field: z.string(),
  message: z.string(),
});

/**
 * A stored serials upload. Uploads are all or nothing: with any bad row nothing is stored and the
 * answer is a 400 whose details hold `rows`, `errorCount` and the first errors (`line`, `field`, `message`).
 */
export const serialUploadView = z
  .object({
    rows: z.number().int(),
    stored: z.number().int(),
    durationMs: z.number().int(),
  })
  .meta({ id: 'SerialUpload' });
export type SerialUploadView = z.infer<typeof serialUploadView>;

/** Change the state of registered packs: listed serials, or a whole batch of a GTIN (a recall). */
export const packStateBody = z
  .object({
    state: z.enum(PACK_STATES),
    serials: z
      .array(z.object({ gtin: gtinSchema, serial: serialNumber }))
      .max(CONNECTOR_LIMITS.jsonSerialsMax)
      .default([]),
    batch: z.object({ gtin: gtinSchema, batch: batchNumber }).optional(),
  })
  .refine((body) => body.serials.length > 0 !== (body.batch !== undefined), {
    path: ['serials'],
    message: 'Give either serials or a batch',
  });
export const packStateView = z.object({ updated: z.number().int(), notFound: z.number().int() });

/** Which enforcement organisations may verify the rights holder's codes, and how often. */
export const verificationPolicyBody = z.object({
  /** `all`: every approved enforcement organisation; `listed`: those named or in the listed countries. */
  authorities: z.enum(['all', 'listed']),
  organisationIds: z.array(uuid).max(500).default([]),
  countries: z.array(countryCode).max(250).default([]),
  /** Verifications per enforcement organisation per hour. */
  ratePerHour: z.number().int().min(1).max(CONNECTOR_LIMITS.ratePerHourMax),
});
export type VerificationPolicyBody = z.infer<typeof verificationPolicyBody>;
export const verificationPolicyView = verificationPolicyBody
  .extend({
    organisations: z.array(z.object({ id: uuid, name: z.string(), countryCode: z.string().nullable() })),
  })
  .meta({ id: 'VerificationPolicy' });

/** What the officer verifies: the scanned code as read, or its parts. */
export const verifyBody = z
  .object({
    /** A GS1 code as scanned: Digital Link URI, element string or bracketed. */
    code: z.string().trim().min(1).max(500).optional(),
    gtin: gtinSchema.optional(),
    serial: serialNumber.optional(),
    batch: batchNumber.optional(),
    expiry: expiryDate.optional(),
  })
  .refine((body) => (body.code !== undefined) !== (body.gtin !== undefined || body.serial !== undefined), {
    path: ['code'],
    message: 'Give either the scanned code or gtin and serial',
  })
  .refine((body) => body.code !== undefined || (body.gtin !== undefined && body.serial !== undefined), {
    path: ['serial'],
    message: 'Give both gtin and serial',
  });
export type VerifyBody = z.infer<typeof verifyBody>;

/** The rights holder's test console: a verification as an officer of `country` would get it, recorded nowhere. */
export const verificationTestBody = z.object({
  code: z.string().trim().min(1).max(500),
  country: countryCode,
});

const verdictEnum = z.enum(VERIFICATION_VERDICTS);
const severityEnum = z.enum(['ok', 'warning', 'alert', 'unknown']);

export const verificationView = z
  .object({
    /** Null for a test from the rights holder's console. */
    id: uuid.nullable(),
    verifiedAt: timestamp,
    country: z.string(),
    verdict: verdictEnum,
    severity: severityEnum,
    considerDetaining: z.boolean(),
    /** Every finding, most serious first; translated by `verdict` and `params`. */
    findings: z.array(
      z.object({
        verdict: verdictEnum,
        severity: severityEnum,
        considerDetaining: z.boolean(),
        params: z.record(z.string(), z.string()),
      }),
    ),
    /** Clone rules that fired, with the earlier scans' country and time (never who made them). */
    clone: z.array(
      z.object({
        rule: z.enum(CLONE_RULE_IDS),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
        earlierScans: z.array(z.object({ country: z.string(), at: timestamp })),
      }),
    ),
    gtin: z.string(),
    serial: z.string(),
    batch: z.string().nullable(),
    expiry: z.string().nullable(),
    rightsHolder: z.object({ id: uuid, name: z.string() }).nullable(),
    brand: z.object({ id: uuid, name: z.string() }).nullable(),
    connectorKind: z.enum(CONNECTOR_KINDS).nullable(),
    /** Resolver connectors: the brand's Digital Link page that checks the code. */
    handOffUrl: z.string().nullable(),
    /** Why the brand's service gave no answer, for `service_unavailable`. */
    unavailableReason: z.enum(ENDPOINT_FAILURES).nullable(),
  })
  .meta({ id: 'Verification' });
export type VerificationView = z.infer<typeof verificationView>;

/** One verification as the rights holder sees it: where and when, never which officer. */
export const verificationRecordView = z.object({
  id: uuid,
  verifiedAt: timestamp,
  country: z.string(),
  organisationName: z.string(),
  verdict: verdictEnum,
  severity: severityEnum,
  suspicious: z.boolean(),
  gtin: z.string(),
  /** The last characters of the serial only: the history does not hold whole serials. */
  serialHint: z.string(),
  batch: z.string().nullable(),
  brandName: z.string().nullable(),
  clone: verificationView.shape.clone,
  acknowledgedAt: timestamp.nullable(),
});
export type VerificationRecordView = z.infer<typeof verificationRecordView>;

export const verificationListQuery = z.object({
  suspicious: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Verifications strictly before this time, for the next page. */
  before: timestamp.optional(),
});
export const verificationListView = z.object({
  verifications: z.array(verificationRecordView),
  unacknowledged: z.number().int(),
});
export const verificationParams = z.object({ rightsHolderId: uuid, verificationId: uuid });

/** Where and when the rights holder's codes were checked: the map and the timeline. */
export const verificationSummaryQuery = z.object({
  days: z.coerce.number().int().min(1).max(366).default(90),
});
export const verificationSummaryView = z.object({
  from: timestamp,
  to: timestamp,
  byCountry: z.array(
    z.object({ country: z.string(), total: z.number().int(), suspicious: z.number().int() }),
  ),
  byDay: z.array(z.object({ day: z.string(), total: z.number().int(), suspicious: z.number().int() })),
});

export const deliveryView = z.object({
  id: uuid,
  at: timestamp,
  outcome: z.enum(DELIVERY_OUTCOMES),
  httpStatus: z.number().int().nullable(),
  durationMs: z.number().int(),
  detail: z.string().nullable(),
  /** A call made from the test console. */
  test: z.boolean(),
});
export const deliveryListView = z.object({ deliveries: z.array(deliveryView) });
