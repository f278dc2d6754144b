/**
 * The refresh's writes, set-based: the computed rows are staged in temporary tables (COPY on the transaction's
 * connection, `src/server/db/copy.ts`; one `json_to_recordset` statement per chunk where it cannot COPY), then merged into `student_risk`, `student_risk_history` and `indicator_episodes` with one statement each,
 * writing only the rows that differ from what is stored. `scoped` limits removals (risk rows of students no longer
 * enrolled, episodes that stopped holding) to the students in the refresh's scope table; otherwise the whole organiser.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { csvLine, transactionCopyStream } from '../../db/copy.ts';
import { SCOPE_TABLE } from './refresh-changes.ts';

const RISK = 'early_warning_refresh_risk';
const EPISODES = 'early_warning_refresh_episodes';

/**
 * The summary of a student's measures kept with the risk row (`student_risk.measures`, shown beside the tier). Staged
 * as one numeric column each and made into the JSON object by the insert: as JSON text, quoted for CSV, it doubled the
 * staging CSV (250,000 pupils: 71 MB against 36 MB) and the staging's time, more than building the objects costs the
 * insert (bench/README.md, 2026-12-05, midday).
 */
export const measureKeys = [
  'attendance4w',
  'attendance45',
  'attendanceTerm',
  'invalidTerm',
  'validTerm',
  'failedGrades',
  'failedPoints',
  'reportedDays45',
] as const;
export type MeasuresSummary = Record<(typeof measureKeys)[number], number | null>;

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
/** The staging table's column for a measure, e.g. `m_attendance4w`. */
const measureColumn = (key: string) => `m_${key.toLowerCase()}`;
const stagedRiskNames = [...riskNames, ...measureKeys.map(measureColumn)];
const episodeNames = ['student_id', 'indicator', 'severity', 'counts', 'value', 'details'] as const;
const riskColumns = `student_id uuid, school_unit_id uuid, school_type text, school_year int, programme_code text, tier int,
  flags text[], data_status text, model_id uuid, probability float8, lower float8, upper float8, reasons jsonb,
  ${measureKeys.map((k) => `${measureColumn(k)} numeric`).join(', ')}`;
/** The staged measures as the stored JSON object. */
const measuresObject = `jsonb_build_object(${measureKeys.map((k) => `'${k}', x.${measureColumn(k)}`).join(', ')})`;
const episodeColumns = `student_id uuid, indicator text, severity text, counts boolean, value float8, details jsonb`;

/** Where a refresh's computed rows go, part by part: the staging tables. */
export interface Staging {
  add(risk: RiskRow[], episodes: EpisodeRow[]): Promise<void>;
  /** Every part added: the staged rows are complete. */
  finish(): Promise<void>;
  /** Stops half-way (the caller failed), so that the transaction can roll back. */
  abort(): Promise<void>;
}

/**
 * Creates (once per session) and empties the staging tables, in the caller's transaction, and opens them for the
 * computed rows. On PostgreSQL the risk rows go in through one COPY that stays open while the caller computes the next
 * part, so the server takes in one part while this process works on the next; the episodes (fewer, and a second COPY
 * cannot run beside the first) are copied at `finish`. Elsewhere each part is inserted as JSON.
 */
export async function startStaging(db: DbOrTx): Promise<Staging> {
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
  const open = transactionCopyStream(db);
  if (!open) return { add: (risk, episodes) => insertAsJson(db, risk, episodes), finish: async () => {}, abort: async () => {} };
  const riskCopy = open(RISK, stagedRiskNames);
  const episodeParts: string[] = [];
  return {
    async add(risk, episodes) {
      if (episodes.length > 0) episodeParts.push(episodes.map((e) => csvLine(episodeNames.map((c) => e[c]))).join(''));
      if (risk.length > 0) await riskCopy.write(risk.map((r) => csvLine(stagedRiskValues(r))).join(''));
    },
    async finish() {
      await riskCopy.end();
      if (episodeParts.length === 0) return;
      const episodeCopy = open(EPISODES, episodeNames);
      for (const csv of episodeParts.splice(0)) await episodeCopy.write(csv);
      await episodeCopy.end();
    },
    abort: () => riskCopy.abort(),
  };
}

