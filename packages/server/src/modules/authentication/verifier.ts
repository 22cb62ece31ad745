import { randomUUID } from 'node:crypto';
import {
  type Actor,
  assessClone,
  CLONE_RULE_DEFAULTS,
  type ConnectorKind,
  type EarlierVerification,
  type EndpointFailure,
  isEnforcementKind,
  parseGs1,
  type RegisteredPack,
  toDigitalLink,
  VERDICT_MEANINGS,
  type VerdictFinding,
  type VerificationPolicyBody,
  type VerificationView,
  type VerifyBody,
  verdictFinding,
  verdictFor,
} from '@assay/core';
import { sql } from 'kysely';
import { type Db, executePrepared } from '../../db/database.js';
import { AppError, forbidden, invalid } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { SecretBox } from '../../lib/secret-box.js';
import type { PortfolioService } from '../portfolio/service.js';
import { loadPolicy } from './connectors.js';
import type { EndpointClient } from './endpoint-client.js';
import { createHistoryWriter } from './history-writer.js';
import { createRateCounter } from './rate-counter.js';
import { type SerialHasher, serialHint } from './serial-hash.js';

/** What was read from the pack. */
interface ScannedCode {
  gtin: string;
  serial: string;
  batch: string | null;
  expiry: string | null;
  /** For a resolver hand-off: the code as GS1 elements. */
  elements: { ai: string; value: string }[];
}

/** The connector that answers for a GTIN, with whose it is. */
interface ResolvedConnector {
  id: string;
  kind: ConnectorKind;
  url: string | null;
  timeoutMs: number | null;
  signingSecret: string | null;
  rightsHolder: { id: string; name: string };
  brand: { id: string; name: string };
}

/** How long a connector, policy or organisation country is reused before it is read again. */
const CACHE_MS = 30_000;
/** The longest clone-rule window decides how far back the history is read. */
const HISTORY_DAYS = Math.max(
  CLONE_RULE_DEFAULTS.otherCountry.windowDays,
  CLONE_RULE_DEFAULTS.manyOrganisations.windowDays,
  CLONE_RULE_DEFAULTS.burst.windowHours / 24,
);
/** Enough earlier scans for every rule's threshold many times over. */
const HISTORY_LIMIT = 200;

/**
 * Verifies a serialised pack for an officer: finds the brand's connector for the GTIN, asks it
 * (registry, endpoint or resolver hand-off), runs the clone rules over the serial's history and
 * records the verification. The hot path is three round trips (session, registry + history, and an
 * insert shared with concurrent verifications by group commit);
 * connectors, policies and countries are cached for 30 s and dropped at once on a change made here.
 */
