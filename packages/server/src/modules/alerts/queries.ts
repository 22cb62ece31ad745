import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/** Who reads an inbox: an enforcement user, with their organisation's country. */
export interface Reader {
  userId: string;
  organisationId: string;
  countryCode: string | null;
}

/** The UTC calendar day of a moment, `YYYY-MM-DD`. */
export const dayOf = (moment: Date) => moment.toISOString().slice(0, 10);

const dateText = (column: string) => sql<string>`${sql.ref(column)}::text`;

/** Every column of an alert, dates as `YYYY-MM-DD` text. */
export function alertQuery(db: Db) {
  return db
    .selectFrom('alerts as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.organisation_id',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'a.status',
      'a.severity',
      'a.title',
      'a.body',
      'a.brand_ids',
      'a.product_ids',
      'a.indicators',
      'a.target_countries',
      'a.target_ports',
      'a.transport_modes',
      dateText('a.valid_from').as('valid_from'),
      sql<string | null>`a.valid_to::text`.as('valid_to'),
      'a.published_at',
      'a.withdrawn_at',
      'a.updated_at',
    ]);
}

export type AlertRecord = Awaited<ReturnType<ReturnType<typeof alertQuery>['executeTakeFirstOrThrow']>>;

type AlertScope = ExpressionBuilder<Database & { a: Database['alerts'] }, 'a'>;

/** Published (not withdrawn) and aimed at the reader's country or at every country. */
export function reachesReader(eb: AlertScope, reader: Reader) {
  return eb.and([
    eb('a.status', '=', 'published'),
    eb.or([
      sql<boolean>`cardinality(a.target_countries) = 0`,
      sql<boolean>`${reader.countryCode ?? ''} = any(a.target_countries)`,
    ]),
  ]);
}

/** Within its validity window on `day`. */
export function validOn(eb: AlertScope, day: string) {
  return eb.and([
    sql<boolean>`a.valid_from <= ${day}::date`,
    eb.or([eb('a.valid_to', 'is', null), sql<boolean>`a.valid_to >= ${day}::date`]),
  ]);
}

/** Active alerts reaching the reader that they have not opened yet. */
export async function unreadCount(db: Db, reader: Reader, day: string): Promise<number> {
  const row = await db
    .selectFrom('alerts as a')
    .select(sql<number>`count(*)::int`.as('unread'))
    .where((eb) => eb.and([reachesReader(eb, reader), validOn(eb, day)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('alert_readings as r')
            .select('r.alert_id')
            .whereRef('r.alert_id', '=', 'a.id')
            .where('r.user_id', '=', reader.userId),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return row.unread;
}

/** How many organisations and countries acknowledged an alert (never who). */
export async function acknowledgements(db: Db, alertIds: readonly string[]) {
  const result = new Map<string, { organisations: number; countries: number; countryCodes: string[] }>();
  if (!alertIds.length) return result;
  const rows = await db
    .selectFrom('alert_readings as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select([
      'r.alert_id',
      sql<number>`count(distinct r.organisation_id)::int`.as('organisations'),
      sql<
        string[]
      >`coalesce(array_agg(distinct o.country_code) filter (where o.country_code is not null), '{}')`.as(
        'country_codes',
      ),
    ])
    .where('r.alert_id', 'in', [...alertIds])
    .where('r.acknowledged_at', 'is not', null)
    .groupBy('r.alert_id')
    .execute();
  for (const row of rows) {
    const countryCodes = [...row.country_codes].sort();
    result.set(row.alert_id, {
      organisations: row.organisations,
      countries: countryCodes.length,
      countryCodes,
    });
  }
  return result;
}

/** What let a stream open: the browser session or the API token it was opened with. */
export type StreamGrant = { kind: 'session'; id: string } | { kind: 'token'; id: string };

/**
 * Whether the grant a stream was opened with still lets the reader in: the session (or token)
 * still exists and has not expired, and the membership and organisation are still active.
 */
export async function grantStillValid(
  db: Db,
  grant: StreamGrant,
  reader: Reader,
  now: Date,
  sessionIdleSeconds: number,
): Promise<boolean> {
  const membership = db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select('m.user_id')
    .where('m.user_id', '=', reader.userId)
    .where('m.organisation_id', '=', reader.organisationId)
    .where('m.status', '=', 'active')
    .where('o.status', '=', 'active');
  const row =
    grant.kind === 'session'
      ? await membership
          .innerJoin('sessions as s', 's.user_id', 'm.user_id')
          .where('s.id', '=', grant.id)
          .where('s.stage', '=', 'active')
          .where('s.expires_at', '>', now)
          .where('s.last_seen_at', '>', new Date(now.getTime() - sessionIdleSeconds * 1000))
          .executeTakeFirst()
      : await membership
          .innerJoin('api_tokens as t', 't.created_by', 'm.user_id')
          .where('t.id', '=', grant.id)
          .whereRef('t.organisation_id', '=', 'm.organisation_id')
          .where('t.revoked_at', 'is', null)
          .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
          .executeTakeFirst();
  return row !== undefined;
}
