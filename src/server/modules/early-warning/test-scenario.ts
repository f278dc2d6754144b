/**
 * An attendance scenario on the access fixtures (as of 2024-10-01), for the refresh and route tests:
 * Alva misses every fourth lesson unexcused; Cem is off sick three days (excused); none of Bo's lessons are
 * reported; Eva has been away unexcused for the last ten school days; Dana (the other organiser) has only a
 * monthly sum for September.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { friskola, kommun, loadAccessFixtures, students } from '../../../../test/support/access.ts';

export const scenarioDate = '2024-10-01';

/** Weekdays from `from` to `to`, inclusive. */
export function schoolDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

interface Lesson {
  date: string;
  reported?: boolean;
  attended?: number;
  valid?: number;
  invalid?: number;
}

/** Inserts one 80-minute lesson per given day for a student. */
export async function addLessons(database: Database, tenantId: string, studentId: string, lessons: Lesson[]): Promise<void> {
  for (const l of lessons) {
    const reported = l.reported ?? true;
    const attended = reported ? (l.attended ?? 80 - (l.valid ?? 0) - (l.invalid ?? 0)) : 0;
    await database.db.execute(sql`
      INSERT INTO attendances (tenant_id, id, calendar_event_id, student_id, lesson_date, is_reported, attendance_minutes,
        valid_absence_minutes, invalid_absence_minutes, source_modified)
      VALUES (${tenantId}::uuid, ${randomUUID()}::uuid, ${randomUUID()}::uuid, ${studentId}::uuid, ${l.date}::date, ${reported},
        ${attended}, ${reported ? (l.valid ?? 0) : 0}, ${reported ? (l.invalid ?? 0) : 0}, now())`);
  }
}

/** Loads the access fixtures and replaces their attendance with the scenario. */
export async function loadScenario(database: Database): Promise<void> {
  await loadAccessFixtures(database);
  await database.db.execute(sql`DELETE FROM attendances`);
  await database.db.execute(sql`DELETE FROM aggregated_attendances`);
  const days = schoolDays('2024-09-02', scenarioDate);
  await addLessons(
    database,
    kommun,
    students.alva,
    days.map((date, i) => ({ date, invalid: i % 4 === 0 ? 80 : 0 })),
  );
  await addLessons(
    database,
    kommun,
    students.cem,
    days.map((date, i) => ({ date, valid: i >= 5 && i < 8 ? 80 : 0 })),
  );
  await addLessons(
    database,
    kommun,
    students.bo,
    days.map((date) => ({ date, reported: false })),
  );
  await addLessons(
    database,
    kommun,
    students.eva,
    days.map((date, i) => ({ date, invalid: i >= days.length - 10 ? 80 : 0 })),
  );
  await database.db.execute(sql`
    INSERT INTO aggregated_attendances (tenant_id, student_id, activity_id, start_date, end_date, attendance_sum, valid_absence_sum,
      invalid_absence_sum, reported_sum, offered_sum, source_modified)
    VALUES (${friskola}::uuid, ${students.dana}::uuid, ${randomUUID()}::uuid, '2024-09-01', '2024-09-30', 1400, 0, 600, 2000, 2000, now())`);
}
