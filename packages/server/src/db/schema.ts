import type {
  ConnectorKind,
  DeliveryOutcome,
  Locale,
  OrganisationKind,
  OrganisationStatus,
  PackState,
  Role,
  VerdictSeverity,
  VerificationVerdict,
  WebhookDeliveryOutcome,
  WebhookEventStatus,
} from '@assay/core';
import type { Generated, Insertable, Selectable } from 'kysely';

/** Row types of every table, as Kysely sees them. Column names are snake_case in SQL and here. */
export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  recovery_codes: RecoveryCodeTable;
  password_resets: PasswordResetTable;
  invitations: InvitationTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
  mail_outbox: MailOutboxTable;
  brands: BrandTable;
  representations: RepresentationTable;
  ip_rights: IpRightTable;
  recordations: RecordationTable;
  products: ProductTable;
  product_identifiers: ProductIdentifierTable;
  guide_points: GuidePointTable;
  counterfeit_indicators: CounterfeitIndicatorTable;
  supply_chain_entries: SupplyChainEntryTable;
  supply_routes: SupplyRouteTable;
  contacts: ContactTable;
  product_shares: ProductShareTable;
  guide_views: GuideViewTable;
  images: ImageTable;
  product_images: ProductImageTable;
  company_prefixes: CompanyPrefixTable;
  product_search: ProductSearchTable;
  search_words: SearchWordTable;
  alerts: AlertTable;
  alert_readings: AlertReadingTable;
  alert_digests: AlertDigestTable;
  cases: CaseTable;
  case_goods: CaseGoodsTable;
  case_answers: CaseAnswerTable;
  case_attachments: CaseAttachmentTable;
  case_messages: CaseMessageTable;
  case_events: CaseEventTable;
  seizure_records: SeizureRecordTable;
  notifications: NotificationTable;
  case_counters: CaseCounterTable;
  idempotency_keys: IdempotencyKeyTable;
  authentication_connectors: AuthenticationConnectorTable;
  registered_serials: RegisteredSerialTable;
  verifications: VerificationTable;
  verification_policies: VerificationPolicyTable;
  connector_deliveries: ConnectorDeliveryTable;
  case_policies: CasePolicyTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_events: WebhookEventTable;
  webhook_deliveries: WebhookDeliveryTable;
}

type Timestamp = Date;

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  kind: OrganisationKind;
  country_code: string | null;
  website: string | null;
  status: OrganisationStatus;
  created_at: Generated<Timestamp>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_note: string | null;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  locale: Locale;
  /** TOTP secret, encrypted with the app secret (see lib/secret-box.ts). */
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** Last accepted TOTP time step: a code is never accepted twice. */
  totp_last_step: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: Timestamp | null;
  created_at: Generated<Timestamp>;
  last_sign_in_at: Timestamp | null;
  password_changed_at: Generated<Timestamp>;
}

export type MembershipStatus = 'pending' | 'active' | 'rejected' | 'disabled';

export interface MembershipTable {
  user_id: string;
  organisation_id: string;
  roles: Role[];
  status: MembershipStatus;
  note: string | null;
  created_at: Generated<Timestamp>;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

export type SessionStage = 'two_factor_required' | 'two_factor_enrolment_required' | 'active';

export interface SessionTable {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  id: string;
  user_id: string;
  stage: SessionStage;
  csrf_token: string;
  pending_totp_secret: string | null;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  last_seen_at: Generated<Timestamp>;
  ip: string | null;
  user_agent: string | null;
}

export interface RecoveryCodeTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface InvitationTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  roles: Role[];
  locale: Locale;
  token_hash: string;
  invited_by: string | null;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  organisation_id: string;
  created_by: string | null;
  name: string;
  scopes: string[];
  prefix: string;
  token_hash: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditEventTable {
  id: Generated<string>;
  at: Generated<Timestamp>;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  /** Whose records these are: the organisation whose admins may read the event. */
  organisation_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: Generated<Record<string, unknown>>;
}

export type MailStatus = 'held' | 'queued' | 'sent' | 'failed';

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  locale: string;
  template: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  status: MailStatus;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Generated<Timestamp>;
  created_at: Generated<Timestamp>;
  sent_at: Timestamp | null;
}

