import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
  type Actor,
  CONNECTOR_LIMITS,
  type PackState,
  readSerialRow,
  SERIAL_CSV_COLUMNS,
  type SerialRow,
  type SerialUploadView,
  type serialUploadError,
} from '@assay/core';
import { parse } from 'csv-parse';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import { AppError, invalid, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordActorAudit } from '../audit/queries.js';
import type { PortfolioService } from '../portfolio/service.js';
import type { SerialHasher } from './serial-hash.js';

/** Rows written per statement: large enough to amortise the round trip, small enough for bounded memory. */
const WRITE_BATCH = 5_000;
/** One upload holds at most this many rows; a bigger registry goes in several files. */
export const MAX_UPLOAD_ROWS = 20_000_000;

type Counts = Partial<Record<PackState, number>>;
type UploadError = z.infer<typeof serialUploadError>;

/** Thrown inside the upload's transaction to undo it when any row was bad. */
class RollBack extends Error {}

/**
 * The hosted serial registry: uploads (CSV streamed row by row, or JSON), all or nothing, and pack
 * state changes. Serials are stored only as keyed hashes; each connector keeps its counts per state
 * up to date in the same transaction, so the list never counts ten million rows.
 */
export function createSerialRegistry(deps: {
  db: Db;
  clock: Clock;
  portfolio: Pick<PortfolioService, 'managedRightsHolder'>;
  hasher: SerialHasher;
}) {
  const { db, clock, portfolio, hasher } = deps;

  async function registryConnector(executor: Db, actor: Actor, rightsHolderId: string, connectorId: string) {
    await portfolio.managedRightsHolder(actor, rightsHolderId);
    const connector = await executor
      .selectFrom('authentication_connectors')
      .select(['id', 'kind', 'serial_counts'])
      .where('id', '=', connectorId)
      .where('rights_holder_id', '=', rightsHolderId)
      .forUpdate()
      .executeTakeFirst();
    if (!connector) throw notFound('Connector');
    if (connector.kind !== 'registry')
      throw invalid('connectorId', 'Serials are registered with a registry connector only');
    return connector;
  }

  /** Stores a connector's counts per state, in the transaction that changed them. */
  const saveCounts = (trx: Db, connectorId: string, counts: Counts) =>
    trx
      .updateTable('authentication_connectors')
      .set({ serial_counts: JSON.stringify(counts) as unknown as Counts, updated_at: clock.now() })
      .where('id', '=', connectorId)
      .execute();

  /**
   * Writes rows in batches inside `trx`, keeping `counts` current. A serial already registered with
   * another connector of the rights holder is an error on its line, never moved silently.
   */
  function batchWriter(
    trx: Db,
    rightsHolderId: string,
    connectorId: string,
    counts: Counts,
    errors: ErrorLog,
  ) {
    type Entry = { line: number; row: SerialRow; hex: string };
    let pending: Entry[] = [];
    let stored = 0;
    let inFlight: Promise<void> = Promise.resolve();

    async function write(entries: Entry[]) {
      // The same serial twice in one batch: the later line wins, as it would across batches.
      const byHash = new Map(entries.map((entry) => [entry.hex, entry]));
      const hexes = [...byHash.keys()];
      // `= any(array(...))` probes the primary key per serial; `in (select ...)` would scan the table.
      const existing = await sql<{ hex: string; connector_id: string; state: PackState }>`
        select encode(serial_hash, 'hex') as hex, connector_id, state from registered_serials
        where serial_hash = any(array(select decode(h, 'hex') from unnest(${hexes}::text[]) as h))`.execute(
        trx,
      );
      for (const row of existing.rows) {
        const entry = byHash.get(row.hex)!;
        if (row.connector_id !== connectorId) {
          errors.add({
            line: entry.line,
            field: 'serial',
            message: 'Registered with another of your connectors',
          });
          byHash.delete(row.hex);
          continue;
        }
        counts[row.state] = (counts[row.state] ?? 0) - 1;
      }
      if (errors.count > 0) return;
      const rows = [...byHash.values()];
      for (const { row } of rows) counts[row.state] = (counts[row.state] ?? 0) + 1;
      await sql`
        insert into registered_serials (serial_hash, connector_id, gtin, batch, expiry, intended_markets, state)
        select decode(h, 'hex'), ${connectorId}, g, b, e, coalesce(string_to_array(nullif(m, ''), ' '), '{}'), s
        from unnest(${rows.map((entry) => entry.hex)}::text[], ${rows.map((entry) => entry.row.gtin)}::text[],
          ${rows.map((entry) => entry.row.batch)}::text[], ${rows.map((entry) => entry.row.expiry)}::text[],
          ${rows.map((entry) => entry.row.intendedMarkets.join(' '))}::text[], ${rows.map((entry) => entry.row.state)}::text[])
          as t(h, g, b, e, m, s)
        on conflict (serial_hash) do update set batch = excluded.batch, expiry = excluded.expiry,
          intended_markets = excluded.intended_markets, state = excluded.state`.execute(trx);
      stored += rows.length;
    }

    return {
      /** Queues a row; a full batch is written while the next one is read (one write in flight, in order). */
      async add(line: number, row: SerialRow) {
        if (errors.count > 0) return;
        pending.push({ line, row, hex: hasher.hex(rightsHolderId, row.gtin, row.serial) });
        if (pending.length < WRITE_BATCH) return;
        await inFlight;
        const batch = pending;
        pending = [];
        inFlight = write(batch);
        // Awaited by the next add or by finish; this only keeps a failure from being reported as unhandled.
        inFlight.catch(() => {});
      },
      async finish() {
        await inFlight;
        if (pending.length > 0 && errors.count === 0) await write(pending);
        pending = [];
      },
      stored: () => stored,
    };
  }

  /** Runs one upload in a transaction that is rolled back when any row failed. */
  async function upload(
    actor: Actor,
    rightsHolderId: string,
    connectorId: string,
    ip: string | null,
    feed: (write: (line: number, row: SerialRow) => Promise<void>, errors: ErrorLog) => Promise<number>,
  ): Promise<SerialUploadView> {
    const started = performance.now();
    const errors = new ErrorLog();
    let rows = 0;
    let stored = 0;
    try {
      await db.transaction().execute(async (trx) => {
        const connector = await registryConnector(trx, actor, rightsHolderId, connectorId);
        const counts: Counts = { ...connector.serial_counts };
        const writer = batchWriter(trx, rightsHolderId, connectorId, counts, errors);
        rows = await feed(writer.add, errors);
        await writer.finish();
        if (errors.count > 0) throw new RollBack();
        stored = writer.stored();
        await saveCounts(trx, connectorId, counts);
        await recordActorAudit(
          trx,
          actor,
          rightsHolderId,
          'serials.uploaded',
          { type: 'connector', id: connectorId },
          ip,
          {
            rows,
          },
        );
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    if (errors.count > 0) {
      throw new AppError(
        400,
        'validation_failed',
        `${errors.count} ${errors.count === 1 ? 'row is' : 'rows are'} not valid: nothing was stored`,
        { rows, errorCount: errors.count, errors: errors.list },
      );
    }
    return { rows, stored, durationMs: Math.round(performance.now() - started) };
  }

  return {
    /** A CSV file (optionally gzip-compressed) streamed from the request: constant memory whatever its size. */
    uploadCsv(
      actor: Actor,
      rightsHolderId: string,
      connectorId: string,
      body: Readable,
      gzipped: boolean,
      ip: string | null,
    ) {
      return upload(actor, rightsHolderId, connectorId, ip, async (write, errors) => {
        const parser = parse({
          bom: true,
          skip_empty_lines: true,
          trim: true,
          relax_column_count: true,
          info: true,
        });
        const source = gzipped ? body.pipe(createGunzip()) : body;
        source.on('error', (error) => parser.destroy(error));
        source.pipe(parser);
        let columns: Map<string, number> | null = null;
        let rows = 0;
        try {
          for await (const { record, info } of parser as AsyncIterable<{
            record: string[];
            info: { lines: number };
          }>) {
            if (!columns) {
              columns = headerColumns(record);
              continue;
            }
            rows += 1;
            if (rows > MAX_UPLOAD_ROWS) {
              errors.add({
                line: info.lines,
                field: 'file',
                message: `More than ${MAX_UPLOAD_ROWS} rows: split the file`,
              });
              break;
            }
            const parsed = parseCsvRow(record, columns);
            if (parsed.ok) await write(info.lines, parsed.row);
            else for (const issue of parsed.issues) errors.add({ line: info.lines, ...issue });
          }
        } catch (error) {
          if (error instanceof AppError) throw error;
          const { message, lines } = error as { message: string; lines?: number };
          errors.add({
            line: lines ?? rows + 1,
            field: 'file',
            message: `Not a readable CSV file: ${message}`,
          });
        } finally {
          source.unpipe(parser);
          body.resume();
        }
        if (!columns)
          throw invalid('file', `The file is empty: give a header row (${SERIAL_CSV_COLUMNS.join(',')})`);
        return rows;
      });
    },

    /** Serials as JSON; index `n` of the body is reported as line `n + 1`. */
    registerJson(
      actor: Actor,
      rightsHolderId: string,
      connectorId: string,
      serials: SerialRow[],
      ip: string | null,
    ) {
      return upload(actor, rightsHolderId, connectorId, ip, async (write) => {
        for (const [index, row] of serials.entries()) await write(index + 1, row);
        return serials.length;
      });
    },

    /** Sets the state of listed packs, or of every pack of a batch (a recall). */
    async setState(
      actor: Actor,
      rightsHolderId: string,
      connectorId: string,
      change: {
        state: PackState;
        serials: { gtin: string; serial: string }[];
        batch?: { gtin: string; batch: string };
      },
      ip: string | null,
    ) {
      return db.transaction().execute(async (trx) => {
        const connector = await registryConnector(trx, actor, rightsHolderId, connectorId);
        const hexes = change.serials.map((entry) => hasher.hex(rightsHolderId, entry.gtin, entry.serial));
        const target = change.batch
          ? sql`gtin = ${change.batch.gtin} and batch = ${change.batch.batch}`
          : sql`serial_hash in (select decode(h, 'hex') from unnest(${hexes}::text[]) as h)`;
        const changed = await sql<{ state: PackState; n: number }>`
          with old as (
            select serial_hash, state from registered_serials
            where connector_id = ${connectorId} and ${target} and state <> ${change.state}
            for update
          ), updated as (
            update registered_serials r set state = ${change.state} from old
            where r.serial_hash = old.serial_hash
          )
          select state, count(*)::int as n from old group by state`.execute(trx);
        const counts: Counts = { ...connector.serial_counts };
        let updated = 0;
        for (const row of changed.rows) {
          counts[row.state] = (counts[row.state] ?? 0) - row.n;
          updated += row.n;
        }
        counts[change.state] = (counts[change.state] ?? 0) + updated;
        const matched = change.batch
          ? updated
          : (
              await sql<{ n: number }>`
                select count(*)::int as n from registered_serials
                where connector_id = ${connectorId} and ${target}`.execute(trx)
            ).rows[0]!.n;
        await saveCounts(trx, connectorId, counts);
        await recordActorAudit(
          trx,
          actor,
          rightsHolderId,
          'serials.state_changed',
          { type: 'connector', id: connectorId },
          ip,
          {
            state: change.state,
            updated,
            ...(change.batch ? { batch: change.batch.batch, gtin: change.batch.gtin } : {}),
          },
        );
        return { updated, notFound: change.batch ? 0 : new Set(hexes).size - matched };
      });
    },
  };
}

export type SerialRegistry = ReturnType<typeof createSerialRegistry>;

/** The first errors of an upload, and how many there were in all. */
class ErrorLog {
  readonly list: UploadError[] = [];
  count = 0;
  add(error: UploadError) {
    this.count += 1;
    if (this.list.length < CONNECTOR_LIMITS.csvErrorsMax) this.list.push(error);
  }
}

const REQUIRED_COLUMNS = ['gtin', 'serial', 'batch', 'expiry'] as const;

/** Column positions by name; a missing required column or an unknown one stops the upload at line 1. */
function headerColumns(header: string[]): Map<string, number> {
  const names = header.map((name) => name.trim().toLowerCase());
  const unknown = names.find((name) => !(SERIAL_CSV_COLUMNS as readonly string[]).includes(name));
  if (unknown !== undefined) {
    throw new AppError(400, 'validation_failed', 'The header row is not valid', [
      {
        line: 1,
        field: unknown,
        message: `Unknown column: the columns are ${SERIAL_CSV_COLUMNS.join(', ')}`,
      },
    ]);
  }
  const missing = REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  if (missing.length) {
    throw new AppError(400, 'validation_failed', 'The header row is not valid', [
      { line: 1, field: missing[0], message: `Missing column: ${missing.join(', ')}` },
    ]);
  }
  return new Map(names.map((name, index) => [name, index]));
}

function parseCsvRow(record: string[], columns: Map<string, number>) {
  const cell = (name: string) => {
    const index = columns.get(name);
    return index === undefined ? '' : (record[index] ?? '');
  };
  return readSerialRow({
    gtin: cell('gtin'),
    serial: cell('serial'),
    batch: cell('batch'),
    expiry: cell('expiry'),
    markets: cell('intended_markets'),
    state: cell('state'),
  });
}
