/** Reads an organiser's data version (schema/data-versions.ts): the stamp the database renews at every commit that changed it. */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type DbOrTx } from './client.ts';

/** The organiser's stamp, or null while none of its watched tables has changed since the stamps began. */
export async function dataVersionOf(db: DbOrTx, tenantId: string): Promise<string | null> {
  const [row] = await queryRows<{ stamp: string | null }>(db, sql`SELECT ${currentStamp(tenantId)} AS stamp`);
  return row?.stamp ?? null;
}

/** The stamp as an expression, for a statement that compares it without a round trip of its own. */
export function currentStamp(tenantId: string) {
  return sql`(SELECT stamp FROM data_versions WHERE tenant_id = ${tenantId}::uuid)`;
}

/**
 * Names the organiser whose early-detection rows (risk rows, history, episodes) this transaction writes next, or none
 * (null). Those tables note the named organiser rather than reading it from their rows (migration 0029); while none
 * is named, a write to them notes every organiser. The writer must then touch only that organiser's rows until it
 * names another or none. Lasts until the transaction (or a rolled-back savepoint) ends.
 */
export async function nameWriter(db: DbOrTx, tenantId: string | null): Promise<void> {
  if (tenantId !== null && !organiserId.safeParse(tenantId).success) throw new Error('nameWriter: tenantId is not an organiser id');
  // SET LOCAL rather than set_config(): Citus carries SET LOCAL to the workers, where the shards' triggers read it
  // (scripts/citus/cluster.sh, citus.propagate_set_commands). Its value cannot be a parameter, hence the check above.
  await db.execute(sql.raw(`SET LOCAL fullfolj.data_version_tenant = '${tenantId ?? ''}'`));
}

/** An organiser's id: any uuid-shaped text (SS 12000 ids need not carry a version). */
const organiserId = z.guid();
