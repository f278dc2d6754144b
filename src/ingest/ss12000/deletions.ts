/** Applies SS 12000 deletedEntities: rows deleted by id within the tenant, with their child rows. */
import type { DbOrTx } from '../../server/db/client.ts';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { deleteWhereIn } from './bulk-upsert.ts';
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
    result[endpoint] = await deleteWhereIn(db, tenantId, table, 'id', ids);
  }
  return result;
}