export interface BrandTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  aliases: Generated<string[]>;
  categories: Generated<string[]>;
  logo_image_id: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** Text entered in several languages: `{ original: 'en', texts: { en: '…', fr: '…' } }`. */
export interface LocalisedJson {
  original: string;
  texts: Record<string, string>;
}

export interface RepresentationTable {
  legal_representative_id: string;
  rights_holder_id: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
}

export interface IpRightTable {
  id: Generated<string>;
  organisation_id: string;
  brand_id: string | null;
  type: string;
  registration_number: string;
  office: string;
  classes: Generated<number[]>;
  owner_name: string;
  valid_from: string | null;
  valid_to: string | null;
  created_at: Generated<Timestamp>;
  certificate_key: string | null;
  certificate_type: 'application/pdf' | 'image/webp' | null;
  certificate_bytes: number | null;
  certificate_uploaded_at: Timestamp | null;
}

export interface RecordationTable {
  id: Generated<string>;
  organisation_id: string;
  ip_right_id: string | null;
  country_code: string;
  reference: string;
  status: string;
  valid_from: string | null;
  valid_to: string | null;
  reminded_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

export interface ProductTable {
  id: Generated<string>;
  organisation_id: string;
  brand_id: string;
  reference: string;
  name: LocalisedJson;
  description: LocalisedJson | null;
  packaging: LocalisedJson | null;
  category: string;
  hs_codes: Generated<string[]>;
  countries_of_manufacture: Generated<string[]>;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
  weight_g: number | null;
  price_min: string | null;
  price_max: string | null;
  currency: string | null;
  status: Generated<'active' | 'discontinued' | 'recalled'>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ProductIdentifierTable {
  product_id: string;
  organisation_id: string;
  gtin: string;
  level: 'item' | 'inner_pack' | 'case';
}

export interface GuidePointTable {
  id: Generated<string>;
  product_id: string;
  position: number;
  title: LocalisedJson;
  body: LocalisedJson;
  visibility: 'overt' | 'covert';
  created_at: Generated<Timestamp>;
  genuine_image_id: string | null;
  counterfeit_image_id: string | null;
}

export interface CounterfeitIndicatorTable {
  id: Generated<string>;
  product_id: string;
  kind: 'defect' | 'material' | 'price' | 'source' | 'route' | 'other';
  text: LocalisedJson;
}

export interface SupplyChainEntryTable {
  id: Generated<string>;
  organisation_id: string;
  product_id: string | null;
  role: 'manufacturer' | 'exporter' | 'importer' | 'distributor' | 'licensee' | 'carrier';
  name: string;
  country_code: string;
  eori: string | null;
  tax_number: string | null;
  address: string | null;
  created_at: Generated<Timestamp>;
}

export interface SupplyRouteTable {
  id: Generated<string>;
  organisation_id: string;
  product_id: string | null;
  origin_country: string;
  transit_countries: Generated<string[]>;
  destination_country: string;
  ports: Generated<string[]>;
  carriers: Generated<string[]>;
  transport_mode: string | null;
}

export interface ContactTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  countries: Generated<string[]>;
  languages: Generated<string[]>;
  always_available: Generated<boolean>;
  hours: string | null;
  created_at: Generated<Timestamp>;
}

export interface ProductShareTable {
  id: Generated<string>;
  product_id: string;
  target_kind: 'all' | 'country' | 'organisation';
  country_code: string | null;
  target_organisation_id: string | null;
  includes_covert: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

export interface GuideViewTable {
  id: Generated<string>;
  product_id: string;
  viewer_organisation_id: string;
  viewer_country: string | null;
  viewed_at: Generated<Timestamp>;
}

export type ImageKind =
  | 'product'
  | 'packaging'
  | 'label'
  | 'security_feature'
  | 'genuine'
  | 'counterfeit'
  | 'certificate';

export interface ImageTable {
  id: string;
  organisation_id: string;
  kind: ImageKind;
  content_type: string;
  width: number;
  height: number;
  bytes: number;
  thumbnail_key: string;
  display_key: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
}

export interface ProductImageTable {
  product_id: string;
  position: number;
  image_id: string;
  kind: ImageKind;
}

/** A GS1 company prefix a rights holder declared (GTINs starting with it claim to be theirs). */
export interface CompanyPrefixTable {
  prefix: string;
  rights_holder_id: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
}

/** Search document of a product, maintained by triggers (migration 0008); never written by the app. */
export interface ProductSearchTable {
  product_id: string;
  organisation_id: string;
  brand_id: string;
  category: string;
  countries: string[];
  /** `all`, `c:<country>`, `o:<organisation id>`, `r:<owning rights holder id>`. */
  visibility: string[];
  document: string;
  description_document: string;
}

/** Vocabulary of indexed words, for correcting query words (trigram index). */
export interface SearchWordTable {
  word: string;
}

export interface CaseTable {
  id: Generated<string>;
  reference: string;
  /** The enforcement organisation that opened the case. */
  organisation_id: string;
  opened_by: string | null;
  country_code: string;
  office: string | null;
  locode: string | null;
  source: 'guide' | 'scan' | 'alert' | 'screening' | 'manual';
  scanned_code: string | null;
  alert_id: string | null;
  status: Generated<string>;
  shipment: Record<string, unknown>;
  notes: string | null;
  observed_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  perishable: Generated<boolean>;
  /** When the rights holder's time to answer ends (end of the last working day, office time). */
  answer_deadline: Timestamp | null;
  declarant_consents: Generated<boolean>;
  /** When the declarant's time to object to destruction ends. */
  declarant_deadline: Timestamp | null;
  court_ordered_destruction: Generated<boolean>;
  handed_over_to: string | null;
  reminder_sent_at: Timestamp | null;
  expiry_noticed_at: Timestamp | null;
  closed_at: Timestamp | null;
}

export interface CaseAnswerTable {
  id: Generated<string>;
  case_id: string;
  rights_holder_id: string;
  /** Who answered: the rights holder or its legal representative. */
  organisation_id: string;
  answered_by: string | null;
  answer: 'genuine' | 'counterfeit' | 'cannot_tell' | 'parallel_import';
  reasons: { guidePointId: string | null; text: string }[];
  consents_to_destruction: Generated<boolean>;
  language: string | null;
  created_at: Timestamp;
}

export interface CaseAttachmentTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  uploaded_by: string | null;
  message_id: string | null;
  storage_key: string;
  file_name: string;
  content_type: string;
  size: number;
  created_at: Timestamp;
}

export interface CaseMessageTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  author_id: string | null;
  body: string;
  language: string | null;
  created_at: Timestamp;
}

