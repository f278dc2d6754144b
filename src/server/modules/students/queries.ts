/** Student reads. Every function takes the scope condition from policy.ts; none selects civic_no. */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { PersonContact } from '../../db/schema/index.ts';
import type { ListStudentsQuery } from '../../../shared/students/contract.ts';

export interface StudentListRow extends Record<string, unknown> {
  id: string;
  given_name: string;
  family_name: string;
  school_unit_id: string;
  school_unit_name: string | null;
  school_year: number | null;
  programme_code: string | null;
  group_id: string | null;
  group_name: string | null;
  total: number;
}

const currentRow = (alias: string, asOf: string) =>
  sql`${sql.raw(alias)}.start_date <= ${asOf}::date AND (${sql.raw(alias)}.end_date IS NULL OR ${sql.raw(alias)}.end_date >= ${asOf}::date)`;

/** LIKE pattern for a free-text search: wildcards in the input match literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of students with a current enrolment, within `scope`. */
export async function listStudents(
  db: DbOrTx,
  tenantId: string,
  scope: SQL,
  filter: ListStudentsQuery,
  asOf: string,
  scopeEnrols = false,
): Promise<StudentListRow[]> {
  return queryRows<StudentListRow>(db, listStudentsQuery(tenantId, scope, filter, asOf, scopeEnrols));
}

/** The order of `listStudentsQuery`'s rows, on its output columns. */
export const listStudentsOrder = sql`family_name, given_name, id`;

/**
 * The statement of `listStudents`: one page of students in scope, in name order, each row with the total. With
 * `scopeEnrols` (policy.ts, `scopeImpliesCurrentEnrolment`) the scope already admits only currently enrolled students, so
 * without a unit or year filter the per-student check for a current enrolment is left out (docs/scaling.md, *Reads*).
 * `tenantId` is the actor's tenant, the one `scope` restricts to: every table is read with it as a constant, so the
 * statement touches one tenant's rows and Citus runs it whole on that tenant's worker (docs/scaling.md, *Citus*).
 */
export function listStudentsQuery(tenantId: string, scope: SQL, filter: ListStudentsQuery, asOf: string, scopeEnrols = false): SQL {
  const tenant = sql`${tenantId}::uuid`;
  const conditions: SQL[] = [sql`p.tenant_id = ${tenant}`, scope];
  if (filter.q) {
    conditions.push(sql`concat_ws(' ', p.given_name, p.middle_name, p.family_name) ILIKE ${containsPattern(filter.q)}`);
  }
  if (filter.groupId) {
    conditions.push(sql`EXISTS (SELECT 1 FROM group_memberships gm WHERE gm.tenant_id = ${tenant} AND gm.person_id = p.id
      AND gm.group_id = ${filter.groupId}::uuid AND ${currentRow('gm', asOf)})`);
  }
  const unit = filter.schoolUnitId ? sql`AND e.school_unit_id = ${filter.schoolUnitId}::uuid` : sql``;
  const year = filter.schoolYear !== undefined ? sql`AND e.school_year = ${filter.schoolYear}` : sql``;
  const currentEnrolment = sql`e.tenant_id = ${tenant} AND e.person_id = p.id AND NOT e.cancelled AND ${currentRow('e', asOf)} ${unit} ${year}`;
  if (!scopeEnrols || filter.schoolUnitId || filter.schoolYear !== undefined)
    conditions.push(sql`EXISTS (SELECT 1 FROM enrolments e WHERE ${currentEnrolment})`);
  // The students in scope with a current enrolment, narrow (id and names), once; their count and the page's 25 are read from
  // it. The enrolment's details, the unit's and the group's names only for the page's rows (docs/scaling.md, *Reads*).
  return sql`
    WITH scoped AS MATERIALIZED (
      SELECT p.id, p.given_name, p.family_name
        FROM persons p
       WHERE ${sql.join(conditions, sql` AND `)}),
    page AS (
      SELECT * FROM scoped ORDER BY family_name, given_name, id
       LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize})
    SELECT p.id, p.given_name, p.family_name, e.school_unit_id, o.display_name AS school_unit_name, e.school_year,
           e.programme_code, g.id AS group_id, g.display_name AS group_name, (SELECT count(*) FROM scoped)::int AS total
      FROM page p
      JOIN LATERAL (SELECT e.school_unit_id, e.school_year, e.programme_code FROM enrolments e WHERE ${currentEnrolment}
                     ORDER BY e.start_date DESC LIMIT 1) e ON true
      LEFT JOIN organisations o ON o.tenant_id = ${tenant} AND o.id = e.school_unit_id
      LEFT JOIN LATERAL (SELECT g.id, g.display_name FROM group_memberships gm
                           JOIN groups g ON g.tenant_id = ${tenant} AND g.id = gm.group_id
                          WHERE gm.tenant_id = ${tenant} AND gm.person_id = p.id AND ${currentRow('gm', asOf)}
                          ORDER BY (g.group_type = 'Klass') DESC, g.display_name LIMIT 1) g ON true
     ORDER BY p.family_name, p.given_name, p.id`;
}

