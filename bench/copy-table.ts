/** Copies a table's rows from one database into another with raw COPY: the benchmarks' baseline. */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../src/server/db/client.ts';
import { timed } from './harness.ts';

/** Reads `table` out of `from` as CSV and times only the COPY into `to`; returns rows and seconds. */
export async function copyTableAcross(from: Database, to: Database, table: string): Promise<{ rows: number; seconds: number }> {
  const csv = await from.copyOutCsv(table);
  if (!csv) return { rows: 0, seconds: 0 };
  // COPY … TO leaves generated columns out (knowledge_records.search), and COPY … FROM may not name them: the same list.
  const columns = await queryRows<{ name: string }>(
    from.db,
    sql`
    SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = ${table} AND is_generated = 'NEVER' ORDER BY ordinal_position`,
  );
  const { seconds } = await timed(() =>
    to.copyCsv(
      table,
      columns.map((c) => `"${c.name}"`),
      csv,
    ),
  );
  // Counted in the destination: a quoted field may hold line breaks, so CSV lines are not rows.
  const [copied] = await queryRows<{ n: number }>(to.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return { rows: copied?.n ?? 0, seconds };
}
