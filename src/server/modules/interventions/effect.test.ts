import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accountId, kommun, loadAccessFixtures, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import {
  addStudent as addStudentRow,
  clearAttendance,
  createCase,
  createIntervention,
  recordAggregatedAttendance,
} from '../../../../test/support/factories/index.ts';
import { queryRows } from '../../db/client.ts';
import { addLessons, schoolDays } from '../early-warning/test-scenario.ts';
import {
  attendanceInWindows,
  changeOf,
  effectWindows,
  interventionEffect,
  matchNearest,
  methodEffects,
  standardErrorOfDifference,
  tooEarly,
} from './effect.ts';

const unit = 'a0000000-0000-4000-8000-000000000002';
const start = '2024-10-07';
const today = '2024-12-15';
const { before, after } = effectWindows(start);
const beforeDays = schoolDays(before.from, before.to);
const afterDays = schoolDays(after.from, after.to);

const database = await createTestDatabase();
await loadAccessFixtures(database);
await clearAttendance(database.db, 'all');
const kurator = await accountId(database, 'kurator');

/** A GY student at the fixtures' upper-secondary unit. */
async function addStudent(name: string): Promise<string> {
  return addStudentRow(database.db, { tenantId: kommun, givenName: name, schoolUnitId: unit });
}
/** One 80-minute lesson per school day of each window, the first `absentBefore` / `absentAfter` of them missed unexcused. */
async function lessons(studentId: string, absentBefore: number, absentAfter: number): Promise<void> {
  await addLessons(database, kommun, studentId, [
    ...beforeDays.map((date, i) => ({ date, invalid: i < absentBefore ? 80 : 0 })),
    ...afterDays.map((date, i) => ({ date, invalid: i < absentAfter ? 80 : 0 })),
  ]);
}
async function methodId(slug: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM knowledge_records WHERE slug = ${slug}`);
  assert.ok(row);
  return row.id;
}
/** A case with one intervention of `method` for the student; returns the intervention's id. */
async function treat(studentId: string, method: string, startDate = start, status: 'planned' | 'active' = 'active'): Promise<string> {
  const caseId = await createCase(database.db, { tenantId: kommun, studentId, schoolUnitId: unit, responsibleId: kurator });
  return createIntervention(database.db, {
    tenantId: kommun,
    caseId,
    studentId,
    methodId: await methodId(method),
    title: method,
    responsibleId: kurator,
    startDate,
    status,
  });
}

test('windows: the 4 weeks before the start and weeks 4–8 after; too early until week 8 has passed', () => {
  assert.deepEqual(effectWindows('2024-10-07'), {
    before: { from: '2024-09-09', to: '2024-10-06' },
    after: { from: '2024-11-04', to: '2024-12-01' },
  });
  assert.equal(tooEarly('2024-10-07', '2024-12-01'), true);
  assert.equal(tooEarly('2024-10-07', '2024-12-02'), false);
});

test('matching: nearest on attendance and unexcused absence before, without replacement, ties by id', () => {
  const obs = (studentId: string, absentBefore: number, absentAfter = absentBefore) => ({
    studentId,
    before: { reported: 1600, absent: absentBefore * 80, invalid: absentBefore * 80 },
    after: { reported: 1600, absent: absentAfter * 80, invalid: absentAfter * 80 },
  });
  const used = new Set<string>();
  const candidates = [
    obs('c-far', 10),
    obs('c-near', 3),
    obs('c-b', 4),
    obs('c-a', 4),
    { ...obs('c-thin', 2), after: { reported: 100, absent: 0, invalid: 0 } },
  ];
  const pairs = matchNearest([obs('t1', 4), obs('t2', 4), obs('t3', 2)], candidates, used);
  // t1 takes the tie's lower id, t2 the other, t3 (2 absences) cannot have the thin candidate (too little after) and gets 3.
  assert.deepEqual(
    pairs.map((p) => p.comparison?.studentId),
    ['c-a', 'c-b', 'c-near'],
  );
  const change = changeOf(obs('x', 4, 2).before, obs('x', 4, 2).after);
  assert.ok(change && Math.abs(change.attendanceRate - 0.1) < 1e-9 && Math.abs(change.invalidAbsenceRate + 0.1) < 1e-9);
});

test('one intervention: before and after read from lessons and prorated monthly sums; too early and no data', async () => {
  const s = await addStudent('Frida');
  await lessons(s, 5, 1);
  const effect = await interventionEffect(database.db, kommun, { studentId: s, startDate: start }, today);
  assert.equal(effect.status, 'ok');
  assert.deepEqual([effect.before.attendanceRate, effect.before.invalidAbsenceRate, effect.before.reportedMinutes], [0.75, 0.25, 1600]);
  assert.deepEqual([effect.after.attendanceRate, effect.after.invalidAbsenceRate], [0.95, 0.05]);
  assert.deepEqual(effect.change, { attendanceRate: 0.2, invalidAbsenceRate: -0.2 });
  const early = await interventionEffect(database.db, kommun, { studentId: s, startDate: start }, '2024-11-20');
  assert.equal(early.status, 'too-early');
  assert.equal(early.after.attendanceRate, null, 'nothing after the start is shown while it is too early');
  assert.equal(early.before.attendanceRate, 0.75);
  assert.equal((await interventionEffect(database.db, kommun, { studentId: students.bo, startDate: start }, today)).status, 'no-data');

  // A monthly sum over 1–30 September (30 days, 2400 minutes reported, 600 unexcused): 22 of its days fall in 9 Sep – 6 Oct.
  const g = await addStudent('Gustav');
  await recordAggregatedAttendance(database.db, {
    tenantId: kommun,
    studentId: g,
    startDate: '2024-09-01',
    endDate: '2024-09-30',
    attended: 1800,
    invalidAbsence: 600,
    reported: 2400,
    offered: 2400,
  });
  const [sums] = await attendanceInWindows(database.db, kommun, [{ studentId: g, ...before }]);
  assert.ok(sums);
  assert.ok(Math.abs(sums.reported - (2400 * 22) / 30) < 1e-6 && Math.abs(sums.invalid - (600 * 22) / 30) < 1e-6, JSON.stringify(sums));
});

test('per method: treated against matched students without the method; under five suppressed', async () => {
  // Five treated students missing 2, 4, 6, 8, 10 of 20 lessons before and half as many after: +5, +10 … +25 points.
  const treated: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const id = await addStudent(`Behandlad${i}`);
    await lessons(id, 2 * i, i);
    await treat(id, 'mentoring');
    treated.push(id);
  }
  // Twins for the first four (same before, no change); for the fifth the nearest without the method misses 9.
  for (let i = 1; i <= 4; i++) await lessons(await addStudent(`Tvilling${i}`), 2 * i, 2 * i);
  await lessons(await addStudent('Nära'), 9, 9);
  await lessons(await addStudent('Långt bort'), 0, 5);
  // An exact twin of the fifth who has had mentoring (planned, elsewhere in time) is no comparison for mentoring.
  const hadMethod = await addStudent('Hade metoden');
  await lessons(hadMethod, 10, 0);
  await treat(hadMethod, 'mentoring', '2024-12-10', 'planned');
  // Two with counselling: one measured, one too early.
  const c1 = await addStudent('Samtal1');
  await lessons(c1, 7, 0);
  await treat(c1, 'counselling');
  await treat(await addStudent('Samtal2'), 'counselling', '2024-11-25');

  const effects = await methodEffects(database.db, kommun, 'all', today);
  const mentoring = effects.find((e) => e.method.slug === 'mentoring');
  assert.ok(mentoring);
  assert.equal(mentoring.n, 5);
  assert.deepEqual(mentoring.change, { attendanceRate: 0.15, invalidAbsenceRate: -0.15 });
  assert.deepEqual(mentoring.comparison, { n: 5, change: { attendanceRate: 0, invalidAbsenceRate: 0 } });
  assert.deepEqual(mentoring.difference, { attendanceRate: 0.15, invalidAbsenceRate: -0.15 });
  const se = mentoring.differenceStandardError;
  assert.ok(se !== null && se > 0 && se < 0.15, `a standard error beside the difference: ${se}`);
  assert.deepEqual(mentoring.excluded, { tooEarly: 0, noData: 0 }, 'the planned one is left out, not counted');
  const counselling = effects.find((e) => e.method.slug === 'counselling');
  assert.deepEqual(
    counselling && { n: counselling.n, change: counselling.change, comparison: counselling.comparison, excluded: counselling.excluded },
    { n: null, change: null, comparison: { n: null, change: null }, excluded: { tooEarly: null, noData: 0 } },
    'one measured, one too early: suppressed',
  );
  // A principal's view limited to another unit sees nothing.
  assert.deepEqual(await methodEffects(database.db, kommun, ['a0000000-0000-4000-8000-000000000003'], today), []);
});

test('the standard error of a difference of means: √(s²ₜ/nₜ + s²꜀/n꜀), none with fewer than two in a group', () => {
  // Treated 0.1, 0.2, 0.3 (variance 0.01), comparison 0, 0.1 (variance 0.005): √(0.01/3 + 0.005/2).
  const se = standardErrorOfDifference([0.1, 0.2, 0.3], [0, 0.1]);
  assert.ok(se !== null && Math.abs(se - Math.sqrt(0.01 / 3 + 0.005 / 2)) < 1e-12, String(se));
  assert.equal(standardErrorOfDifference([0.1], [0, 0.1]), null);
});
