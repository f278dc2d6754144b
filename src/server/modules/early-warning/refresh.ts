/**
 * The refresh (after each import and nightly): measures → indicators → tier → probability (with the active model)
 * for every enrolled student of one organiser — or, later the same day, only those whose inputs changed
 * (refresh-changes.ts) — staged and merged set-based in one transaction, writing only rows that differ (refresh-write.ts). Indicator episodes keep their onset while
 * they last, are resolved when they stop holding, and are deleted 365 days after they were last seen.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../../db/client.ts';
import { nameWriter } from '../../db/data-versions.ts';
import { sideBySide, workersFor } from '../../platform/side-by-side.ts';
import { evaluateIndicators, supportTier, attendanceRate, type Indicator } from './indicators.ts';
import { featureRow, hasSufficientData, stageOf } from './features.ts';
import { eachStudentMeasures, type StudentMeasures } from './measures.ts';
import { encodeRow } from './model/encoding.ts';
import { probabilityBand, topContributions } from './model/explain.ts';
import { activeModels, loadThresholds, type ActiveModels } from './model-store.ts';
import { clearChanges, SCOPE_TABLE, takeChanges } from './refresh-changes.ts';
import { mergeStaged, startStaging, type EpisodeRow, type RiskRow } from './refresh-write.ts';
import type { MeasuresSummary } from './risk-measures.ts';
import type { Thresholds } from '../../../shared/early-warning/thresholds.ts';
import type { ModelParameters } from './train.ts';

export interface RefreshSummary {
  tenantId: string;
  asOf: string;
  /** 'changed': only the students whose inputs changed since the last refresh that day; 'all': every enrolled student. */
  scope: 'changed' | 'all';
  /** Students recomputed. */
  students: number;
  tiers: Record<'1' | '2' | '3', number>;
  activeIndicators: number;
  scored: number;
  insufficient: number;
}

export class RefreshRefused extends Error {}

/**
 * Students computed and staged at a time, as their measures arrive; each part's rows become one string of CSV
 * (refresh-write.ts, `startStaging`). Parts of 500, 2,000 and 5,000 pupils gave the same times at 250,000 pupils
 * (5 December, when the staging COPY took each part as the next was computed).
 */
const PART = 2000;

/** A student's probability, band and top reasons under a model, or undefined when the model does not apply. */
export function scoreStudent(parameters: ModelParameters, m: StudentMeasures) {
  const z = encodeRow(parameters.encoder, featureRow(m));
  const band = probabilityBand(parameters.logistic, z);
  const { columns } = parameters.encoder;
  // A reason is something above the average student that raises the probability; the school year is not a reason, nor
  // the pooled "övriga" or a level held by fewer than five training students (issue #19).
  const reasons = topContributions(parameters.logistic, parameters.encoder, z, columns.length)
    .filter((c) => c.contribution > 0 && (z[columns.indexOf(c.column)] as number) > 0 && !c.column.startsWith('schoolYear'))
    .slice(0, 3)
    .map((c) => ({ feature: c.column, contribution: Math.round(c.contribution * 1000) / 1000 }));
  return { ...band, reasons };
}

export interface RefreshOptions {
  /**
   * Recompute only the students whose inputs changed since the last refresh (`early_warning_changes`), when that
   * refresh was on the same date; otherwise (a new date moves every window) everyone. Leave unset after a change of
   * thresholds or model: those change every student's result.
   */
  changedOnly?: boolean;
}

