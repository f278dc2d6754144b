/**
 * The raw measures behind every indicator, for every student enrolled on a date (upper secondary, and years 7–9 of
 * compulsory school), computed by one set-based SQL statement per organiser. `asOf` may lie in the past: the model
 * trains on the same measures taken at the same point of earlier cohorts' school years.
 *
 * Lesson attendance and monthly sums (AggregatedAttendance) are read together; a monthly row that only partly overlaps
 * a window counts in proportion to the days it shares with it. Unreported lessons are left out of both the scheduled
 * and the absent time: "not reported" is never absence.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { columnIndexes, copyOutEach, type CopiedFields } from '../../db/copy-out.ts';

/** The measures of one student on one date; null where there is nothing to measure. */
export interface StudentMeasures {
  studentId: string;
  schoolUnitId: string;
  schoolType: string;
  schoolYear: number | null;
  programmeCode: string | null;
  /** First enrolment in upper secondary at this organiser (the cohort), if any. */
  upperSecondaryStart: string | null;
  sex: string | null;
  /** Scheduled (reported) minutes and absence per window: last 4 weeks, 45 school days (9 weeks), the term, weeks 5–12. */
  offered4w: number;
  absent4w: number;
  invalid4w: number;
  offered45: number;
  absent45: number;
  invalid45: number;
  valid45: number;
  offeredTerm: number;
  absentTerm: number;
  invalidTerm: number;
  validTerm: number;
  offeredPrior: number;
  absentPrior: number;
  /** School days with reported attendance among the last 45 (lesson days, or estimated from monthly sums). */
  reportedDays45: number;
  /** Largest unexcused absence in this or last calendar month, minutes. */
  invalidMonthMax: number;
  /** Longest run of whole days absent in the last 9 weeks (lesson data only), and whether it had unexcused time. */
  longestAbsenceDays: number | null;
  longestAbsenceInvalid: boolean;
  failedGrades365: number;
  failWarnings: number;
  failedPoints: number;
  failedRequiredCourses: number;
  gradedSubjects: number;
  passedSubjects: number;
  failedCoreSubjects: number;
  /** Year 9 leaving certificate: eligible for a national programme (null when none is on record). */
  eligibleAfterYear9: boolean | null;
  programmeChange: boolean;
  schoolChange: boolean;
  introduction: boolean;
  newlyArrived: boolean;
  connectednessMarks: number | null;
  connectednessRed: number | null;
}

/** Courses a diploma cannot be had without (Gymnasieförordningen 8 kap. 7 §), as course-code prefixes. */
export const requiredCoursePrefixes = ['SVESVE01', 'SVASVA01', 'ENGENG05', 'MATMAT01', 'GYARAR00'] as const;
/** Subjects that every national programme requires a pass in (Skollagen 16 kap. 30–31 §§). */
export const coreSubjects = ['SV', 'SVA', 'EN', 'MA'] as const;

/** The start of the term a date falls in: 1 August for the autumn term, 1 January for the spring term. */
export function termStart(asOf: string): string {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  return m >= 8 ? `${y}-08-01` : `${y}-01-01`;
}

/** The first day of the month a date falls in, and of the month before. */
export function monthStarts(asOf: string): { current: string; previous: string } {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  return { current: `${y}-${pad(m)}-01`, previous: m === 1 ? `${y - 1}-12-01` : `${y}-${pad(m - 1)}-01` };
}

/**
 * Measures of every student of one organiser enrolled on `asOf` (years 7–9 and upper secondary); with `among` (a query
 * yielding `student_id`), only of those students.
 *
 * Lessons are read once and summed per student and day (`lesson_days`); every window's sums, the reported days and the
 * longest run of absent days come from those day rows. A lesson day lies in a window or not, so its window sums are plain
 * filtered sums (`lesson_att`); only the monthly sums, which may overlap a window in part, are weighted by the days they
 * share with it (`month_att`), and the two are added per student. The dates are parameters (not a joined row), so the
 * planner sees them and estimates each step's rows.
 */
export async function studentMeasures(db: DbOrTx, tenantId: string, asOf: string, among?: SQL): Promise<StudentMeasures[]> {
  const rows: StudentMeasures[] = [];
  await eachStudentMeasures(db, tenantId, asOf, among, (m) => rows.push(m));
  return rows;
}

