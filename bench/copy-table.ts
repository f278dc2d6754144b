/** Copies a table's rows from one database into another with raw COPY: the benchmarks' baseline. */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../src/server/db/client.ts';
import { timed } from './harness.ts';

/** Reads `table` out of `from` as CSV and times only the COPY into `to`; returns rows and seconds. */
export async function copyTableAcross(from: Database, to: Database, table: string): Promise<{ rows: number; seconds: number }> {
  const csv = await from.copyOutCsv(table);
  if (!csv) return { rows: 0, seconds: 0 };
  const columns = await queryRows<{ name: string }>(from.db, sql`
    SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = ${table} ORDER BY ordinal_position`);
  const { seconds } = await timed(() => to.copyCsv(table, columns.map((c) => `"${c.name}"`), csv));
  return { rows: csv.trimEnd().split('\n').length, seconds };
}