export interface CaseEventTable {
  id: Generated<string>;
  case_id: string;
  event: string;
  from_status: string | null;
  to_status: string;
  organisation_id: string | null;
  user_id: string | null;
  details: Record<string, unknown>;
  created_at: Timestamp;
}

export interface SeizureRecordTable {
  id: Generated<string>;
  case_id: string;
  seized_on: string;
  country_code: string;
  office: string | null;
  transport_mode: string | null;
  origin_country: string | null;
  destination_country: string | null;
  hs_code: string | null;
  category: string | null;
  brand_id: string | null;
  brand_name: string | null;
  rights_holder_id: string | null;
  quantity: number;
  /** numeric: read back as a string. */
  estimated_value: string | null;
  currency: string | null;
  detection_origin: string;
  outcome: string;
  small_consignment: Generated<boolean>;
  created_at: Timestamp;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  case_id: string | null;
  params: Record<string, unknown>;
  read_at: Timestamp | null;
  created_at: Timestamp;
}

export interface CaseGoodsTable {
  case_id: string;
  position: number;
  product_id: string | null;
  rights_holder_id: string | null;
  description: string | null;
  /** Null until counted: a product named in a report before its goods were counted. */
  quantity: number | null;
}

export interface CaseCounterTable {
  country_code: string;
  year: number;
  last_number: number;
}

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  /** What the key was used for, e.g. `cases.open`: the same key may not serve two operations. */
  operation: string;
  request_hash: string;
  status_code: number | null;
  response: unknown;
  created_at: Generated<Timestamp>;
}