export interface StudentFilterRows {
  schoolUnits: { id: string; name: string | null }[];
  groups: { id: string; name: string; school_unit_id: string | null }[];
  schoolYears: { school_year: number }[];
}

/** The school units, groups and school years of the students within `scope` on `asOf`: the list's filter options. */
export async function studentFilterOptions(db: DbOrTx, scope: SQL, asOf: string): Promise<StudentFilterRows> {
  const inScope = sql`SELECT p.id, p.tenant_id FROM persons p WHERE ${scope}`;
  const enrolled = sql`SELECT e.* FROM enrolments e JOIN (${inScope}) s ON s.tenant_id = e.tenant_id AND s.id = e.person_id
                        WHERE NOT e.cancelled AND ${currentRow('e', asOf)}`;
  const schoolUnits = await queryRows<StudentFilterRows['schoolUnits'][number]>(
    db,
    sql`
    SELECT DISTINCT o.id, o.display_name AS name FROM (${enrolled}) e
      JOIN organisations o ON o.tenant_id = e.tenant_id AND o.id = e.school_unit_id ORDER BY name, o.id`,
  );
  const groups = await queryRows<StudentFilterRows['groups'][number]>(
    db,
    sql`
    SELECT DISTINCT g.id, g.display_name AS name, g.organisation_id AS school_unit_id
      FROM group_memberships gm JOIN (${inScope}) s ON s.tenant_id = gm.tenant_id AND s.id = gm.person_id
      JOIN groups g ON g.tenant_id = gm.tenant_id AND g.id = gm.group_id
     WHERE ${currentRow('gm', asOf)} ORDER BY name, g.id`,
  );
  const schoolYears = await queryRows<StudentFilterRows['schoolYears'][number]>(
    db,
    sql`
    SELECT DISTINCT e.school_year FROM (${enrolled}) e WHERE e.school_year IS NOT NULL ORDER BY 1`,
  );
  return { schoolUnits, groups, schoolYears };
}

export interface StudentRow extends Record<string, unknown> {
  id: string;
  given_name: string;
  middle_name: string | null;
  family_name: string;
  security_marking: string;
  contact: PersonContact;
}

/** One student within `scope`, or undefined (outside scope and nonexistent look the same). */
export async function findStudent(db: DbOrTx, scope: SQL, id: string): Promise<StudentRow | undefined> {
  const [row] = await queryRows<StudentRow>(
    db,
    sql`
    SELECT p.id, p.given_name, p.middle_name, p.family_name, p.security_marking, p.contact
      FROM persons p WHERE p.id = ${id}::uuid AND ${scope}`,
  );
  return row;
}

export interface GuardianRow extends Record<string, unknown> {
  given_name: string;
  family_name: string;
  relation_type: string;
  security_marking: string;
  contact: PersonContact;
}

