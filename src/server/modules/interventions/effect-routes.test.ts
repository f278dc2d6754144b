import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, accountId, friskola, kommun, loadAccessFixtures, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { clearAttendance, createCase, createIntervention, methodId, openCaseOf } from '../../../../test/support/factories/index.ts';
import { queryRows, type Database } from '../../db/client.ts';
import { buildApp } from '../../app.ts';
import { addLessons, schoolDays } from '../early-warning/test-scenario.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
await clearAttendance(database.db, 'all');
// Alva misses every fourth lesson (unexcused) from September until her counselling starts on 7 October, then none.
await addLessons(
  database,
  kommun,
  students.alva,
  schoolDays('2024-09-02', '2024-12-13').map((date, i) => ({ date, invalid: date < '2024-10-07' && i % 4 === 0 ? 80 : 0 })),
);

/** One intervention of `slug` for a student, in their open case (opened here when there is none); returns its id. */
async function caseWithIntervention(
  db: Database,
  tenantId: string,
  studentId: string,
  unitId: string,
  responsible: string,
  slug: string,
  startDate: string,
): Promise<string> {
  const caseId =
    (await openCaseOf(db.db, tenantId, studentId)) ??
    (await createCase(db.db, { tenantId, studentId, schoolUnitId: unitId, responsibleId: responsible }));
  return createIntervention(db.db, {
    tenantId,
    caseId,
    studentId,
    methodId: await methodId(db.db, slug),
    title: slug,
    responsibleId: responsible,
    startDate,
  });
}

const kommunUnit = 'a0000000-0000-4000-8000-000000000002';
const kurator = await accountId(database, 'kurator');
const alvaCounselling = await caseWithIntervention(database, kommun, students.alva, kommunUnit, kurator, 'counselling', '2024-10-07');
const alvaMentoring = await caseWithIntervention(database, kommun, students.alva, kommunUnit, kurator, 'mentoring', '2024-11-25');
const [danaUnit] = await queryRows<{ school_unit_id: string }>(
  database.db,
  sql`SELECT school_unit_id FROM enrolments WHERE person_id = ${students.dana}::uuid LIMIT 1`,
);
const danaIntervention = await caseWithIntervention(
  database,
  friskola,
  students.dana,
  danaUnit?.school_unit_id ?? kommunUnit,
  await accountId(database, 'fri-kurator'),
  'mentoring',
  '2024-10-07',
);

const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: () => new Date('2024-12-15T10:00:00+01:00') });
const call = async (url: string, username?: string) =>
  app.inject({ method: 'GET', url, headers: username ? (await signIn(app, username)).headers : {} });
const lastLog = async () => (await accessLogRows(database)).at(-1);

test('GET /api/interventions/interventions/:id/effect: 401, 400 naming the field, 403, 404 out of scope (logged), 200 (logged with the student)', async () => {
  assert.equal((await call(`/api/interventions/interventions/${alvaCounselling}/effect`)).statusCode, 401);
  const bad = await call('/api/interventions/interventions/nope/effect', 'kurator');
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    bad.json().fields.map((f: { field: string }) => f.field),
    ['id'],
  );
  assert.equal((await call(`/api/interventions/interventions/${alvaCounselling}/effect`, 'larare')).statusCode, 403);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['interventions.read', 'denied']);

  const other = await call(`/api/interventions/interventions/${danaIntervention}/effect`, 'kurator');
  assert.equal(other.statusCode, 404, "another organiser's intervention");
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.effect', 'denied', []],
  );
  const outsider = await call(`/api/interventions/interventions/${alvaCounselling}/effect`, 'fri-kurator');
  assert.equal(outsider.statusCode, 404, "the other organiser's kurator");
  assert.deepEqual([(await lastLog())?.outcome, (await lastLog())?.tenant_id], ['denied', friskola]);
  assert.equal((await call(`/api/interventions/interventions/${randomUUID()}/effect`, 'kurator')).statusCode, 404);

  const res = await call(`/api/interventions/interventions/${alvaCounselling}/effect`, 'kurator');
  assert.equal(res.statusCode, 200);
  const effect = res.json();
  assert.equal(effect.status, 'ok');
  assert.deepEqual(
    [effect.before.from, effect.before.to, effect.after.from, effect.after.to],
    ['2024-09-09', '2024-10-06', '2024-11-04', '2024-12-01'],
  );
  assert.deepEqual([effect.before.attendanceRate, effect.before.invalidAbsenceRate], [0.75, 0.25]);
  assert.deepEqual(effect.change, { attendanceRate: 0.25, invalidAbsenceRate: -0.25 });
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids, (await lastLog())?.account_id],
    ['interventions.effect', 'allowed', [students.alva], kurator],
  );

  const early = (await call(`/api/interventions/interventions/${alvaMentoring}/effect`, 'kurator')).json();
  assert.equal(early.status, 'too-early');
});

test('GET /api/interventions/effects: 401, 400, 403 for the student-health team (logged), 200 without names and suppressed, per organiser', async () => {
  assert.equal((await call('/api/interventions/effects')).statusCode, 401);
  const bad = await call('/api/interventions/effects?x=1', 'analytiker');
  assert.equal(bad.statusCode, 400);
  assert.equal((await call('/api/interventions/effects', 'kurator')).statusCode, 403);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['statistics.read', 'denied']);

  const res = await call('/api/interventions/effects', 'analytiker');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.ok(!JSON.stringify(body).includes('Alva') && !JSON.stringify(body).includes(students.alva), 'no names, no ids');
  const counselling = body.methods.find((m: { method: { slug: string } }) => m.method.slug === 'counselling');
  assert.deepEqual(
    { n: counselling.n, change: counselling.change, difference: counselling.difference },
    { n: null, change: null, difference: null },
    'one student: suppressed',
  );
  assert.match(body.caveat.sv, /ingen randomiserad studie/);
  assert.match(body.caveat.en, /not a randomised trial/);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.effects', 'allowed', []],
  );

  // The other organiser's analyst sees only their own organiser's methods: Dana's mentoring, not Alva's counselling.
  const outsider = (await call('/api/interventions/effects', 'fri-analytiker')).json();
  assert.deepEqual(
    outsider.methods.map((m: { method: { slug: string } }) => m.method.slug),
    ['mentoring'],
  );
  // The principal sees the cases of their units.
  assert.equal((await call('/api/interventions/effects', 'rektor')).statusCode, 200);
});
