import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kommun, loadAccessFixtures } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { saveGoals } from './goals-routes.ts';
import { completionAgainstGoals, completionGoalsGrid, goalStatusTable } from './region-completion.ts';
import { addFormerStudent } from './test-cohort.ts';

// Exempelkommun's 2022 cohort (4 years reached on 30 June 2026): 30 starters, 21 with a diploma, 3 with a study certificate.
const database = await createTestDatabase();
await loadAccessFixtures(database);
const former = {
  tenantId: kommun,
  schoolUnitId: 'a0000000-0000-4000-8000-000000000002',
  programmeId: 'b0000000-0000-4000-8000-000000000001',
  programmeCode: 'NA',
  startDate: '2022-08-15',
};
for (let i = 0; i < 21; i++) await addFormerStudent(database.db, { ...former, endDate: '2025-06-15', examen: '2025-06-10' });
for (let i = 0; i < 3; i++) await addFormerStudent(database.db, { ...former, endDate: '2025-06-15', studiebevis: '2025-06-10' });
for (let i = 0; i < 6; i++) await addFormerStudent(database.db, { ...former, endDate: '2023-12-31' });
await saveGoals(
  database.db,
  kommun,
  [{ name: 'Halvera', outcome: 'examen', years: 4, baselineYear: 2025, baselineShare: 0.4, targetYear: 2030, targetShare: 0.2 }],
  null,
  '2026-12-03T10:00:00Z',
);

test('completion against goals for a set of municipalities: the organisers summed, the goals with their status, the grid for the report', async () => {
  const rows = await completionAgainstGoals(
    database.db,
    [
      { code: '1480', name: 'Exempelkommun', tenantIds: [kommun] },
      { code: '1496', name: 'Skövde', tenantIds: [] },
    ],
    '2026-12-03',
  );
  const [own, empty] = rows;
  assert.deepEqual([own?.cohort, own?.starters, own?.examen, own?.examenOrStudiebevis], [2022, 30, 21, 24]);
  assert.equal(own?.goals.length, 1);
  // 9 of 30 without a diploma in 2026 = 30 %, against the path's 36 % that year: on track.
  assert.equal(own?.goals[0]?.status, 'on-track');
  assert.deepEqual([empty?.cohort, empty?.starters, empty?.goals.length], [null, 0, 0]);
  const grid = completionGoalsGrid(rows);
  assert.deepEqual(
    grid.rows.map((r) => [r.label.sv, r.counts]),
    [
      ['Exempelkommun', [30, 21, 24]],
      ['Skövde', [0, 0, 0]],
    ],
  );
  assert.equal(grid.total.sv, 'Hela regionen');
  assert.deepEqual(
    goalStatusTable(rows).rows.map((r) => [r.label.sv, r.cells.map((c) => c.value)]),
    [['Exempelkommun', [1, 0, 0]]],
  );
  assert.ok(!JSON.stringify(rows).includes('tenantIds'), 'no tenant ids in the figures');
});
