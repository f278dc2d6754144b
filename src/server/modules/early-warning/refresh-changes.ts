/**
 * What changed since an organiser's last refresh: `early_warning_changes` holds the students whose inputs to the
 * measures changed (written in the same transaction as the change — the importer's page, a mentor's rating). The
 * refresh takes them out in its own transaction, so a change committed while it runs stays queued for the next one.
 * The nil uuid stands for "every student": an organiser's first import of a table queues it instead of each student
 * (src/ingest/ss12000/bulk-upsert.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';

/** The marker for "recompute every student of the organiser". */
export const EVERY_STUDENT = '00000000-0000-0000-0000-000000000000';

/** The temporary table the refresh reads its student set from (one transaction's worth). */
export const SCOPE_TABLE = 'early_warning_refresh_scope';

/** Records that these students' inputs changed, in the caller's transaction. */
export async function markChanged(db: DbOrTx, tenantId: string, studentIds: readonly string[]): Promise<void> {
  if (studentIds.length === 0) return;
  await db.execute(sql`
    insert into early_warning_changes (tenant_id, student_id)
    select ${tenantId}::uuid, s from unnest(${`{${[...new Set(studentIds)].join(',')}}`}::uuid[]) as s
    on conflict do nothing`);
}

/**
 * A statement fragment for a data-modifying CTE: marks the students a query selects (`students` yields one uuid column
 * named `student_id`) as changed.
 */
export function markChangedFrom(tenantId: string, students: SQL): SQL {
  return sql`insert into early_warning_changes (tenant_id, student_id)
    select distinct ${tenantId}::uuid, m.student_id from (${students}) as m where m.student_id is not null
    on conflict do nothing`;
}

/**
 * Takes the organiser's queued changes into the temporary scope table and empties the queue. Returns how many
 * students are in scope, or 'all' when the nil marker was among them.
 */
export async function takeChanges(db: DbOrTx, tenantId: string): Promise<number | 'all'> {
  await db.execute(sql.raw(`create temporary table if not exists ${SCOPE_TABLE} (student_id uuid primary key) on commit delete rows`));
  await db.execute(sql.raw(`truncate ${SCOPE_TABLE}`));
  await db.execute(sql`
    with taken as (delete from early_warning_changes where tenant_id = ${tenantId}::uuid returning student_id)
    insert into ${sql.raw(SCOPE_TABLE)} select student_id from taken`);
  const [row] = await queryRows<{ n: number; every: boolean }>(
    db,
    sql`select count(*)::int as n, bool_or(student_id = ${EVERY_STUDENT}::uuid) as every from ${sql.raw(SCOPE_TABLE)}`,
  );
  return row?.every ? 'all' : (row?.n ?? 0);
}

/** Empties the organiser's queue (a full refresh recomputes everyone anyway). */
export async function clearChanges(db: DbOrTx, tenantId: string): Promise<void> {
  await db.execute(sql`delete from early_warning_changes where tenant_id = ${tenantId}::uuid`);
}