/** Refreshes one organiser as of a date, inside the caller's transaction. */
export async function refreshTenant(db: DbOrTx, tenantId: string, asOf: string, options: RefreshOptions = {}): Promise<RefreshSummary> {
  // Refreshes of one organiser take turns (the nightly job, the one after an import): the second reads what the first
  // wrote, so it never finds the organiser without rows while the first is storing them (refresh-write.ts).
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('early-warning refresh'), hashtext(${tenantId}))`);
  // Every statement below writes this organiser's rows only: its data version is renewed by name (db/data-versions.ts).
  await nameWriter(db, tenantId);
  // The organiser's last refresh: the latest day an episode was seen or a risk row written (a refresh that found students
  // leaves both). Refreshes go in date order; the episodes and the trend's points rely on it (refresh-write.ts).
  const [latest] = await queryRows<{ last: string | null; risk: string | null }>(
    db,
    sql`
    with risk as (select max(as_of) as d from student_risk where tenant_id = ${tenantId}::uuid)
    select greatest((select max(last_seen) from indicator_episodes where tenant_id = ${tenantId}::uuid), (select d from risk))::text as last,
      (select d from risk)::text as risk`,
  );
  if (latest?.last && latest.last > asOf) {
    throw new RefreshRefused(`Uppdateringen ${asOf} är äldre än den senaste (${latest.last}); indikatorerna uppdateras i datumordning.`);
  }
  const scoped = options.changedOnly === true && latest?.risk === asOf && (await takeChanges(db, tenantId)) !== 'all';
  if (!scoped) await clearChanges(db, tenantId);
  // No JIT compilation for this transaction's statements: PostgreSQL compiles a statement whose estimated cost passes
  // `jit_above_cost`, which the measures query of most organisers does at national size, and the compilation (about
  // 140 ms for the largest organiser's 217 functions) cost more than it saved — 4 s of the 1.5 M night's 52 s of server
  // CPU (bench/README.md, 2026-12-05). A no-op where there is no JIT (PGlite).
  await db.execute(sql`select set_config('jit', 'off', true)`);
  // Memory for this transaction's sorts and hashes: at the default 4 MB the measures query of 250,000 pupils sorted on
  // disk five times and hashed their lesson days in 21 batches; the merges' anti-joins hash the staged rows (refresh-write.ts).
  await db.execute(sql.raw(`set local work_mem = '64MB'`));
  const thresholds = await loadThresholds(db, tenantId);
  const models = await activeModels(db, tenantId);
  const summary: RefreshSummary = {
    tenantId,
    asOf,
    scope: scoped ? 'changed' : 'all',
    students: 0,
    tiers: { 1: 0, 2: 0, 3: 0 },
    activeIndicators: 0,
    scored: 0,
    insufficient: 0,
  };
  // Each part of students is scored as its measures arrive, while the server still sends the next (`eachStudentMeasures`).
  const staging = await startStaging(db);
  let part: StudentMeasures[] = [];
  const score = () => {
    const { risk, episodes } = computeRows(part, thresholds, models, summary);
    staging.add(risk, episodes);
    part = [];
  };
  const among = scoped ? sql.raw(`select student_id from ${SCOPE_TABLE}`) : undefined;
  summary.students = await eachStudentMeasures(db, tenantId, asOf, among, (m) => {
    part.push(m);
    if (part.length === PART) score();
  });
  if (part.length > 0) score();
  await staging.finish();
  await mergeStaged(db, tenantId, asOf, scoped);
  await db.execute(sql`delete from indicator_episodes where tenant_id = ${tenantId}::uuid and expires_on < ${asOf}::date`);
  await db.execute(sql`delete from student_risk_history where tenant_id = ${tenantId}::uuid and as_of < ${asOf}::date - 365`);
  await nameWriter(db, null);
  return summary;
}

/** One part's rows to stage: each student's risk row and the indicators that hold; `summary` counts them. */
function computeRows(
  part: StudentMeasures[],
  thresholds: Thresholds,
  models: ActiveModels,
  summary: RefreshSummary,
): { risk: RiskRow[]; episodes: EpisodeRow[] } {
  const risk: RiskRow[] = [];
  const episodes: EpisodeRow[] = [];
  for (const m of part) {
    const indicators = evaluateIndicators(m, thresholds);
    const { tier, flags } = supportTier(indicators);
    summary.tiers[String(tier) as '1' | '2' | '3'] += 1;
    summary.activeIndicators += indicators.length;
    const sufficient = hasSufficientData(m, thresholds.insufficientDays);
    if (!sufficient) summary.insufficient += 1;
    const stage = stageOf(m.schoolType);
    const model = stage ? models[stage] : undefined;
    const score = model && sufficient ? scoreStudent(model.parameters, m) : undefined;
    if (score) summary.scored += 1;
    risk.push({
      student_id: m.studentId,
      school_unit_id: m.schoolUnitId,
      school_type: m.schoolType,
      school_year: m.schoolYear,
      programme_code: m.programmeCode,
      tier,
      flags,
      data_status: sufficient ? 'ok' : 'insufficient',
      model_id: score ? (model?.id ?? null) : null,
      probability: score?.probability ?? null,
      lower: score?.lower ?? null,
      upper: score?.upper ?? null,
      reasons: score?.reasons ?? [],
      measures: measuresSummary(m),
    });
    for (const ind of indicators) episodes.push(episodeRow(m.studentId, ind));
  }
  return { risk, episodes };
}

/**
 * Organisers to refresh side by side: one more than `workersFor` on PostgreSQL. A refresh alternates between the
 * database (the measures, the merges) and this process (indicators, scoring, the staging CSV: a quarter of its CPU at
 * national size), so with one organiser per core a core waits while this process works on another's rows. On the
 * 2-core machine the 1.5 M night's refresh took 31.2–32.0 s three at a time against 33.4–35.0 s two at a time
 * (bench/README.md, 2026-12-05). One on PGlite.
 */
export function refreshWorkersFor(kind: 'pglite' | 'postgres'): number {
  return kind === 'postgres' ? workersFor(kind) + 1 : 1;
}

export interface RefreshAllOptions extends RefreshOptions {
  /** Organisers refreshed side by side, each on its own connection (`refreshWorkersFor`); 1 when unset. */
  workers?: number;
}

/**
 * Refreshes every organiser (the nightly job; after an import with `changedOnly`), one transaction each, `workers` at
 * a time. The summaries come back in the organisers' name order; `onProgress` hears each as it ends, with the
 * organiser's name. After a failure no further organiser starts; the ones under way finish (or roll back), then the
 * first error is thrown.
 */
export async function refreshAll(
  db: Db,
  asOf: string,
  onProgress?: (s: RefreshSummary, organiser: string) => void,
  options: RefreshAllOptions = {},
): Promise<RefreshSummary[]> {
  const workers = options.workers ?? 1;
  const tenants = await queryRows<{ id: string; name: string }>(db, sql`select id, name from organisers order by name, id`);
  const summaries = await sideBySide(
    workers > 1 ? await largestFirst(db, tenants, asOf) : tenants,
    workers,
    (t) => db.transaction((tx) => refreshTenant(tx, t.id, asOf, options)),
    onProgress && ((summary, t) => onProgress(summary, t.name)),
  );
  const byTenant = new Map(summaries.map((s) => [s.tenantId, s]));
  return tenants.map((t) => byTenant.get(t.id)!);
}

/**
 * The organisers by their current enrolments, most first: taken side by side in name order, the largest could start
 * last and finish alone while the other cores wait (at national size its refresh takes seconds; the smallest, tens of
 * milliseconds). Largest first, the small ones fill in at the end.
 */
export async function largestFirst<T extends { id: string }>(db: Db, tenants: T[], asOf: string): Promise<T[]> {
  const counts = await queryRows<{ tenant_id: string; n: number }>(
    db,
    sql`select tenant_id, count(*)::int as n from enrolments
         where not cancelled and start_date <= ${asOf}::date and (end_date is null or end_date >= ${asOf}::date) group by tenant_id`,
  );
  const size = new Map(counts.map((c) => [c.tenant_id, c.n]));
  return [...tenants].sort((a, b) => (size.get(b.id) ?? 0) - (size.get(a.id) ?? 0));
}

/** A share to three decimals. */
const r = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

function measuresSummary(m: StudentMeasures): MeasuresSummary {
  return {
    attendance4w: r(attendanceRate(m.offered4w, m.absent4w)),
    attendance45: r(attendanceRate(m.offered45, m.absent45)),
    attendanceTerm: r(attendanceRate(m.offeredTerm, m.absentTerm)),
    invalidTerm: r(m.offeredTerm > 0 ? m.invalidTerm / m.offeredTerm : null),
    validTerm: r(m.offeredTerm > 0 ? m.validTerm / m.offeredTerm : null),
    failedGrades: m.failedGrades365,
    failedPoints: m.failedPoints,
    reportedDays45: Math.round(m.reportedDays45),
  };
}

const episodeRow = (studentId: string, i: Indicator): EpisodeRow => ({
  student_id: studentId,
  indicator: i.code,
  severity: i.severity,
  counts: i.counts,
  value: i.value,
  details: i.details,
});
