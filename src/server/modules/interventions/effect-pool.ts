/**
 * The comparison pool of the method effects (effect.ts): for each `startDate|schoolType` key, every student enrolled in
 * that school type on the start date (within the units, if given) with their minutes in the window before and the
 * window after. One statement reads what the windows need, once per student; the windows are summed here.
 *
 * The windows' first days and the days after their last cut the calendar into segments (`width_bucket`): the statement
 * returns each pool student's lesson minutes summed per segment (whole minutes, so any order of summing gives the same
 * sums) and their monthly sums that overlap any window, and a window's lesson minutes are the sum of its segments. A
 * monthly sum counts in proportion to the days it shares with a window, computed per row exactly as before. Before,
 * each of the pool's windows (two per student and start date: 13,530 at Skövde in the demo region) looked up its own
 * rows by student and date range in the statement; effect-pool-oracle.ts keeps that statement as the tests' oracle.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { effectWindows, type Observation, type WindowSums } from './effect.ts';

const arr = (values: readonly (string | number)[]) => `{${values.join(',')}}`;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** [student, segment, reported, absent, invalid] */
type LessonRow = [string, number, number, number, number];
/** [student, start, end, reported, absent, invalid] */
type MonthRow = [string, string, string, number, number, number];

interface Window {
  from: string;
  to: string;
  /** Day numbers of from and to. */
  f: number;
  t: number;
  /** The segments it covers: first (1-based, as width_bucket numbers them) and one past the last. */
  segments: [number, number];
}

/**
 * The CTEs `d` (the keys) and `pool` (each key's students: enrolled in its school type on its start date, years 6–9 of
 * compulsory school, within the units if given) that both this statement and the oracle's start from.
 */
export function poolCtes(tenantId: string, dates: readonly string[], types: readonly string[], unitList: string | null): SQL {
  return sql`d as (select * from unnest(${arr(dates)}::date[], ${arr(types)}::text[]) as d(start_date, school_type)),
    pool as materialized (
      select distinct d.start_date, d.school_type, e.person_id as student_id
      from d join enrolments e on e.tenant_id = ${tenantId}::uuid and not e.cancelled and e.school_type = d.school_type
        and e.start_date <= d.start_date and (e.end_date is null or e.end_date >= d.start_date)
        and (e.school_type <> 'GR' or e.school_year between 6 and 9)
        ${unitList ? sql`and e.school_unit_id = any(${unitList}::uuid[])` : sql``}
    )`;
}