export function createVerifier(deps: {
  db: Db;
  clock: Clock;
  hasher: SerialHasher;
  signingBox: SecretBox;
  endpoints: EndpointClient;
  portfolio: Pick<PortfolioService, 'managedRightsHolder'>;
}) {
  const { db, clock, hasher, endpoints } = deps;
  const connectorCache = new Cache<ResolvedConnector | null>(clock);
  const policyCache = new Cache<VerificationPolicyBody>(clock);
  const countryCache = new Cache<string>(clock);
  const rates = createRateCounter(clock);
  const writer = createHistoryWriter(db);

  async function resolveConnector(gtin: string, rightsHolderId?: string): Promise<ResolvedConnector | null> {
    const key = `${gtin}:${rightsHolderId ?? ''}`;
    const cached = connectorCache.get(key);
    if (cached !== undefined) return cached;
    let query = db
      .selectFrom('product_identifiers as pi')
      .innerJoin('products as p', 'p.id', 'pi.product_id')
      .innerJoin('brands as b', 'b.id', 'p.brand_id')
      .innerJoin('authentication_connectors as c', (join) =>
        join
          .on('c.active', '=', true)
          .on((eb) =>
            eb.or([eb('c.product_id', '=', eb.ref('p.id')), eb('c.brand_id', '=', eb.ref('p.brand_id'))]),
          ),
      )
      .innerJoin('organisations as o', 'o.id', 'c.rights_holder_id')
      .select([
        'c.id',
        'c.kind',
        'c.url',
        'c.timeout_ms',
        'c.signing_secret',
        'o.id as rights_holder_id',
        'o.name as rights_holder_name',
        'b.id as brand_id',
        'b.name as brand_name',
      ])
      .where('pi.gtin', '=', gtin)
      .where('o.status', '=', 'active')
      .orderBy(sql`c.product_id is not null`, 'desc')
      .orderBy('c.created_at')
      .limit(1);
    if (rightsHolderId) query = query.where('pi.organisation_id', '=', rightsHolderId);
    const row = await query.executeTakeFirst();
    const resolved: ResolvedConnector | null = row
      ? {
          id: row.id,
          kind: row.kind,
          url: row.url,
          timeoutMs: row.timeout_ms,
          signingSecret: row.signing_secret ? deps.signingBox.open(row.signing_secret) : null,
          rightsHolder: { id: row.rights_holder_id, name: row.rights_holder_name },
          brand: { id: row.brand_id, name: row.brand_name },
        }
      : null;
    connectorCache.set(key, resolved);
    return resolved;
  }

  async function policyOf(rightsHolderId: string) {
    const cached = policyCache.get(rightsHolderId);
    if (cached) return cached;
    const policy = await loadPolicy(db, rightsHolderId);
    policyCache.set(rightsHolderId, policy);
    return policy;
  }

  async function countryOf(organisationId: string): Promise<string> {
    const cached = countryCache.get(organisationId);
    if (cached) return cached;
    const row = await db
      .selectFrom('organisations')
      .select('country_code')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow();
    if (!row.country_code)
      throw forbidden('Your organisation has no country: only enforcement officers verify codes');
    countryCache.set(organisationId, row.country_code);
    return row.country_code;
  }

  /** The registered pack (registry connectors) and the serial's recent history, in one round trip. */
  async function registryAndHistory(serialHash: Buffer, connectorId: string | null, now: Date) {
    const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
    const { rows } = await executePrepared(
      db,
      'verification_registry_and_history',
      sql<{
        state: RegisteredPack['state'] | null;
        batch: string | null;
        expiry: string | null;
        intended_markets: string[] | null;
        history: [string, string, string, EarlierVerification['verdict']][];
      }>`
      select r.state, r.batch, r.expiry, r.intended_markets,
        coalesce((
          select json_agg(json_build_array(h.country_code, h.verified_at, h.organisation_id, h.verdict))
          from (
            select country_code, verified_at, organisation_id, verdict from verifications
            where serial_hash = ${serialHash} and verified_at > ${since} and verified_at <= ${now}
            order by verified_at desc limit ${HISTORY_LIMIT}
          ) h
        ), '[]') as history
      from (select 1) as one
      left join registered_serials r on r.serial_hash = ${serialHash} and r.connector_id = ${connectorId}`.compile(
        db,
      ),
    );
    const row = rows[0]!;
    const pack: RegisteredPack | null =
      row.state && row.batch && row.expiry
        ? {
            state: row.state,
            batch: row.batch,
            expiry: row.expiry,
            intendedMarkets: row.intended_markets ?? [],
          }
        : null;
    const history: EarlierVerification[] = row.history.map(([country, at, organisationId, verdict]) => ({
      country,
      at: new Date(at),
      organisationId,
      verdict,
    }));
    return { pack, history };
  }

  /** Asks the connector; `test` marks the delivery log entry of a console try. */
  async function ask(
    connector: ResolvedConnector,
    code: ScannedCode,
    country: string,
    serialHash: Buffer,
    now: Date,
    test: boolean,
  ) {
    if (connector.kind === 'registry') {
      const { pack, history } = await registryAndHistory(serialHash, connector.id, now);
      return {
        result: verdictFor(pack, code, country),
        history,
        unavailable: null,
        handOffUrl: null,
        delivery: null,
      };
    }
    if (connector.kind === 'resolver') {
      const { history } = await registryAndHistory(serialHash, null, now);
      const link = toDigitalLink(code.elements, connector.url!)!;
      const handOffUrl = `${link}${link.includes('?') ? '&' : '?'}linkType=gs1:verificationService`;
      return {
        result: {
          verdict: 'handed_off' as const,
          findings: [verdictFinding('handed_off', { url: handOffUrl })],
        },
        history,
        unavailable: null,
        handOffUrl,
        delivery: null,
      };
    }
    const [call, { history }] = await Promise.all([
      endpoints.call(
        {
          id: connector.id,
          url: connector.url!,
          timeoutMs: connector.timeoutMs!,
          secret: connector.signingSecret!,
        },
        { gtin: code.gtin, serial: code.serial, batch: code.batch, expiry: code.expiry, country },
      ),
      registryAndHistory(serialHash, null, now),
    ]);
    const delivery = {
      id: randomUUID(),
      connector_id: connector.id,
      at: now,
      outcome: call.answer.ok ? ('answered' as const) : call.answer.failure,
      http_status: call.httpStatus,
      duration_ms: Math.round(call.durationMs),
      detail: call.detail,
      test,
    };
    if (!call.answer.ok) {
      const unavailable: EndpointFailure = call.answer.failure;
      return {
        result: {
          verdict: 'service_unavailable' as const,
          findings: [verdictFinding('service_unavailable')],
        },
        history,
        unavailable,
        handOffUrl: null,
        delivery,
      };
    }
    const pack = call.answer.found ? call.answer.pack : null;
    return {
      result: verdictFor(pack, code, country),
      history,
      unavailable: null,
      handOffUrl: null,
      delivery,
    };
  }

  /** The whole judgement, without recording anything. */
  async function judge(
    connector: ResolvedConnector,
    code: ScannedCode,
    country: string,
    organisationId: string,
    test: boolean,
  ) {
    const now = clock.now();
    const serialHash = hasher.hash(connector.rightsHolder.id, code.gtin, code.serial);
    const answer = await ask(connector, code, country, serialHash, now, test);
    const cleanSoFar = ['genuine', 'handed_off', 'service_unavailable'].includes(answer.result.verdict);
    const history = withPending(answer.history, writer.pending(serialHash));
    const clone = assessClone({ country, at: now, organisationId, genuineSoFar: cleanSoFar }, history);
    let findings: VerdictFinding[] = answer.result.findings;
    if (clone.verdict) {
      const finding = verdictFinding('possible_clone');
      findings = clone.primary
        ? [finding, ...findings.filter((f) => f.verdict !== 'genuine')]
        : [...findings, finding];
    }
    const verdict = findings[0]!.verdict;
    const view: VerificationView = {
      id: null,
      verifiedAt: now.toISOString(),
      country,
      verdict,
      ...VERDICT_MEANINGS[verdict],
      findings,
      clone: clone.fired.map((fired) => ({
        rule: fired.rule,
        params: { ...fired.params },
        earlierScans: fired.earlierScans.map((scan) => ({
          country: scan.country,
          at: scan.at.toISOString(),
        })),
      })),
      gtin: code.gtin,
      serial: code.serial,
      batch: code.batch,
      expiry: code.expiry,
      rightsHolder: connector.rightsHolder,
      brand: connector.brand,
      connectorKind: connector.kind,
      handOffUrl: answer.handOffUrl,
      unavailableReason: answer.unavailable,
    };
    return { view, serialHash, delivery: answer.delivery, now };
  }

  function permitted(policy: VerificationPolicyBody, organisationId: string, country: string) {
    return (
      policy.authorities === 'all' ||
      policy.organisationIds.includes(organisationId) ||
      policy.countries.includes(country)
    );
  }

  return {
    /** An officer's verification of a scanned serialised pack; recorded in the serial's history. */
    async verify(actor: Actor, body: VerifyBody): Promise<VerificationView> {
      if (!isEnforcementKind(actor.organisationKind))
        throw forbidden('Only enforcement officers verify codes');
      const code = scannedCode(body, clock.now().getUTCFullYear());
      const country = await countryOf(actor.organisationId);
      const connector = await resolveConnector(code.gtin);
      if (!connector) return unknownProduct(code, country, clock.now());
      const policy = await policyOf(connector.rightsHolder.id);
      if (!permitted(policy, actor.organisationId, country)) {
        throw forbidden(
          `${connector.rightsHolder.name} does not let your organisation verify its codes in Assay`,
        );
      }
      if (!rates.take(`${connector.rightsHolder.id}:${actor.organisationId}`, policy.ratePerHour)) {
        throw new AppError(
          429,
          'rate_limited',
          `Your organisation reached the ${policy.ratePerHour} verifications an hour that ${connector.rightsHolder.name} allows`,
          { ratePerHour: policy.ratePerHour },
        );
      }
      const { view, serialHash, delivery, now } = await judge(
        connector,
        code,
        country,
        actor.organisationId,
        false,
      );
      const id = randomUUID();
      const record = {
        id,
        rights_holder_id: connector.rightsHolder.id,
        connector_id: connector.id,
        brand_id: connector.brand.id,
        serial_hash: serialHash,
        gtin: code.gtin,
        serial_hint: serialHint(code.serial),
        batch: code.batch,
        expiry: code.expiry,
        organisation_id: actor.organisationId,
        user_id: actor.userId,
        country_code: country,
        verified_at: now,
        verdict: view.verdict,
        severity: view.severity,
        suspicious: view.severity === 'alert' || view.severity === 'warning',
        clone: JSON.stringify(view.clone),
      };
      await writer.write(record, delivery);
      return { ...view, id };
    },

    /** The rights holder's test console: as an officer of `country` would see it, recorded nowhere but the delivery log. */
    async test(
      actor: Actor,
      rightsHolderId: string,
      body: { code: string; country: string },
    ): Promise<VerificationView> {
      await deps.portfolio.managedRightsHolder(actor, rightsHolderId);
      const code = scannedCode({ code: body.code }, clock.now().getUTCFullYear());
      const connector = await resolveConnector(code.gtin, rightsHolderId);
      if (!connector) return unknownProduct(code, body.country, clock.now());
      const { view, delivery } = await judge(
        connector,
        code,
        body.country,
        `test:${actor.organisationId}`,
        true,
      );
      if (delivery) await db.insertInto('connector_deliveries').values(delivery).execute();
      return view;
    },

    /** Forget cached connectors and policies (after a change). */
    forget() {
      connectorCache.clear();
      policyCache.clear();
    },
  };
}

