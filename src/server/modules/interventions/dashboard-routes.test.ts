import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { accessLogRows, accountId, fixtureClock, friskola, kommun, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addRisk } from '../../../../test/support/factories/index.ts';
import { buildApp } from '../../app.ts';
import { refreshTenant } from '../early-warning/refresh.ts';
import { loadScenario, scenarioDate } from '../early-warning/test-scenario.ts';
import { dashboardFigures, median } from './dashboard.ts';
import { addCase } from './reporting-fixtures.ts';

// Exempelgymnasiet gets enough cases to show figures; the other unit too few, so its counts are suppressed. The cases'
// students beyond the fixtures are ids only: the dashboard counts, it never reads a person.
const unit = 'a0000000-0000-4000-8000-000000000002';
const otherUnit = 'a0000000-0000-4000-8000-000000000003';
const database = await createTestDatabase();
await loadScenario(database);
await database.db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
const kuratorId = await accountId(database, 'kurator');

// Seven tier-3 students at the unit: Alva and Eva, and five more written into student_risk.
const extra: string[] = [];
for (let n = 0; n < 5; n++) {
  extra.push(await addRisk(database.db, { tenantId: kommun, asOf: scenarioDate, schoolUnitId: unit, tier: 3, flags: ['attendance'] }));
}
// Open cases for Alva and the five: days from onset (or opening) to the first start 3, 5, 7, 10, 20, 30; follow-ups overdue in five.
const spans = [3, 5, 7, 10, 20, 30];
const caseStudents = [students.alva, ...extra];
for (const [i, studentId] of caseStudents.entries()) {
  const start = new Date(Date.parse('2024-09-01T00:00:00Z') + spans[i]! * 86_400_000).toISOString().slice(0, 10);
  await addCase(database.db, {
    tenantId: kommun,
    studentId,
    schoolUnitId: unit,
    responsibleId: kuratorId,
    openedOn: '2024-09-01',
    onset: i % 2 ? '2024-09-01' : null,
    interventions: [
      {
        methodSlug: 'check-and-connect',
        startDate: start,
        outcome: i < 5 ? 'improved' : 'worse',
        followUps: i < 5 ? [{ dueOn: '2024-09-20' }] : [{ dueOn: '2024-10-20' }],
      },
    ],
  });
}
// A closed case (5 days to its first intervention; not open, its overdue follow-up not counted) and two at the other unit.
await addCase(database.db, {
  tenantId: kommun,
  studentId: students.cem,
  schoolUnitId: unit,
  responsibleId: kuratorId,
  openedOn: '2024-08-20',
  status: 'closed',
  closedOn: '2024-09-15',
  interventions: [{ title: 'Samtal', startDate: '2024-08-25', outcome: 'unchanged', followUps: [{ dueOn: '2024-09-01' }] }],
});
for (const studentId of [randomUUID(), randomUUID()]) {
  await addCase(database.db, {
    tenantId: kommun,
    studentId,
    schoolUnitId: otherUnit,
    responsibleId: kuratorId,
    openedOn: '2024-09-10',
    interventions: [{ title: 'Samtal', startDate: '2024-09-12', outcome: 'improved', followUps: [{ dueOn: '2024-09-20' }] }],
  });
}

const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const analyst = await signIn(app, 'analytiker');
const rektor = await signIn(app, 'rektor');
const kurator = await signIn(app, 'kurator');
const call = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const lastLog = async () => (await accessLogRows(database)).at(-1);

test('median: the middle value, or the mean of the two middle values', () => {
  assert.equal(median([30, 3, 7]), 7);
  assert.equal(median([3, 5, 7, 10, 20, 30]), 8.5);
});

