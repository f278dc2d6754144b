import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from '../../server/db/client.ts';
import { organisers } from '../../server/db/schema/index.ts';
import { planProgress } from '../../server/modules/implementation-plan/plan.ts';
import { participationIn } from '../../server/modules/events/participation.ts';
import { seedDemoChallenges } from './challenges.ts';
import { seedDemoEvents } from './events.ts';
import { seedDemoPlans } from './plans.ts';

const today = '2026-11-20';
const { db } = await createTestDatabase();
const skovde = 'c0000000-0000-4000-8000-000000001496';
const lidkoping = 'c0000000-0000-4000-8000-000000001494';
await db.insert(organisers).values([
  { id: skovde, name: 'Skövde kommun', organisationNumber: '2120001652', kind: 'municipal', municipalityCode: '1496' },
  { id: lidkoping, name: 'Lidköping kommun', organisationNumber: '2120001629', kind: 'municipal', municipalityCode: '1494' },
]);

test('the demo network: a dozen challenges over the four focus areas, Skaraborg’s events with sign-ups, two plans at different stages; idempotent', async () => {
  assert.equal(await seedDemoChallenges(db, today), 12);
  const focus = await queryRows<{ focus_area: string; n: number }>(
    db,
    sql`SELECT focus_area, count(*)::int AS n FROM challenges GROUP BY 1`,
  );
  assert.equal(focus.length, 4);
  assert.equal(await seedDemoEvents(db, today), 6);
  const held = await participationIn(db, null, '2026-08-01', '2026-11-20');
  assert.equal(held.events, 3);
  assert.ok(held.participants > 40);
  // Held: 24 + 18 + 21 signed up; every fifth of each (4 + 3 + 4) did not come; all three marked.
  assert.deepEqual([held.participants, held.attended, held.unmarked, held.eventsMarked], [63, 52, 0, 3]);
  assert.equal(await seedDemoPlans(db, today), 2);
  const s = await planProgress(db, skovde, today);
  const l = await planProgress(db, lidkoping, today);
  assert.deepEqual([s.answered, s.items, s.actions, s.done], [12, 12, 6, 3]);
  assert.deepEqual([l.answered, l.actions, l.done], [3, 2, 0]);
  assert.deepEqual([await seedDemoChallenges(db, today), await seedDemoEvents(db, today), await seedDemoPlans(db, today)], [0, 0, 0]);
});
