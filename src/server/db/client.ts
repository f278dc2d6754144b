/**
 * Opens the database: embedded PGlite by default, node-postgres when a URL is given.
 * Both go through Drizzle's native driver for that engine and expose the same `Db` type.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { createHash } from 'node:crypto';
import { describeError } from '../platform/error-kinds.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Bulk-loads CSV rows with COPY … FROM STDIN (used by benchmarks as the raw baseline). */
  copyCsv(table: string, columns: string[], csv: string): Promise<void>;
  /** Reads a whole table as CSV with COPY … TO STDOUT (the benchmarks' raw baseline). */
  copyOutCsv(table: string): Promise<string>;
  /** PGlite only: the data folder as a tar (gzip), taken between queries, for `fullfolj backup`. */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite; `memory://` for a throwaway database. */
  dataDir?: string;
  /** A PGlite data directory dump (from `dumpDataDir`) to start from, e.g. a migrated test template. */
  loadDataDir?: Blob;
}

/** Opens PGlite or PostgreSQL. Call `close()` when done, or the process never exits. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir ?? 'memory://', opts.loadDataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { from: copyFrom, to: copyTo } = await import('pg-copy-streams');
  const pool = new pg.default.Pool({ connectionString: url, max: poolSize() });
  // An idle connection the server ends (restart, failover, a dropped database) must not crash the process:
  // the pool replaces it on the next query. The message is pg's own and carries no personal data.
  pool.on('error', (error) =>
    process.stderr.write(`PostgreSQL-anslutningen stängdes (connection closed): ${JSON.stringify(describeError(error))}\n`),
  );
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async copyCsv(table, columns, csv) {
      const client = await pool.connect();
      try {
        const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
        await new Promise<void>((res, rej) => {
          stream.on('finish', res).on('error', rej);
          stream.end(csv);
        });
      } finally {
        client.release();
      }
    },
    async copyOutCsv(table) {
      const client = await pool.connect();
      try {
        const chunks: Buffer[] = [];
        const stream = client.query(copyTo(`COPY ${table} TO STDOUT WITH (FORMAT csv)`));
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Connections in the PostgreSQL pool: `FULLFOLJ_DB_POOL` when set, else 2 × the CPU cores this process sees + 1 (at least
 * 4) — PostgreSQL's own rule of thumb for the connections that keep a server busy, cores × 2 + effective spindles
 * (wiki.postgresql.org, "Number Of Database Connections"; not re-read offline here). More connections than that only queue
 * inside PostgreSQL, where a waiting request holds a backend and its locks, instead of in the pool, where it holds nothing;
 * with the server and the database on one 2-core machine that is 5 (was a fixed 10). docs/scaling.md.
 */
export function poolSize(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const set = Number(env.FULLFOLJ_DB_POOL);
  if (Number.isInteger(set) && set > 0) return set;
  return Math.max(4, 2 * cores + 1);
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let release: (() => Promise<void>) | undefined;
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    release = await lockDataDir(dataDir);
  }
  let client: Awaited<ReturnType<typeof PGlite.create>>;
  try {
    client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  } catch (error) {
    await release?.();
    throw error;
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async copyCsv(table, columns, csv) {
      await client.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    async copyOutCsv(table) {
      const result = await client.query(`COPY ${table} TO '/dev/blob' WITH (FORMAT csv)`);
      return result.blob ? await result.blob.text() : '';
    },
    dumpDataDir: () => client.dumpDataDir('gzip'),
    async close() {
      await client.close();
      await release?.();
    },
  };
}

/** PGlite has no file lock of its own: two processes on one folder would corrupt it. */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockfile = await import('proper-lockfile');
  try {
    return await lockfile.lock(dataDir, { lockfilePath: join(dataDir, '.fullfolj.lock'), stale: 15_000, update: 5_000 });
  } catch {
    throw new Error(
      `Databasmappen ${dataDir} används redan av en annan Fullfölj-process. Stoppa den först (the embedded database is in use by another process).`,
    );
  }
}

/**
 * The driver connection a transaction runs on, for what Drizzle has no API for (COPY into the transaction's own
 * temporary tables, src/server/db/copy.ts): node-postgres's pooled client, or PGlite's transaction object. `null`
 * for the database itself (outside a transaction there is no connection of its own) or a driver this code does not
 * know. Drizzle keeps the connection as `session.client`; this is the one place that reaches for it.
 */
export type TransactionConnection =
  | { kind: 'postgres'; client: { query<S>(submittable: S): S } }
  | { kind: 'pglite'; client: { query(statement: string, params: unknown[], options?: { blob: Blob }): Promise<unknown> } };

export function transactionConnection(db: DbOrTx): TransactionConnection | null {
  const client = (db as unknown as { session?: { client?: Record<string, unknown> } }).session?.client;
  if (!client || typeof client.query !== 'function') return null;
  // A pooled node-postgres client has release(); the pool itself (the database) has none.
  if (typeof client.release === 'function') return { kind: 'postgres', client } as TransactionConnection;
  // PGlite's transaction object has rollback(); the PGlite database has none.
  if (typeof client.rollback === 'function') return { kind: 'pglite', client } as TransactionConnection;
  return null;
}

/** Runs raw SQL and returns its rows; both drivers return `{ rows }`. */
export async function queryRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The prepared statements' names, by their text (a few fixed statements). */
const statementNames = new Map<string, string>();

/**
 * Runs a statement of fixed text with bound values on the transaction's own connection, without building it through
 * Drizzle: for a statement run on every request whose plan cannot depend on its values (an INSERT of one row, a look-up
 * by primary key). On PostgreSQL it is a named prepared statement, parsed and planned once per connection. Never for a
 * read whose best plan depends on the organiser's size: after five runs the server may keep one generic plan for every
 * organiser (docs/scaling.md, *What a read costs the machine*).
 */
export async function queryText<T extends Record<string, unknown>>(db: DbOrTx, text: string, values: unknown[]): Promise<T[]> {
  const connection = transactionConnection(db);
  if (!connection) throw new Error('queryText runs in a transaction (no connection of its own outside one)');
  if (connection.kind === 'pglite') return ((await connection.client.query(text, values)) as { rows: T[] }).rows;
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `fullfolj_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
  const client = connection.client as unknown as { query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
  return (await client.query({ name, text, values })).rows;
}