/** A student's guardians and other responsibles (SS 12000 Person.responsibles), by name. */
export function guardiansOf(db: DbOrTx, tenantId: string, studentId: string): Promise<GuardianRow[]> {
  return queryRows<GuardianRow>(
    db,
    sql`
    SELECT g.given_name, g.family_name, r.relation_type, g.security_marking, g.contact
      FROM person_responsibles r JOIN persons g ON g.tenant_id = r.tenant_id AND g.id = r.responsible_id
     WHERE r.tenant_id = ${tenantId}::uuid AND r.person_id = ${studentId}::uuid
     ORDER BY g.family_name, g.given_name`,
  );
}

export interface EnrolmentRow extends Record<string, unknown> {
  school_unit_id: string;
  school_unit_name: string | null;
  school_type: string;
  school_year: number | null;
  programme_code: string | null;
  start_date: string;
  end_date: string | null;
  cancelled: boolean;
}

/** A student's enrolments, newest first. `tenantId` is the actor's tenant (the student was loaded in scope). */
export function enrolmentsOf(db: DbOrTx, tenantId: string, studentId: string): Promise<EnrolmentRow[]> {
  return queryRows<EnrolmentRow>(
    db,
    sql`
    SELECT e.school_unit_id, o.display_name AS school_unit_name, e.school_type, e.school_year, e.programme_code,
           e.start_date, e.end_date, e.cancelled
      FROM enrolments e LEFT JOIN organisations o ON o.tenant_id = e.tenant_id AND o.id = e.school_unit_id
     WHERE e.tenant_id = ${tenantId}::uuid AND e.person_id = ${studentId}::uuid
     ORDER BY e.start_date DESC, e.ordinal`,
  );
}

export interface AttendanceMonthRow extends Record<string, unknown> {
  month: string;
  attended: number;
  valid_absence: number;
  invalid_absence: number;
  not_reported: number;
}

/** Lesson attendance in minutes per month; an unreported lesson counts its scheduled length as not reported. */
export function attendanceByMonth(db: DbOrTx, tenantId: string, studentId: string): Promise<AttendanceMonthRow[]> {
  return queryRows<AttendanceMonthRow>(
    db,
    sql`
    SELECT to_char(a.lesson_date, 'YYYY-MM') AS month,
           sum(CASE WHEN a.is_reported THEN a.attendance_minutes ELSE 0 END)::int AS attended,
           sum(CASE WHEN a.is_reported THEN a.valid_absence_minutes ELSE 0 END)::int AS valid_absence,
           sum(CASE WHEN a.is_reported THEN a.invalid_absence_minutes ELSE 0 END)::int AS invalid_absence,
           sum(CASE WHEN a.is_reported THEN 0
                    ELSE coalesce(extract(epoch FROM ce.end_time - ce.start_time) / 60, 0) END)::int AS not_reported
      FROM attendances a
      LEFT JOIN calendar_events ce ON ce.tenant_id = a.tenant_id AND ce.id = a.calendar_event_id
     WHERE a.tenant_id = ${tenantId}::uuid AND a.student_id = ${studentId}::uuid
     GROUP BY 1 ORDER BY 1`,
  );
}

export interface GradeRow extends Record<string, unknown> {
  id: string;
  subject_name: string | null;
  course_code: string | null;
  course_name: string | null;
  points: number | null;
  grade_value: string;
  final_grade: boolean;
  registered_date: string;
}

/** A student's grades, newest first. */
export function gradesOf(db: DbOrTx, tenantId: string, studentId: string): Promise<GradeRow[]> {
  return queryRows<GradeRow>(
    db,
    sql`
    SELECT g.id, s.subject_name, s.course_code, s.course_name, s.points, g.grade_value, g.final_grade, g.registered_date
      FROM grades g LEFT JOIN syllabuses s ON s.tenant_id = g.tenant_id AND s.id = g.syllabus_id
     WHERE g.tenant_id = ${tenantId}::uuid AND g.student_id = ${studentId}::uuid
     ORDER BY g.registered_date DESC, g.id`,
  );
}