export interface AlertTable {
  id: Generated<string>;
  /** The rights holder or enforcement organisation the alert belongs to. */
  organisation_id: string;
  created_by: string | null;
  status: Generated<'draft' | 'published' | 'withdrawn'>;
  severity: 'low' | 'medium' | 'high' | 'critical';
  title: LocalisedJson;
  body: LocalisedJson;
  brand_ids: Generated<string[]>;
  product_ids: Generated<string[]>;
  /** `AlertIndicators` of core: names, routes, ports, descriptions, HS codes. */
  indicators: {
    exporterNames: string[];
    importerNames: string[];
    routes: { origin: string; transit: string[]; destination: string }[];
    ports: string[];
    descriptions: string[];
    hsCodes: string[];
  };
  target_countries: Generated<string[]>;
  target_ports: Generated<string[]>;
  transport_modes: Generated<string[]>;
  valid_from: string;
  valid_to: string | null;
  published_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface AlertReadingTable {
  alert_id: string;
  user_id: string;
  /** The reader's organisation: acknowledgements are counted per organisation and country. */
  organisation_id: string;
  read_at: Timestamp;
  acknowledged_at: Timestamp | null;
  notified_at: Generated<Timestamp | null>;
}

export interface AlertDigestTable {
  user_id: string;
  /** The UTC day of the digest: one per officer per day. */
  day: string;
  /** Alerts published up to this moment were considered. */
  covered_until: Timestamp;
  alerts: number;
}

export type UserRow = Selectable<UserTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;

export interface AuthenticationConnectorTable {
  id: Generated<string>;
  rights_holder_id: string;
  kind: ConnectorKind;
  name: string;
  brand_id: string | null;
  product_id: string | null;
  active: Generated<boolean>;
  url: string | null;
  timeout_ms: number | null;
  /** Endpoint connectors: the HMAC key, sealed with the app secret (it must be readable to sign). */
  signing_secret: string | null;
  serial_counts: Generated<Partial<Record<PackState, number>>>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface RegisteredSerialTable {
  /** HMAC-SHA256 (truncated) under the rights holder's serial key of GTIN and serial. */
  serial_hash: Buffer;
  connector_id: string;
  gtin: string;
  batch: string;
  expiry: string;
  intended_markets: string[];
  state: PackState;
}

export interface VerificationTable {
  id: Generated<string>;
  rights_holder_id: string;
  connector_id: string | null;
  brand_id: string | null;
  serial_hash: Buffer;
  gtin: string;
  serial_hint: string;
  batch: string | null;
  expiry: string | null;
  /** The verifying enforcement organisation; the officer (`user_id`) is never shown to the rights holder. */
  organisation_id: string;
  user_id: string | null;
  country_code: string;
  verified_at: Timestamp;
  verdict: VerificationVerdict;
  severity: VerdictSeverity;
  suspicious: boolean;
  clone: unknown;
  acknowledged_at: Timestamp | null;
  notified_at: Generated<Timestamp | null>;
}

export interface VerificationPolicyTable {
  rights_holder_id: string;
  authorities: 'all' | 'listed';
  organisation_ids: string[];
  countries: string[];
  rate_per_hour: number;
  updated_at: Generated<Timestamp>;
}

export interface ConnectorDeliveryTable {
  id: Generated<string>;
  connector_id: string;
  at: Timestamp;
  outcome: DeliveryOutcome;
  http_status: number | null;
  duration_ms: number;
  detail: string | null;
  test: Generated<boolean>;
}

export interface CasePolicyTable {
  country_code: string;
  answer_days: number;
  perishable_days: number;
  time_zone: string;
  /** Local dates; read back as `YYYY-MM-DD` strings (see the service). */
  holidays: string[];
  weekend: number[];
  updated_by: string | null;
  updated_at: Generated<Timestamp>;
}

export interface WebhookEndpointTable {
  id: Generated<string>;
  organisation_id: string;
  url: string;
  /** Sealed with a SecretBox. */
  signing_secret: string;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface WebhookEventTable {
  id: Generated<string>;
  /** Queue order (bigint); only sorted on. */
  seq: Generated<string>;
  endpoint_id: string;
  type: string;
  payload: Record<string, unknown>;
  status: Generated<WebhookEventStatus>;
  created_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  delivered_at: Timestamp | null;
  last_error: string | null;
}

export interface WebhookDeliveryTable {
  id: Generated<string>;
  event_id: string;
  at: Timestamp;
  attempt: number;
  http_status: number | null;
  duration_ms: number;
  outcome: WebhookDeliveryOutcome;
  detail: string | null;
}
