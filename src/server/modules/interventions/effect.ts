/**
 * The measured effect of interventions on lesson attendance: the student's attendance in the 4 weeks before an
 * intervention starts against weeks 4–8 after (days 28–55), and per method across an organiser, the treated students'
 * mean change beside that of matched comparison students without the method.
 *
 * Attendance is read as early detection reads it (early-warning/measures.ts): lesson rows and monthly sums
 * (AggregatedAttendance) together, a monthly row counting in proportion to the days it shares with a window, and
 * unreported lessons left out of both the reported and the absent time. One SQL statement reads any number of windows.
 *
 * This is an observational comparison, not a randomised trial: the caveat says so wherever the figures are shown.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { suppress } from '../early-warning/policy.ts';
import { poolObservations } from './effect-pool.ts';

/** The window before: the 4 weeks before the start. After: weeks 4–8 after the start (days 28–55). */
export const BEFORE_DAYS = 28;
export const AFTER_FROM_DAY = 28;
export const AFTER_TO_DAY = 55;
/** Fewer reported minutes than this in a window (ten hours, about eight lessons) is too little to measure. */
export const MIN_REPORTED_MINUTES = 600;

export const effectCaveat = {
  sv:
    'Detta är ingen randomiserad studie. Jämförelseeleverna har valts så att de liknar eleverna med insatsen (samma skolform, ' +
    'samma kalenderveckor, närmast i närvaro och ogiltig frånvaro de fyra veckorna före start), men de kan skilja sig i annat ' +
    'som påverkar närvaron, och elever som får en insats har ofta haft en ovanligt dålig period som ändå hade gått över. ' +
    'Skillnaden visar ett samband, inte att metoden orsakade förändringen. Små grupper (färre än 5) visas inte.',
  en:
    'This is not a randomised trial. The comparison students were chosen to resemble the students with the intervention (same ' +
    'school type, same calendar weeks, nearest in attendance and unexcused absence in the four weeks before the start), but ' +
    'they may differ in other ways that affect attendance, and students who receive an intervention have often had an ' +
    'unusually bad spell that would have passed anyway. The difference shows an association, not that the method caused ' +
    'the change. Small groups (fewer than 5) are not shown.',
} as const;

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface WindowRequest {
  studentId: string;
  from: string;
  to: string;
}
/** Minutes in a window: reported (scheduled and reported), absent (valid + invalid), unexcused. */
export interface WindowSums {
  reported: number;
  absent: number;
  invalid: number;
}

export interface WindowMeasure {
  from: string;
  to: string;
  reportedMinutes: number;
  attendanceRate: number | null;
  invalidAbsenceRate: number | null;
}

export interface Change {
  attendanceRate: number;
  invalidAbsenceRate: number;
}

export interface InterventionEffect {
  status: 'ok' | 'too-early' | 'no-data';
  before: WindowMeasure;
  after: WindowMeasure;
  change: Change | null;
}

/** The before and after windows of an intervention starting on `startDate`. */
export function effectWindows(startDate: string): { before: { from: string; to: string }; after: { from: string; to: string } } {
  return {
    before: { from: addDays(startDate, -BEFORE_DAYS), to: addDays(startDate, -1) },
    after: { from: addDays(startDate, AFTER_FROM_DAY), to: addDays(startDate, AFTER_TO_DAY) },
  };
}