/** A risk row's values in `stagedRiskNames` order: the reasons as JSON text, the measures one value each. */
const stagedRiskValues = (r: RiskRow): unknown[] => [
  ...riskNames.map((c) => (c === 'reasons' ? JSON.stringify(r.reasons) : r[c])),
  ...measureKeys.map((k) => r.measures[k]),
];

/** Stages one part of computed rows as JSON (a connection this code cannot COPY on). */
async function insertAsJson(db: DbOrTx, risk: RiskRow[], episodes: EpisodeRow[]): Promise<void> {
  if (risk.length > 0) {
    const rows = risk.map(({ measures, ...r }) => ({
      ...r,
      ...Object.fromEntries(measureKeys.map((k) => [measureColumn(k), measures[k]])),
    }));
    await db.execute(
      sql`insert into ${sql.raw(RISK)} select * from json_to_recordset(${JSON.stringify(rows)}::json) as x(${sql.raw(riskColumns)})`,
    );
  }
  if (episodes.length > 0)
    await db.execute(
      sql`insert into ${sql.raw(EPISODES)} select * from json_to_recordset(${JSON.stringify(episodes)}::json) as x(${sql.raw(episodeColumns)})`,
    );
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
  // Rows of students no longer in the refresh go first, so that this scan meets only the rows stored before it.
  await db.execute(sql`
    delete from student_risk r where r.tenant_id = ${t} ${inScope('r.student_id')}
      and r.student_id not in (select x.student_id from ${sql.raw(RISK)} x)`);
  await db.execute(sql`
    insert into student_risk as r (tenant_id, student_id, as_of, school_unit_id, school_type, school_year, programme_code, tier, flags,
      data_status, model_id, probability, lower, upper, reasons, measures)
    select ${t}, x.student_id, ${d}, x.school_unit_id, x.school_type, x.school_year, x.programme_code, x.tier, x.flags, x.data_status,
      x.model_id, x.probability, x.lower, x.upper, x.reasons, ${sql.raw(measuresObject)}
    from ${sql.raw(RISK)} x
    on conflict (tenant_id, student_id) do update set as_of = excluded.as_of, school_unit_id = excluded.school_unit_id,
      school_type = excluded.school_type, school_year = excluded.school_year, programme_code = excluded.programme_code, tier = excluded.tier,
      flags = excluded.flags, data_status = excluded.data_status, model_id = excluded.model_id, probability = excluded.probability,
      lower = excluded.lower, upper = excluded.upper, reasons = excluded.reasons, measures = excluded.measures, updated_at = excluded.updated_at
    where (r.as_of, r.school_unit_id, r.school_type, r.school_year, r.programme_code, r.tier, r.flags, r.data_status, r.model_id,
        r.probability, r.lower, r.upper, r.reasons, r.measures)
      is distinct from (excluded.as_of, excluded.school_unit_id, excluded.school_type, excluded.school_year, excluded.programme_code,
        excluded.tier, excluded.flags, excluded.data_status, excluded.model_id, excluded.probability, excluded.lower, excluded.upper,
        excluded.reasons, excluded.measures)`);
  await db.execute(sql`
    insert into student_risk_history as h (tenant_id, student_id, as_of, tier, probability, attendance)
    select ${t}, x.student_id, ${d}, x.tier, x.probability, x.${sql.raw(measureColumn('attendance4w'))}::float8 from ${sql.raw(RISK)} x
    on conflict (tenant_id, student_id, as_of) do update set tier = excluded.tier, probability = excluded.probability, attendance = excluded.attendance
    where (h.tier, h.probability, h.attendance) is distinct from (excluded.tier, excluded.probability, excluded.attendance)`);
  await mergeEpisodes(db, t, d, inScope('e.student_id'));
}

/** Episodes: continued while they hold (onset kept), new ones opened, the others in scope resolved today. */
async function mergeEpisodes(db: DbOrTx, t: SQL, d: SQL, inScope: SQL) {
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
