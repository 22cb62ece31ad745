import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import { type Db, migrateToLatest, openDatabase } from './db/database.js';
import { loadAppSecret } from './lib/app-secret.js';
import { type Clock, systemClock } from './lib/clock.js';
import { createSecretBox } from './lib/secret-box.js';
import { type BlobStorage, createLocalStorage } from './lib/storage.js';
import { createAlertDigest } from './modules/alerts/digest.js';
import { createAlertBus } from './modules/alerts/event-bus.js';
import { createAlertService } from './modules/alerts/service.js';
import { type AlertStreamLimits, DEFAULT_ALERT_STREAM_LIMITS } from './modules/alerts/stream.js';
import { createApiTokenService } from './modules/api-tokens/service.js';
import { createVerificationAlertMail } from './modules/authentication/alert-mail.js';
import { createConnectorService } from './modules/authentication/connectors.js';
import { createEndpointClient } from './modules/authentication/endpoint-client.js';
import { createVerificationHistory } from './modules/authentication/history.js';
import { createSerialRegistry } from './modules/authentication/registry.js';
import { createSerialHasher } from './modules/authentication/serial-hash.js';
import { createVerifier } from './modules/authentication/verifier.js';
import { createCasePolicyService } from './modules/case-policies/service.js';
import { createCaseService } from './modules/cases/service.js';
import { createCompanyPrefixService } from './modules/company-prefixes/service.js';
import { createContactService } from './modules/contacts/service.js';
import { createGuidePdfService } from './modules/guide-pdf/service.js';
import {
  createIdentityService,
  DEFAULT_IDENTITY_LIMITS,
  type IdentityLimits,
} from './modules/identity/service.js';
import { createImageService } from './modules/images/service.js';
import { createCertificateService } from './modules/ip-rights/certificates.js';
import { createRecordationReminder } from './modules/ip-rights/reminders.js';
import { createIpRightService } from './modules/ip-rights/service.js';
import { createMailDispatcher, type MailDispatcher } from './modules/mail/dispatcher.js';
import { createCaseNotifier } from './modules/notifications/case-notices.js';
import { createCaseReminders } from './modules/notifications/case-reminders.js';
import { createOrganisationService } from './modules/organisations/service.js';
import { createPortfolioService } from './modules/portfolio/service.js';
import { createPortfolioBulkService } from './modules/portfolio-bulk/service.js';
import { createRepresentationService } from './modules/representations/service.js';
import { createSearchService } from './modules/search/service.js';
import { createSupplyChainService } from './modules/supply-chain/service.js';
import { createWebhookDispatcher } from './modules/webhooks/dispatcher.js';
import { createWebhookService } from './modules/webhooks/service.js';

export interface Limits {
  /** Per client IP, on sign-in, registration and other unauthenticated forms. */
  authRequestsPerMinute: number;
  identity: IdentityLimits;
  alertStream: AlertStreamLimits;
}

export interface ContextOverrides {
  db?: Db;
  clock?: Clock;
  log?: Logger;
  /** Where uploads go; local files under `config.uploads.dir` by default. */
  storage?: BlobStorage;
  limits?: Partial<Limits>;
}

