import { z } from 'zod';
import {
  CASE_STATUSES,
  type CaseEventType,
  CLOSED_STATUSES,
  RIGHTS_HOLDER_ANSWERS,
} from '../cases/state-machine.js';
import { hsCodeSchema } from '../portfolio/hs-code.js';
import { countryCode, locale, timestamp, uuid } from './common.js';
import { calendarDate, TRANSPORT_MODES, unLocode } from './portfolio-records.js';

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
  /** Perishable goods get the country's shorter answer deadline. */
  perishable: z.boolean().default(false),
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

// ---- The case workflow: answers, conversation, decisions, work lists, seizure records ----

/** A reason for an answer, tied to a point of the product's guide where it applies. */
export const answerReason = z.object({
  guidePointId: uuid.optional(),
  text: z.string().trim().min(1).max(1000),
});

/** The rights holder's answer to a case: what the goods are, why, and whether it agrees to destruction. */
export const caseAnswerBody = z
  .object({
    answer: z.enum(RIGHTS_HOLDER_ANSWERS),
    reasons: z.array(answerReason).max(30).default([]),
    /** Agreement to destruction under the simplified procedure (counterfeit answers only). */
    consentsToDestruction: z.boolean().default(false),
    /** Answering for one rights holder when the case names several (a legal representative's clients). */
    rightsHolderId: uuid.optional(),
    message: z.string().trim().min(1).max(4000).optional(),
    language: locale.optional(),
  })
  .refine((body) => body.answer !== 'counterfeit' || body.reasons.length > 0, {
    path: ['reasons'],
    message: 'Say why the goods are counterfeit: at least one reason',
  })
  .refine((body) => body.answer === 'counterfeit' || !body.consentsToDestruction, {
    path: ['consentsToDestruction'],
    message: 'Only goods confirmed counterfeit are destroyed',
  });
export type CaseAnswerBody = z.infer<typeof caseAnswerBody>;

/** The officer's decisions and the procedure's steps, one event each. */
export const CASE_DECISIONS = [
  'provide_information',
  'release',
  'detain',
  'start_destruction',
  'declarant_consents',
  'declarant_objects',
  'destroy',
  'start_court_proceedings',
  'hand_over',
] as const satisfies readonly CaseEventType[];
export type CaseDecision = (typeof CASE_DECISIONS)[number];

export const HAND_OVER_AUTHORITIES = ['police', 'prosecution', 'other'] as const;

export const caseDecisionBody = z
  .object({
    decision: z.enum(CASE_DECISIONS),
    note: z.string().trim().min(1).max(4000).optional(),
    /** Who takes the goods over (hand-over only). */
    handedOverTo: z.enum(HAND_OVER_AUTHORITIES).optional(),
    /** A court ordered destruction (destroying goods in court proceedings). */
    courtOrderedDestruction: z.boolean().optional(),
  })
  .refine((body) => body.decision !== 'hand_over' || body.handedOverTo !== undefined, {
    path: ['handedOverTo'],
    message: 'Say to whom the goods are handed over',
  });
export type CaseDecisionBody = z.infer<typeof caseDecisionBody>;

export const caseMessageBody = z.object({
  body: z.string().trim().min(1).max(4000),
  language: locale.optional(),
  /** Attachments uploaded to the case beforehand, sent with this message. */
  attachmentIds: z.array(uuid).max(10).default([]),
});
export type CaseMessageBody = z.infer<typeof caseMessageBody>;

export const caseAttachmentView = z.object({
  id: uuid,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  organisationName: z.string(),
  createdAt: timestamp,
});
export type CaseAttachmentView = z.infer<typeof caseAttachmentView>;

export const caseMessageView = z.object({
  id: uuid,
  organisationName: z.string(),
  side: z.enum(['enforcement', 'rights_holder']),
  body: z.string(),
  language: z.string().nullable(),
  attachments: z.array(caseAttachmentView),
  createdAt: timestamp,
});

export const caseAnswerView = z.object({
  id: uuid,
  rightsHolderId: uuid,
  rightsHolderName: z.string(),
  answer: z.enum(RIGHTS_HOLDER_ANSWERS),
  reasons: z.array(
    z.object({ guidePointId: uuid.nullable(), guidePointTitle: z.string().nullable(), text: z.string() }),
  ),
  consentsToDestruction: z.boolean(),
  language: z.string().nullable(),
  createdAt: timestamp,
});
export type CaseAnswerView = z.infer<typeof caseAnswerView>;

