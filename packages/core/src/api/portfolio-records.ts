import { z } from 'zod';
import { isCountryCode } from '../geo/countries.js';
import { countryCode, email, LIMITS, personName, timestamp, uuid } from './common.js';

/*
 * The records around a rights holder's products: IP rights and the customs recordations
 * (applications for action) that rest on them, the legitimate supply chain, contacts, and the
 * legal representative firms appointed to act on the portfolio.
 */

const holderParams = z.object({ rightsHolderId: uuid });

/** Free text that may be left out: an empty or blank string counts as left out (null). */
function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { message: `At most ${max} characters` })
    .nullish()
    .transform((value) => (value ? value : null));
}

/** A calendar date, `YYYY-MM-DD`. */
/** A calendar date as YYYY-MM-DD; PostgreSQL has no year 0. */
export const calendarDate = z.iso
  .date({ message: 'A date as YYYY-MM-DD' })
  .refine((value) => value >= '0001-01-01', { message: 'The year must be 1 or later' });

function checkValidity(
  value: { validFrom?: string | null | undefined; validTo?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.validFrom && value.validTo && value.validTo < value.validFrom)
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'The end of validity is before its start' });
}

// ---------------------------------------------------------------------------------------------
// IP rights

export const IP_RIGHT_TYPES = [
  'trademark',
  'design',
  'patent',
  'copyright',
  'geographical_indication',
  'plant_variety',
] as const;
export type IpRightType = (typeof IP_RIGHT_TYPES)[number];

/**
 * Classes an IP right may list: Nice classes (1–45) for a trademark, Locarno classes (1–32) for a
 * design; the other types have none.
 */
export const IP_RIGHT_CLASSES: Partial<Record<IpRightType, { system: string; min: number; max: number }>> = {
  trademark: { system: 'Nice', min: 1, max: 45 },
  design: { system: 'Locarno', min: 1, max: 32 },
};

/** Why a class does not fit an IP right of this type, or null when it does. */
export function ipRightClassIssue(type: IpRightType, value: number): string | null {
  const range = IP_RIGHT_CLASSES[type];
  if (!range) return 'Only trademarks (Nice) and designs (Locarno) list classes';
  if (value < range.min || value > range.max)
    return `${range.system} classes go from ${range.min} to ${range.max}`;
  return null;
}

export const ipRightParams = holderParams.extend({ ipRightId: uuid });

export const ipRightBody = z
  .object({
    type: z.enum(IP_RIGHT_TYPES),
    registrationNumber: z.string().trim().min(1).max(100),
    /** The office that registered it, as written: EUIPO, WIPO (international registration), INPI, USPTO… */
    office: z.string().trim().min(1).max(100),
    /** Nice classes (1–45) of a trademark, Locarno classes (1–32) of a design. */
    classes: z.array(z.number().int()).max(45).default([]),
    ownerName: z.string().trim().min(1).max(LIMITS.nameMax),
    validFrom: calendarDate.nullish(),
    validTo: calendarDate.nullish(),
    /** The brand this right protects, when it protects one. */
    brandId: uuid.nullish(),
  })
  .superRefine((right, ctx) => {
    right.classes.forEach((value, index) => {
      const issue = ipRightClassIssue(right.type, value);
      if (issue) ctx.addIssue({ code: 'custom', path: ['classes', index], message: issue });
    });
    checkValidity(right, ctx);
  })
  .transform((right) => ({ ...right, classes: [...new Set(right.classes)].sort((a, b) => a - b) }));
export type IpRightBody = z.infer<typeof ipRightBody>;