test('GET /api/interventions/dashboard: 401, 400 naming the field, 403 for the student-health team (logged), 200 for the analyst (logged without subjects)', async () => {
  assert.equal((await call('/api/interventions/dashboard')).statusCode, 401);
  const bad = await call('/api/interventions/dashboard?schoolUnitId=x', analyst.headers);
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    bad.json().fields.map((f: { field: string }) => f.field),
    ['schoolUnitId'],
  );
  assert.equal((await call('/api/interventions/dashboard', kurator.headers)).statusCode, 403);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['statistics.read', 'denied']);

  const res = await call('/api/interventions/dashboard', analyst.headers);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.ok(!/Testsson|Utanför|Provsson|Exempel /.test(res.body), 'no names');
  assert.ok(![students.alva, ...extra].some((id) => res.body.includes(id)), 'no student ids');
  const at = (id: string) => body.units.find((u: { schoolUnit: { id: string } }) => u.schoolUnit.id === id);
  // The other unit has 2 open cases of 8: primary suppression alone would let a reader subtract 8 − 6 = 2, so the
  // unit's 6 is hidden too ('complementary'), and so on for each count that adds up over the units.
  assert.deepEqual(
    [at(unit).openCases, at(unit).overdueFollowUps, at(unit).medianDaysToFirstIntervention, at(unit).casesWithIntervention],
    [null, null, 7, null],
    "the closed case counts for the median (3, 5, 5, 7, 10, 20, 30); the counts beside the other unit's small ones are hidden",
  );
  assert.deepEqual(at(unit).suppressed, {
    openCases: 'complementary',
    overdueFollowUps: 'complementary',
    casesWithIntervention: 'complementary',
    tier3Total: null,
    tier3WithCase: 'complementary',
  });
  assert.deepEqual(at(unit).tier3, { total: 7, withCase: null, share: null }, '6 of 7 with a case would give away the one without');
  assert.deepEqual(
    [at(otherUnit).openCases, at(otherUnit).overdueFollowUps, at(otherUnit).medianDaysToFirstIntervention],
    [null, null, null],
    '2 cases: suppressed',
  );
  assert.deepEqual([at(otherUnit).suppressed.openCases, at(otherUnit).suppressed.overdueFollowUps], ['small', 'small']);
  assert.deepEqual([body.organiser.openCases, body.organiser.overdueFollowUps, body.organiser.casesWithIntervention], [8, 7, 9]);
  // The subtraction attack: every measure that adds up over the units leaves no suppressed unit alone beside the total.
  const measures = ['openCases', 'overdueFollowUps', 'casesWithIntervention'] as const;
  for (const m of measures) {
    const hidden = body.units.filter((u: Record<string, unknown>) => u[m] === null);
    assert.ok(hidden.length !== 1, `${m}: not exactly one unit hidden beside the shown total ${body.organiser[m]}`);
  }
  const candc = body.outcomes.find((o: { method: { slug: string } | null }) => o.method?.slug === 'check-and-connect');
  assert.deepEqual(candc.outcomes, { improved: 5, unchanged: 0, worse: null }, 'one worse outcome is suppressed');
  assert.deepEqual(candc.suppressed, { improved: null, unchanged: null, worse: 'small' });
  assert.deepEqual(body.outcomes.find((o: { method: unknown }) => o.method === null).outcomes, {
    improved: null,
    unchanged: null,
    worse: 0,
  });
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.dashboard', 'allowed', []],
  );
});

test('the principal sees their own units only; another unit is refused naming schoolUnitId (logged); the outsider sees only their organiser', async () => {
  const res = await call('/api/interventions/dashboard', rektor.headers);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(
    res.json().units.map((u: { schoolUnit: { id: string } }) => u.schoolUnit.id),
    [unit],
  );
  assert.equal(res.json().organiser.openCases, 6, "the total over the principal's units");
  const other = await call(`/api/interventions/dashboard?schoolUnitId=${otherUnit}`, rektor.headers);
  assert.equal(other.statusCode, 403);
  assert.deepEqual(
    other.json().fields.map((f: { field: string }) => f.field),
    ['schoolUnitId'],
  );
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['interventions.dashboard', 'denied']);
  assert.equal((await call(`/api/interventions/dashboard?schoolUnitId=${unit}`, rektor.headers)).json().units.length, 1);

  const outsider = await signIn(app, 'fri-analytiker');
  assert.equal((await call(`/api/interventions/dashboard?schoolUnitId=${unit}`, outsider.headers)).statusCode, 403);
  const theirs = (await call('/api/interventions/dashboard', outsider.headers)).json();
  assert.ok(theirs.units.every((u: { schoolUnit: { id: string } }) => !u.schoolUnit.id.startsWith('a0000000')));
  assert.deepEqual([theirs.organiser.openCases, theirs.outcomes], [0, []]);
  assert.equal((await accessLogRows(database)).at(-1)?.tenant_id, friskola);
});

test('dashboardFigures for the CLI gives the same figures as the route', async () => {
  const figures = await dashboardFigures(database.db, kommun, 'all', scenarioDate);
  const route = (await call('/api/interventions/dashboard', analyst.headers)).json();
  assert.deepEqual(JSON.parse(JSON.stringify(figures)), route);
});
