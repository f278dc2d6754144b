/** Attendance: lessons per day and monthly sums, as SS 12000 Attendance and AggregatedAttendance would deliver them. */
import { randomUUID } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../src/server/db/client.ts';
import { aggregatedAttendances, attendances } from '../../../src/server/db/schema/index.ts';

/** One 80-minute lesson on `date`: attended unless `valid`/`invalid` absence minutes are given; `reported: false` is unreported. */
export interface Lesson {
  date: string;
  reported?: boolean;
  attended?: number;
  valid?: number;
  invalid?: number;
}

/** Writes one lesson per entry for a student (each its own calendar event). */
export async function recordLessons(db: DbOrTx, a: { tenantId: string; studentId: string; lessons: readonly Lesson[] }): Promise<void> {
  const rows = a.lessons.map((l) => {
    const reported = l.reported ?? true;
    return {
      tenantId: a.tenantId,
      id: randomUUID(),
      calendarEventId: randomUUID(),
      studentId: a.studentId,
      lessonDate: l.date,
      isReported: reported,
      attendanceMinutes: reported ? (l.attended ?? 80 - (l.valid ?? 0) - (l.invalid ?? 0)) : 0,
      validAbsenceMinutes: reported ? (l.valid ?? 0) : 0,
      invalidAbsenceMinutes: reported ? (l.invalid ?? 0) : 0,
      sourceModified: sql`now()`,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.insert(attendances).values(rows.slice(i, i + 500));
}

/** Writes one period's sum for a student (minutes; `reported` and `offered` default to what was attended or missed). */
export async function recordAggregatedAttendance(
  db: DbOrTx,
  a: {
    tenantId: string;
    studentId: string;
    activityId?: string;
    startDate: string;
    endDate: string;
    attended: number;
    validAbsence?: number;
    invalidAbsence?: number;
    reported?: number;
    offered?: number;
  },
): Promise<void> {
  const valid = a.validAbsence ?? 0;
  const invalid = a.invalidAbsence ?? 0;
  const reported = a.reported ?? a.attended + valid + invalid;
  await db.insert(aggregatedAttendances).values({
    tenantId: a.tenantId,
    studentId: a.studentId,
    activityId: a.activityId ?? randomUUID(),
    startDate: a.startDate,
    endDate: a.endDate,
    attendanceSum: a.attended,
    validAbsenceSum: valid,
    invalidAbsenceSum: invalid,
    reportedSum: reported,
    offeredSum: a.offered ?? reported,
    sourceModified: sql`now()`,
  });
}

/** Removes lessons and period sums: every organiser's when no filter is given, else one organiser's (or one student's). */
export async function clearAttendance(db: DbOrTx, filter: { tenantId: string; studentId?: string } | 'all'): Promise<void> {
  const where = (t: typeof attendances | typeof aggregatedAttendances): SQL | undefined =>
    filter === 'all'
      ? undefined
      : and(eq(t.tenantId, filter.tenantId), filter.studentId === undefined ? undefined : eq(t.studentId, filter.studentId));
  await db.delete(attendances).where(where(attendances));
  await db.delete(aggregatedAttendances).where(where(aggregatedAttendances));
}
