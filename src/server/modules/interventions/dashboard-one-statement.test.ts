import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { accountId, friskola, kommun, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addRisk } from '../../../../test/support/factories/index.ts';
import { refreshTenant } from '../early-warning/refresh.ts';
import { loadScenario, scenarioDate } from '../early-warning/test-scenario.ts';
import { dashboardFigures } from './dashboard.ts';
import { dashboardFiguresOracle } from './dashboard-oracle.ts';
import { addCase } from './reporting-fixtures.ts';

// Two units: one with cases enough to show figures (an even number of spans, so the median is a mean of two), one
// with a few (suppressed), tier-3 students with and without open cases, closed cases, overdue and future follow-ups,
// methods and free interventions with every outcome.
const unit = 'a0000000-0000-4000-8000-000000000002';
const otherUnit = 'a0000000-0000-4000-8000-000000000003';
const database = await createTestDatabase();
await loadScenario(database);
await database.db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
const kuratorId = await accountId(database, 'kurator');
const outcomes = ['improved', 'unchanged', 'worse', null] as const;
for (let i = 0; i < 14; i++) {
  const schoolUnitId = i % 3 === 2 ? otherUnit : unit;
  const studentId =
    i === 0 ? students.alva : await addRisk(database.db, { tenantId: kommun, asOf: scenarioDate, schoolUnitId, tier: 1 + (i % 3) });
  const start = new Date(Date.parse('2024-09-01T00:00:00Z') + ((i * 7) % 40) * 86_400_000).toISOString().slice(0, 10);
  await addCase(database.db, {
    tenantId: kommun,
    studentId,
    schoolUnitId,
    responsibleId: kuratorId,
    openedOn: '2024-08-20',
    onset: i % 2 ? '2024-08-15' : null,
    ...(i % 5 === 4 ? { status: 'closed' as const, closedOn: '2024-09-25' } : {}),
    interventions:
      i % 6 === 5
        ? []
        : [
            {
              ...(i % 2 ? { methodSlug: 'check-and-connect' } : { title: 'Samtal' }),
              startDate: start,
              outcome: outcomes[i % 4]!,
              followUps: [{ dueOn: i % 3 ? '2024-09-20' : '2024-10-20' }],
            },
            ...(i % 4 === 1 ? [{ title: 'Mentorsamtal', startDate: '2024-09-28', outcome: 'improved' as const, followUps: [] }] : []),
          ],
  });
}
for (let i = 0; i < 3; i++) await addRisk(database.db, { tenantId: kommun, asOf: scenarioDate, schoolUnitId: unit, tier: 3 });
await addCase(database.db, {
  tenantId: kommun,
  studentId: randomUUID(),
  schoolUnitId: otherUnit,
  responsibleId: kuratorId,
  openedOn: '2024-09-10',
});

test('the dashboard in one statement gives exactly the figures of the six statements: the organiser, each unit, one unit, none', async () => {
  for (const scope of ['all', [unit], [otherUnit], [], [unit, otherUnit]] as const) {
    const expected = await dashboardFiguresOracle(database.db, kommun, scope, scenarioDate);
    assert.deepEqual(await dashboardFigures(database.db, kommun, scope, scenarioDate), expected, JSON.stringify(scope));
  }
  const all = await dashboardFigures(database.db, kommun, 'all', scenarioDate);
  assert.equal(all.units.length, 2);
  assert.ok(all.organiser.openCases !== null && all.organiser.medianDaysToFirstIntervention !== null);
  assert.ok(all.outcomes.length >= 2, 'methods and free interventions');
  // Another organiser's figures are its own: none of these cases.
  assert.equal((await dashboardFigures(database.db, friskola, 'all', scenarioDate)).organiser.openCases, 0);
});
