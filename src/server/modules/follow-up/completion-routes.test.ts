import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogRows, fixtureClock, kommun, loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';
import { completion } from '../../../shared/follow-up/completion.ts';
import { addFormerStudent } from './test-cohort.ts';

// The 2019 cohort at Exempelgymnasiet's natural-science programme: 31 starters with a personnummer, one without.
const unit = 'a0000000-0000-4000-8000-000000000002';
const na = { programmeId: 'b0000000-0000-4000-8000-000000000001', programmeCode: 'NA' };
const database = await createTestDatabase();
await loadAccessFixtures(database);
const former = { tenantId: kommun, schoolUnitId: unit, ...na, startDate: '2019-08-15' };
for (let i = 0; i < 20; i++) await addFormerStudent(database.db, { ...former, endDate: '2022-06-15', examen: '2022-06-10' });
for (let i = 0; i < 6; i++) await addFormerStudent(database.db, { ...former, endDate: '2023-06-15', examen: '2023-06-10' });
for (let i = 0; i < 5; i++) await addFormerStudent(database.db, { ...former, endDate: '2020-12-31' });
await addFormerStudent(database.db, { ...former, endDate: '2022-06-15', examen: '2022-06-10', civicNoKind: 'samordningsnummer' });

const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const analyst = await signIn(app, 'analytiker');
const kurator = await signIn(app, 'kurator');
const call = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const lastLog = async () => (await accessLogRows(database)).at(-1);

test('GET /api/follow-up/completion: 401, 400, 403 for the student-health team (logged), 200 for the analyst (logged without subjects)', async () => {
  assert.equal((await call('/api/follow-up/completion')).statusCode, 401);
  assert.equal((await call('/api/follow-up/completion?grupp=1', analyst.headers)).statusCode, 400);
  assert.equal((await call('/api/follow-up/completion', kurator.headers)).statusCode, 403);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['statistics.read', 'denied']);

  const res = await call('/api/follow-up/completion', analyst.headers);
  assert.equal(res.statusCode, 200, res.body);
  const body = completion.parse(res.json());
  assert.equal(body.organiser.name.length > 0, true);
  const c2019 = body.cohorts.find((c) => c.startYear === 2019)!;
  const all = c2019.groups.find((g) => g.dimension === 'all')!;
  assert.equal(all.starters, 31, 'the starter without a personnummer is left out, as in Kolada');
  const [y3, y4, y5] = all.within;
  assert.deepEqual([y3?.years, y3?.by, y3?.examen, y3?.studiebevis, y3?.studying, y3?.left], [3, '2022-06-30', 20, 0, 6, 5]);
  assert.equal(y3?.share.examen, 20 / 31);
  assert.deepEqual([y4?.examen, y4?.studiebevis, y4?.left, y4?.share.examenOrStudiebevis], [26, 0, 5, 26 / 31]);
  assert.deepEqual([y5?.years, y5?.by, y5?.examen], [5, '2024-06-30', 26]);
  assert.equal(body.cohorts.find((c) => c.startYear === 2024)?.groups[0]?.within.length, 0, 'this year’s starters have reached no horizon');
  // The programme row equals the total; the home municipality's too: the same figures, named.
  assert.deepEqual(
    c2019.groups.filter((g) => g.dimension === 'programme').map((g) => [g.name.sv, g.starters]),
    [['Naturvetenskapsprogrammet', 31]],
  );
  const log = await lastLog();
  assert.deepEqual([log?.action, log?.outcome, log?.subject_ids, log?.tenant_id], ['follow-up.completion', 'allowed', [], kommun]);
});
