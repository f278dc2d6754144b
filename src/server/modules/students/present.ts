/** Explicit field picks for student responses (shapes: src/shared/students/contract.ts): never the civic number. */
import type { PersonContact } from '../../db/schema/people.ts';
import type { ContactDetails, StudentFilters, StudentListItem, StudentPage } from '../../../shared/students/contract.ts';
import type { AttendanceMonthRow, EnrolmentRow, GradeRow, GuardianRow, StudentFilterRows, StudentListRow, StudentRow } from './queries.ts';

/** A row of the student list. */
export function presentStudentListItem(r: StudentListRow): StudentListItem {
  return {
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    schoolUnit: { id: r.school_unit_id, name: r.school_unit_name },
    schoolYear: r.school_year,
    programmeCode: r.programme_code,
    group: r.group_id ? { id: r.group_id, name: r.group_name ?? '' } : null,
  };
}

/** The student list's filter options: school units, groups and school years within the actor's scope. */
export function presentStudentFilters(rows: StudentFilterRows): StudentFilters {
  return {
    schoolUnits: rows.schoolUnits.map((u) => ({ id: u.id, name: u.name ?? '' })),
    groups: rows.groups.map((g) => ({ id: g.id, name: g.name, schoolUnitId: g.school_unit_id })),
    schoolYears: rows.schoolYears.map((y) => y.school_year),
  };
}

/** Contact details as the contract has them (the stored JSON may lack parts). */
export function presentContact(contact: PersonContact | null | undefined): ContactDetails {
  return {
    addresses: (contact?.addresses ?? []).map((a) => ({
      type: a.type ?? null,
      streetAddress: a.streetAddress,
      postalCode: a.postalCode,
      locality: a.locality,
    })),
    emails: (contact?.emails ?? []).map((e) => ({ type: e.type ?? null, value: e.value })),
    phoneNumbers: (contact?.phoneNumbers ?? []).map((p) => ({ type: p.type ?? null, value: p.value, mobile: p.mobile ?? false })),
  };
}

const isProtected = (securityMarking: string) => securityMarking !== 'Ingen';

export interface StudentPageParts {
  student: StudentRow;
  guardians: GuardianRow[] | null;
  enrolments: EnrolmentRow[];
  attendance: AttendanceMonthRow[] | null;
  grades: GradeRow[] | null;
  abilities: { canReadContact: boolean; canReadAttendance: boolean; canReadGrades: boolean };
}

/**
 * The student page; parts the actor may not read are null (a teacher: no contact details, no guardians). A protected
 * identity's contact details and guardians are null for everyone — a guardian's address is the child's address —
 * and a guardian whose own identity is protected is named without contact details.
 */
export function presentStudentPage({ student, guardians, enrolments, attendance, grades, abilities }: StudentPageParts): StudentPage {
  const protectedIdentity = isProtected(student.security_marking);
  const mayContact = abilities.canReadContact && !protectedIdentity;
  return {
    id: student.id,
    givenName: student.given_name,
    middleName: student.middle_name,
    familyName: student.family_name,
    protectedIdentity,
    contact: mayContact ? presentContact(student.contact) : null,
    guardians:
      mayContact && guardians
        ? guardians.map((g) => ({
            name: `${g.given_name} ${g.family_name}`,
            relation: g.relation_type,
            contact: isProtected(g.security_marking) ? null : presentContact(g.contact),
          }))
        : null,
    enrolments: enrolments.map((e) => ({
      schoolUnit: { id: e.school_unit_id, name: e.school_unit_name },
      schoolType: e.school_type,
      schoolYear: e.school_year,
      programmeCode: e.programme_code,
      startDate: e.start_date,
      endDate: e.end_date,
      cancelled: e.cancelled,
    })),
    attendanceByMonth:
      attendance?.map((m) => ({
        month: m.month,
        attendedMinutes: m.attended,
        validAbsenceMinutes: m.valid_absence,
        invalidAbsenceMinutes: m.invalid_absence,
        notReportedMinutes: m.not_reported,
      })) ?? null,
    grades:
      grades?.map((g) => ({
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