/**
 * As `studentMeasures`, each student's measures handed to `each` as the server sends them (`copyOutEach`), none kept:
 * the refresh scores them meanwhile. Returns the number of students.
 */
export async function eachStudentMeasures(
  db: DbOrTx,
  tenantId: string,
  asOf: string,
  among: SQL | undefined,
  each: (m: StudentMeasures) => void,
): Promise<number> {
  const t = sql`${tenantId}::uuid`;
  const d = sql`${asOf}::date`;
  const term = sql`${termStart(asOf)}::date`;
  // The earliest day any window reaches: the term's start or the prior window's (weeks 5–12 back).
  const lo = sql`least(${term}, ${d} - 83)`;
  const month = monthStarts(asOf);
  const m0 = sql`${month.current}::date`;
  const m1 = sql`${month.previous}::date`;
  /** The share of a fact (days f..tt) that falls within [from, to]. */
  const share = (from: SQL, to: SQL) => sql`greatest(0, least(tt, ${to}) - greatest(f, ${from}) + 1)::float8 / (tt - f + 1)`;
  /** A window's sum from the lesson days plus the monthly sums' shares of it. */
  const both = (column: string) => sql.raw(`coalesce(la.${column}, 0) + coalesce(ma.${column}, 0)`);
  // Read through COPY: at 250,000 pupils node-postgres's rows cost this process 2.0–2.3 s of CPU, the text lines 0.7–0.8 s
  // (copy-out.ts; bench/README.md, 2026-12-06, night).
  return copyOutEach(
    db,
    sql`
    with ce as materialized (
      select distinct on (e.person_id) e.person_id as student_id, e.ordinal, e.start_date, e.school_unit_id, e.school_type,
        e.school_year, e.programme_code
      from enrolments e
      where e.tenant_id = ${t} and not e.cancelled and e.start_date <= ${d} and (e.end_date is null or e.end_date >= ${d})
        and (e.school_type in ('GY', 'GYS') or (e.school_type in ('GR', 'GRS') and e.school_year between 7 and 9))
        ${among ? sql`and e.person_id in (${among})` : sql``}
      order by e.person_id, e.start_date desc, e.ordinal desc
    ),
    -- Every student's lesson days, summed before any join, when the whole organiser is refreshed: the days of students
    -- not enrolled in these years fall away at the final join. Joined with ce first, the planner hashed all the lesson
    -- rows (it cannot know how many students a CTE holds) before summing them: at 250,000 pupils this statement's server
    -- CPU was 3.1–5.6 s that way against 2.8–4.4 s this way, and a nation's 350 organisers' 7.9–8.2 s against
    -- 4.8–7.2 s (bench/README.md, 2026-12-06, late). A refresh of some students only (\`among\`) reads just theirs.
    lesson_days as materialized (
      select a.student_id, a.lesson_date as day,
        sum(a.attendance_minutes + a.valid_absence_minutes + a.invalid_absence_minutes)::float8 as offered,
        sum(a.valid_absence_minutes)::float8 as valid, sum(a.invalid_absence_minutes)::float8 as invalid,
        bool_and(a.attendance_minutes = 0 and a.valid_absence_minutes + a.invalid_absence_minutes > 0) as absent,
        bool_or(a.invalid_absence_minutes > 0) as any_invalid
      from attendances a ${among ? sql`join ce on ce.student_id = a.student_id` : sql``}
      where a.tenant_id = ${t} and a.is_reported and a.lesson_date between ${lo} and ${d}
      group by a.student_id, a.lesson_date
    ),
    lesson_att as (
      select student_id,
        sum(offered) filter (where day >= ${d} - 27) as offered4w, sum(valid + invalid) filter (where day >= ${d} - 27) as absent4w,
        sum(invalid) filter (where day >= ${d} - 27) as invalid4w,
        sum(offered) filter (where day >= ${d} - 62) as offered45, sum(valid + invalid) filter (where day >= ${d} - 62) as absent45,
        sum(invalid) filter (where day >= ${d} - 62) as invalid45, sum(valid) filter (where day >= ${d} - 62) as valid45,
        sum(offered) filter (where day >= ${term}) as offered_term, sum(valid + invalid) filter (where day >= ${term}) as absent_term,
        sum(invalid) filter (where day >= ${term}) as invalid_term, sum(valid) filter (where day >= ${term}) as valid_term,
        sum(offered) filter (where day between ${d} - 83 and ${d} - 28) as offered_prior,
        sum(valid + invalid) filter (where day between ${d} - 83 and ${d} - 28) as absent_prior,
        sum(invalid) filter (where day >= ${m0}) as invalid_m0, sum(invalid) filter (where day between ${m1} and ${m0} - 1) as invalid_m1,
        count(*) filter (where day >= ${d} - 62) as reported_days45,
        bool_or(day > ${d} - 63) as recent_lessons
      from lesson_days group by student_id
    ),
    month_shares as (
      select g.student_id, g.start_date as f, g.end_date as tt, g.reported_sum::float8 as offered, g.valid_absence_sum::float8 as valid,
        g.invalid_absence_sum::float8 as invalid
      from aggregated_attendances g join ce on ce.student_id = g.student_id
      where g.tenant_id = ${t} and g.end_date >= ${lo} and g.start_date <= ${d} and g.reported_sum > 0
    ),
    month_att as (
      select student_id,
        sum(offered * s4) as offered4w, sum((valid + invalid) * s4) as absent4w, sum(invalid * s4) as invalid4w,
        sum(offered * s45) as offered45, sum((valid + invalid) * s45) as absent45, sum(invalid * s45) as invalid45, sum(valid * s45) as valid45,
        sum(offered * sterm) as offered_term, sum((valid + invalid) * sterm) as absent_term, sum(invalid * sterm) as invalid_term, sum(valid * sterm) as valid_term,
        sum(offered * sprior) as offered_prior, sum((valid + invalid) * sprior) as absent_prior,
        sum(invalid * sm0) as invalid_m0, sum(invalid * sm1) as invalid_m1, sum(days45)::float8 * 5 / 7 as reported_days45
      from (
        select month_shares.*,
          ${share(sql`${d} - 27`, d)} as s4, ${share(sql`${d} - 62`, d)} as s45, ${share(term, d)} as sterm,
          ${share(sql`${d} - 83`, sql`${d} - 28`)} as sprior, ${share(m0, d)} as sm0, ${share(m1, sql`${m0} - 1`)} as sm1,
          greatest(0, least(tt, ${d}) - greatest(f, ${d} - 62) + 1) as days45
        from month_shares
      ) x group by student_id
    ),
    runs as (
      select student_id, count(*) as len, bool_or(any_invalid) as any_invalid
      from (
        select student_id, absent, any_invalid, count(*) filter (where not absent) over (partition by student_id order by day) as grp
        from lesson_days where day > ${d} - 63
          -- Only students absent a whole day in the window have a run to count: the others are spared the sort by day.
          and student_id in (select student_id from lesson_days where absent and day > ${d} - 63)
      ) x
      where absent group by student_id, grp
    ),
    streak as (
      select distinct on (student_id) student_id, len, any_invalid from runs order by student_id, len desc, any_invalid desc
    ),
    gr as materialized (
      select g.student_id, g.grade_value, g.final_grade, g.registered_date, s.points, s.course_code, s.subject_code, s.school_type, g.syllabus_id
      from grades g join ce on ce.student_id = g.student_id
      join syllabuses s on s.tenant_id = g.tenant_id and s.id = g.syllabus_id
      where g.tenant_id = ${t} and g.registered_date <= ${d}
    ),
    latest as (
      select distinct on (student_id, syllabus_id) * from gr where final_grade order by student_id, syllabus_id, registered_date desc
    ),
    grade_counts as (
      select student_id,
        count(*) filter (where final_grade and grade_value in ('F', '-') and registered_date > ${d} - 365)::int as failed365,
        count(*) filter (where not final_grade and grade_value in ('F', '-') and registered_date > ${d} - 200)::int as warnings
      from gr group by student_id
    ),
    failed_courses as (
      select student_id, coalesce(sum(points), 0)::int as failed_points,
        count(*) filter (where course_code like any(${`{${requiredCoursePrefixes.map((c) => `${c}%`).join(',')}}`}::text[]))::int as failed_required
      from latest where school_type = 'GY' and grade_value in ('F', '-') group by student_id
    ),
    subject_latest as (
      select distinct on (student_id, subject_code) student_id, subject_code, grade_value
      from gr where school_type = 'GR' and registered_date > ${d} - 400 order by student_id, subject_code, registered_date desc
    ),
    subjects as (
      select student_id, count(*)::int as graded, count(*) filter (where grade_value not in ('F', '-'))::int as passed,
        count(*) filter (where grade_value in ('F', '-') and subject_code = any(${`{${coreSubjects.join(',')}}`}::text[]))::int as core_failed
      from subject_latest group by student_id
    ),
    cert as (
      select distinct on (c.student_id) c.student_id, c.eligible_national_programme
      from certificates c join ce on ce.student_id = c.student_id
      where c.tenant_id = ${t} and c.kind = 'slutbetyg-grundskola' and c.issued_date <= ${d} order by c.student_id, c.issued_date desc
    ),
    -- The student's other enrolments until today: the current one's own part is known from ce (in the select below),
    -- so a student with no other enrolment costs nothing here (at 250,000 such pupils 0.4–0.7 s against 0.9–1.4 s).
    history as (
      select ce.student_id,
        min(e.start_date) filter (where e.school_type = 'GY') as gy_start,
        bool_or(e.school_type = 'GY' and e.programme_code is distinct from ce.programme_code and e.end_date between ${d} - 365 and ${d}) as programme_change,
        bool_or(e.school_type = ce.school_type and e.school_unit_id <> ce.school_unit_id and e.end_date between ${d} - 365 and ${d}) as school_change,
        bool_or(e.programme_code = 'IMSPR' and (e.end_date is null or e.end_date >= ${d} - 1461)) as newly_arrived
      from ce join enrolments e on e.person_id = ce.student_id and e.ordinal <> ce.ordinal
      where e.tenant_id = ${t} and not e.cancelled and e.start_date <= ${d}
      group by ce.student_id
    ),
    rating as (
      select distinct on (r.student_id) r.student_id,
        ((r.academic <> 'green')::int + (r.behavioural <> 'green')::int + (r.social <> 'green')::int + (r.affective <> 'green')::int) as marks,
        ((r.academic = 'red')::int + (r.behavioural = 'red')::int + (r.social = 'red')::int + (r.affective = 'red')::int) as red
      from connectedness_ratings r join ce on ce.student_id = r.student_id
      where r.tenant_id = ${t} and r.rated_on between ${term} and ${d} order by r.student_id, r.rated_on desc, r.created_at desc
    )
    select ce.student_id, ce.school_unit_id, ce.school_type, ce.school_year, ce.programme_code,
      least(h.gy_start, case when ce.school_type = 'GY' then ce.start_date end) as gy_start, pe.sex,
      ${both('offered4w')} as offered4w, ${both('absent4w')} as absent4w, ${both('invalid4w')} as invalid4w,
      ${both('offered45')} as offered45, ${both('absent45')} as absent45, ${both('invalid45')} as invalid45,
      ${both('valid45')} as valid45, ${both('offered_term')} as offered_term, ${both('absent_term')} as absent_term,
      ${both('invalid_term')} as invalid_term, ${both('valid_term')} as valid_term, ${both('offered_prior')} as offered_prior,
      ${both('absent_prior')} as absent_prior,
      ${both('reported_days45')}::float8 as reported_days45, greatest(${both('invalid_m0')}, ${both('invalid_m1')}) as invalid_month_max,
      case when la.recent_lessons then coalesce(st.len, 0)::int end as longest_absence_days, coalesce(st.any_invalid, false) as longest_absence_invalid,
      coalesce(gc.failed365, 0) as failed365, coalesce(gc.warnings, 0) as warnings, coalesce(fc.failed_points, 0) as failed_points, coalesce(fc.failed_required, 0) as failed_required,
      coalesce(sj.graded, 0) as graded, coalesce(sj.passed, 0) as passed, coalesce(sj.core_failed, 0) as core_failed,
      cert.eligible_national_programme, coalesce(h.programme_change, false) as programme_change, coalesce(h.school_change, false) as school_change,
      coalesce(ce.programme_code like 'IM%', false) as introduction, coalesce(h.newly_arrived, false) or coalesce(ce.programme_code = 'IMSPR', false) as newly_arrived,
      rating.marks, rating.red
    from ce
    -- A left join (SS 12000 nests every enrolment in its person, so it finds one): an inner join of the organiser's
    -- students with persons is estimated from the whole table's distinct ids, at one row, and the planner then rescans
    -- every aggregate below once per student (at 150,000 pupils the statement took 8.6 s this way, 3.8 s now).
    left join persons pe on pe.tenant_id = ${t} and pe.id = ce.student_id
    left join lesson_att la on la.student_id = ce.student_id
    left join month_att ma on ma.student_id = ce.student_id
    left join streak st on st.student_id = ce.student_id
    left join grade_counts gc on gc.student_id = ce.student_id
    left join failed_courses fc on fc.student_id = ce.student_id
    left join subjects sj on sj.student_id = ce.student_id
    left join cert on cert.student_id = ce.student_id
    left join history h on h.student_id = ce.student_id
    left join rating on rating.student_id = ce.student_id
    order by ce.student_id
  `,
    measuresReader,
    each,
  );
}

