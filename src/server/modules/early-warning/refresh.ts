/**
 * The refresh (after each import and nightly): measures → indicators → tier → probability (with the active model)
 * for every enrolled student of one organiser, written in one transaction. Indicator episodes keep their onset while
 * they last, are resolved when they stop holding, and are deleted 365 days after they were last seen.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../../db/client.ts';
import { evaluateIndicators, supportTier, attendanceRate, type Indicator } from './indicators.ts';
import { featureRow, hasSufficientData, stageOf } from './features.ts';
import { studentMeasures, type StudentMeasures } from './measures.ts';
import { encodeRow } from './model/encoding.ts';
import { probabilityBand, topContributions } from './model/explain.ts';
import { activeModels, loadThresholds } from './model-store.ts';
import type { ModelParameters } from './train.ts';

export interface RefreshSummary {
  tenantId: string;
  asOf: string;
  students: number;
  tiers: Record<'1' | '2' | '3', number>;
  activeIndicators: number;
  scored: number;
  insufficient: number;
}

export class RefreshRefused extends Error {}

const CHUNK = 2000;

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

/** Refreshes one organiser as of a date, inside the caller's transaction. */
export async function refreshTenant(db: DbOrTx, tenantId: string, asOf: string): Promise<RefreshSummary> {
  const [latest] = await queryRows<{ last: string | null }>(
    db,
    sql`
    select max(last_seen)::text as last from indicator_episodes where tenant_id = ${tenantId}::uuid`,
  );
  if (latest?.last && latest.last > asOf) {
    throw new RefreshRefused(`Uppdateringen ${asOf} är äldre än den senaste (${latest.last}); indikatorerna uppdateras i datumordning.`);
  }
  const thresholds = await loadThresholds(db, tenantId);
  const models = await activeModels(db, tenantId);
  const measures = await studentMeasures(db, tenantId, asOf);
  const summary: RefreshSummary = {
    tenantId,
    asOf,
    students: measures.length,
    tiers: { 1: 0, 2: 0, 3: 0 },
    activeIndicators: 0,
    scored: 0,
    insufficient: 0,
  };
  await db.execute(sql`delete from student_risk where tenant_id = ${tenantId}::uuid`);
  for (let i = 0; i < measures.length; i += CHUNK) {
    const chunk = measures.slice(i, i + CHUNK);
    const risk: Record<string, unknown>[] = [];
    const episodes: Record<string, unknown>[] = [];
    for (const m of chunk) {
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
        model_id: score ? model?.id : null,
        probability: score?.probability ?? null,
        lower: score?.lower ?? null,
        upper: score?.upper ?? null,
        reasons: score?.reasons ?? [],
        measures: measuresSummary(m),
      });
      for (const ind of indicators) episodes.push(episodeRow(m.studentId, ind));
    }
    await writeRisk(db, tenantId, asOf, risk);
    await writeEpisodes(db, tenantId, asOf, episodes);
  }
  await db.execute(sql`
    update indicator_episodes set status = 'resolved', resolved_on = ${asOf}::date, updated_at = now()
    where tenant_id = ${tenantId}::uuid and status = 'active' and last_seen < ${asOf}::date`);
  await db.execute(sql`delete from indicator_episodes where tenant_id = ${tenantId}::uuid and expires_on < ${asOf}::date`);
  await db.execute(sql`delete from student_risk_history where tenant_id = ${tenantId}::uuid and as_of < ${asOf}::date - 365`);
  return summary;
}

/** Refreshes every organiser (the nightly job), one transaction each. */
export async function refreshAll(db: Db, asOf: string, onProgress?: (s: RefreshSummary) => void): Promise<RefreshSummary[]> {
  const tenants = await queryRows<{ id: string }>(db, sql`select id from organisers order by name`);
  const out: RefreshSummary[] = [];
  for (const t of tenants) {
    const s = await db.transaction((tx) => refreshTenant(tx, t.id, asOf));
    onProgress?.(s);
    out.push(s);
  }
  return out;
}

function measuresSummary(m: StudentMeasures): Record<string, number | null> {
  const r = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
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

const episodeRow = (studentId: string, i: Indicator) => ({
  student_id: studentId,
  indicator: i.code,
  severity: i.severity,
  counts: i.counts,
  value: i.value,
  details: i.details,
});

async function writeRisk(db: DbOrTx, tenantId: string, asOf: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  await db.execute(sql`
    insert into student_risk (tenant_id, student_id, as_of, school_unit_id, school_type, school_year, programme_code, tier, flags,
      data_status, model_id, probability, lower, upper, reasons, measures)
    select ${tenantId}::uuid, x.student_id, ${asOf}::date, x.school_unit_id, x.school_type, x.school_year, x.programme_code, x.tier,
      array(select jsonb_array_elements_text(x.flags)), x.data_status, x.model_id, x.probability, x.lower, x.upper, x.reasons, x.measures
    from jsonb_to_recordset(${json}::jsonb) as x(student_id uuid, school_unit_id uuid, school_type text, school_year int, programme_code text,
      tier int, flags jsonb, data_status text, model_id uuid, probability float8, lower float8, upper float8, reasons jsonb, measures jsonb)`);
  await db.execute(sql`
    insert into student_risk_history (tenant_id, student_id, as_of, tier, probability, attendance)
    select ${tenantId}::uuid, x.student_id, ${asOf}::date, x.tier, x.probability, (x.measures ->> 'attendance4w')::float8
    from jsonb_to_recordset(${json}::jsonb) as x(student_id uuid, tier int, probability float8, measures jsonb)
    on conflict (tenant_id, student_id, as_of) do update set tier = excluded.tier, probability = excluded.probability, attendance = excluded.attendance`);
}

async function writeEpisodes(db: DbOrTx, tenantId: string, asOf: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  await db.execute(sql`
    with cur as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(student_id uuid, indicator text, severity text, counts boolean, value float8, details jsonb)
    ),
    upd as (
      update indicator_episodes e set last_seen = ${asOf}::date, severity = cur.severity, counts = cur.counts, value = cur.value,
        details = cur.details, expires_on = ${asOf}::date + 365, updated_at = now()
      from cur
      where e.tenant_id = ${tenantId}::uuid and e.status = 'active' and e.student_id = cur.student_id and e.indicator = cur.indicator
      returning e.student_id, e.indicator
    )
    insert into indicator_episodes (tenant_id, student_id, indicator, onset, last_seen, status, severity, counts, value, details, expires_on)
    select ${tenantId}::uuid, cur.student_id, cur.indicator, ${asOf}::date, ${asOf}::date, 'active', cur.severity, cur.counts, cur.value,
      cur.details, ${asOf}::date + 365
    from cur where not exists (select 1 from upd where upd.student_id = cur.student_id and upd.indicator = cur.indicator)
    on conflict (tenant_id, student_id, indicator, onset) do update set status = 'active', resolved_on = null, last_seen = excluded.last_seen,
      severity = excluded.severity, counts = excluded.counts, value = excluded.value, details = excluded.details, expires_on = excluded.expires_on`);
}
