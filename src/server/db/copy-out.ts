/**
 * Many rows read through `COPY (query) TO STDOUT` instead of a query's result: for a read of hundreds of thousands of
 * wide rows (the early-detection measures), where node-postgres turning every field of every row into a string of its
 * own and every row into an object cost this process more than the server spent sending them (bench/README.md,
 * 2026-12-06, night). The rows arrive as text lines, one per row, tab-separated (COPY's text format, with a header
 * line naming the columns); a reader made once from the column names turns each row's fields into the caller's value.
 * PostgreSQL through `pg-copy-streams` on the transaction's connection, PGlite through `COPY … TO '/dev/blob'`.
 *
 * COPY takes no bound values, so the query's values are written into its text as literals (`inlined`).
 */
import { StringDecoder } from 'node:string_decoder';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { escapeLiteral } from 'pg';
import { transactionConnection, type DbOrTx } from './client.ts';
import { pgCopyStreams } from './copy.ts';

/** One row's fields in the header's order: text as the server wrote it, NULL as null. */
export type CopiedFields = readonly (string | null)[];
/** Given the header's column names (once), how to turn each row's fields into a value. */
export type RowReader<T> = (columns: readonly string[]) => (fields: CopiedFields) => T;

/** PostgreSQL's dialect, with strings written as literals that are safe whatever `standard_conforming_strings` is. */
class LiteralDialect extends PgDialect {
  override escapeString(value: string): string {
    // PostgreSQL's text cannot hold NUL; the query would fail anyway, without saying where.
    if (value.includes('\0')) throw new Error('a value for COPY holds a NUL character');
    return escapeLiteral(value);
  }
}
const literalDialect = new LiteralDialect();

/**
 * The query's text with every bound value written in as a literal. Only strings, finite numbers, booleans and null: Drizzle
 * would write any other value (a Date, say) as its `toString()`, which the server may read otherwise or not at all.
 */
export function inlined(query: SQL): string {
  const bound = literalDialect.sqlToQuery(query).params;
  const odd = bound.findIndex(
    (v) => v !== null && typeof v !== 'string' && typeof v !== 'boolean' && !(typeof v === 'number' && Number.isFinite(v)),
  );
  if (odd >= 0) throw new Error(`value ${odd + 1} of the query is not a string, finite number, boolean or null`);
  const { sql: text, params } = literalDialect.sqlToQuery(sql`${query}`.inlineParams());
  if (params.length > 0) throw new Error('a value could not be written into the query');
  return text;
}

/** The index of each named column in the header; a name the query does not return is a mistake in the code. */
export function columnIndexes<const K extends string>(columns: readonly string[], names: readonly K[]): Record<K, number> {
  const indexes = {} as Record<K, number>;
  for (const name of names) {
    const i = columns.indexOf(name);
    if (i < 0) throw new Error(`the query returns no column ${name}`);
    indexes[name] = i;
  }
  return indexes;
}

/** COPY's text escapes (it writes no octal or hex ones). */
const escapes: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const unescape = (field: string) => field.replace(/\\(.)/g, (_, c: string) => escapes[c] ?? c);

/** Reads text lines as they arrive, the first as the header, each next one through the reader it made and on to `each`. */
function lineReader<T>(reader: RowReader<T>, each: (row: T) => void) {
  let read: ((fields: CopiedFields) => T) | undefined;
  let rest = '';
  const line = (text: string) => {
    const fields: (string | null)[] = text.split('\t');
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as string;
      if (field.includes('\\')) fields[i] = field === '\\N' ? null : unescape(field);
    }
    if (read) each(read(fields));
    else read = reader(fields as string[]);
  };
  return {
    push(text: string) {
      let start = 0;
      let end = text.indexOf('\n');
      if (rest !== '') {
        if (end < 0) return void (rest += text);
        line(rest + text.slice(0, end));
        rest = '';
        start = end + 1;
        end = text.indexOf('\n', start);
      }
      for (; end >= 0; start = end + 1, end = text.indexOf('\n', start)) line(text.slice(start, end));
      rest = text.slice(start);
    },
    end() {
      if (rest !== '') line(rest);
      if (!read) throw new Error('COPY sent no header');
    },
  };
}

/**
 * The rows of `query`, each made by `reader` from its fields. Inside the caller's transaction where there is one (so it
 * sees what the transaction wrote), otherwise in a transaction of its own.
 */
export async function copyOut<T>(db: DbOrTx, query: SQL, reader: RowReader<T>): Promise<T[]> {
  const rows: T[] = [];
  await copyOutEach(db, query, reader, (row) => rows.push(row));
  return rows;
}

/**
 * As `copyOut`, each row handed to `each` as it arrives instead of kept: on PostgreSQL the caller works on the rows
 * while the server is still sending them, and keeps only what it makes of them. A throw from `reader` or `each` ends the
 * reading as `copyOut`'s does. Returns the number of rows.
 */
export async function copyOutEach<T>(db: DbOrTx, query: SQL, reader: RowReader<T>, each: (row: T) => void): Promise<number> {
  if (transactionConnection(db)) return copyOutOn(db, query, reader, each);
  return db.transaction((tx) => copyOutOn(tx, query, reader, each));
}

async function copyOutOn<T>(db: DbOrTx, query: SQL, reader: RowReader<T>, each: (row: T) => void): Promise<number> {
  const connection = transactionConnection(db);
  if (!connection) throw new Error('COPY needs a transaction on a driver this code knows');
  const statement = `COPY (${inlined(query)}) TO`;
  let count = 0;
  const lines = lineReader(reader, (row: T) => {
    each(row);
    count += 1;
  });
  if (connection.kind === 'pglite') {
    const result = (await connection.client.query(`${statement} '/dev/blob' WITH (HEADER)`, [])) as { blob?: Blob };
    lines.push((await result.blob?.text()) ?? '');
    lines.end();
    return count;
  }
  const { to } = await pgCopyStreams();
  const stream = connection.client.query(to(`${statement} STDOUT WITH (HEADER)`));
  const decoder = new StringDecoder('utf8');
  // A reader (or `each`) that throws stops the reading, not the COPY: the rest of the rows are let go of as they arrive,
  // so that the connection ends the statement as the server does and can run the next one (the transaction's rollback).
  let failure: unknown;
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      if (failure !== undefined) return;
      try {
        lines.push(decoder.write(chunk));
      } catch (error) {
        failure = error;
      }
    });
    stream.once('error', reject).once('end', resolve);
  });
  if (failure !== undefined) throw failure;
  lines.push(decoder.end());
  lines.end();
  return count;
}
