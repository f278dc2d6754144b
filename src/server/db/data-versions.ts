/** Reads an organiser's data version (schema/data-versions.ts): the stamp the database renews at every commit that changed it. */
import { sql } from 'drizzle-orm';
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
