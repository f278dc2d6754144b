/**
 * The refresh's writes, set-based: the computed rows are staged in temporary tables (COPY on the transaction's
 * connection, `src/server/db/copy.ts`), then merged into `student_risk`, `student_risk_history` and `indicator_episodes`
 * with one statement each, writing only the rows that differ from what is stored; where nothing stored can conflict (an
 * organiser's first refresh, a day's first points of the trend) the rows are inserted without ON CONFLICT. `scoped`
 * limits removals (risk rows of students no longer enrolled, episodes that stopped holding) to the students in the
 * refresh's scope table; otherwise the whole organiser.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { csvField, transactionCopyStream } from '../../db/copy.ts';
import { SCOPE_TABLE } from './refresh-changes.ts';
import { measureColumns, measureKeys, type MeasureKey, type MeasuresSummary } from './risk-measures.ts';

const RISK = 'early_warning_refresh_risk';
const EPISODES = 'early_warning_refresh_episodes';

/** One student's computed row (snake_case, as stored). */
export interface RiskRow {
  student_id: string;
  school_unit_id: string;
  school_type: string;
  school_year: number | null;
  programme_code: string | null;
  tier: number;
  flags: string[];
  data_status: 'ok' | 'insufficient';
  model_id: string | null;
  probability: number | null;
  lower: number | null;
  upper: number | null;
  reasons: unknown[];
  measures: MeasuresSummary;
}

/** One indicator that holds for a student today. */
export interface EpisodeRow {
  student_id: string;
  indicator: string;
  severity: string;
  counts: boolean;
  value: number | null;
  details: Record<string, unknown>;
}

const riskNames = [
  'student_id',
  'school_unit_id',
  'school_type',
  'school_year',
  'programme_code',
  'tier',
  'flags',
  'data_status',
  'model_id',
  'probability',
  'lower',
  'upper',
  'reasons',
] as const;
/** The measures' columns, as stored (risk-measures.ts). */
const measureNames = measureKeys.map((k) => measureColumns[k].column);
/**
 * The shares (float8, three decimals) are staged as whole thousandths and divided at the merge, which gives the same
 * double (both sides divide an integer by 1,000, rounded as IEEE 754 has it): writing 250,000 pupils' five shares as
 * text took this process 0.3–0.9 s as numbers with decimals, 0.1 s as integers (bench/README.md, 2026-12-07).
 */
const isShare = (k: MeasureKey) => measureColumns[k].type === 'float8';
const shareNames = new Set<string>(measureKeys.filter(isShare).map((k) => measureColumns[k].column));
/** A staged column as the merges select it: a share back from its thousandths. */
const staged = (c: string) => (shareNames.has(c) ? `x.${c}::float8 / 1000` : `x.${c}`);
const stagedRiskNames = [...riskNames, ...measureNames];
/** The columns a refresh writes besides the key and `as_of`: every staged one. */
const riskStored = stagedRiskNames.filter((c) => c !== 'student_id');
/** A refresh over stored rows: each row updated where anything differs (`as_of` moves daily, so nightly every row). */
const riskUpsert = `on conflict (tenant_id, student_id) do update set as_of = excluded.as_of,
  ${riskStored.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = excluded.updated_at
  where (r.as_of, ${riskStored.map((c) => `r.${c}`).join(', ')}) is distinct from (excluded.as_of, ${riskStored.map((c) => `excluded.${c}`).join(', ')})`;
/** A later refresh the same day: the day's point rewritten where it differs. */
const historyUpsert = `on conflict (tenant_id, student_id, as_of) do update set tier = excluded.tier, probability = excluded.probability,
  attendance = excluded.attendance
  where (h.tier, h.probability, h.attendance) is distinct from (excluded.tier, excluded.probability, excluded.attendance)`;
const episodeNames = ['student_id', 'indicator', 'severity', 'counts', 'value', 'details'] as const;
const riskColumns = `student_id uuid, school_unit_id uuid, school_type text, school_year int, programme_code text, tier int,
  flags text[], data_status text, model_id uuid, probability float8, lower float8, upper float8, reasons jsonb,
  ${measureKeys.map((k) => `${measureColumns[k].column} ${isShare(k) ? 'int' : measureColumns[k].type}`).join(', ')}`;
