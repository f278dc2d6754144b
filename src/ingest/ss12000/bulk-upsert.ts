/**
 * Set-based writes: one statement per table per page. Rows travel as ONE json parameter
 * expanded with json_to_recordset, so a page never nears PostgreSQL's 65,535 bind parameters
 * and costs one round trip. Column names and types are read from the Drizzle schema.
 */
import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from '../../server/db/client.ts';
import { markChangedFrom } from '../../server/modules/early-warning/refresh-changes.ts';

export type Row = Record<string, unknown>;

/**
 * How a document may overwrite a stored row:
 * - 'modified': only when its meta.modified is newer, or equal with different content
 *   (an older document never overwrites; an identical re-import writes nothing);
 * - 'content': the table has no source version (AggregatedAttendance): only when content differs.
 */
export type Versioning = 'modified' | 'content';

export interface UpsertSpec {
  table: PgTable;
  /** Conflict target after tenant_id, e.g. ['id']. */
  key: string[];
  versioning: Versioning;
  /** Columns computed in SQL instead of sent, e.g. attendances.lesson_date from its calendar event. */
  computed?: Record<string, SQL>;
  /** A join for the computed columns; the recordset is aliased `r`. */
  join?: (tenantId: string) => SQL;
  /**
   * Whose early-detection inputs a written row changes (early_warning_changes): the column naming the student, or a
   * query of `student_id` over the written rows' keys (CTE `written`, column `key`).
   */
  changes?: { column: string } | { students: (tenantId: string) => SQL };
}

interface ColumnInfo {
  name: string;
  type: string;
}

const columnCache = new WeakMap<PgTable, { name: string; columns: ColumnInfo[]; hasUpdatedAt: boolean }>();

function describeTable(table: PgTable) {
  let info = columnCache.get(table);
  if (!info) {
    const config = getTableConfig(table);
    const columns = config.columns
      .filter((c) => c.name !== 'tenant_id' && c.name !== 'updated_at')
      .map((c) => ({ name: c.name, type: c.getSQLType() }));
    info = { name: config.name, columns, hasUpdatedAt: config.columns.some((c) => c.name === 'updated_at') };
    columnCache.set(table, info);
  }
  return info;
}

const ident = (name: string) => sql.raw(`"${name}"`);
const list = (parts: SQL[]) => sql.join(parts, sql.raw(', '));

/** The recordset of `rows` as SQL: `json_to_recordset($1::json) AS r(col type, …)`. */
function recordset(columns: ColumnInfo[], rows: Row[]): SQL {
  const defs = sql.raw(columns.map((c) => `"${c.name}" ${c.type}`).join(', '));
  return sql`json_to_recordset(${JSON.stringify(rows)}::json) AS r(${defs})`;
}

/**
 * Inserts or updates `rows` (snake_case keys, without tenant_id) for one tenant. Returns how
 * many rows were actually written and, with `withKeys`, their keys (first key column, as text).
 */
export async function upsertRows(
  db: DbOrTx,
  tenantId: string,
  spec: UpsertSpec,
  rows: Row[],
  withKeys = false,
): Promise<{ written: number; keys: string[] }> {
  if (rows.length === 0) return { written: 0, keys: [] };
  const { name, columns, hasUpdatedAt } = describeTable(spec.table);
  const computed = spec.computed ?? {};
  const sent = columns.filter((c) => !(c.name in computed));
  const all = columns.map((c) => c.name);
  const values = columns.map((c) => computed[c.name] ?? sql`r.${ident(c.name)}`);
  const updatable = all.filter((c) => !spec.key.includes(c));
  const compared = updatable.filter((c) => c !== 'source_modified');
  const sets = updatable.map((c) => sql`${ident(c)} = excluded.${ident(c)}`);
  if (hasUpdatedAt) sets.push(sql`"updated_at" = now()`);
  const differs = sql`(${list(compared.map((c) => sql`t.${ident(c)}`))}) IS DISTINCT FROM (${list(compared.map((c) => sql`excluded.${ident(c)}`))})`;
  const guard =
    spec.versioning === 'modified'
      ? sql`excluded.source_modified > t.source_modified OR (excluded.source_modified = t.source_modified AND ${differs})`
      : differs;
  const changes = spec.changes;
  const student = changes && 'column' in changes ? sql`, t.${ident(changes.column)} AS student_id` : sql``;
  const marked = !changes
    ? sql``
    : sql`, marked AS (${markChangedFrom(tenantId, 'column' in changes ? sql`SELECT student_id FROM written` : changes.students(tenantId))})`;
  const query = sql`
    WITH written AS (
      INSERT INTO ${ident(name)} AS t ("tenant_id", ${list(all.map(ident))})
      SELECT ${tenantId}::uuid, ${list(values)} FROM ${recordset(sent, rows)} ${spec.join?.(tenantId) ?? sql``}
      ON CONFLICT ("tenant_id", ${list(spec.key.map(ident))}) DO UPDATE SET ${list(sets)}
      WHERE ${guard}
      RETURNING t.${ident(spec.key[0] ?? 'id')}::text AS key ${student}
    ) ${marked} ${withKeys ? sql`SELECT key FROM written` : sql`SELECT count(*)::int AS n FROM written`}`;
  if (!withKeys) {
    const [result] = await queryRows<{ n: number }>(db, query);
    return { written: result?.n ?? 0, keys: [] };
  }
  const keys = (await queryRows<{ key: string }>(db, query)).map((r) => r.key);
  return { written: keys.length, keys };
}

/** Inserts child rows (no source version of their own); duplicates within the set are ignored. */
export async function insertChildRows(
  db: DbOrTx,
  tenantId: string,
  table: PgTable,
  rows: Row[],
  computed: Record<string, SQL> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const { name, columns } = describeTable(table);
  const sent = columns.filter((c) => !(c.name in computed));
  const values = columns.map((c) => computed[c.name] ?? sql`r.${ident(c.name)}`);
  await db.execute(sql`
    INSERT INTO ${ident(name)} ("tenant_id", ${list(columns.map((c) => ident(c.name)))})
    SELECT ${tenantId}::uuid, ${list(values)} FROM ${recordset(sent, rows)}
    ON CONFLICT DO NOTHING`);
}

/** A uuid[] literal parameter for `= ANY(…)`; ids are schema-validated uuids. */
export function uuidArray(ids: Iterable<string>): SQL {
  return sql`${`{${[...ids].join(',')}}`}::uuid[]`;
}

/** Deletes rows of `table` whose `column` is one of `ids`, within the tenant; returns how many. */
export async function deleteWhereIn(db: DbOrTx, tenantId: string, table: PgTable, column: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { name } = describeTable(table);
  const rows = await queryRows<{ n: number }>(
    db,
    sql`
    WITH gone AS (DELETE FROM ${ident(name)} WHERE "tenant_id" = ${tenantId}::uuid AND ${ident(column)} = ANY(${uuidArray(ids)}) RETURNING 1)
    SELECT count(*)::int AS n FROM gone`,
  );
  return rows[0]?.n ?? 0;
}
