/**
 * What a backup must bring back: every table's row count and a checksum of the access log. Counted in the
 * backup's own snapshot (PostgreSQL: the exported snapshot pg_dump reads; PGlite: the dumped copy itself), so
 * a restore can prove it holds exactly what was saved.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../client.ts';

export interface BackupContents {
  /** `schema.table` → rows, for every ordinary table outside the system schemas (not a session's temporary tables). */
  tables: Record<string, number>;
  accessLog: { rows: number; checksum: string };
}

/** Counts every table's rows and checksums the access log (md5 over its rows in id order, times in UTC). */
export async function describeContents(db: DbOrTx): Promise<BackupContents> {
  const names = await queryRows<{ schema: string; name: string }>(
    db,
    sql`SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND c.relpersistence <> 't' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        ORDER BY 1, 2`,
  );
  const tables: Record<string, number> = {};
  for (const { schema, name } of names) {
    const [row] = await queryRows<{ n: string | number }>(
      db,
      sql`SELECT count(*) AS n FROM ${sql.identifier(schema)}.${sql.identifier(name)}`,
    );
    tables[`${schema}.${name}`] = Number(row?.n ?? 0);
  }
  const accessLog = tables['public.access_log'] === undefined ? { rows: 0, checksum: '' } : await accessLogChecksum(db);
  return { tables, accessLog };
}

/**
 * md5 over md5 of each row's text in (tenant, id) order. The row text names times in UTC (to_char below),
 * so the checksum does not depend on the session's time zone.
 */
async function accessLogChecksum(db: DbOrTx): Promise<{ rows: number; checksum: string }> {
  const [row] = await queryRows<{ n: string | number; checksum: string }>(
    db,
    sql`SELECT count(*) AS n, md5(coalesce(string_agg(md5(concat_ws('|', a.tenant_id, a.id,
          to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), a.request_id, coalesce(a.account_id::text, '-'), coalesce(a.role, '-'), coalesce(a.unit, '-'),
          a.action, a.subject_ids::text, a.purpose, a.outcome, coalesce(a.ip, '-'))), '' ORDER BY a.tenant_id, a.id), '')) AS checksum
        FROM access_log a`,
  );
  return { rows: Number(row?.n ?? 0), checksum: row?.checksum ?? '' };
}

/** The tables whose counts differ between two descriptions (names only: never values). */
export function contentDifferences(expected: BackupContents, actual: BackupContents): string[] {
  const names = new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)]);
  const differ = [...names].filter((n) => expected.tables[n] !== actual.tables[n]).sort();
  if (expected.accessLog.checksum !== actual.accessLog.checksum && !differ.includes('public.access_log')) differ.push('public.access_log');
  return differ;
}
