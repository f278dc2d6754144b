/**
 * An attendance scenario on the access fixtures (as of 2024-10-01), for the refresh and route tests:
 * Alva misses every fourth lesson unexcused; Cem is off sick three days (excused); none of Bo's lessons are
 * reported; Eva has been away unexcused for the last ten school days; Dana (the other organiser) has only a
 * monthly sum for September.
 */
import type { Database } from '../../db/client.ts';
import { friskola, kommun, loadAccessFixtures, students } from '../../../../test/support/access.ts';
import { clearAttendance, recordAggregatedAttendance, recordLessons, type Lesson } from '../../../../test/support/factories/index.ts';

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

/** Inserts one 80-minute lesson per given day for a student. */
export async function addLessons(database: Database, tenantId: string, studentId: string, lessons: Lesson[]): Promise<void> {
  await recordLessons(database.db, { tenantId, studentId, lessons });
}

/** Loads the access fixtures and replaces their attendance with the scenario. */
export async function loadScenario(database: Database): Promise<void> {
  await loadAccessFixtures(database);
  await clearAttendance(database.db, 'all');
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
  await recordAggregatedAttendance(database.db, {
    tenantId: friskola,
    studentId: students.dana,
    startDate: '2024-09-01',
    endDate: '2024-09-30',
    attended: 1400,
    invalidAbsence: 600,
    offered: 2000,
  });
}
