/**
 * COPY … FROM STDIN on a transaction's own connection, for set-based writes that stage many computed rows (the
 * early-detection refresh): PostgreSQL through `pg-copy-streams` on the connection Drizzle holds for the transaction,
 * PGlite through its `COPY … FROM '/dev/blob'`. `Database.copyCsv` takes a connection of its own, so it cannot write
 * into a transaction's temporary tables. Values travel as CSV (`csvLine`): strings and JSON quoted, arrays as array
 * literals, other objects as JSON, absent values as unquoted empty fields (NULL).
 */
import type { DbOrTx } from './client.ts';

/** Copies CSV rows into `table (columns)` on the transaction's connection. */
export type TransactionCopy = (table: string, columns: readonly string[], csv: string) => Promise<void>;

type PgliteClient = { query(statement: string, params: unknown[], options: { blob: Blob }): Promise<unknown> };
type PgClient = { query(submittable: unknown): NodeJS.WritableStream; release: unknown };

/** How to COPY on this transaction's connection, or null outside a transaction or on a driver this code does not know. */
export function transactionCopy(db: DbOrTx): TransactionCopy | null {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client as Partial<PgliteClient & PgClient> | undefined;
  if (!client || typeof client.query !== 'function') return null;
  const statement = (table: string, columns: readonly string[]) => `COPY ${table} (${columns.join(', ')})`;
  if (typeof client.release === 'function') {
    // A pooled node-postgres client: the transaction's connection (the pool itself has no release()).
    const pg = client as PgClient;
    return async (table, columns, csv) => {
      const { from } = await import('pg-copy-streams');
      const stream = pg.query(from(`${statement(table, columns)} FROM STDIN WITH (FORMAT csv)`));
      await new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve).on('error', reject);
        stream.end(csv);
      });
    };
  }
  if ('rollback' in client) {
    // PGlite's transaction object (one connection; the database itself has no rollback()).
    const pglite = client as PgliteClient;
    return async (table, columns, csv) => {
      await pglite.query(`${statement(table, columns)} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
    };
  }
  return null;
}

const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`;
/** An array literal's element: always quoted, so commas, braces and spaces stay inside it. */
const arrayElement = (v: unknown) =>
  v === null || v === undefined ? 'NULL' : `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/**
 * One CSV field: strings quoted, arrays as array literals, other objects as JSON, booleans t/f, absent NULL. A JSON
 * column holding an array is passed as its JSON text.
 */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return quoted(value);
  // Not finite: NULL, as JSON.stringify has it.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value)) return quoted(`{${value.map(arrayElement).join(',')}}`);
  return quoted(JSON.stringify(value));
}

/** One CSV line (with its line break) of `values` in column order. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
