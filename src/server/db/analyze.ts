/**
 * Planner statistics after a bulk write. PGlite runs no autovacuum, so a table it has never analysed is planned as if it
 * held one row (after the demo seed: 1 row estimated where a school unit had 5,618 enrolments), and PostgreSQL's
 * autovacuum analyses only after its threshold and its nap; an import or a seed that has just written thousands of rows
 * analyses the tables it wrote before the pages read them (docs/scaling.md).
 */
import { sql } from 'drizzle-orm';
import { getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.ts';

/** A table by its Drizzle object or its SQL name. */
export type TableRef = PgTable | string;

const nameOf = (table: TableRef) => (typeof table === 'string' ? table : getTableName(table));

/**
 * `ANALYZE` of `tables` (each once, in one statement), or of the whole database when `tables` is omitted. Runs inside a
 * transaction too (ANALYZE, unlike VACUUM, may). Names must be tables of the schema: they are quoted, never user input.
 */
export async function analyzeAfterWrite(db: DbOrTx, tables?: Iterable<TableRef>): Promise<void> {
  if (tables === undefined) {
    await db.execute(sql`ANALYZE`);
    return;
  }
  const names = [...new Set([...tables].map(nameOf))];
  if (names.length === 0) return;
  const list = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  await db.execute(sql`ANALYZE ${list}`);
}

/** The keys `analyzeOnce` has analysed for, in this process. */
const analysedFor = new Set<string>();

/**
 * `ANALYZE` of `tables` the first time this process sees `key` (e.g. an organiser's refresh date, read off a page): the
 * statistics of tables a job in another process rewrote (the early-detection refresh, which PGlite never analyses on its
 * own, and PostgreSQL's autovacuum only after its threshold and nap), brought up to date once per rewrite and process
 * rather than on every read. Marked before it runs, so concurrent reads do not queue behind a second ANALYZE.
 */
export async function analyzeOnce(db: DbOrTx, key: string, tables: Iterable<TableRef>): Promise<void> {
  if (analysedFor.has(key)) return;
  analysedFor.add(key);
  await analyzeAfterWrite(db, tables);
}