/** The pool's observations per key, students in id order. */
export async function poolObservations(
  db: DbOrTx,
  tenantId: string,
  keys: readonly string[],
  unitList: string | null,
): Promise<Map<string, Observation[]>> {
  const out = new Map<string, Observation[]>();
  if (keys.length === 0) return out;
  const dates = keys.map((k) => k.split('|')[0]!);
  const types = keys.map((k) => k.split('|')[1]!);
  const plain = new Map(dates.map((start) => [start, effectWindows(start)]));
  // Every window is [from, to]: its segments start at `from` and end before the day after `to`.
  const bounds = [...new Set([...plain.values()].flatMap((w) => [w.before, w.after].flatMap((x) => [x.from, nextDay(x.to)])))].sort();
  const at = new Map(bounds.map((b, i) => [b, i]));
  const window = (x: { from: string; to: string }): Window => ({
    ...x,
    f: dayNumber(x.from),
    t: dayNumber(x.to),
    segments: [at.get(x.from)! + 1, at.get(nextDay(x.to))! + 1],
  });
  const first = bounds[0]!;
  const end = bounds.at(-1)!;
  const [row] = await queryRows<{ pool: [string, string, string[]][] | null; lessons: LessonRow[] | null; months: MonthRow[] | null }>(
    db,
    sql`
    with ${poolCtes(tenantId, dates, types, unitList)},
    students as materialized (select distinct student_id from pool),
    lessons as (
      select a.student_id, width_bucket(a.lesson_date, ${arr(bounds)}::date[]) as segment,
        sum(a.attendance_minutes + a.valid_absence_minutes + a.invalid_absence_minutes) as reported,
        sum(a.valid_absence_minutes + a.invalid_absence_minutes) as absent, sum(a.invalid_absence_minutes) as invalid
      from students s join attendances a on a.tenant_id = ${tenantId}::uuid and a.student_id = s.student_id and a.is_reported
        and a.lesson_date >= ${first}::date and a.lesson_date < ${end}::date
      group by 1, 2
    ),
    months as (
      select g.student_id, g.start_date, g.end_date, g.reported_sum, g.valid_absence_sum + g.invalid_absence_sum as absent,
        g.invalid_absence_sum
      from students s join aggregated_attendances g on g.tenant_id = ${tenantId}::uuid and g.student_id = s.student_id
        and g.reported_sum > 0 and g.end_date >= ${first}::date and g.start_date < ${end}::date
    )
    select
      (select json_agg(json_build_array(start_date::text, school_type, students) order by start_date, school_type)
         from (select start_date, school_type, array_agg(student_id order by student_id) as students from pool group by 1, 2) k) as pool,
      (select json_agg(json_build_array(student_id, segment, reported, absent, invalid)) from lessons) as lessons,
      (select json_agg(json_build_array(student_id, start_date::text, end_date::text, reported_sum, absent, invalid_absence_sum))
         from months) as months`,
  );
  const segments = bounds.length + 1;
  const lessons = new Map<string, Float64Array>();
  for (const [studentId, segment, r, a, i] of row?.lessons ?? []) {
    let own = lessons.get(studentId);
    if (!own) lessons.set(studentId, (own = new Float64Array(segments * 4)));
    // Per segment: whether there is a row, then its three sums (whole minutes).
    own.set([1, Number(r), Number(a), Number(i)], segment * 4);
  }
  const months = new Map<string, Month[]>();
  for (const [studentId, start, end, r, a, i] of row?.months ?? []) {
    const month = { start, end, s: dayNumber(start), e: dayNumber(end), reported: Number(r), absent: Number(a), invalid: Number(i) };
    const list = months.get(studentId);
    if (list) list.push(month);
    else months.set(studentId, [month]);
  }
  for (const [start, type, students] of row?.pool ?? []) {
    const w = plain.get(start)!;
    const before = window(w.before);
    const after = window(w.after);
    const list: Observation[] = [];
    for (const studentId of students) {
      const own = { lessons: lessons.get(studentId), months: months.get(studentId) };
      const b = sums(own, before);
      const a = sums(own, after);
      // As the rows of the statement before: a student is observed when either window has a row of theirs.
      if (b || a) list.push({ studentId, before: b ?? empty(), after: a ?? empty() });
    }
    if (list.length > 0) out.set(`${start}|${type}`, list);
  }
  return out;
}

const empty = (): WindowSums => ({ reported: 0, absent: 0, invalid: 0 });
const nextDay = (date: string) => new Date((dayNumber(date) + 1) * 86_400_000).toISOString().slice(0, 10);

interface Month {
  start: string;
  end: string;
  /** Day numbers of start and end. */
  s: number;
  e: number;
  reported: number;
  absent: number;
  invalid: number;
}

/** A window's minutes from one student's rows; null when none of them falls in it. */
function sums(own: { lessons: Float64Array | undefined; months: readonly Month[] | undefined }, w: Window): WindowSums | null {
  let any = false;
  let reported = 0;
  let absent = 0;
  let invalid = 0;
  if (own.lessons)
    for (let k = w.segments[0] * 4; k < w.segments[1] * 4; k += 4)
      if (own.lessons[k] === 1) {
        any = true;
        reported += own.lessons[k + 1]!;
        absent += own.lessons[k + 2]!;
        invalid += own.lessons[k + 3]!;
      }
  for (const m of own.months ?? []) {
    if (m.end < w.from || m.start > w.to) continue;
    any = true;
    // greatest(0, least(end, t) − greatest(start, f) + 1) / (end − start + 1), as the statement computed it.
    const share = Math.max(0, Math.min(m.e, w.t) - Math.max(m.s, w.f) + 1) / (m.e - m.s + 1);
    reported += m.reported * share;
    absent += m.absent * share;
    invalid += m.invalid * share;
  }
  return any ? { reported, absent, invalid } : null;
}