/** One step of the case's trail: who did what, when. */
export const caseEventView = z.object({
  event: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  organisationName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: timestamp,
});

export const seizureRecordView = z.object({
  id: uuid,
  caseId: uuid,
  seizedOn: z.string(),
  countryCode: z.string(),
  office: z.string().nullable(),
  transportMode: z.string().nullable(),
  originCountry: z.string().nullable(),
  destinationCountry: z.string().nullable(),
  hsCode: z.string().nullable(),
  category: z.string().nullable(),
  brandName: z.string().nullable(),
  quantity: z.number().int(),
  estimatedValue: z.number().nullable(),
  currency: z.string().nullable(),
  detectionOrigin: z.enum(CASE_SOURCES),
  outcome: z.enum(CLOSED_STATUSES),
  smallConsignment: z.boolean(),
});
export type SeizureRecordView = z.infer<typeof seizureRecordView>;

/** Deadlines and what the reader may do next, beside the case itself. */
export const caseWorkflowView = z.object({
  perishable: z.boolean(),
  answerDeadline: timestamp.nullable(),
  /** Working days left to answer in the case country's calendar (0 on the last day, negative after). */
  workingDaysLeft: z.number().int().nullable(),
  declarantDeadline: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  /** The decisions the reader may take now (the officer's side); empty for a rights holder. */
  decisions: z.array(z.enum(CASE_DECISIONS)),
  /** Rights holders the reader may answer for; empty for an officer. */
  mayAnswerFor: z.array(z.object({ id: uuid, name: z.string() })),
  answers: z.array(caseAnswerView),
  messages: z.array(caseMessageView),
  attachments: z.array(caseAttachmentView),
  events: z.array(caseEventView),
  seizureRecords: z.array(seizureRecordView),
});

export const caseDetailView = caseView.extend(caseWorkflowView.shape).meta({ id: 'CaseDetail' });
export type CaseDetailView = z.infer<typeof caseDetailView>;

/** A work list: the officer's open cases by deadline, the rights holder's awaiting its answer first, the coordinator's whole administration. */
export const CASE_WORK_LISTS = ['officer', 'rights_holder', 'coordinator'] as const;
export type CaseWorkList = (typeof CASE_WORK_LISTS)[number];

export const caseListQuery = z.object({
  list: z.enum(CASE_WORK_LISTS).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  /** Include closed cases (the officer's list shows open ones by default). */
  closed: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  lang: locale.optional(),
});

export const caseWorkItemView = caseSummaryView.extend({
  answerDeadline: timestamp.nullable(),
  workingDaysLeft: z.number().int().nullable(),
  office: z.string().nullable(),
  openedByName: z.string(),
  latestAnswer: z.enum(RIGHTS_HOLDER_ANSWERS).nullable(),
  awaitingYou: z.boolean(),
});
export type CaseWorkItemView = z.infer<typeof caseWorkItemView>;

export const caseWorkListView = z.object({
  list: z.enum(CASE_WORK_LISTS),
  cases: z.array(caseWorkItemView),
  /** Cases per status in the list (all statuses, whatever the filter), for the chart. */
  counts: z.record(z.string(), z.number().int()),
});
export type CaseWorkListView = z.infer<typeof caseWorkListView>;

export const caseAttachmentParams = z.object({ caseId: uuid, attachmentId: uuid });

// ---- Seizure statistics ----

export const SEIZURE_DIMENSIONS = [
  'country',
  'mode',
  'brand',
  'category',
  'outcome',
  'origin',
  'month',
  'detection',
] as const;
export const seizureStatisticsQuery = z.object({
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  countryCode: countryCode.optional(),
});
export const seizureStatisticsView = z.object({
  totals: z.object({ seizures: z.number().int(), quantity: z.number().int(), estimatedValue: z.number() }),
  /** Per dimension, the groups by quantity, largest first. */
  groups: z.record(
    z.enum(SEIZURE_DIMENSIONS),
    z.array(
      z.object({
        key: z.string(),
        seizures: z.number().int(),
        quantity: z.number().int(),
        estimatedValue: z.number(),
      }),
    ),
  ),
  recent: z.array(seizureRecordView),
});
export type SeizureStatisticsView = z.infer<typeof seizureStatisticsView>;
