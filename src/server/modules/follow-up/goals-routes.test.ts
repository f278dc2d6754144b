import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogRows, fixtureClock, kommun, loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';
import { goalsApi } from '../../../shared/follow-up/goals.ts';
import { addFormerStudent } from './test-cohort.ts';

// Two measured cohorts at Exempelgymnasiet: 2018 (measured within 4 years in 2022: 10 of 40 without a diploma) and
// 2019 (2023: 6 of 30 without).
const unit = 'a0000000-0000-4000-8000-000000000002';
const na = { tenantId: kommun, schoolUnitId: unit, programmeId: 'b0000000-0000-4000-8000-000000000001', programmeCode: 'NA' };
const database = await createTestDatabase();
await loadAccessFixtures(database);
for (const [year, done, left] of [
  [2018, 30, 10],
  [2019, 24, 6],
] as const) {
  const start = `${year}-08-15`;
  for (let i = 0; i < done; i++)
    await addFormerStudent(database.db, { ...na, startDate: start, endDate: `${year + 3}-06-15`, examen: `${year + 3}-06-10` });
  for (let i = 0; i < left; i++) await addFormerStudent(database.db, { ...na, startDate: start, endDate: `${year + 1}-12-31` });
}

const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const analyst = await signIn(app, 'analytiker');
const admin = await signIn(app, 'admin');
const kurator = await signIn(app, 'kurator');
const lastLog = async () => (await accessLogRows(database)).at(-1);
const goal = {
  name: 'Halvera andelen utan examen inom 4 år',
  outcome: 'examen',
  years: 4,
  baselineYear: 2022,
  baselineShare: null,
  targetYear: 2030,
  targetShare: 0.125,
};

test('PUT /api/follow-up/goal-settings: 401, 400 naming the field in the request’s language, 403 for the analyst, 200 for the administrator (logged)', async () => {
  const put = (payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'PUT',
      url: '/api/follow-up/goal-settings',
      headers: { 'x-fullfolj-csrf': '1', ...headers },
      payload: payload as object,
    });
  assert.equal((await put({ goals: [goal] })).statusCode, 401);
  const bad = await put({ goals: [{ ...goal, targetYear: 2020 }] }, admin.headers);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error ?? bad.json().message, /Målår: måste komma efter utgångsåret/);
  const outOfRange = await put({ goals: [{ ...goal, targetShare: 1.5 }] }, admin.headers);
  assert.equal(outOfRange.statusCode, 400);
  assert.match(outOfRange.body, /Högsta andel utan vid målåret/);
  assert.equal((await put({ goals: [goal] }, analyst.headers)).statusCode, 403);
  const ok = await put({ goals: [goal] }, admin.headers);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(goalsApi.save.response.parse(ok.json()).goals.length, 1);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['follow-up.goals.save', 'allowed']);
  const read = await app.inject({ method: 'GET', url: '/api/follow-up/goal-settings', headers: admin.headers });
  assert.equal(read.json().goals[0].name, goal.name);
});

test('GET /api/follow-up/goals: the actual series beside the straight path, and whether the latest figure is on it', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/follow-up/goals' })).statusCode, 401);
  assert.equal((await app.inject({ method: 'GET', url: '/api/follow-up/goals?x=1', headers: analyst.headers })).statusCode, 400);
  assert.equal((await app.inject({ method: 'GET', url: '/api/follow-up/goals', headers: kurator.headers })).statusCode, 403);
  const res = await app.inject({ method: 'GET', url: '/api/follow-up/goals', headers: analyst.headers });
  assert.equal(res.statusCode, 200, res.body);
  const [progress] = goalsApi.progress.response.parse(res.json()).goals;
  assert.ok(progress);
  assert.equal(progress.baseline, 0.25, 'the own figure for 2022: 10 of 40');
  const y2023 = progress.trajectory.find((p) => p.year === 2023)!;
  assert.ok(Math.abs(y2023.actual! - 0.2) < 1e-12, '6 of 30');
  assert.ok(Math.abs(y2023.path! - (0.25 - 0.125 / 8)) < 1e-12);
  assert.equal(progress.status, 'on-track');
  const log = await lastLog();
  assert.deepEqual([log?.action, log?.outcome, log?.subject_ids, log?.tenant_id], ['follow-up.goals', 'allowed', [], kommun]);
});
