/**
 * Set-based writes: a few statements per table per page. A page's parent rows go by COPY (src/server/db/copy.ts) into
 * the table or a temporary staging table and are merged with plain statements (`mergeStaged`); child rows travel as ONE
 * json parameter expanded with json_to_recordset, so a page never nears PostgreSQL's 65,535 bind parameters. Column
 * names and types are read from the Drizzle schema. The SQL is the same on PGlite, PostgreSQL and Citus: no now() in an
 * update's SET, no data-modifying CTE, no correlated subquery over a staging table.
 */
import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTransaction, type PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx, type Tx } from '../../server/db/client.ts';
import { csvRows, stageCsv, transactionCopy } from '../../server/db/copy.ts';
import { EVERY_STUDENT, markChanged, markChangedFrom } from '../../server/modules/early-warning/refresh-changes.ts';

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
   * The one computed column looked up by the page's ids instead of joined, when the page goes straight into the table
   * (`noneStored`): a query of `key` and `value` (both text) for the ids of column `from` (a uuid[] parameter). A row
   * whose id it does not find is left out, as the join leaves it out.
   */
  lookup?: { column: string; from: string; values: (tenantId: string, ids: SQL) => SQL };
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
/** A column's SQL type, for casting a key array. */
const typeOf = (columns: ColumnInfo[], name: string) => columns.find((c) => c.name === name)?.type ?? 'uuid';
const list = (parts: SQL[]) => sql.join(parts, sql.raw(', '));

/** The recordset of `rows` as SQL: `json_to_recordset($1::json) AS r(col type, …)`. */
function recordset(columns: ColumnInfo[], rows: Row[]): SQL {
  const defs = sql.raw(columns.map((c) => `"${c.name}" ${c.type}`).join(', '));
  return sql`json_to_recordset(${JSON.stringify(rows)}::json) AS r(${defs})`;
}

/** The statement's parts every write shares: columns, computed values, the guard and the columns set. */
function upsertParts(spec: UpsertSpec) {
  const { name, columns, hasUpdatedAt } = describeTable(spec.table);
  const computed = spec.computed ?? {};
  const sent = columns.filter((c) => !(c.name in computed));
  const all = columns.map((c) => c.name);
  const values = columns.map((c) => computed[c.name] ?? sql`r.${ident(c.name)}`);
  const updatable = all.filter((c) => !spec.key.includes(c));
  const compared = updatable.filter((c) => c !== 'source_modified');
  /** The guard against the stored row `t`; the new row is `n`. */
  const guard = (n: string) => {
    const differs = sql`(${list(compared.map((c) => sql`t.${ident(c)}`))}) IS DISTINCT FROM (${list(compared.map((c) => sql`${sql.raw(n)}.${ident(c)}`))})`;
    return spec.versioning === 'modified'
      ? sql`${sql.raw(n)}.source_modified > t.source_modified OR (${sql.raw(n)}.source_modified = t.source_modified AND ${differs})`
      : differs;
  };
  /** The SET list; `updated_at` is the write's time, a parameter (Citus refuses now() in a distributed UPDATE's SET). */
  const sets = (n: string, now: string) => {
    const parts = updatable.map((c) => sql`${ident(c)} = ${sql.raw(n)}.${ident(c)}`);
    if (hasUpdatedAt) parts.push(sql`"updated_at" = ${now}::timestamptz`);
    return list(parts);
  };
  return { name, columns, sent, all, values, guard, sets, changes: spec.changes };
}

/** Rows a plain INSERT/UPDATE/DELETE touched: node-postgres reports `rowCount`, PGlite `affectedRows`. */
async function affected(db: DbOrTx, query: SQL): Promise<number> {
  const result = (await db.execute(query)) as unknown as { rowCount?: number | null; affectedRows?: number };
  return result.rowCount ?? result.affectedRows ?? 0;
}

/** A row's key as text, the way PostgreSQL prints it (uuids in lower case), the key columns joined by `|`. */
const keyText = (row: Row, key: readonly string[]) => key.map((k) => String(row[k]).toLowerCase()).join('|');

