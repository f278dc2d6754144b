import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.ts';
import { loadAccessFixtures } from '../../../test/support/access.ts';
import { followUpGoals, followUpRegionGoals } from '../../server/db/schema/index.ts';
import { skovdeCohort2019 } from '../../server/modules/follow-up/test-cohort.ts';
import { seedDemoGoals, seedDemoRegionGoals } from './follow-up.ts';

test('demo goals: halve the own share without a diploma within 4 years by 2030, once per organiser', async () => {
  const database = await createTestDatabase();
  await loadAccessFixtures(database);
  // The fixtures' municipal organiser plays Skövde here.
  await skovdeCohort2019(database.db, 'a0000000-0000-4000-8000-000000000001');
  assert.equal(await seedDemoGoals(database.db, '2024-10-01'), 1);
  assert.equal(await seedDemoGoals(database.db, '2024-10-01'), 0, 'idempotent');
  const [goal] = await database.db.select().from(followUpGoals);
  assert.deepEqual([goal?.baselineYear, goal?.targetYear, goal?.targetShare], [2023, 2030, 0.1]);

  // Skaraborg's dropout goal, from the region's earliest measured 4-year figure (the 2019 cohort, measured 2023: 20 %).
  assert.equal(await seedDemoRegionGoals(database.db, '2024-10-01'), 1);
  assert.equal(await seedDemoRegionGoals(database.db, '2024-10-01'), 0, 'idempotent');
  const [regional] = await database.db.select().from(followUpRegionGoals);
  assert.deepEqual(
    [regional?.name, regional?.outcome, regional?.years, regional?.baselineYear, regional?.baselineShare, regional?.targetShare],
    ['Avbrott under 9 % i Skaraborg', 'examen-or-studiebevis', 4, 2023, null, 0.09],
  );
});