export type Verifier = ReturnType<typeof createVerifier>;

/** The stored history and the verifications still being written, each scan once. */
function withPending(
  stored: EarlierVerification[],
  pending: readonly EarlierVerification[],
): EarlierVerification[] {
  if (pending.length === 0) return stored;
  const seen = new Set(stored.map((scan) => `${scan.at.getTime()}|${scan.organisationId}`));
  return [...stored, ...pending.filter((scan) => !seen.has(`${scan.at.getTime()}|${scan.organisationId}`))];
}

function unknownProduct(code: ScannedCode, country: string, now: Date): VerificationView {
  return {
    id: null,
    verifiedAt: now.toISOString(),
    country,
    verdict: 'unknown_product',
    ...VERDICT_MEANINGS.unknown_product,
    findings: [verdictFinding('unknown_product')],
    clone: [],
    gtin: code.gtin,
    serial: code.serial,
    batch: code.batch,
    expiry: code.expiry,
    rightsHolder: null,
    brand: null,
    connectorKind: null,
    handOffUrl: null,
    unavailableReason: null,
  };
}

/** The GTIN, serial, batch and expiry of the request: parsed from the scanned code, or given. */
function scannedCode(body: VerifyBody, referenceYear: number): ScannedCode {
  if (body.code === undefined) {
    const { gtin, serial } = body as { gtin: string; serial: string };
    const elements = [
      { ai: '01', value: gtin },
      ...(body.batch ? [{ ai: '10', value: body.batch }] : []),
      ...(body.expiry ? [{ ai: '17', value: yymmdd(body.expiry) }] : []),
      { ai: '21', value: serial },
    ];
    return { gtin, serial, batch: body.batch ?? null, expiry: body.expiry ?? null, elements };
  }
  const parsed = parseGs1(body.code, { referenceYear });
  if (!parsed.ok) {
    throw new AppError(400, 'validation_failed', parsed.error.message, [
      {
        path: 'code',
        message: parsed.error.message,
        gs1: { code: parsed.error.code, params: parsed.error.params },
      },
    ]);
  }
  if (!parsed.gtin) throw invalid('code', 'The code carries no GTIN (AI 01)');
  if (!parsed.serial)
    throw invalid('code', 'The code carries no serial number (AI 21): there is nothing to verify');
  return {
    gtin: parsed.gtin,
    serial: parsed.serial,
    batch: parsed.batch,
    expiry: parsed.expiry,
    elements: parsed.elements.map(({ ai, value }) => ({ ai, value })),
  };
}

/** `2027-03-31` → `270331`; `2027-03` → `270300` (GS1: day 00 is the whole month). */
function yymmdd(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${year!.slice(2)}${month}${day ?? '00'}`;
}

/** A small time-limited cache; `undefined` means "not cached", so `null` can be cached. */
class Cache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  constructor(private readonly clock: Clock) {}
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until < this.clock.now().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }
  set(key: string, value: T) {
    // Bounded: a flood of distinct unknown GTINs cannot grow it without limit.
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(key, { value, until: this.clock.now().getTime() + CACHE_MS });
  }
  clear() {
    this.entries.clear();
  }
}
