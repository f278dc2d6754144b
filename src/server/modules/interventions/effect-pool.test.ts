import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { kommun, loadAccessFixtures } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addStudent, clearAttendance, recordAggregatedAttendance, recordLessons } from '../../../../test/support/factories/index.ts';
import { schoolDays } from '../early-warning/test-scenario.ts';
import type { Observation } from './effect.ts';
import { poolObservations } from './effect-pool.ts';
import { poolObservationsByWindow } from './effect-pool-oracle.ts';

// Two units, upper-secondary and compulsory (years 6–9 and a year 3 who is never in the pool) students, lessons with
// every kind of minute (some unreported), monthly sums over whole and part months and several activities, start dates
// whose windows overlap one another and straddle the monthly sums' end; a student with rows in one window only.
const unit = 'a0000000-0000-4000-8000-000000000002';
const otherUnit = 'a0000000-0000-4000-8000-000000000003';
const database = await createTestDatabase();
await loadAccessFixtures(database);
await clearAttendance(database.db, 'all');

let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const months = [
  ['2024-03-01', '2024-03-31'],
  ['2024-04-01', '2024-04-30'],
  ['2024-05-01', '2024-05-31'],
  ['2024-06-01', '2024-06-14'],
  ['2024-08-19', '2024-08-31'],
] as const;
for (let i = 0; i < 24; i++) {
  const upper = i % 3 !== 0;
  const studentId = await addStudent(database.db, {
    tenantId: kommun,
    givenName: `Pool${i}`,
    schoolUnitId: i % 4 === 0 ? otherUnit : unit,
    schoolType: upper ? 'GY' : 'GR',
    schoolYear: upper ? 1 : i % 2 ? 8 : 3,
    startDate: '2023-08-15',
  });
  if (i === 5) continue; // enrolled, no attendance at all
  await recordLessons(database.db, {
    tenantId: kommun,
    studentId,
    lessons: schoolDays(i === 7 ? '2024-10-20' : '2024-09-02', '2024-12-13').map((date) => ({
      date,
      reported: random() > 0.05,
      attended: Math.floor(random() * 80),
      valid: random() > 0.8 ? 20 : 0,
      invalid: random() > 0.7 ? Math.floor(random() * 60) : 0,
    })),
  });
  for (const [startDate, endDate] of i === 7 ? [] : months)
    for (const activityId of i % 2 ? [randomUUID(), randomUUID()] : [randomUUID()]) {
      const reported = 600 + Math.floor(random() * 1200);
      const invalid = Math.floor(random() * 200);
      const valid = Math.floor(random() * 100);
      await recordAggregatedAttendance(database.db, {
        tenantId: kommun,
        studentId,
        activityId,
        startDate,
        endDate,
        attended: reported - invalid - valid,
        validAbsence: valid,
        invalidAbsence: invalid,
        reported: i === 9 ? 0 : reported,
        offered: reported,
      });
    }
}

/**
 * The same keys, students (in order) and sums. Whole minutes are exact; a monthly sum's prorated share is the same product,
 * but fractions added in another order can differ in the last bits (the statement before added them in its plan's order).
 */
function assertSame(actual: Map<string, Observation[]>, expected: Map<string, Observation[]>): void {
  assert.deepEqual([...actual.keys()], [...expected.keys()]);
  for (const [key, list] of expected) {
    const got = actual.get(key)!;
    assert.deepEqual(
      got.map((o) => o.studentId),
      list.map((o) => o.studentId),
      key,
    );
    list.forEach((o, i) => {
      for (const w of ['before', 'after'] as const)
        for (const f of ['reported', 'absent', 'invalid'] as const) {
          const [a, b] = [got[i]![w][f], o[w][f]];
          assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${key} ${o.studentId} ${w} ${f}: ${a} ≠ ${b}`);
        }
    });
  }
}

const keys = ['2024-04-15', '2024-05-06', '2024-08-26', '2024-09-02', '2024-09-16', '2024-10-07', '2024-10-21']
  .flatMap((d) => [`${d}|GR`, `${d}|GY`])
  .sort();

test('the comparison pool read once per student gives the sums of one look-up per window: the organiser, a unit, none', async () => {
  for (const units of [null, `{${unit}}`, `{${otherUnit}}`]) {
    const expected = await poolObservationsByWindow(database.db, kommun, keys, units);
    const actual = await poolObservations(database.db, kommun, keys, units);
    assert.ok([...expected.values()].flat().length > (units ? 5 : 40), 'the scenario fills the pool');
    assertSame(actual, expected);
  }
  assert.deepEqual(await poolObservations(database.db, kommun, [], null), new Map());
  assert.deepEqual(
    await poolObservations(database.db, kommun, ['2030-01-06|GY'], null),
    await poolObservationsByWindow(database.db, kommun, ['2030-01-06|GY'], null),
  );
});