/** The measures statement's columns, as its select list names them. */
const measureColumnNames = [
  'student_id',
  'school_unit_id',
  'school_type',
  'school_year',
  'programme_code',
  'gy_start',
  'sex',
  'offered4w',
  'absent4w',
  'invalid4w',
  'offered45',
  'absent45',
  'invalid45',
  'valid45',
  'offered_term',
  'absent_term',
  'invalid_term',
  'valid_term',
  'offered_prior',
  'absent_prior',
  'reported_days45',
  'invalid_month_max',
  'longest_absence_days',
  'longest_absence_invalid',
  'failed365',
  'warnings',
  'failed_points',
  'failed_required',
  'graded',
  'passed',
  'core_failed',
  'eligible_national_programme',
  'programme_change',
  'school_change',
  'introduction',
  'newly_arrived',
  'marks',
  'red',
] as const;

/** A field as a number, NULL as 0 (a sum over nothing). */
const num = (v: string | null | undefined) => (v == null ? 0 : Number(v));
const optNum = (v: string | null | undefined) => (v == null ? null : Number(v));
const bool = (v: string | null | undefined) => v === 't';
const optBool = (v: string | null | undefined) => (v == null ? null : v === 't');

/** Each row's fields (COPY's text: numbers as written, booleans t/f) as a student's measures. */
function measuresReader(columns: readonly string[]): (f: CopiedFields) => StudentMeasures {
  const c = columnIndexes(columns, measureColumnNames);
  return (f) => ({
    studentId: f[c.student_id] as string,
    schoolUnitId: f[c.school_unit_id] as string,
    schoolType: f[c.school_type] as string,
    schoolYear: optNum(f[c.school_year]),
    programmeCode: f[c.programme_code] ?? null,
    upperSecondaryStart: f[c.gy_start] ?? null,
    sex: f[c.sex] ?? null,
    offered4w: num(f[c.offered4w]),
    absent4w: num(f[c.absent4w]),
    invalid4w: num(f[c.invalid4w]),
    offered45: num(f[c.offered45]),
    absent45: num(f[c.absent45]),
    invalid45: num(f[c.invalid45]),
    valid45: num(f[c.valid45]),
    offeredTerm: num(f[c.offered_term]),
    absentTerm: num(f[c.absent_term]),
    invalidTerm: num(f[c.invalid_term]),
    validTerm: num(f[c.valid_term]),
    offeredPrior: num(f[c.offered_prior]),
    absentPrior: num(f[c.absent_prior]),
    reportedDays45: num(f[c.reported_days45]),
    invalidMonthMax: num(f[c.invalid_month_max]),
    longestAbsenceDays: optNum(f[c.longest_absence_days]),
    longestAbsenceInvalid: bool(f[c.longest_absence_invalid]),
    failedGrades365: num(f[c.failed365]),
    failWarnings: num(f[c.warnings]),
    failedPoints: num(f[c.failed_points]),
    failedRequiredCourses: num(f[c.failed_required]),
    gradedSubjects: num(f[c.graded]),
    passedSubjects: num(f[c.passed]),
    failedCoreSubjects: num(f[c.core_failed]),
    eligibleAfterYear9: optBool(f[c.eligible_national_programme]),
    programmeChange: bool(f[c.programme_change]),
    schoolChange: bool(f[c.school_change]),
    introduction: bool(f[c.introduction]),
    newlyArrived: bool(f[c.newly_arrived]),
    connectednessMarks: optNum(f[c.marks]),
    connectednessRed: optNum(f[c.red]),
  });
}