const episodeColumns = `student_id uuid, indicator text, severity text, counts boolean, value float8, details jsonb`;

/** Where a refresh's computed rows go, part by part: the staging tables. */
export interface Staging {
  /** One part's computed rows, kept as their CSV text until `finish`. */
  add(risk: RiskRow[], episodes: EpisodeRow[]): void;
  /** Every part added: the rows are copied into the staging tables. */
  finish(): Promise<void>;
}

/**
 * Creates (once per session) and empties the staging tables, in the caller's transaction, and takes the computed rows
 * as CSV text, part by part, to COPY them at `finish`. The refresh computes the rows while the server is still sending
 * the measures (`eachStudentMeasures`), and a connection runs one COPY at a time: the text waits for the read's end.
 * Kept as text, 250,000 pupils' rows are about 46 MB in a few hundred strings; when the measures were read whole first,
 * their 250,000 objects were copied by every scavenge and the heap peaked at 286 MB, against 88 MB now (bench/README.md,
 * 2026-12-07).
 */
export async function startStaging(db: DbOrTx): Promise<Staging> {
  const open = transactionCopyStream(db);
  if (!open) throw new Error('the refresh stages its rows by COPY, in a transaction on a driver this code knows');
  // Two round trips per organiser where the session has the tables, six where it has not: the national night refreshes
  // 350 organisers on two connections.
  const [session] = await queryRows<{ made: boolean }>(
    db,
    sql.raw(`select to_regclass('pg_temp.${RISK}') is not null and to_regclass('pg_temp.${EPISODES}') is not null as made`),
  );
  if (!session?.made) {
    await db.execute(sql.raw(`create temporary table if not exists ${RISK} (${riskColumns}) on commit delete rows`));
    await db.execute(sql.raw(`create temporary table if not exists ${EPISODES} (${episodeColumns}) on commit delete rows`));
    // Indexed, so the merges' anti-joins never scan a staging table per stored row, whatever the planner thinks of the
    // stored tables' sizes (a first refresh inserts into tables last analysed empty).
    await db.execute(sql.raw(`create index if not exists ${RISK}_idx on ${RISK} (student_id)`));
    await db.execute(sql.raw(`create index if not exists ${EPISODES}_idx on ${EPISODES} (student_id, indicator)`));
  }
  // Empty already unless this transaction staged before (ON COMMIT DELETE ROWS). A DELETE of nothing costs nothing, where a
  // TRUNCATE gave both tables and their indexes new files every time (0.6 s of the 1.5 M night's 350 refreshes).
  await db.execute(sql.raw(`with risk as (delete from ${RISK}) delete from ${EPISODES}`));
  const riskParts: string[] = [];
  const episodeParts: string[] = [];
  const copy = async (table: string, columns: readonly string[], parts: string[]) => {
    if (parts.length === 0) return;
    const stream = open(table, columns);
    for (const csv of parts.splice(0)) await stream.write(csv);
    await stream.end();
  };
  return {
    add(risk, episodes) {
      if (risk.length > 0) riskParts.push(risk.map(riskLine).join(''));
      if (episodes.length > 0) episodeParts.push(episodes.map(episodeLine).join(''));
    },
    async finish() {
      await copy(RISK, stagedRiskNames, riskParts);
      await copy(EPISODES, episodeNames, episodeParts);
    },
  };
}

/** A number as its CSV field; absent or not finite: NULL (as `csvField` has it). */
const num = (v: number | null) => (v === null || !Number.isFinite(v) ? '' : String(v));
/** A share as its whole thousandths' CSV field; absent or not finite: NULL. */
const thousandths = (v: number | null) => (v === null || !Number.isFinite(v) ? '' : String(Math.round(v * 1000)));
/** Each measure's key and how its CSV field is written, in `measureKeys` order (worked out once, not per row). */
const measureFields = measureKeys.map((k) => [k, isShare(k) ? thousandths : num] as const);

