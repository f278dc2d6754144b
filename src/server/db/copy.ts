/**
 * The one COPY helper for writes (reads of many rows go the other way in copy-out.ts): COPY … FROM STDIN on a
 * transaction's own connection, for set-based writes that stage many rows
 * (the early-detection refresh, the SS 12000 importer's pages): PostgreSQL through `pg-copy-streams` on the connection
 * the transaction holds, PGlite through its `COPY … FROM '/dev/blob'` (the connection from `transactionConnection`,
 * client.ts). `Database.copyCsv` takes a connection of its own, so it cannot write into a transaction's temporary
 * tables. Values travel as CSV (`csvLine`, `csvRows`): strings and JSON quoted, arrays as array literals, other objects
 * as JSON, absent values as unquoted empty fields (NULL). Callers have refused NUL and other control characters before
 * (PostgreSQL's text cannot hold NUL); every string is quoted, so a comma, quote or line break stays inside its field.
 */
import { sql } from 'drizzle-orm';
import { transactionConnection, type DbOrTx } from './client.ts';

/** Copies CSV rows into `table (columns)` on the transaction's connection. */
export type TransactionCopy = (table: string, columns: readonly string[], csv: string) => Promise<void>;

/**
 * One COPY fed in parts: each `write` hands its CSV rows to the server, which takes them in while the caller computes the
 * next part (on PostgreSQL; PGlite, in this process, takes them all at `end`). Until `end` or `abort` has settled, the
 * connection runs nothing else. `abort` ends the COPY without its rows (call it when the caller fails half-way, or the
 * transaction's rollback would wait behind the open COPY).
 */
export interface CopyStream {
  write(csv: string): Promise<void>;
  end(): Promise<void>;
  abort(): Promise<void>;
}

/** Opens a COPY into `table (columns)` on the transaction's connection. */
export type TransactionCopyStream = (table: string, columns: readonly string[]) => CopyStream;

/**
 * `pg-copy-streams`, imported the first time a PostgreSQL transaction copies (PGlite never loads it) and kept: an
 * `import()` per COPY went through the module loader every time (under tsx, a round trip to its loader thread), 0.5 s of
 * the 1.5 M night's refresh (bench/README.md, 2026-12-05).
 */
let copyStreams: Promise<typeof import('pg-copy-streams')> | undefined;

/** `pg-copy-streams`, loaded once (see above); for COPY … TO as well (copy-out.ts). */
export const pgCopyStreams = () => (copyStreams ??= import('pg-copy-streams'));

const copyStatement = (table: string, columns: readonly string[]) => `COPY ${table} (${columns.join(', ')})`;

/** How to COPY on this transaction's connection, or null outside a transaction or on a driver this code does not know. */
export function transactionCopy(db: DbOrTx): TransactionCopy | null {
  const open = transactionCopyStream(db);
  if (!open) return null;
  return async (table, columns, csv) => {
    const stream = open(table, columns);
    await stream.write(csv);
    await stream.end();
  };
}

