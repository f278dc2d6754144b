/**
 * A page's rows into a temporary staging table with COPY, in the page's own transaction: PostgreSQL through
 * `pg-copy-streams` on the transaction's connection, PGlite through its `COPY … FROM '/dev/blob'`. The staging table is
 * made once per connection (`ON COMMIT DELETE ROWS`, so every page starts from an empty one) from the target table's
 * columns; the caller merges it into the target in one set-based statement (bulk-upsert.ts). Values travel as CSV:
 * the importer's validation has already refused NUL and other control characters, and every string is quoted, so a
 * comma, quote or line break in a name stays inside its field; an absent value is an unquoted empty field, i.e. NULL.
 */
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../../server/db/client.ts';

export interface StageColumn {
  name: string;
  /** The column's SQL type, e.g. `uuid`, `timestamp with time zone`. */
  type: string;
}

type PgliteClient = { query(statement: string, params: unknown[], options: { blob: Blob }): Promise<unknown> };
type PgClient = { query(submittable: unknown): NodeJS.WritableStream; release: unknown };
type Copier = (statement: string, csv: string) => Promise<void>;

/** The driver connection under a Drizzle transaction (Drizzle keeps it as `session.client`). */
function driverClient(tx: Tx): unknown {
  return (tx as unknown as { session?: { client?: unknown } }).session?.client;
}

/** How to COPY on this transaction's connection, or null when the driver is not one this code knows. */
function copierFor(tx: Tx): Copier | null {
  const client = driverClient(tx) as Partial<PgliteClient & PgClient> | undefined;
  if (!client || typeof client.query !== 'function') return null;
  if (typeof client.release === 'function') {
    const pg = client as PgClient;
    return async (statement, csv) => {
      const { from } = await import('pg-copy-streams');
      const stream = pg.query(from(`${statement} FROM STDIN WITH (FORMAT csv)`));
      await new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve).on('error', reject);
        stream.end(csv);
      });
    };
  }
  if ('listen' in client && 'rollback' in client) {
    const pglite = client as PgliteClient;
    return async (statement, csv) => {
      await pglite.query(`${statement} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
    };
  }
  return null;
}

/** True when `db` is a transaction whose connection can COPY (else the caller uses its json recordset). */
export function canStage(db: DbOrTx): db is Tx {
  return db instanceof PgTransaction && copierFor(db) !== null;
}

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** An array column's value as a PostgreSQL array literal: every element double-quoted, `\\` and `"` escaped. */
const arrayLiteral = (items: unknown[]) =>
  `{${items.map((item) => (item === null || item === undefined ? 'NULL' : `"${String(item).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)).join(',')}}`;

/** One CSV field: strings quoted (quotes doubled), arrays as array literals, other objects as JSON, booleans as t/f, absent as NULL. */
function csvField(value: unknown, array: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return quoted(array && Array.isArray(value) ? arrayLiteral(value) : JSON.stringify(value));
}

/** The rows as CSV in `columns` order. */
export function rowsAsCsv(columns: readonly StageColumn[], rows: readonly Record<string, unknown>[]): string {
  const names = columns.map((c) => c.name);
  const arrays = columns.map((c) => c.type.endsWith('[]'));
  let csv = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < names.length; i++) line += (i === 0 ? '' : ',') + csvField(row[names[i] as string], arrays[i] === true);
    csv += `${line}\n`;
  }
  return csv;
}

/** The staging table's name for `table` (temporary, so per connection and never seen by another session). */
export const stageName = (table: string) => `import_stage_${table}`;

/**
 * Fills the staging table of `table` with `rows` in the transaction `tx` (creating it on this connection the first
 * time) and returns its name. Rows staged earlier in the same transaction (a page written document by document) are
 * removed first.
 */
export async function stageRows(
  tx: Tx,
  table: string,
  columns: readonly StageColumn[],
  rows: readonly Record<string, unknown>[],
): Promise<string> {
  const copy = copierFor(tx);
  if (!copy) throw new Error('staging needs a transaction on a known driver');
  const name = stageName(table);
  const defs = columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
  await tx.execute(sql.raw(`CREATE TEMPORARY TABLE IF NOT EXISTS "${name}" (${defs}) ON COMMIT DELETE ROWS`));
  await tx.execute(sql.raw(`DELETE FROM "${name}"`));
  await copy(`COPY "${name}" (${columns.map((c) => `"${c.name}"`).join(', ')})`, rowsAsCsv(columns, rows));
  return name;
}
