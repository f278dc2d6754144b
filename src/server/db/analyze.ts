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