/** How to open a COPY fed in parts on this transaction's connection; null as for `transactionCopy`. */
export function transactionCopyStream(db: DbOrTx): TransactionCopyStream | null {
  const connection = transactionConnection(db);
  if (!connection) return null;
  if (connection.kind === 'postgres') {
    const pg = connection.client;
    return (table, columns) => {
      let failure: Error | undefined;
      const opened = pgCopyStreams().then(({ from }) => {
        const stream = from(`${copyStatement(table, columns)} FROM STDIN WITH (FORMAT csv)`);
        pg.query(stream);
        // Kept until `write` or `end` reports it: an 'error' event without a listener would end the process.
        stream.on('error', (error: Error) => (failure ??= error));
        return stream;
      });
      const settled = (stream: Awaited<typeof opened>, event: 'drain' | 'finish') =>
        new Promise<void>((resolve, reject) => {
          if (failure) return reject(failure);
          const done = () => (stream.off('error', fail), resolve());
          const fail = (error: Error) => (stream.off(event, done), reject(error));
          stream.once(event, done).once('error', fail);
        });
      return {
        async write(csv) {
          const stream = await opened;
          if (failure) throw failure;
          // Handed on while the server keeps up; otherwise wait until the socket has taken the earlier parts.
          if (!stream.write(csv)) await settled(stream, 'drain');
        },
        async end() {
          const stream = await opened;
          // A COPY the server has ended already: ending the stream would write to a connection it has let go of.
          if (failure) throw failure;
          const finished = settled(stream, 'finish');
          stream.end();
          await finished;
        },
        async abort() {
          const stream = await opened;
          // Nothing to stop when the COPY has failed already (the server has ended it) or has ended.
          if (failure || stream.destroyed || stream.writableFinished) return;
          // CopyFail: the server ends the COPY with an error, which is the point; the stream closes once it has.
          const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
          stream.destroy(new Error('COPY avbruten (aborted)'));
          await closed;
        },
      };
    };
  }
  const pglite = connection.client;
  return (table, columns) => {
    const parts: string[] = [];
    return {
      write: async (csv) => void parts.push(csv),
      end: async () => {
        await pglite.query(`${copyStatement(table, columns)} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob(parts) });
      },
      abort: async () => void parts.splice(0),
    };
  };
}

const quoted = (s: string) => (s.includes('"') ? `"${s.replaceAll('"', '""')}"` : `"${s}"`);
/** An array literal's element: always quoted, so commas, braces and spaces stay inside it. */
const arrayElement = (v: unknown) =>
  v === null || v === undefined ? 'NULL' : `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/**
 * One CSV field: strings quoted, arrays as array literals, other objects as JSON, booleans t/f, absent NULL. A JSON
 * column holding an array is passed as its JSON text.
 */
export function csvField(value: unknown): string {
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

export interface StageColumn {
  name: string;
  /** The column's SQL type, e.g. `uuid`, `timestamp with time zone`, `text[]`, `jsonb`. */
  type: string;
}

/**
 * `rows` as CSV in `columns` order. A json/jsonb column's value is its JSON text (so an array there stays JSON);
 * an array column's value an array literal. `leading` is written as it is before every line (a constant first field
 * with its comma, e.g. the tenant's id).
 */
export function csvRows(columns: readonly StageColumn[], rows: readonly Record<string, unknown>[], leading = ''): string {
  const names = columns.map((c) => c.name);
  const json = columns.map((c) => c.type === 'json' || c.type === 'jsonb');
  // Joined, not concatenated: `join` makes each line and the whole text flat strings, where `+=` built a tree of
  // pieces that had to be flattened again when the COPY turned it into bytes (a fifth less time at 100,000 rows).
  const fields = new Array<string>(names.length);
  const lines = new Array<string>(rows.length + 1);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Record<string, unknown>;
    for (let i = 0; i < names.length; i++) {
      const value = row[names[i] as string];
      fields[i] = csvField(json[i] && value !== null && value !== undefined ? JSON.stringify(value) : value);
    }
    lines[r] = leading + fields.join(',');
  }
  // The last line's break.
  lines[rows.length] = '';
  return lines.join('\n');
}

/**
 * Fills the temporary table `name (columns)` with `csv` in the transaction `db`: the table is made on this connection
 * the first time (temporary, so never seen by another session; `ON COMMIT DELETE ROWS`, so every transaction starts from
 * an empty one), and rows staged earlier in the same transaction (a page retried document by document under savepoints)
 * are removed first. Throws outside a transaction.
 */
export async function stageCsv(db: DbOrTx, name: string, columns: readonly StageColumn[], csv: string): Promise<void> {
  const copy = transactionCopy(db);
  if (!copy) throw new Error('staging needs a transaction on a known driver');
  const defs = columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
  await db.execute(sql.raw(`CREATE TEMPORARY TABLE IF NOT EXISTS "${name}" (${defs}) ON COMMIT DELETE ROWS`));
  await db.execute(sql.raw(`DELETE FROM "${name}"`));
  await copy(
    `"${name}"`,
    columns.map((c) => `"${c.name}"`),
    csv,
  );
}
