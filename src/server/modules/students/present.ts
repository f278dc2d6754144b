/** Explicit field picks for student responses: never the civic number; no contact for protected identities. */
import type { AttendanceMonthRow, EnrolmentRow, GradeRow, StudentFilterRows, StudentListRow, StudentRow } from './queries.ts';

/** A row of the student list. */
export function presentStudentListItem(r: StudentListRow) {
  return {
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    schoolUnit: { id: r.school_unit_id, name: r.school_unit_name },
    schoolYear: r.school_year,
    programmeCode: r.programme_code,
    group: r.group_id ? { id: r.group_id, name: r.group_name } : null,
  };
}

/** The student list's filter options: school units, groups and school years within the actor's scope. */
export function presentStudentFilters(rows: StudentFilterRows) {
  return {
    schoolUnits: rows.schoolUnits.map((u) => ({ id: u.id, name: u.name ?? '' })),
    groups: rows.groups.map((g) => ({ id: g.id, name: g.name, schoolUnitId: g.school_unit_id })),
    schoolYears: rows.schoolYears.map((y) => y.school_year),
  };
}

export interface StudentPageParts {
  student: StudentRow;
  enrolments: EnrolmentRow[];
  attendance: AttendanceMonthRow[] | null;
  grades: GradeRow[] | null;
  abilities: { canReadContact: boolean; canReadAttendance: boolean; canReadGrades: boolean };
}

/**
 * The student page; parts the actor may not read are null (a teacher: no contact details), and a protected
 * identity's contact details are null for everyone.
 */
export function presentStudentPage({ student, enrolments, attendance, grades, abilities }: StudentPageParts) {
  const protectedIdentity = student.security_marking !== 'Ingen';
  return {
    id: student.id,
    givenName: student.given_name,
    middleName: student.middle_name,
    familyName: student.family_name,
    protectedIdentity,
    contact: protectedIdentity || !abilities.canReadContact ? null : student.contact,
    enrolments: enrolments.map((e) => ({
      schoolUnit: { id: e.school_unit_id, name: e.school_unit_name },
      schoolType: e.school_type,
      schoolYear: e.school_year,
      programmeCode: e.programme_code,
      startDate: e.start_date,
      endDate: e.end_date,
      cancelled: e.cancelled,
    })),
    attendanceByMonth: attendance?.map((m) => ({
      month: m.month,
      attendedMinutes: m.attended,
      validAbsenceMinutes: m.valid_absence,
      invalidAbsenceMinutes: m.invalid_absence,
      notReportedMinutes: m.not_reported,
    })) ?? null,
    grades: grades?.map((g) => ({
      id: g.id,
      subject: g.subject_name,
      courseCode: g.course_code,
      courseName: g.course_name,
      points: g.points,
      grade: g.grade_value,
      final: g.final_grade,
      registeredDate: g.registered_date,
    })) ?? null,
    abilities,
  };
}