/**
 * A risk row as its staging CSV line (`stagedRiskNames` order), written field by field: at 250,000 pupils the generic
 * line (an array of values, each through `csvField`) took 0.7 s of this process's 1.9 s between the statements, the
 * part of the refresh the server waits on. Ids come from the database as canonical uuids (nothing to quote); text,
 * flags and reasons go through `csvField`.
 */
export function riskLine(r: RiskRow): string {
  let line = `${r.student_id},${r.school_unit_id},${csvField(r.school_type)},${num(r.school_year)},${csvField(r.programme_code)},${num(r.tier)},${csvField(r.flags)},${csvField(r.data_status)},${r.model_id ?? ''},${num(r.probability)},${num(r.lower)},${num(r.upper)},${csvField(JSON.stringify(r.reasons))}`;
  for (const [k, field] of measureFields) line += `,${field(r.measures[k])}`;
  return `${line}\n`;
}

/** An episode as its staging CSV line (`episodeNames` order). */
export function episodeLine(e: EpisodeRow): string {
  return `${e.student_id},${csvField(e.indicator)},${csvField(e.severity)},${e.counts ? 't' : 'f'},${num(e.value)},${csvField(e.details)}\n`;
}

/** Merges the staged rows into the stored tables; only rows that differ are written. */
export async function mergeStaged(db: DbOrTx, tenantId: string, asOf: string, scoped: boolean): Promise<void> {
  const t = sql`${tenantId}::uuid`;
  const d = sql`${asOf}::date`;
  // Statistics for the staged rows: without them the planner takes the staging tables for small and may join them by a
  // nested loop (one profile: 173 s of a 214 s refresh of 50,000 students in the episodes' resolve).
  // Only the columns the merges join on: the jsonb columns' statistics cost more than the rest of the ANALYZE.
  await db.execute(sql.raw(`analyze ${RISK} (student_id), ${EPISODES} (student_id, indicator)`));
  // The anti-joins below are `NOT IN` an uncorrelated subquery, which PostgreSQL answers from a hash of the subquery's
  // rows (one probe per stored row, whatever its estimate of the stored table) when the hash fits in work_mem, and
  // Citus plans apart as one intermediate result (a correlated NOT EXISTS into a temporary table it cannot run). The
  // refresh raises work_mem for its transaction (`refreshTenant`), so an organiser of 150,000 students' episodes still hashes.
  const inScope = (column: string) => (scoped ? sql.raw(`and ${column} in (select student_id from ${SCOPE_TABLE})`) : sql``);
  // Rows of students no longer in the refresh go first, so that this scan meets only the rows stored before it. Such a
  // student loses today's point of the trend with the risk row, if an earlier refresh today wrote one: the history holds
  // each day as that day's last refresh saw it. So a history row of today exists only beside a risk row of today.
  const stale = sql`r.tenant_id = ${t} ${inScope('r.student_id')} and r.student_id not in (select x.student_id from ${sql.raw(RISK)} x)`;
  await db.execute(sql`
    delete from student_risk_history h where h.tenant_id = ${t} and h.as_of = ${d}
      and h.student_id in (select r.student_id from student_risk r where r.as_of = ${d} and ${stale})`);
  await db.execute(sql`delete from student_risk r where ${stale}`);
  // Where nothing can conflict, a plain INSERT: an organiser's first refresh (no risk rows) for the risk rows, the first
  // refresh of a day for the history's points. At 250,000 pupils the risk rows took 1.40 s against 1.96 s with ON
  // CONFLICT, the history 0.57–0.66 s against 1.01–1.13 s (bench/README.md, 2026-12-05, afternoon). Refreshes of one
  // organiser take turns (`refreshTenant` locks) and go in date order (it refuses an older date than any risk row's), so
  // with risk rows stored a point of today exists only beside a risk row of today (see the delete above); without any,
  // the history is looked at itself (one probe of its key), as its points may outlive the rows.
  const firstEver = await storesNone(db, sql`select 1 from student_risk where tenant_id = ${t}`);
  const firstToday = firstEver
    ? await storesNone(db, sql`select 1 from student_risk_history where tenant_id = ${t}`)
    : await storesNone(db, sql`select 1 from student_risk where tenant_id = ${t} and as_of = ${d}`);
  const stored = sql.raw(riskStored.join(', '));
  await db.execute(sql`
    insert into student_risk as r (tenant_id, student_id, as_of, ${stored})
    select ${t}, x.student_id, ${d}, ${sql.raw(riskStored.map(staged).join(', '))} from ${sql.raw(RISK)} x
    ${firstEver ? sql`` : sql.raw(riskUpsert)}`);
  await db.execute(sql`
    insert into student_risk_history as h (tenant_id, student_id, as_of, tier, probability, attendance)
    select ${t}, x.student_id, ${d}, x.tier, x.probability, ${sql.raw(staged(measureColumns.attendance4w.column))} from ${sql.raw(RISK)} x
    ${firstToday ? sql`` : sql.raw(historyUpsert)}`);
  await mergeEpisodes(db, t, d, inScope('e.student_id'));
}

