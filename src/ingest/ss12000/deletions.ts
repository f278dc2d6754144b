/** Applies SS 12000 deletedEntities: rows deleted by id within the tenant, with their child rows. */
import type { DbOrTx } from '../../server/db/client.ts';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { markChangedFrom } from '../../server/modules/early-warning/refresh-changes.ts';
import { deleteWhereIn, uuidArray, type UpsertSpec } from './bulk-upsert.ts';
import { importOrder, type Endpoint } from './documents.ts';
import type { DeletedIds } from './source.ts';
import { writers } from './write-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Deletes the listed ids; returns the number of parent rows deleted per endpoint. */
export async function applyDeletions(db: DbOrTx, tenantId: string, deleted: DeletedIds): Promise<Partial<Record<Endpoint, number>>> {
  const result: Partial<Record<Endpoint, number>> = {};
  // Dependents first (reverse import order), so a run never leaves a child whose parent it just removed.
  for (const endpoint of [...importOrder].reverse()) {
    const ids = [...new Set((deleted[endpoint] ?? []).filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
    if (ids.length === 0 || endpoint === 'aggregatedAttendance') continue;
    const writer = writers[endpoint];
    for (const child of writer.children ?? []) await deleteWhereIn(db, tenantId, child.table, child.parentColumn, ids);
    const table = writer.upsert.table;
    if (!getTableConfig(table).columns.some((c) => c.name === 'id')) continue;
    await markDeleted(db, tenantId, writer.upsert, ids);
    result[endpoint] = await deleteWhereIn(db, tenantId, table, 'id', ids);
  }
  return result;
}

/** The students whose early-detection inputs the deletion changes, queued before their rows go. */
async function markDeleted(db: DbOrTx, tenantId: string, spec: UpsertSpec, ids: string[]): Promise<void> {
  const { changes } = spec;
  if (!changes) return;
  const table = sql.raw(`"${getTableConfig(spec.table).name}"`);
  const student = 'column' in changes ? sql.raw(`, "${changes.column}" AS student_id`) : sql``;
  await db.execute(sql`
    WITH written AS (SELECT id::text AS key ${student} FROM ${table} WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${uuidArray(ids)}))
    ${markChangedFrom(tenantId, 'column' in changes ? sql`SELECT student_id FROM written` : changes.students(tenantId))}`);
}
