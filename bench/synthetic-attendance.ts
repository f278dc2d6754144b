/**
 * Synthetic lesson attendance for the benchmarks: `rows` rows over `students` invented students,
 * as Drizzle insert values and as CSV for COPY — the same rows both ways. No real people.
 */
import { randomUUID } from 'node:crypto';
import type { attendances } from '../src/server/db/schema/attendance.ts';

/** A row of the attendances table as Drizzle inserts it. */
export type AttendanceRow = typeof attendances.$inferInsert;

/** The attendances columns in the order of `toCsv`. */
export const attendanceColumns = [
  'tenant_id',
  'id',
  'calendar_event_id',
  'student_id',
  'lesson_date',
  'is_reported',
  'attendance_minutes',
  'valid_absence_minutes',
  'invalid_absence_minutes',
  'other_attendance_minutes',
  'absence_reason',
  'reported_at',
  'source_modified',
];

export interface SyntheticAttendance {
  tenantId: string;
  studentIds: string[];
  /** One lesson an hour from 2025-09-01 08:00 UTC: id and start time. */
  lessons: { id: string; startTime: string }[];
  rows: AttendanceRow[];
}

const sourceModified = '2025-08-15T08:00:00Z';

/** Every student at every lesson, lesson by lesson, cut at `rowCount` rows; every tenth lesson an absence. */
export function syntheticAttendance(rowCount: number, students = 1000): SyntheticAttendance {
  const tenantId = randomUUID();
  const studentIds = Array.from({ length: students }, () => randomUUID());
  const day0 = Date.UTC(2025, 8, 1, 8);
  const lessons = Array.from({ length: Math.ceil(rowCount / students) }, (_, i) => ({
    id: randomUUID(),
    startTime: new Date(day0 + i * 3_600_000).toISOString(),
  }));
  const rows: AttendanceRow[] = [];
  for (const [l, lesson] of lessons.entries()) {
    for (const [s, studentId] of studentIds.entries()) {
      if (rows.length === rowCount) break;
      const absent = (l + s) % 10 === 0;
      rows.push({
        tenantId,
        id: randomUUID(),
        calendarEventId: lesson.id,
        studentId,
        lessonDate: lesson.startTime.slice(0, 10),
        isReported: true,
        attendanceMinutes: absent ? 0 : 50,
        validAbsenceMinutes: absent ? 50 : 0,
        invalidAbsenceMinutes: 0,
        otherAttendanceMinutes: 0,
        absenceReason: null,
        reportedAt: null,
        sourceModified,
      });
    }
  }
  return { tenantId, studentIds, lessons, rows };
}

/** The rows as CSV in `attendanceColumns` order (empty field = NULL; no field needs quoting). */
export function toCsv(rows: AttendanceRow[]): string {
  return rows
    .map((r) =>
      [
        r.tenantId,
        r.id,
        r.calendarEventId,
        r.studentId,
        r.lessonDate,
        r.isReported ? 't' : 'f',
        r.attendanceMinutes,
        r.validAbsenceMinutes,
        r.invalidAbsenceMinutes,
        r.otherAttendanceMinutes,
        r.absenceReason ?? '',
        r.reportedAt ?? '',
        r.sourceModified,
      ].join(','),
    )
    .join('\n');
}