export const ipRightView = z
  .object({
    id: uuid,
    type: z.enum(IP_RIGHT_TYPES),
    registrationNumber: z.string(),
    office: z.string(),
    classes: z.array(z.number().int()),
    ownerName: z.string(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    brandId: uuid.nullable(),
    brandName: z.string().nullable(),
    /** Recordations (applications for action) resting on this right. */
    recordationCount: z.number().int(),
    /** The registration certificate, when one was uploaded (a PDF or a re-encoded scan). */
    certificate: z
      .object({
        contentType: z.enum(['application/pdf', 'image/webp']),
        bytes: z.number().int(),
        uploadedAt: timestamp,
      })
      .nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'IpRight' });
export type IpRightView = z.infer<typeof ipRightView>;
export const certificateView = z.object({
  contentType: z.enum(['application/pdf', 'image/webp']),
  bytes: z.number().int(),
});
export const ipRightListView = z.object({ ipRights: z.array(ipRightView) });
export const ipRightListQuery = z.object({
  type: z.enum(IP_RIGHT_TYPES).optional(),
  brandId: uuid.optional(),
});

// ---------------------------------------------------------------------------------------------
// Recordations (applications for action)

export const RECORDATION_STATUSES = ['filed', 'granted', 'expired', 'refused', 'withdrawn'] as const;
export type RecordationStatus = (typeof RECORDATION_STATUSES)[number];

/** Admins of the rights holder are reminded this many days before a granted recordation expires. */
export const RECORDATION_REMINDER_DAYS = 30;

/**
 * How far a recordation is from its end of validity, seen on `today` (`YYYY-MM-DD`, UTC):
 * `expiresInDays` counts whole days to `validTo` (negative once past, null without an end date);
 * `expiringSoon` is true for a granted recordation ending within {@link RECORDATION_REMINDER_DAYS}
 * days, today included.
 */
export function recordationExpiry(
  status: RecordationStatus,
  validTo: string | null,
  today: string,
): { expiresInDays: number | null; expiringSoon: boolean } {
  if (!validTo) return { expiresInDays: null, expiringSoon: false };
  const expiresInDays = Math.round(
    (Date.parse(`${validTo}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  return {
    expiresInDays,
    expiringSoon: status === 'granted' && expiresInDays >= 0 && expiresInDays <= RECORDATION_REMINDER_DAYS,
  };
}

export const recordationParams = holderParams.extend({ recordationId: uuid });

export const recordationBody = z
  .object({
    /** The customs administration's country (ISO 3166-1 alpha-2). */
    countryCode,
    /** The administration's reference of the application. */
    reference: z.string().trim().min(1).max(100),
    status: z.enum(RECORDATION_STATUSES),
    validFrom: calendarDate.nullish(),
    validTo: calendarDate.nullish(),
    /** The IP right the application rests on, when recorded here. */
    ipRightId: uuid.nullish(),
  })
  .superRefine(checkValidity);
export type RecordationBody = z.infer<typeof recordationBody>;

export const recordationView = z
  .object({
    id: uuid,
    countryCode: z.string(),
    reference: z.string(),
    status: z.enum(RECORDATION_STATUSES),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    ipRight: z
      .object({
        id: uuid,
        type: z.enum(IP_RIGHT_TYPES),
        registrationNumber: z.string(),
        office: z.string(),
      })
      .nullable(),
    /** Whole days until `validTo` (negative once past), null without an end date. */
    expiresInDays: z.number().int().nullable(),
    /** Granted and ending within 30 days: the web app shows a reminder. */
    expiringSoon: z.boolean(),
    /** When the admins were emailed about the coming expiry. */
    remindedAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Recordation' });
export type RecordationView = z.infer<typeof recordationView>;
export const recordationListView = z.object({ recordations: z.array(recordationView) });
export const recordationListQuery = z.object({
  status: z.enum(RECORDATION_STATUSES).optional(),
  countryCode: countryCode.optional(),
  ipRightId: uuid.optional(),
  /** Only granted recordations ending within 30 days. */
  expiringSoon: z.stringbool().optional(),
});

// ---------------------------------------------------------------------------------------------
// Supply chain

export const SUPPLY_CHAIN_ROLES = [
  'manufacturer',
  'exporter',
  'importer',
  'distributor',
  'licensee',
  'carrier',
] as const;
export type SupplyChainRole = (typeof SUPPLY_CHAIN_ROLES)[number];

export const TRANSPORT_MODES = ['AIR', 'SEA', 'ROAD', 'RAIL', 'POST', 'COURIER'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/** A UN/LOCODE: country (2 letters) and location (3 letters or digits 2–9), written without the space. */
export const UN_LOCODE_PATTERN = /^[A-Z]{2}[A-Z2-9]{3}$/;

/** A UN/LOCODE; `fr leh` and `FR LEH` are read as `FRLEH`. */
export const unLocode = z
  .string()
  .trim()
  .toUpperCase()
  .transform((value) => value.replace(/^([A-Z]{2})[\s-]+(\S{3})$/, '$1$2'))
  .pipe(
    z
      .string()
      .regex(UN_LOCODE_PATTERN, {
        message: 'A UN/LOCODE: 2-letter country and 3 letters or digits, e.g. FRLEH',
      })
      .refine((value) => isCountryCode(value.slice(0, 2)), {
        message: 'A UN/LOCODE starts with an ISO 3166-1 country code',
      }),
  );

/** An EORI number: 2-letter country prefix and up to 15 letters or digits; spaces are dropped. */
export const eoriNumber = z
  .string()
  .trim()
  .toUpperCase()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(
    z.string().regex(/^[A-Z]{2}[0-9A-Z]{1,15}$/, {
      message: 'An EORI number: 2-letter country prefix and up to 15 letters or digits',
    }),
  );

const transportMode = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toUpperCase() || null : value),
  z.enum(TRANSPORT_MODES).nullish(),
);

export const supplyChainEntryParams = holderParams.extend({ entryId: uuid });
export const supplyRouteParams = holderParams.extend({ routeId: uuid });

export const supplyChainEntryBody = z.object({
  role: z.enum(SUPPLY_CHAIN_ROLES),
  name: z.string().trim().min(1).max(LIMITS.nameMax),
  countryCode,
  eori: eoriNumber.nullish().transform((value) => value ?? null),
  taxNumber: optionalText(50),
  address: optionalText(500),
  /** The product this entry is for; none means every product of the portfolio. */
  productId: uuid.nullish(),
});
export type SupplyChainEntryBody = z.infer<typeof supplyChainEntryBody>;

export const supplyRouteBody = z.object({
  originCountry: countryCode,
  transitCountries: z.array(countryCode).max(20).default([]),
  destinationCountry: countryCode,
  /** UN/LOCODEs of the usual ports, airports and border crossings. */
  ports: z.array(unLocode).max(30).default([]),
  carriers: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  transportMode,
  /** The product this route is for; none means every product of the portfolio. */
  productId: uuid.nullish(),
});
export type SupplyRouteBody = z.infer<typeof supplyRouteBody>;

const productRef = z.object({ id: uuid, reference: z.string() }).nullable();

export const supplyChainEntryView = z
  .object({
    id: uuid,
    role: z.enum(SUPPLY_CHAIN_ROLES),
    name: z.string(),
    countryCode: z.string(),
    eori: z.string().nullable(),
    taxNumber: z.string().nullable(),
    address: z.string().nullable(),
    product: productRef,
  })
  .meta({ id: 'SupplyChainEntry' });
export const supplyRouteView = z
  .object({
    id: uuid,
    originCountry: z.string(),
    transitCountries: z.array(z.string()),
    destinationCountry: z.string(),
    ports: z.array(z.string()),
    carriers: z.array(z.string()),
    transportMode: z.enum(TRANSPORT_MODES).nullable(),
    product: productRef,
  })
  .meta({ id: 'SupplyRoute' });
export const supplyChainEntryListView = z.object({ entries: z.array(supplyChainEntryView) });
export const supplyRouteListView = z.object({ routes: z.array(supplyRouteView) });
export const supplyChainListQuery = z.object({
  /** Only those for this product (portfolio-wide ones are left out). */
  productId: uuid.optional(),
});

export const supplyChainTemplateQuery = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  /** A CSV file holds one sheet: entries or routes. A workbook holds both. */
  sheet: z.enum(['entries', 'routes']).default('entries'),
});
export const supplyChainImportQuery = z.object({
  /** Replace the whole supply chain of each sheet given (entries, routes) rather than add to it. */
  replace: z.stringbool().default(false),
});
export const supplyChainImportView = z.object({
  entries: z.number().int(),
  routes: z.number().int(),
  replaced: z.boolean(),
});

/**
 * One bad cell of an imported supply-chain file: where (the sheet of a workbook, the line — header
 * is line 1 — and the column) and why.
 */
export const supplyChainImportIssue = z.object({
  sheet: z.string().optional(),
  line: z.number().int(),
  field: z.string(),
  message: z.string(),
});
export type SupplyChainImportIssue = z.infer<typeof supplyChainImportIssue>;

/** The supply chain as an officer sees it in a guide: product-specific and portfolio-wide records. */
export const guideSupplyChainView = z.object({
  entries: z.array(supplyChainEntryView.omit({ product: true }).extend({ productSpecific: z.boolean() })),
  routes: z.array(supplyRouteView.omit({ product: true }).extend({ productSpecific: z.boolean() })),
});

// ---------------------------------------------------------------------------------------------
// Contacts

const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().\-/]{4,30}$/, { message: 'A phone number: digits, spaces and + ( ) . - /' });
const spokenLanguage = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, { message: 'A language is a two-letter ISO 639-1 code' });

export const contactParams = holderParams.extend({ contactId: uuid });

export const contactBody = z
  .object({
    name: personName,
    /** Function, e.g. "Brand protection manager, EMEA". */
    title: optionalText(200),
    email: email.nullish().transform((value) => value ?? null),
    phone: phoneNumber.nullish().transform((value) => value ?? null),
    /** Countries this person covers; none means worldwide. */
    countries: z.array(countryCode).max(250).default([]),
    /** Languages spoken, as two-letter ISO 639-1 codes. */
    languages: z.array(spokenLanguage).max(30).default([]),
    /** Reachable 24/7 (perishable goods, air cargo). */
    alwaysAvailable: z.boolean().default(false),
    /** When reachable, in words: "Mon–Fri 08:00–18:00 CET". */
    hours: optionalText(500),
  })
  .superRefine((contact, ctx) => {
    if (!contact.email && !contact.phone)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Give an email address or a phone number' });
  })
  .transform((contact) => ({
    ...contact,
    countries: [...new Set(contact.countries)],
    languages: [...new Set(contact.languages)],
  }));
export type ContactBody = z.infer<typeof contactBody>;

export const contactView = z
  .object({
    id: uuid,
    name: z.string(),
    title: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    countries: z.array(z.string()),
    languages: z.array(z.string()),
    alwaysAvailable: z.boolean(),
    hours: z.string().nullable(),
  })
  .meta({ id: 'Contact' });
export type ContactView = z.infer<typeof contactView>;
export const contactListView = z.object({ contacts: z.array(contactView) });

/** A contact as an enforcement user sees it: those covering their country come first. */
export const officerContactView = contactView.extend({
  /** Covers the reader's country by name (false for worldwide contacts). */
  coversYourCountry: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Company information and IP rights seen by officers

export const companyParams = z.object({ rightsHolderId: uuid });
export const companyListQuery = z.object({
  /** Words in the company name, a brand name or a brand alias. */
  q: z.string().trim().max(100).optional(),
});
const companyBrand = z.object({
  id: uuid,
  name: z.string(),
  aliases: z.array(z.string()),
  /** Fetch with GET /api/images/:id/thumbnail (logos are company information). */
  logoImageId: uuid.nullable(),
  categories: z.array(z.string()),
});
export const companySummary = z.object({
  id: uuid,
  name: z.string(),
  countryCode: z.string().nullable(),
  website: z.string().nullable(),
  brands: z.array(companyBrand),
});
export const companyListView = z.object({ rightsHolders: z.array(companySummary) });
/** Company-level information: every approved enforcement user sees it, without a share. */
export const companyView = companySummary
  .extend({ contacts: z.array(officerContactView) })
  .meta({ id: 'RightsHolderCompany' });

/** An IP right in a guide, with the recordation in the reader's country when there is one. */
export const guideIpRightView = z.object({
  id: uuid,
  type: z.enum(IP_RIGHT_TYPES),
  registrationNumber: z.string(),
  office: z.string(),
  classes: z.array(z.number().int()),
  ownerName: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  recordation: z
    .object({
      countryCode: z.string(),
      reference: z.string(),
      status: z.enum(RECORDATION_STATUSES),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
    })
    .nullable(),
});

// ---------------------------------------------------------------------------------------------
// Representations

export const representationParams = holderParams.extend({ legalRepresentativeId: uuid });
export const representationBody = z.object({
  /** An approved legal representative firm. */
  legalRepresentativeId: uuid,
});
export const representationView = z
  .object({
    legalRepresentative: z.object({ id: uuid, name: z.string(), countryCode: z.string().nullable() }),
    createdAt: timestamp,
  })
  .meta({ id: 'Representation' });
export const representationListView = z.object({ representations: z.array(representationView) });
/** The rights holders a legal representative firm acts for: the web app's switcher. */
export const representedRightsHoldersView = z.object({
  rightsHolders: z.array(z.object({ id: uuid, name: z.string(), countryCode: z.string().nullable() })),
});