/** The keys among `rows` already stored for the tenant: one read of the primary key. */
async function storedKeys(tx: Tx, tenantId: string, name: string, columns: ColumnInfo[], key: string[], rows: Row[]): Promise<Set<string>> {
  const [only] = key;
  const text = sql.raw(key.map((k) => `t."${k}"::text`).join(` || '|' || `));
  const found =
    key.length === 1 && only
      ? await queryRows<{ key: string }>(
          tx,
          sql`SELECT ${text} AS key FROM ${ident(name)} t WHERE t.tenant_id = ${tenantId}::uuid AND t.${ident(only)} = ANY(${keyArray(
            rows.map((r) => String(r[only])),
            typeOf(columns, only),
          )})`,
        )
      : await queryRows<{ key: string }>(
          tx,
          sql`SELECT ${text} AS key FROM ${ident(name)} t
               WHERE t.tenant_id = ${tenantId}::uuid
                 AND (${list(key.map((k) => sql`t.${ident(k)}`))}) IN (SELECT ${list(key.map((k) => sql`r.${ident(k)}`))} FROM ${recordset(
                   columns.filter((c) => key.includes(c.name)),
                   rows.map((r) => Object.fromEntries(key.map((k) => [k, r[k]]))),
                 )})`,
        );
  return new Set(found.map((r) => r.key));
}

/**
 * A page's rows written in the page's transaction, in plain statements (no data-modifying CTE, no correlated subquery
 * over a staging table: the same SQL runs on PGlite, PostgreSQL and Citus). No speculative insertion per row where it
 * can be avoided: ON CONFLICT made a merge cost ~1.5× a COPY.
 * - Parent rows sent whole (`direct`): the stored keys are read by the page's keys; the stored rows are staged and
 *   updated with one `UPDATE … FROM` where the guard allows (newer, or equal and different); the new rows go by COPY.
 * - A column computed from another table (attendances.lesson_date): the page is COPYed into a temporary staging table
 *   and inserted with one `INSERT … SELECT` and the join (on PGlite a COPY into an indexed table costs twice that).
 *   Its stored keys are left out by the unique index itself (`ON CONFLICT DO NOTHING`, one probe per row whatever the
 *   table's size: a join of the staged page with the table read all of the organiser's rows, ~100 ms a page at 300,000),
 *   and only those keys are updated after it.
 * With `noneStored` no key is looked up or left out. A key another session (or an earlier page) inserted meanwhile then
 * fails the insert as a unique violation: a data rejection, so the page is written again document by document
 * (import-page.ts).
 */