/** Whether the query `rows` finds nothing: one probe. */
async function storesNone(db: DbOrTx, rows: SQL): Promise<boolean> {
  const [row] = await queryRows<{ none: boolean }>(db, sql`select not exists (${rows}) as none`);
  return row?.none === true;
}

/**
 * Episodes: continued while they hold (onset kept), new ones opened, the others in scope resolved today. An organiser
 * that stores no episode at all (its first refresh) has nothing to continue, reopen or resolve: a plain insert.
 */
async function mergeEpisodes(db: DbOrTx, t: SQL, d: SQL, inScope: SQL) {
  if (await storesNone(db, sql`select 1 from indicator_episodes where tenant_id = ${t}`)) {
    await db.execute(sql`
      insert into indicator_episodes (tenant_id, student_id, indicator, onset, last_seen, status, severity, counts, value, details, expires_on)
      select ${t}, x.student_id, x.indicator, ${d}, ${d}, 'active', x.severity, x.counts, x.value, x.details, ${d} + 365
      from ${sql.raw(EPISODES)} x`);
    return;
  }
  await db.execute(sql`
    update indicator_episodes e set last_seen = ${d}, severity = x.severity, counts = x.counts, value = x.value, details = x.details,
      expires_on = ${d} + 365, updated_at = now()
    from ${sql.raw(EPISODES)} x
    where e.tenant_id = ${t} and e.status = 'active' and e.student_id = x.student_id and e.indicator = x.indicator
      and (e.last_seen, e.severity, e.counts, e.value, e.details, e.expires_on)
        is distinct from (${d}, x.severity, x.counts, x.value, x.details, ${d} + 365)`);
  await db.execute(sql`
    insert into indicator_episodes (tenant_id, student_id, indicator, onset, last_seen, status, severity, counts, value, details, expires_on)
    select ${t}, x.student_id, x.indicator, ${d}, ${d}, 'active', x.severity, x.counts, x.value, x.details, ${d} + 365
    from ${sql.raw(EPISODES)} x
    where (x.student_id, x.indicator) not in (select e.student_id, e.indicator from indicator_episodes e
      where e.tenant_id = ${t} and e.status = 'active')
    on conflict (tenant_id, student_id, indicator, onset) do update set status = 'active', resolved_on = null, last_seen = excluded.last_seen,
      severity = excluded.severity, counts = excluded.counts, value = excluded.value, details = excluded.details,
      expires_on = excluded.expires_on, updated_at = excluded.updated_at`);
  await db.execute(sql`
    update indicator_episodes e set status = 'resolved', resolved_on = ${d}, updated_at = now()
    where e.tenant_id = ${t} and e.status = 'active' ${inScope}
      and (e.student_id, e.indicator) not in (select x.student_id, x.indicator from ${sql.raw(EPISODES)} x)`);
}
