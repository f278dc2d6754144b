/**
 * Set-based writes: one statement per table per page. A page's parent rows are COPYed into a temporary staging table
 * and merged from it (copy-stage.ts, `mergeStaged`); child rows, and any write outside a transaction, travel as ONE
 * json parameter expanded with json_to_recordset, so a page never nears PostgreSQL's 65,535 bind parameters. Column
 * names and types are read from the Drizzle schema.
 */
import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx, type Tx } from '../../server/db/client.ts';
import { canStage, stageRows } from './copy-stage.ts';
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

/** The statement's parts every write path shares: columns, computed values, the guard and the change queue. */
function upsertParts(tenantId: string, spec: UpsertSpec) {
  const { name, columns, hasUpdatedAt } = describeTable(spec.table);
  const computed = spec.computed ?? {};
  const sent = columns.filter((c) => !(c.name in computed));
  const all = columns.map((c) => c.name);
  const values = columns.map((c) => computed[c.name] ?? sql`r.${ident(c.name)}`);
  const updatable = all.filter((c) => !spec.key.includes(c));
  const compared = updatable.filter((c) => c !== 'source_modified');
  /** The guard against the stored row `t`; the new row is `n` (`excluded` in ON CONFLICT, the staged values in UPDATE). */
  const guard = (n: string) => {
    const differs = sql`(${list(compared.map((c) => sql`t.${ident(c)}`))}) IS DISTINCT FROM (${list(compared.map((c) => sql`${sql.raw(n)}.${ident(c)}`))})`;
    return spec.versioning === 'modified'
      ? sql`${sql.raw(n)}.source_modified > t.source_modified OR (${sql.raw(n)}.source_modified = t.source_modified AND ${differs})`
      : differs;
  };
  const sets = (n: string) => {
    const parts = updatable.map((c) => sql`${ident(c)} = ${sql.raw(n)}.${ident(c)}`);
    if (hasUpdatedAt) parts.push(sql`"updated_at" = now()`);
    return list(parts);
  };
  const changes = spec.changes;
  const returning = sql`t.${ident(spec.key[0] ?? 'id')}::text AS key ${changes && 'column' in changes ? sql`, t.${ident(changes.column)} AS student_id` : sql``}`;
  const marked = !changes
    ? sql``
    : sql`, marked AS (${markChangedFrom(tenantId, 'column' in changes ? sql`SELECT student_id FROM written` : changes.students(tenantId))})`;
  return { name, sent, all, values, guard, sets, returning, marked };
}

/**
 * The page's rows staged with COPY, then merged in one statement: rows whose key is new are INSERTed as a plain
 * INSERT … SELECT (no speculative insertion per row, which is what made ON CONFLICT cost ~1.5× a COPY), rows whose key
 * is stored are UPDATEd where the guard allows, and the written rows' students are queued — three data-modifying CTEs
 * over one snapshot. A key another session inserts meanwhile fails the INSERT as a unique violation: a data rejection,
 * so the page is written again document by document (import-page.ts).
 */
async function mergeStaged(tx: Tx, tenantId: string, spec: UpsertSpec, rows: Row[]): Promise<SQL> {
  const { name, sent, all, values, guard, sets, returning, marked } = upsertParts(tenantId, spec);
  const stage = await stageRows(tx, name, sent, rows);
  const source = sql`${ident(stage)} AS r ${spec.join?.(tenantId) ?? sql``}`;
  const keyMatch = (a: string, b: string) =>
    sql.join(
      spec.key.map((k) => sql`${sql.raw(a)}.${ident(k)} = ${sql.raw(b)}.${ident(k)}`),
      sql` AND `,
    );
  const named = list(all.map((c, i) => sql`${values[i]} AS ${ident(c)}`));
  return sql`
    WITH inserted AS (
      INSERT INTO ${ident(name)} AS t ("tenant_id", ${list(all.map(ident))})
      SELECT ${tenantId}::uuid, ${list(values)} FROM ${source}
      WHERE NOT EXISTS (SELECT 1 FROM ${ident(name)} x WHERE x.tenant_id = ${tenantId}::uuid AND ${keyMatch('x', 'r')})
      RETURNING ${returning}
    ), updated AS (
      UPDATE ${ident(name)} AS t SET ${sets('n')}
      FROM (SELECT ${named} FROM ${source}) AS n
      WHERE t.tenant_id = ${tenantId}::uuid AND ${keyMatch('t', 'n')} AND (${guard('n')})
      RETURNING ${returning}
    ), written AS (SELECT * FROM inserted UNION ALL SELECT * FROM updated) ${marked}`;
}

/** The same merge from a json parameter with ON CONFLICT: for a connection that cannot COPY (outside a transaction). */
function mergeFromJson(tenantId: string, spec: UpsertSpec, rows: Row[]): SQL {
  const { name, sent, all, values, guard, sets, returning, marked } = upsertParts(tenantId, spec);
  return sql`
    WITH written AS (
      INSERT INTO ${ident(name)} AS t ("tenant_id", ${list(all.map(ident))})
      SELECT ${tenantId}::uuid, ${list(values)} FROM ${recordset(sent, rows)} ${spec.join?.(tenantId) ?? sql``}
      ON CONFLICT ("tenant_id", ${list(spec.key.map(ident))}) DO UPDATE SET ${sets('excluded')}
      WHERE ${guard('excluded')}
      RETURNING ${returning}
    ) ${marked}`;
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
  const merge = canStage(db) ? await mergeStaged(db, tenantId, spec, rows) : mergeFromJson(tenantId, spec, rows);
  if (!withKeys) {
    const [result] = await queryRows<{ n: number }>(db, sql`${merge} SELECT count(*)::int AS n FROM written`);
    return { written: result?.n ?? 0, keys: [] };
  }
  const keys = (await queryRows<{ key: string }>(db, sql`${merge} SELECT key FROM written`)).map((r) => r.key);
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