async function mergeStaged(tx: Tx, tenantId: string, spec: UpsertSpec, page: Row[], now: string, options: UpsertOptions): Promise<Written> {
  const noneStored = options.noneStored === true;
  const { name, columns, sent, all, values, guard, sets, changes } = upsertParts(spec);
  const written: Written = { count: 0, keys: [], students: [] };
  const stage = `import_stage_${name}`;
  const source = sql`${ident(stage)} AS r ${spec.join?.(tenantId) ?? sql``}`;
  // Nothing stored to merge with and the computed column looked up: the page goes straight into the table by COPY.
  const lookedUp = noneStored && options.lookUp === true && spec.lookup !== undefined && sent.length === columns.length - 1;
  const direct = sent.length === columns.length || lookedUp;
  const rows = lookedUp && spec.lookup ? await withLookedUp(tx, tenantId, spec.lookup, page) : page;
  const [firstKey = 'id'] = spec.key;
  const student = changes && 'column' in changes ? sql`, t.${ident(changes.column)}::text AS student_id` : sql``;
  const record = (done: { key: string; student_id?: string }[]) => {
    written.count += done.length;
    for (const d of done) {
      written.keys.push(d.key);
      if (d.student_id) written.students.push(d.student_id);
    }
  };
  let stored = new Set<string>();
  if (direct) {
    if (!noneStored) stored = await storedKeys(tx, tenantId, name, columns, spec.key, rows);
  } else {
    await stageCsv(tx, stage, sent, csvRows(sent, rows));
    const insert = sql`INSERT INTO ${ident(name)} AS t ("tenant_id", ${list(all.map(ident))}) SELECT ${tenantId}::uuid, ${list(values)} FROM ${source}`;
    if (noneStored) {
      written.count += await affected(tx, insert);
      written.keys.push(...rows.map((r) => String(r[firstKey])));
      if (changes && 'column' in changes) written.students.push(...rows.map((r) => r[changes.column] as string));
    } else {
      const inserted = await queryRows<{ key: string; student_id?: string }>(
        tx,
        sql`${insert} ON CONFLICT ("tenant_id", ${list(spec.key.map(ident))}) DO NOTHING RETURNING t.${ident(firstKey)}::text AS key ${student}`,
      );
      record(inserted);
      const insertedKeys = new Set(inserted.map((i) => i.key));
      if (inserted.length < rows.length) stored = new Set(rows.map((r) => keyText(r, spec.key)).filter((k) => !insertedKeys.has(k)));
    }
  }
  if (stored.size > 0) {
    const old = rows.filter((r) => stored.has(keyText(r, spec.key)));
    if (direct) await stageCsv(tx, stage, sent, csvRows(sent, old));
    const keyMatch = sql.join(
      spec.key.map((k) => sql`t.${ident(k)} = n.${ident(k)}`),
      sql` AND `,
    );
    const named = list(all.map((c, i) => sql`${values[i]} AS ${ident(c)}`));
    // A staged page: only its stored keys, found by the primary key's index (not the rows just inserted).
    const byKey =
      direct || spec.key.length > 1 ? sql`` : sql`AND t.${ident(firstKey)} = ANY(${keyArray(stored, typeOf(columns, firstKey))})`;
    record(
      await queryRows<{ key: string; student_id?: string }>(
        tx,
        sql`UPDATE ${ident(name)} AS t SET ${sets('n', now)}
              FROM (SELECT ${named} FROM ${source}) AS n
             WHERE t.tenant_id = ${tenantId}::uuid AND ${keyMatch} ${byKey} AND (${guard('n')})
         RETURNING t.${ident(firstKey)}::text AS key ${student}`,
      ),
    );
  }
  const fresh = direct ? (stored.size > 0 ? rows.filter((r) => !stored.has(keyText(r, spec.key))) : rows) : [];
  if (fresh.length > 0) {
    const copy = transactionCopy(tx);
    if (!copy) throw new Error('COPY needs a transaction on a known driver');
    const copied = lookedUp ? columns : sent;
    const csv = csvRows(copied, fresh, `${tenantId},`);
    await copy(`"${name}"`, ['"tenant_id"', ...copied.map((c) => `"${c.name}"`)], csv);
    written.count += fresh.length;
    written.keys.push(...fresh.map((r) => String(r[firstKey])));
    if (changes && 'column' in changes) written.students.push(...fresh.map((r) => r[changes.column] as string));
  }
  return written;
}

/**
 * `rows` with `lookup.column` filled from its query, one round trip for the page's distinct ids; rows whose id is not
 * found are left out. The rows are the page's own (just mapped from its documents), so they are filled in place.
 */
async function withLookedUp(tx: Tx, tenantId: string, lookup: NonNullable<UpsertSpec['lookup']>, rows: Row[]): Promise<Row[]> {
  const ids = new Set(rows.map((r) => String(r[lookup.from])));
  const found = await queryRows<{ key: string; value: string }>(tx, lookup.values(tenantId, uuidArray(ids)));
  const valueOf = new Map(found.map((f) => [f.key, f.value]));
  const kept: Row[] = [];
  for (const row of rows) {
    const value = valueOf.get(String(row[lookup.from]).toLowerCase());
    if (value === undefined) continue;
    row[lookup.column] = value;
    kept.push(row);
  }
  return kept;
}

interface Written {
  count: number;
  /** The written rows' first key column, as text. */
  keys: string[];
  /** The students whose early-detection inputs the written rows change (`changes.column`). */
  students: string[];
}

/**
 * Queues the written rows' students in `early_warning_changes`, in the page's transaction. With `noneStored` (the
 * organiser stored none of the table's rows when the run began) every student is queued instead, with one row: the
 * refresh after an organiser's first import of a table recomputes everyone, as a first refresh does, and the pages
 * save re-queueing the same students page after page (a thousand key probes a page of attendance).
 */
