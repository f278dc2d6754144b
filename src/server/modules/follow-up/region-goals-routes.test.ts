import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogRows, fixtureClock, kommun, loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';
import { regionGoalsApi } from '../../../shared/follow-up/region-goals.ts';
import { addFormerStudent } from './test-cohort.ts';

// The 2019 cohort at the fixture organiser (Göteborg, in Västra Götaland): 24 with a diploma within three years, 6 who left.
const na = {
  tenantId: kommun,
  schoolUnitId: 'a0000000-0000-4000-8000-000000000002',
  programmeId: 'b0000000-0000-4000-8000-000000000001',
  programmeCode: 'NA',
  startDate: '2019-08-15',
};
const database = await createTestDatabase();
await loadAccessFixtures(database);
const ids: string[] = [];
for (let i = 0; i < 24; i++) ids.push(await addFormerStudent(database.db, { ...na, endDate: '2022-06-15', examen: '2022-06-10' }));
for (let i = 0; i < 6; i++) ids.push(await addFormerStudent(database.db, { ...na, endDate: '2020-12-31' }));

const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const region = await signIn(app, 'region');
const steering = await signIn(app, 'styrgrupp');
const analyst = await signIn(app, 'analytiker');
const url = '/api/follow-up/region-goals';
const goal = {
  name: 'Halvera andelen utan examen i regionen',
  outcome: 'examen',
  years: 4,
  baselineYear: 2022,
  baselineShare: 0.3,
  targetYear: 2030,
  targetShare: 0.1,
};
const put = (headers: Record<string, string>, goals: unknown[]) => app.inject({ method: 'PUT', url, headers, payload: { goals } });
const lastLog = async () => (await accessLogRows(database)).at(-1);

test('region goals: 401, 400 naming the field, 403 for roles without the region, 200 for the coordinator and (reading) the steering group, logged', async () => {
  assert.equal((await app.inject({ method: 'GET', url })).statusCode, 401);
  assert.equal((await app.inject({ method: 'PUT', url, headers: { 'x-fullfolj-csrf': '1' }, payload: { goals: [] } })).statusCode, 401);
  const bad = await put(region.headers, [{ ...goal, targetYear: 3000 }]);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Målår/);
  assert.ok(!bad.body.includes('3000'), 'the value is not echoed');
  const backwards = await put(region.headers, [{ ...goal, targetYear: 2020 }]);
  assert.equal(backwards.statusCode, 400);
  assert.match(backwards.body, /Målår: måste komma efter utgångsåret/);
  assert.equal((await app.inject({ method: 'GET', url, headers: analyst.headers })).statusCode, 403);
  assert.equal((await put(steering.headers, [goal])).statusCode, 403);
  assert.equal((await put(analyst.headers, [goal])).statusCode, 403);

  const saved = await put(region.headers, [goal]);
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(
    regionGoalsApi.save.response.parse(saved.json()).goals.map((g) => g.name),
    [goal.name],
  );
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['region-report.write', 'allowed']);

  const res = await app.inject({ method: 'GET', url, headers: region.headers });
  assert.equal(res.statusCode, 200, res.body);
  const answer = regionGoalsApi.read.response.parse(res.json());
  assert.equal(answer.region.sv, 'Västra Götaland');
  // The region's 2019 cohort within 4 years: 24 of 30 with a diploma; 20 % without, below the path's 27.5 % in 2023.
  assert.deepEqual(
    answer.cohorts.find((c) => c.startYear === 2019 && c.years === 4),
    { startYear: 2019, years: 4, examen: 24 / 30, examenOrStudiebevis: 24 / 30 },
  );
  const [progress] = answer.goals;
  assert.equal(progress?.status, 'on-track');
  assert.equal(progress?.latest?.year, 2023);
  assert.ok(Math.abs(progress!.latest!.actual - 0.2) < 1e-12 && Math.abs(progress!.latest!.path - 0.275) < 1e-12);
  for (const id of ids) assert.ok(!res.body.includes(id), 'no student id');
  const row = await lastLog();
  assert.deepEqual([row?.action, row?.outcome, row?.subject_ids], ['region.read', 'allowed', []]);
  // The steering group reads the same aggregates (as in the published reports) but does not set the goals.
  const read = await app.inject({ method: 'GET', url, headers: steering.headers });
  assert.equal(read.statusCode, 200, read.body);
  assert.deepEqual(
    regionGoalsApi.read.response.parse(read.json()).goals.map((g) => g.status),
    ['on-track'],
  );
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['region.read', 'allowed']);
});