/** Attendance minutes of each requested window (same order), in one statement. */
export async function attendanceInWindows(db: DbOrTx, tenantId: string, windows: readonly WindowRequest[]): Promise<WindowSums[]> {
  if (windows.length === 0) return [];
  const arr = (values: readonly (string | number)[]) => `{${values.join(',')}}`;
  const rows = await queryRows<{ k: number; reported: number; absent: number; invalid: number }>(
    db,
    sql`
    with w as (
      select * from unnest(${arr(windows.map((_, i) => i))}::int[], ${arr(windows.map((w) => w.studentId))}::uuid[],
        ${arr(windows.map((w) => w.from))}::date[], ${arr(windows.map((w) => w.to))}::date[]) as w(k, student_id, f, t)
    ),
    facts as (
      select w.k, (a.attendance_minutes + a.valid_absence_minutes + a.invalid_absence_minutes)::float8 as reported,
        (a.valid_absence_minutes + a.invalid_absence_minutes)::float8 as absent, a.invalid_absence_minutes::float8 as invalid, 1.0::float8 as share
      from w join attendances a on a.tenant_id = ${tenantId}::uuid and a.student_id = w.student_id and a.is_reported
        and a.lesson_date between w.f and w.t
      union all
      select w.k, g.reported_sum::float8, (g.valid_absence_sum + g.invalid_absence_sum)::float8, g.invalid_absence_sum::float8,
        greatest(0, least(g.end_date, w.t) - greatest(g.start_date, w.f) + 1)::float8 / (g.end_date - g.start_date + 1)
      from w join aggregated_attendances g on g.tenant_id = ${tenantId}::uuid and g.student_id = w.student_id
        and g.end_date >= w.f and g.start_date <= w.t and g.reported_sum > 0
    )
    select k, sum(reported * share)::float8 as reported, sum(absent * share)::float8 as absent, sum(invalid * share)::float8 as invalid
      from facts group by k`,
  );
  const out: WindowSums[] = windows.map(() => ({ reported: 0, absent: 0, invalid: 0 }));
  for (const r of rows) out[Number(r.k)] = { reported: Number(r.reported), absent: Number(r.absent), invalid: Number(r.invalid) };
  return out;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const enough = (s: WindowSums) => s.reported >= MIN_REPORTED_MINUTES;
const rates = (s: WindowSums) => ({ attendanceRate: 1 - s.absent / s.reported, invalidAbsenceRate: s.invalid / s.reported });

function measure(window: { from: string; to: string }, s: WindowSums | null): WindowMeasure {
  const r = s && enough(s) ? rates(s) : null;
  return {
    ...window,
    reportedMinutes: Math.round(s?.reported ?? 0),
    attendanceRate: r ? round(r.attendanceRate) : null,
    invalidAbsenceRate: r ? round(r.invalidAbsenceRate) : null,
  };
}

/** The change from before to after (after − before) of two windows with enough reported time; null otherwise. */
export function changeOf(before: WindowSums, after: WindowSums): Change | null {
  if (!enough(before) || !enough(after)) return null;
  const b = rates(before);
  const a = rates(after);
  return { attendanceRate: a.attendanceRate - b.attendanceRate, invalidAbsenceRate: a.invalidAbsenceRate - b.invalidAbsenceRate };
}

/** True while week 8 after the start has not passed on `today`. */
export const tooEarly = (startDate: string, today: string): boolean => today <= addDays(startDate, AFTER_TO_DAY);

/** The effect of one intervention (the student's attendance before and after its start), as of `today`. */
export async function interventionEffect(
  db: DbOrTx,
  tenantId: string,
  intervention: { studentId: string; startDate: string },
  today: string,
): Promise<InterventionEffect> {
  const windows = effectWindows(intervention.startDate);
  const early = tooEarly(intervention.startDate, today);
  // Nothing after the start is read while it is too early: a half-measured window would only mislead.
  const requests: WindowRequest[] = [{ studentId: intervention.studentId, ...windows.before }];
  if (!early) requests.push({ studentId: intervention.studentId, ...windows.after });
  const [before, after] = await attendanceInWindows(db, tenantId, requests);
  const change = before && after ? changeOf(before, after) : null;
  return {
    status: early ? 'too-early' : change ? 'ok' : 'no-data',
    before: measure(windows.before, before ?? null),
    after: measure(windows.after, early ? null : (after ?? null)),
    change: change ? { attendanceRate: round(change.attendanceRate), invalidAbsenceRate: round(change.invalidAbsenceRate) } : null,
  };
}

/** A student's minutes before and after one start date. */
export interface Observation {
  studentId: string;
  before: WindowSums;
  after: WindowSums;
}

/**
 * Nearest-neighbour matching without replacement: for each treated student in turn, the candidate with the nearest
 * attendance rate and unexcused-absence rate before the start (Euclidean distance; ties by student id). Treated and
 * candidates need enough reported time in both windows. Returns the pairs; a treated student left without a
 * candidate has none.
 */
export function matchNearest(
  treated: readonly Observation[],
  candidates: readonly Observation[],
  used: Set<string>,
): { treated: Observation; comparison: Observation | null }[] {
  const usable = candidates.filter((c) => enough(c.before) && enough(c.after));
  return treated.map((t) => {
    const tr = rates(t.before);
    let best: Observation | null = null;
    let bestDistance = Infinity;
    for (const c of usable) {
      if (used.has(c.studentId)) continue;
      const cr = rates(c.before);
      const d = Math.hypot(cr.attendanceRate - tr.attendanceRate, cr.invalidAbsenceRate - tr.invalidAbsenceRate);
      if (d < bestDistance || (d === bestDistance && best && c.studentId < best.studentId)) {
        best = c;
        bestDistance = d;
      }
    }
    if (best) used.add(best.studentId);
    return { treated: t, comparison: best };
  });
}

export interface MethodEffect {
  method: { id: string; slug: string; name: { sv: string; en: string } };
  /** Treated interventions measured (enough reported time before and after); null when 1–4. */
  n: number | null;
  /** Their mean change (after − before); null when suppressed or none. */
  change: Change | null;
  comparison: { n: number | null; change: Change | null };
  /** change − comparison.change. */
  difference: Change | null;
  /** The standard error of the attendance difference (Welch: √(s²ₜ/nₜ + s²꜀/n꜀)); null without a difference or 2 of each. */
  differenceStandardError: number | null;
  /** Interventions not measured: week 8 not yet passed, or too little reported attendance (suppressed like n). */
  excluded: { tooEarly: number | null; noData: number | null };
}

interface TreatedRow extends Record<string, unknown> {
  id: string;
  method_id: string;
  slug: string;
  name_sv: string;
  name_en: string;
  student_id: string;
  start_date: string;
  school_type: string | null;
}

/** √(s²ₜ/nₜ + s²꜀/n꜀) of the attendance-rate changes (sample variances); null with fewer than two in either group. */
export function standardErrorOfDifference(treated: readonly number[], comparison: readonly number[]): number | null {
  if (treated.length < 2 || comparison.length < 2) return null;
  const variance = (xs: readonly number[]) => {
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
  };
  return Math.sqrt(variance(treated) / treated.length + variance(comparison) / comparison.length);
}

const mean = (changes: Change[]): Change | null =>
  changes.length === 0
    ? null
    : {
        attendanceRate: round(changes.reduce((s, c) => s + c.attendanceRate, 0) / changes.length),
        invalidAbsenceRate: round(changes.reduce((s, c) => s + c.invalidAbsenceRate, 0) / changes.length),
      };

/**
 * Per method, across the organiser (`units` 'all') or the given school units (the case's unit): the treated students'
 * mean change against matched comparison students of the same school type without an intervention of that method,
 * over the same calendar windows. Interventions still planned are left out. Three statements in all.
 */
export async function methodEffects(
  db: DbOrTx,
  tenantId: string,
  units: 'all' | readonly string[],
  today: string,
): Promise<MethodEffect[]> {
  if (units !== 'all' && units.length === 0) return [];
  const unitList = units === 'all' ? null : `{${units.join(',')}}`;
  const treatedRows = await queryRows<TreatedRow>(
    db,
    sql`
    select ci.id, ci.method_id, m.slug, m.name_sv, m.name_en, ci.student_id, ci.start_date::text as start_date,
      (select e.school_type from enrolments e
        where e.tenant_id = ci.tenant_id and e.person_id = ci.student_id and not e.cancelled
          and e.start_date <= ci.start_date and (e.end_date is null or e.end_date >= ci.start_date)
        order by e.start_date desc, e.ordinal desc limit 1) as school_type
    from case_interventions ci
    join cases c on c.tenant_id = ci.tenant_id and c.id = ci.case_id
    join knowledge_records m on m.id = ci.method_id
    where ci.tenant_id = ${tenantId}::uuid and ci.status <> 'planned' and ci.start_date <= ${today}::date
      ${unitList ? sql`and c.school_unit_id = any(${unitList}::uuid[])` : sql``}
    order by m.name_sv, ci.start_date, ci.id`,
  );
  const withMethod = await queryRows<{ method_id: string; student_id: string }>(
    db,
    sql`
    select distinct method_id, student_id from case_interventions where tenant_id = ${tenantId}::uuid and method_id is not null`,
  );
  const hasMethod = new Set(withMethod.map((r) => `${r.method_id}|${r.student_id}`));

  const measurable = treatedRows.filter((t) => !tooEarly(t.start_date, today) && t.school_type);
  const keys = [...new Set(measurable.map((t) => `${t.start_date}|${t.school_type}`))].sort();
  const pool = await poolObservations(db, tenantId, keys, unitList);

  const byMethod = new Map<string, TreatedRow[]>();
  for (const t of treatedRows) {
    const list = byMethod.get(t.method_id);
    if (list) list.push(t);
    else byMethod.set(t.method_id, [t]);
  }
  const results: MethodEffect[] = [];
  for (const [methodId, rows] of byMethod) {
    const first = rows[0] as TreatedRow;
    let early = 0;
    let noData = 0;
    const pairs: { treated: Observation; comparison: Observation | null }[] = [];
    const used = new Set<string>();
    for (const t of rows) {
      if (tooEarly(t.start_date, today)) {
        early++;
        continue;
      }
      const key = `${t.start_date}|${t.school_type}`;
      const candidates = pool.get(key) ?? [];
      const own = candidates.find((c) => c.studentId === t.student_id);
      if (!own || !changeOf(own.before, own.after)) {
        noData++;
        continue;
      }
      // Comparison students: same school type and windows, never given this method. Used ones stay used for this method.
      const others = candidates.filter((c) => !hasMethod.has(`${methodId}|${c.studentId}`));
      pairs.push(...matchNearest([own], others, used));
    }
    const treatedChanges = pairs.map((p) => changeOf(p.treated.before, p.treated.after) as Change);
    const comparisonChanges = pairs.flatMap((p) => (p.comparison ? [changeOf(p.comparison.before, p.comparison.after) as Change] : []));
    const n = suppress(treatedChanges.length);
    const cn = suppress(comparisonChanges.length);
    const change = n ? mean(treatedChanges) : null;
    const comparisonChange = n && cn ? mean(comparisonChanges) : null;
    const standardError = standardErrorOfDifference(
      treatedChanges.map((c) => c.attendanceRate),
      comparisonChanges.map((c) => c.attendanceRate),
    );
    results.push({
      method: { id: methodId, slug: first.slug, name: { sv: first.name_sv, en: first.name_en } },
      n,
      change,
      comparison: { n: n === null ? null : cn, change: comparisonChange },
      difference:
        change && comparisonChange
          ? {
              attendanceRate: round(change.attendanceRate - comparisonChange.attendanceRate),
              invalidAbsenceRate: round(change.invalidAbsenceRate - comparisonChange.invalidAbsenceRate),
            }
          : null,
      differenceStandardError: change && comparisonChange && standardError !== null ? round(standardError) : null,
      excluded: { tooEarly: suppress(early), noData: suppress(noData) },
    });
  }
  return results;
}