async function queueChanges(tx: Tx, tenantId: string, spec: UpsertSpec, written: Written, noneStored: boolean): Promise<void> {
  const { changes } = spec;
  if (!changes || written.count === 0) return;
  if (noneStored) {
    await markChanged(tx, tenantId, [EVERY_STUDENT]);
    return;
  }
  if ('column' in changes) {
    await markChanged(tx, tenantId, written.students);
    return;
  }
  await tx.execute(
    sql`WITH written AS (SELECT unnest(${`{${written.keys.join(',')}}`}::text[]) AS key) ${markChangedFrom(tenantId, changes.students(tenantId))}`,
  );
}

export interface UpsertOptions {
  /** Return the written rows' keys (first key column, as text). */
  withKeys?: boolean;
  /**
   * The tenant stored no rows of the table when the caller began (`storesNoRows`), so the page's keys are not looked up
   * and every row is inserted. A key stored since then (an earlier page, another session) fails the insert with a unique
   * violation, a data rejection: the caller writes the page again without this option (import-page.ts).
   */
  noneStored?: boolean;
  /**
   * With `noneStored`: a column computed by a join (`spec.lookup`) is looked up instead, and the page goes straight into
   * the table by COPY rather than through a staging table. Faster on PostgreSQL (5–10 %), slower on PGlite (30 % at
   * 300,000 rows), whose COPY into an indexed table costs more than its `INSERT … SELECT` (bench/README.md, 2026-12-05
   * evening); the importer sets it by engine.
   */
  lookUp?: boolean;
  /**
   * Awaited after the rows are written and before the change queue: the importer writes a page while the page before it
   * may still be uncommitted on another connection, and both queue the same students (import-page.ts).
   */
  turn?: () => Promise<void>;
}

/**
 * Inserts or updates `rows` (snake_case keys, without tenant_id) for one tenant, in one transaction (the caller's, or
 * its own). Returns how many rows were actually written and, with `withKeys`, their keys (first key column, as text).
 */
export async function upsertRows(
  db: DbOrTx,
  tenantId: string,
  spec: UpsertSpec,
  rows: Row[],
  options: UpsertOptions = {},
): Promise<{ written: number; keys: string[] }> {
  if (rows.length === 0) return { written: 0, keys: [] };
  if (!transactionCopy(db)) {
    if (db instanceof PgTransaction) throw new Error('COPY needs a transaction on a known driver');
    return db.transaction((tx) => upsertRows(tx, tenantId, spec, rows, options));
  }
  const tx = db as Tx;
  const written = await mergeStaged(tx, tenantId, spec, rows, new Date().toISOString(), options);
  await options.turn?.();
  await queueChanges(tx, tenantId, spec, written, options.noneStored === true);
  return { written: written.count, keys: options.withKeys ? written.keys : [] };
}

/**
 * Whether the tenant has no rows in `table`: one probe of the tenant's key. An organiser's first import then writes its
 * pages without looking up their keys — a look-up whose cost grew with every page already written, since the planner
 * still had the statistics from before the run and joined the staged page with all of the organiser's rows.
 */
export async function storesNoRows(db: DbOrTx, tenantId: string, table: PgTable): Promise<boolean> {
  const { name } = describeTable(table);
  const [row] = await queryRows<{ none: boolean }>(
    db,
    sql`SELECT NOT EXISTS (SELECT 1 FROM ${ident(name)} WHERE "tenant_id" = ${tenantId}::uuid) AS none`,
  );
  return row?.none === true;
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

/** An array literal parameter of `type` for `= ANY(…)`; values are schema-validated keys (uuids, codes without commas). */
function keyArray(values: Iterable<string>, type: string): SQL {
  return sql`${`{${[...values].join(',')}}`}::${sql.raw(type)}[]`;
}

/** A uuid[] literal parameter for `= ANY(…)`; ids are schema-validated uuids. */
export function uuidArray(ids: Iterable<string>): SQL {
  return keyArray(ids, 'uuid');
}

/** Deletes rows of `table` whose `column` is one of `ids`, within the tenant; returns how many. */
export async function deleteWhereIn(db: DbOrTx, tenantId: string, table: PgTable, column: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { name } = describeTable(table);
  return affected(db, sql`DELETE FROM ${ident(name)} WHERE "tenant_id" = ${tenantId}::uuid AND ${ident(column)} = ANY(${uuidArray(ids)})`);
}
