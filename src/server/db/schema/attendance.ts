/** SS 12000 Attendance (per lesson) and AggregatedAttendance (per period). */
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sourceModified, tenantId } from './columns.ts';

/**
 * One student's attendance at one calendar event. The largest table: kept narrow, and
 * `lesson_date` is copied from the calendar event so that period aggregates need no join.
 */
export const attendances = pgTable(
  'attendances',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    calendarEventId: uuid('calendar_event_id').notNull(),
    studentId: uuid('student_id').notNull(),
    lessonDate: date('lesson_date', { mode: 'string' }).notNull(),
    /** A lesson not yet reported is "not reported", never absence. */
    isReported: boolean('is_reported').notNull(),
    attendanceMinutes: integer('attendance_minutes').notNull().default(0),
    validAbsenceMinutes: integer('valid_absence_minutes').notNull().default(0),
    invalidAbsenceMinutes: integer('invalid_absence_minutes').notNull().default(0),
    otherAttendanceMinutes: integer('other_attendance_minutes').notNull().default(0),
    absenceReason: text('absence_reason'),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'string' }),
    sourceModified: sourceModified(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('attendances_student_date_idx').on(t.tenantId, t.studentId, t.lessonDate)],
);

/** Attendance summed per student, activity and period, as SS 12000 AggregatedAttendance delivers it. */
export const aggregatedAttendances = pgTable(
  'aggregated_attendances',
  {
    tenantId: tenantId(),
    studentId: uuid('student_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    attendanceSum: integer('attendance_sum').notNull(),
    validAbsenceSum: integer('valid_absence_sum').notNull().default(0),
    invalidAbsenceSum: integer('invalid_absence_sum').notNull().default(0),
    otherAttendanceSum: integer('other_attendance_sum').notNull().default(0),
    reportedSum: integer('reported_sum').notNull().default(0),
    offeredSum: integer('offered_sum').notNull().default(0),
    sourceModified: sourceModified(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.studentId, t.activityId, t.startDate, t.endDate] })],
);
