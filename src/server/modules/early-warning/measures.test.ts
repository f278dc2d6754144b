import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kommun, loadAccessFixtures, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { clearAttendance, recordLessons, type Lesson } from '../../../../test/support/factories/index.ts';
import { monthStarts, studentMeasures, termStart } from './measures.ts';
import { schoolDays } from './test-scenario.ts';

const asOf = '2024-10-01';
const database = await createTestDatabase();
await loadAccessFixtures(database);
await clearAttendance(database.db, 'all');

/** Two 80-minute lessons a day; `day(i)` gives day i's two lessons. */
const twoADay = (days: string[], day: (i: number) => [Omit<Lesson, 'date'>, Omit<Lesson, 'date'>]): Lesson[] =>
  days.flatMap((date, i) => day(i).map((l) => ({ ...l, date })));

// Alva, 16 Sep – 1 Oct (12 school days, two lessons each): present; away three whole days (sick, then one lesson
// excused and one not, then sick); one lesson missed unexcused (the day is not a whole day away); away four whole days
// excused; present, with a third lesson not reported; on 1 October one lesson excused and one not.
const alvaDays = schoolDays('2024-09-16', asOf);
const away = { valid: 80 };
const truant = { invalid: 80 };
const present = {};
await recordLessons(database.db, {
  tenantId: kommun,
  studentId: students.alva,
  lessons: [
    ...twoADay(alvaDays, (i) => {
      if (i === 2 || i === 4) return [away, away];
      if (i === 3) return [away, truant];
      if (i === 5) return [truant, present];
      if (i >= 6 && i <= 9) return [away, away];
      if (i === 11) return [away, truant];
      return [present, present];
    }),
    { date: alvaDays[10] as string, reported: false },
  ],
});
// Eva, 23 Sep – 1 Oct: two runs of two whole days away, the first unexcused and the second excused.
await recordLessons(database.db, {
  tenantId: kommun,
  studentId: students.eva,
  lessons: twoADay(schoolDays('2024-09-23', asOf), (i) =>
    i < 2 ? [truant, truant] : i === 3 || i === 4 ? [away, away] : [present, present],
  ),
});

test('measures from several lessons a day: minutes per window, school days reported, the worst month', async () => {
  const byId = new Map((await studentMeasures(database.db, kommun, asOf)).map((m) => [m.studentId, m]));
  const alva = byId.get(students.alva);
  assert.ok(alva);
  assert.equal(alvaDays.length, 12);
  assert.deepEqual(
    [alva.offeredTerm, alva.absentTerm, alva.invalidTerm, alva.validTerm],
    [12 * 160, 17 * 80, 3 * 80, 14 * 80],
    'the unreported lesson is neither offered nor absent',
  );
  assert.deepEqual([alva.offered4w, alva.offered45, alva.offeredPrior], [12 * 160, 12 * 160, 0]);
  assert.equal(alva.reportedDays45, 12, 'a school day counts once however many lessons it had');
  assert.equal(alva.invalidMonthMax, 2 * 80, 'September: two unexcused lessons; October: one');
});

test('the longest run of whole days away: a day with a lesson attended breaks it; ties go to the run with unexcused time', async () => {
  const byId = new Map((await studentMeasures(database.db, kommun, asOf)).map((m) => [m.studentId, m]));
  assert.deepEqual([byId.get(students.alva)?.longestAbsenceDays, byId.get(students.alva)?.longestAbsenceInvalid], [4, false]);
  assert.deepEqual([byId.get(students.eva)?.longestAbsenceDays, byId.get(students.eva)?.longestAbsenceInvalid], [2, true]);
  assert.equal(byId.get(students.bo)?.longestAbsenceDays, null, 'no lessons: no run to measure');
});

test('window dates: the term starts on 1 August or 1 January; month starts roll over the year', () => {
  assert.deepEqual([termStart('2024-10-01'), termStart('2025-03-15'), termStart('2025-07-31')], ['2024-08-01', '2025-01-01', '2025-01-01']);
  assert.deepEqual(monthStarts('2025-01-15'), { current: '2025-01-01', previous: '2024-12-01' });
  assert.deepEqual(monthStarts('2024-10-01'), { current: '2024-10-01', previous: '2024-09-01' });
});
