import { z } from 'zod';
import { hsCodeSchema } from '../portfolio/hs-code.js';
import { localisedTextSchema } from '../portfolio/localised-text.js';
import { countryCode, LIMITS, timestamp, uuid } from './common.js';
import { shownText } from './portfolio.js';
import { calendarDate, TRANSPORT_MODES, unLocode } from './portfolio-records.js';

/*
 * Alerts: intelligence a rights holder or an enforcement analyst publishes to officers — what to
 * look for (indicators), where (target countries, ports, transport modes) and until when.
 */

export const ALERT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** draft → published → withdrawn; a withdrawn alert leaves every inbox. */
export const ALERT_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Limits shared by the alert form and the API. */
export const ALERT_LIMITS = {
  titleMax: 200,
  textMax: 5000,
  listMax: 50,
  phraseMax: 200,
} as const;

const listOf = <T extends z.ZodType>(item: T) => z.array(item).max(ALERT_LIMITS.listMax).default([]);
const name = z.string().trim().min(1).max(LIMITS.nameMax);
const phrase = z.string().trim().min(1).max(ALERT_LIMITS.phraseMax);

/** A route goods take: origin, the countries they pass through, destination. */
export const alertRoute = z.object({
  origin: countryCode,
  transit: z.array(countryCode).max(10).default([]),
  destination: countryCode,
});
export type AlertRoute = z.infer<typeof alertRoute>;

/** What an officer (or the screening engine) looks for in a declaration. */
export const alertIndicators = z.object({
  exporterNames: listOf(name),
  importerNames: listOf(name),
  routes: listOf(alertRoute),
  /** UN/LOCODEs of ports the goods pass through. */
  ports: listOf(unLocode),
  /** Keywords or phrases in the goods description. */
  descriptions: listOf(phrase),
  /** HS codes (6 to 10 digits), stored as digits. */
  hsCodes: listOf(hsCodeSchema),
});
export type AlertIndicators = z.infer<typeof alertIndicators>;

/** A new alert or the replacement of one (a draft, or a published alert by its publisher). */
export const alertBody = z
  .object({
    /**
     * The rights holder the alert speaks for. A rights holder's own users may leave it out; a legal
     * representative names one it acts for; enforcement analysts leave it out.
     */
    rightsHolderId: uuid.nullish(),
    title: localisedTextSchema(ALERT_LIMITS.titleMax),
    text: localisedTextSchema(ALERT_LIMITS.textMax),
    severity: z.enum(ALERT_SEVERITIES),
    brandIds: listOf(uuid),
    productIds: listOf(uuid),
    indicators: alertIndicators.default({
      exporterNames: [],
      importerNames: [],
      routes: [],
      ports: [],
      descriptions: [],
      hsCodes: [],
    }),
    /** Countries whose officers receive the alert; empty: every country. */
    targetCountries: z.array(countryCode).max(250).default([]),
    targetPorts: listOf(unLocode),
    transportModes: z.array(z.enum(TRANSPORT_MODES)).max(TRANSPORT_MODES.length).default([]),
    validFrom: calendarDate,
    /** Last day of validity; none: until withdrawn. */
    validTo: calendarDate.nullish().transform((value) => value ?? null),
  })
  .superRefine((value, ctx) => {
    if (value.validTo && value.validTo < value.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'The end of validity is before its start' });
  });
export type AlertBody = z.infer<typeof alertBody>;
export type AlertInput = z.input<typeof alertBody>;

export const alertParams = z.object({ alertId: uuid });

const localisedView = z.object({ original: z.string(), texts: z.record(z.string(), z.string()) });
const named = z.object({ id: uuid, name: z.string() });

/** An alert as its publisher organisation sees and edits it, with how far it reached. */
export const alertView = z
  .object({
    id: uuid,
    status: z.enum(ALERT_STATUSES),
    severity: z.enum(ALERT_SEVERITIES),
    /** The organisation the alert belongs to (the rights holder, or the enforcement organisation). */
    owner: named.extend({ kind: z.string() }),
    title: localisedView,
    text: localisedView,
    brands: z.array(named),
    products: z.array(z.object({ id: uuid, reference: z.string(), name: z.string() })),
    indicators: alertIndicators,
    targetCountries: z.array(z.string()),
    targetPorts: z.array(z.string()),
    transportModes: z.array(z.enum(TRANSPORT_MODES)),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    publishedAt: timestamp.nullable(),
    withdrawnAt: timestamp.nullable(),
    updatedAt: timestamp,
    /** How many organisations and countries acknowledged it (never who). */
    acknowledgements: z.object({
      organisations: z.number().int(),
      countries: z.number().int(),
      countryCodes: z.array(z.string()),
    }),
  })
  .meta({ id: 'Alert' });
export type AlertView = z.infer<typeof alertView>;

export const alertListView = z.object({ alerts: z.array(alertView) });

/** One alert in an officer's inbox, in the reader's language where written. */
export const inboxAlert = z
  .object({
    id: uuid,
    severity: z.enum(ALERT_SEVERITIES),
    title: shownText,
    publisher: z.object({ name: z.string(), kind: z.string() }),
    publishedAt: timestamp,
    validFrom: z.string(),
    validTo: z.string().nullable(),
    /** Within its validity window today. */
    active: z.boolean(),
    read: z.boolean(),
    acknowledgedAt: timestamp.nullable(),
  })
  .meta({ id: 'InboxAlert' });
export type InboxAlert = z.infer<typeof inboxAlert>;

export const INBOX_FILTERS = ['active', 'all'] as const;
export const inboxQuery = z.object({
  /** `active` (default): valid today; `all`: expired ones too. Withdrawn alerts never show. */
  filter: z.enum(INBOX_FILTERS).default('active'),
  lang: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
});

/** An alert as an officer reads it. Products appear only when the officer may open their guide. */
export const alertReading = inboxAlert
  .extend({
    text: shownText,
    brands: z.array(named),
    products: z.array(z.object({ id: uuid, reference: z.string(), name: shownText, brandName: z.string() })),
    indicators: alertIndicators,
    targetCountries: z.array(z.string()),
    targetPorts: z.array(z.string()),
    transportModes: z.array(z.enum(TRANSPORT_MODES)),
  })
  .meta({ id: 'AlertReading' });
export type AlertReading = z.infer<typeof alertReading>;

/** The inbox: each alert in full, so a copy kept offline can be read, and the unread count. */
export const inboxView = z.object({ alerts: z.array(alertReading), unread: z.number().int() });
export type InboxView = z.infer<typeof inboxView>;
export const unreadView = z.object({ unread: z.number().int() });

/** Brands and products a publisher may name in an alert (for a rights holder: its own). */
export const alertSubjectsQuery = z.object({ rightsHolderId: uuid.optional() });
export const alertSubjectsView = z.object({
  brands: z.array(named),
  products: z.array(z.object({ id: uuid, reference: z.string(), name: z.string(), brandId: uuid })),
});
export type AlertSubjects = z.infer<typeof alertSubjectsView>;

export const acknowledgementView = z.object({ acknowledgedAt: timestamp });
export const alertLangQuery = z.object({
  lang: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
});
