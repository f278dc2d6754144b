/**
 * Everything held about one person in one tenant (GDPR art. 15). The tables are found from the schema
 * itself — every table with a column person_id, student_id or responsible_id — so that a module added
 * later is in the extract without anyone remembering to add it.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';

/** Columns that point at a person. */
export const personColumns = ['person_id', 'student_id', 'responsible_id'] as const;

export interface ExtractSection { table: string; column: string; rows: Record<string, unknown>[] }

/** The (table, column) pairs that hold person references, from information_schema. */
export async function personReferences(db: DbOrTx): Promise<{ table: string; column: string }[]> {
  const cols = sql.join(personColumns.map((c) => sql`${c}`), sql`, `);
  return queryRows<{ table: string; column: string }>(db, sql`
    SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c
      JOIN information_schema.columns t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.column_name = 'tenant_id'
     WHERE c.table_schema = current_schema() AND c.column_name IN (${cols}) AND c.data_type = 'uuid'
     ORDER BY 1, 2`);
}

/** The person's own row (civic number included: the extract goes to the person themself), or undefined. */
export async function personRow(db: DbOrTx, tenantId: string, personId: string) {
  const [row] = await queryRows<Record<string, unknown>>(db, sql`
    SELECT * FROM persons WHERE tenant_id = ${tenantId}::uuid AND id = ${personId}::uuid`);
  return row;
}

/** Every row of every referencing table that points at the person, without the tenant column. */
export async function referencingRows(db: DbOrTx, tenantId: string, personId: string): Promise<ExtractSection[]> {
  const sections: ExtractSection[] = [];
  for (const { table, column } of await personReferences(db)) {
    const rows = await queryRows<Record<string, unknown>>(db, sql`
      SELECT * FROM ${sql.identifier(table)} WHERE tenant_id = ${tenantId}::uuid AND ${sql.identifier(column)} = ${personId}::uuid`);
    sections.push({ table, column, rows: rows.map(({ tenant_id: _t, ...rest }) => rest) });
  }
  return sections;
}

/** Who read or was refused the person's data: the access-log rows naming them (no staff IPs). */
export function accessLogAbout(db: DbOrTx, tenantId: string, personId: string) {
  return queryRows<{ at: string; username: string | null; role: string | null; action: string; purpose: string; outcome: string }>(db, sql`
    SELECT to_char(l.at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS at, a.username, l.role, l.action, l.purpose, l.outcome
      FROM access_log l LEFT JOIN accounts a ON a.id = l.account_id
     WHERE l.tenant_id = ${tenantId}::uuid AND l.subject_ids @> ARRAY[${personId}::uuid]
     ORDER BY l.at, l.id`);
}

/** The organiser's name. */
export async function organiserName(db: DbOrTx, tenantId: string): Promise<string> {
  const [row] = await queryRows<{ name: string }>(db, sql`SELECT name FROM organisers WHERE id = ${tenantId}::uuid`);
  return row?.name ?? '';
}