/** Everything the server needs, built once from the config; tests swap parts through overrides. */
export async function createAppContext(config: Config, overrides: ContextOverrides = {}) {
  const log = overrides.log ?? pino({ name: 'assay', level: config.log.level });
  const clock = overrides.clock ?? systemClock;
  const db =
    overrides.db ??
    (await openDatabase({
      ...config.db,
      onConnectionError: (error) => log.warn({ err: error }, 'database connection lost'),
    }));
  await migrateToLatest(db);
  const appSecret = await loadAppSecret(config.secrets.appSecret, config.db.dataDir);
  const limits: Limits = {
    authRequestsPerMinute: 30,
    identity: DEFAULT_IDENTITY_LIMITS,
    alertStream: DEFAULT_ALERT_STREAM_LIMITS,
    ...overrides.limits,
  };

  const dispatcher: MailDispatcher | null = config.mail.smtpUrl
    ? createMailDispatcher({
        db,
        smtpUrl: config.mail.smtpUrl,
        from: config.mail.from,
        clock,
        log: log.child({ module: 'mail' }),
      })
    : null;
  const mail = { delivers: dispatcher !== null, clock, afterCommit: () => dispatcher?.kick(), dispatcher };
  const publicUrl = config.http.publicUrl;

  const identity = createIdentityService({
    db,
    clock,
    totpBox: createSecretBox(appSecret, 'totp'),
    mail,
    publicUrl,
    limits: limits.identity,
    demo: config.demo.seed,
  });
  const organisations = createOrganisationService({ db, clock, mail, publicUrl });
  const apiTokens = createApiTokenService({ db, clock });
  const portfolio = createPortfolioService({ db, clock });
  const portfolioBulk = createPortfolioBulkService({ db, clock, portfolio });
  const ipRights = createIpRightService({ db, clock, portfolio });
  const supplyChain = createSupplyChainService({ db, clock, portfolio });
  const contacts = createContactService({ db, clock, portfolio });
  const search = createSearchService({ db });
  const companyPrefixes = createCompanyPrefixService({ db, clock, portfolio });
  /** In-app notifications and emails of case events, written in the case service's transactions. */
  const caseNotifier = createCaseNotifier({ mail, clock, publicUrl });
  /** Started by `serve`: answer-deadline reminders and expiry notices; tests run `runOnce`. */
  const caseReminders = createCaseReminders({
    db,
    clock,
    mail,
    notifier: caseNotifier,
    log: log.child({ module: 'cases' }),
  });
  // The dispatcher is made below; the callback only runs once a case is opened.
  const cases = createCaseService({ db, clock, onWebhookEvents: () => webhookDispatcher.kick() });
  const casePolicies = createCasePolicyService({ db, clock });
  const representations = createRepresentationService({ db, clock });
  /** The hourly job of `serve`; tests run it with their own clock. */
  const remindExpiringRecordations = createRecordationReminder({
    db,
    clock,
    mail,
    publicUrl,
    log: log.child({ module: 'recordations' }),
  });
  const alertBus = createAlertBus();
  const alerts = createAlertService({ db, clock, bus: alertBus });
  /** The hourly job of `serve` that emails each officer's daily alert digest. */
  const sendAlertDigests = createAlertDigest({
    db,
    clock,
    mail,
    publicUrl,
    log: log.child({ module: 'alerts' }),
  });
  const hasher = createSerialHasher(appSecret);
  const signingBox = createSecretBox(appSecret, 'connector-signing');
  const endpoints = createEndpointClient({ clock });
  const verifier = createVerifier({ db, clock, hasher, signingBox, endpoints, portfolio });
  const connectors = createConnectorService({
    db,
    clock,
    portfolio,
    signingBox,
    requireHttps: config.env === 'production',
    onChange: () => verifier.forget(),
    circuitState: (connectorId) => endpoints.circuitState(connectorId),
  });
  const serialRegistry = createSerialRegistry({ db, clock, portfolio, hasher });
  const verificationHistory = createVerificationHistory({ db, clock, portfolio });
  /** The five-minute job of `serve` that emails rights holders about suspicious verifications. */
  const mailSuspiciousVerifications = createVerificationAlertMail({
    db,
    clock,
    mail,
    publicUrl,
    log: log.child({ module: 'authentication' }),
  });
  const storage = overrides.storage ?? createLocalStorage(config.uploads.dir);
  const certificates = createCertificateService({ db, clock, storage, portfolio });
  const images = createImageService({ db, clock, storage, portfolio, log: log.child({ module: 'images' }) });
  const guidePdf = createGuidePdfService({ portfolio, images, clock });
  const webhookSigningBox = createSecretBox(appSecret, 'webhook-signing');
  /** Started by `serve`; tests run its rounds with their own clock. */
  const webhookDispatcher = createWebhookDispatcher({
    db,
    clock,
    signingBox: webhookSigningBox,
    log: log.child({ module: 'webhooks' }),
  });
  const webhooks = createWebhookService({
    db,
    clock,
    portfolio,
    signingBox: webhookSigningBox,
    requireHttps: config.env === 'production',
    onQueued: () => webhookDispatcher.kick(),
  });

  return {
    config,
    db,
    log,
    clock,
    limits,
    mail,
    identity,
    organisations,
    apiTokens,
    portfolio,
    portfolioBulk,
    ipRights,
    certificates,
    supplyChain,
    contacts,
    search,
    companyPrefixes,
    cases,
    caseNotifier,
    caseReminders,
    casePolicies,
    representations,
    remindExpiringRecordations,
    alertBus,
    alerts,
    sendAlertDigests,
    serialHasher: hasher,
    connectors,
    serialRegistry,
    verifier,
    verificationHistory,
    mailSuspiciousVerifications,
    storage,
    images,
    guidePdf,
    webhooks,
    webhookDispatcher,
    async close() {
      await caseReminders.stop();
      await dispatcher?.stop();
      await webhookDispatcher.stop();
      await db.destroy();
    },
  };
}

export type AppContext = Awaited<ReturnType<typeof createAppContext>>;
