/** Writers for Attendance, AggregatedAttendance, Grade and the Certificate extension. */
import { sql } from 'drizzle-orm';
import { aggregatedAttendances, attendances, certificates, grades } from '../../server/db/schema/index.ts';
import type { AggregatedAttendanceDoc, AttendanceDoc, CertificateDoc, GradeDoc } from './documents.ts';
import { modified, type EndpointWriter } from './writer-types.ts';

/** Lessons are dated in Swedish time: a lesson at 00:30 CET belongs to that Swedish day. */
export const LESSON_TIME_ZONE = 'Europe/Stockholm';

export const attendanceWriter: EndpointWriter<AttendanceDoc> = {
  upsert: {
    table: attendances,
    key: ['id'],
    versioning: 'modified',
    // lesson_date is the calendar event's date (imported earlier in the run or before it).
    computed: { lesson_date: sql.raw(`(ce.start_time AT TIME ZONE '${LESSON_TIME_ZONE}')::date`) },
    join: (tenantId) => sql`JOIN calendar_events ce ON ce.tenant_id = ${tenantId}::uuid AND ce.id = r.calendar_event_id`,
    // The same date, looked up when a page goes straight into the table (an organiser's first import of attendance).
    lookup: {
      column: 'lesson_date',
      from: 'calendar_event_id',
      values: (
        tenantId,
        ids,
      ) => sql`SELECT id::text AS key, (start_time AT TIME ZONE ${sql.raw(`'${LESSON_TIME_ZONE}'`)})::date::text AS value
        FROM calendar_events WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${ids})`,
    },
    changes: { column: 'student_id' },
  },
  row: (d) => ({
    id: d.id,
    calendar_event_id: d.calendarEvent.id,
    student_id: d.student.id,
    is_reported: d.isReported,
    attendance_minutes: d.attendanceMinutes ?? 0,
    valid_absence_minutes: d.validAbsenceMinutes ?? 0,
    invalid_absence_minutes: d.invalidAbsenceMinutes ?? 0,
    other_attendance_minutes: d.otherAttendanceMinutes ?? 0,
    absence_reason: d.absenceReason,
    reported_at: d.reportedTimestamp,
    source_modified: modified(d),
  }),
};

/** AggregatedAttendance has neither id nor meta: keyed on student, activity and period. */
export const aggregatedAttendanceWriter: EndpointWriter<AggregatedAttendanceDoc> = {
  upsert: {
    table: aggregatedAttendances,
    key: ['student_id', 'activity_id', 'start_date', 'end_date'],
    versioning: 'content',
    changes: { column: 'student_id' },
  },
  row: (d, ctx) => ({
    student_id: d.student.id,
    activity_id: d.activity.id,
    start_date: d.startDate,
    end_date: d.endDate,
    attendance_sum: d.attendanceSum,
    valid_absence_sum: d.validAbsenceSum ?? 0,
    invalid_absence_sum: d.invalidAbsenceSum ?? 0,
    other_attendance_sum: d.otherAttendanceSum ?? 0,
    reported_sum: d.reportedSum ?? 0,
    offered_sum: d.offeredSum ?? 0,
    source_modified: (d as { meta?: { modified?: string } }).meta?.modified ?? ctx.runStartedAt,
  }),
};

export const gradeWriter: EndpointWriter<GradeDoc> = {
  upsert: { table: grades, key: ['id'], versioning: 'modified', changes: { column: 'student_id' } },
  row: (d) => ({
    id: d.id,
    student_id: d.student.id,
    organisation_id: d.organisation?.id,
    syllabus_id: d.syllabus.id,
    grade_value: d.gradeValue,
    final_grade: d.finalGrade,
    trial: d.trial ?? false,
    converted: d.converted ?? false,
    correction_type: d.correctionType,
    semester: d.semester,
    year: d.year,
    registered_date: d.registeredDate,
    registered_by_id: d.registeredBy?.id,
    group_id: d.group?.id,
    remark: d.remark,
    source_modified: modified(d),
  }),
};

export const certificateWriter: EndpointWriter<CertificateDoc> = {
  upsert: { table: certificates, key: ['id'], versioning: 'modified', changes: { column: 'student_id' } },
  row: (d) => ({
    id: d.id,
    student_id: d.student.id,
    school_unit_id: d.schoolUnit.id,
    kind: d.kind,
    programme_code: d.programmeCode,
    issued_date: d.issuedDate,
    total_points: d.totalPoints,
    passed_points: d.passedPoints,
    eligible_national_programme: d.eligibleNationalProgramme,
    source_modified: modified(d),
  }),
};
