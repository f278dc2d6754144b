import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { friskola, kommun, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { clearAttendance } from '../../../../test/support/factories/index.ts';
import { queryRows } from '../../db/client.ts';
import { studentMeasures } from './measures.ts';
import { studentEarlyWarning } from './queries.ts';
import { measureKeys } from './risk-measures.ts';
import { refreshTenant, RefreshRefused } from './refresh.ts';
import { loadScenario, scenarioDate } from './test-scenario.ts';

const database = await createTestDatabase();
await loadScenario(database);
const refresh = (asOf: string, tenant = kommun) => database.db.transaction((tx) => refreshTenant(tx, tenant, asOf));
const risk = async (id: string) =>
  (
    await queryRows<{ tier: number; flags: string[]; data_status: string }>(
      database.db,
      sql`
  SELECT tier, flags, data_status FROM student_risk WHERE student_id = ${id}::uuid`,
    )
  )[0];
const episodes = (id: string) =>
  queryRows<{ indicator: string; onset: string; last_seen: string; status: string; resolved_on: string | null }>(
    database.db,
    sql`
  SELECT indicator, onset::text, last_seen::text, status, resolved_on::text FROM indicator_episodes WHERE student_id = ${id}::uuid ORDER BY indicator, onset`,
  );

test('measures: lesson windows, an unreported lesson is not absence, a monthly sum counts by the days it shares with a window', async () => {
  const byId = new Map((await studentMeasures(database.db, kommun, scenarioDate)).map((m) => [m.studentId, m]));
  const alva = byId.get(students.alva);
  assert.ok(alva);
  assert.equal(alva.offeredTerm, 22 * 80);
  assert.equal(alva.invalidTerm, 6 * 80);
  assert.equal(alva.invalidMonthMax, 6 * 80, 'September: six unexcused lessons');
  const bo = byId.get(students.bo);
  assert.deepEqual([bo?.offeredTerm, bo?.absentTerm, bo?.reportedDays45], [0, 0, 0], 'nothing reported: nothing offered, nothing absent');
  assert.equal(byId.get(students.eva)?.longestAbsenceDays, 10);
  const [dana] = await studentMeasures(database.db, friskola, scenarioDate);
  assert.equal(dana?.studentId, students.dana);
  assert.equal(dana?.offeredTerm, 2000);
  assert.ok(Math.abs((dana?.offered4w ?? 0) - (2000 * 27) / 30) < 1e-9, 'Sep 4–30 of the September sum lies in the last four weeks');
});

test('refresh: tiers with their flags; excused absence stays tier 1; no reported attendance is insufficient data', async () => {
  const summary = await refresh(scenarioDate);
  assert.equal(summary.students, 4);
  assert.deepEqual(await risk(students.alva), { tier: 3, flags: ['attendance', 'csn-invalid-absence'], data_status: 'ok' });
  // Cem is on an introduktionsprogram: one caution, tier 1; newly arrived and his three sick days show but do not count.
  assert.deepEqual(await risk(students.cem), { tier: 1, flags: ['introduction'], data_status: 'ok' });
  // Bo has an F and failed points but no reported attendance: his tier comes from the grades, no probability is given.
  assert.deepEqual(await risk(students.bo), {
    tier: 2,
    flags: ['failed-grades', 'points-at-risk', 'introduction'],
    data_status: 'insufficient',
  });
  assert.equal((await risk(students.eva))?.tier, 3);
  assert.ok((await risk(students.eva))?.flags.includes('long-absence'));
  assert.deepEqual(
    (await episodes(students.cem)).map((e) => e.indicator),
    ['introduction', 'newly-arrived', 'valid-absence'],
  );
});

test('the risk row keeps the summary the pages show; a second refresh the same day rewrites nothing', async () => {
  // The refresh above was the organiser's first (written without looking for stored rows); this one meets them.
  const stored = () =>
    queryRows(
      database.db,
      sql`
    SELECT student_id, as_of::text, tier, flags, probability, attendance_4w, attendance_term, invalid_term, failed_grades,
      reported_days_45, updated_at::text FROM student_risk WHERE tenant_id = ${kommun}::uuid ORDER BY student_id`,
    );
  const { risk: alva } = await studentEarlyWarning(database.db, kommun, students.alva);
  assert.deepEqual(Object.keys(alva?.measures ?? {}).sort(), [...measureKeys].sort());
  assert.equal(alva?.measures.invalidTerm, Math.round(((6 * 80) / (22 * 80)) * 1000) / 1000, 'six unexcused lessons of 22');
  assert.equal(alva?.measures.failedGrades, 0);
  const { risk: bo } = await studentEarlyWarning(database.db, kommun, students.bo);
  assert.equal(bo?.measures.attendanceTerm, null, 'nothing reported: no attendance share');
  const before = await stored();
  const episodesBefore = await episodes(students.cem);
  await refresh(scenarioDate);
  assert.deepEqual(await stored(), before, 'the same inputs on the same day: no row rewritten');
  assert.deepEqual(await episodes(students.cem), episodesBefore);
});

test('episodes keep their onset, resolve when the signal stops, and are deleted 365 days after last seen', async () => {
  await refresh('2024-10-08');
  const kept = (await episodes(students.alva)).find((e) => e.indicator === 'attendance');
  assert.deepEqual([kept?.onset, kept?.last_seen, kept?.status], [scenarioDate, '2024-10-08', 'active']);
  await clearAttendance(database.db, { tenantId: kommun, studentId: students.alva });
  await refresh('2024-10-15');
  const resolved = (await episodes(students.alva)).find((e) => e.indicator === 'attendance');
  assert.deepEqual([resolved?.status, resolved?.resolved_on, resolved?.onset], ['resolved', '2024-10-15', scenarioDate]);
  await assert.rejects(refresh('2024-10-09'), RefreshRefused, 'an older date than the last refresh is refused');
  await refresh('2025-10-09');
  assert.deepEqual(await episodes(students.alva), [], 'last seen 2024-10-08: gone after 365 days');
  const history = await queryRows<{ as_of: string }>(
    database.db,
    sql`
    SELECT as_of::text FROM student_risk_history WHERE student_id = ${students.alva}::uuid ORDER BY as_of`,
  );
  assert.deepEqual(
    history.map((h) => h.as_of),
    ['2024-10-15', '2025-10-09'],
    'weekly history older than 365 days is deleted too',
  );
});

/** The kommun students with a point of the trend on `day`. */
const points = async (day: string) =>
  (
    await queryRows<{ student_id: string }>(
      database.db,
      sql`SELECT student_id FROM student_risk_history WHERE tenant_id = ${kommun}::uuid AND as_of = ${day}::date ORDER BY student_id`,
    )
  ).map((r) => r.student_id);

/** Cancels every current enrolment of kommun's students (they leave); returns how to undo it. */
async function everyoneLeaves(): Promise<() => Promise<void>> {
  const cancelled = await queryRows<{ person_id: string; ordinal: number }>(
    database.db,
    sql`UPDATE enrolments SET cancelled = true WHERE tenant_id = ${kommun}::uuid AND NOT cancelled RETURNING person_id, ordinal`,
  );
  return async () => {
    for (const e of cancelled)
      await database.db.execute(
        sql`UPDATE enrolments SET cancelled = false WHERE tenant_id = ${kommun}::uuid AND person_id = ${e.person_id}::uuid AND ordinal = ${e.ordinal}`,
      );
  };
}

test("the trend keeps each day as the day's last refresh saw it: a student who leaves loses the day's point, and gets it back on return", async () => {
  const day = '2025-10-10';
  const enrolled = (cancelled: boolean) =>
    database.db.execute(sql`UPDATE enrolments SET cancelled = ${cancelled} WHERE person_id = ${students.eva}::uuid`);
  await refresh(day);
  const everyone = await points(day);
  assert.ok(everyone.includes(students.eva));
  await enrolled(true);
  try {
    await refresh(day);
    assert.equal(await risk(students.eva), undefined, 'no longer enrolled: no risk row');
    assert.deepEqual(
      await points(day),
      everyone.filter((id) => id !== students.eva),
      "the others keep the day's point",
    );
  } finally {
    await enrolled(false);
  }
  await refresh(day);
  assert.deepEqual(await points(day), everyone, 'back the same day: one point each again');
  // Everyone gone and back the same day: the refresh in between leaves no risk row and no point of the day.
  const back = await everyoneLeaves();
  try {
    assert.equal((await refresh(day)).students, 0);
    assert.deepEqual(await points(day), []);
  } finally {
    await back();
  }
  await refresh(day);
  assert.deepEqual(await points(day), everyone);
});

test('refreshes go in date order by the risk rows too; an organiser left without rows may refresh an older day, one point each', async () => {
  // An organiser whose students never had an indicator: no episode says how far its refreshes have come.
  const noEpisodes = () => database.db.execute(sql`DELETE FROM indicator_episodes WHERE tenant_id = ${kommun}::uuid`);
  await noEpisodes();
  await assert.rejects(refresh('2025-10-09'), RefreshRefused, 'older than the risk rows of 2025-10-10');
  const before = await points('2025-10-09');
  assert.ok(before.length > 0, 'the older day has its points');
  const back = await everyoneLeaves();
  try {
    assert.equal((await refresh('2025-10-10')).students, 0);
  } finally {
    await back();
  }
  await noEpisodes();
  // Nothing stored says a later day was refreshed: the older day is refreshed again, over its stored points.
  assert.ok((await refresh('2025-10-09')).students > 0);
  assert.deepEqual(await points('2025-10-09'), before);
});
