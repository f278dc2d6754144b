import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from '../../server/db/client.ts';
import { createDemoAccounts } from '../../server/modules/auth/demo-accounts.ts';
import { demoHandoverFigures, seedDemoHandovers } from './handovers.ts';
import { seedDemoRegion } from './index.ts';

const today = '2026-12-03';

test("the demo region's handovers: this year's year-9 leavers, sent, confirmed, overdue and followed up; the walk's student waits as a draft", async () => {
  const database = await createTestDatabase();
  await seedDemoRegion(database, { seed: 3, scale: 0.2, today });
  await createDemoAccounts(database, { asOf: today });
  const first = await seedDemoHandovers(database.db, { today, seed: 3 });
  if (process.env.DEMO_HANDOVERS_PRINT) console.log(JSON.stringify(first));
  const { durationMs: _d, accounts, skipped, ...figures } = first;
  assert.equal(skipped, undefined);
  // The figures docs/demo-region.md states for seed 3, scale 0.2, 2026-12-03.
  assert.deepEqual(figures, {
    drafts: 4,
    notNeeded: 45,
    sent: 6,
    confirmed: 5,
    overdueReceipts: 1,
    overdueDrafts: 4,
    meetings: 1,
    followUps: 1,
    acrossOrganisers: 3,
  });
  // Her year-9 mentor (last spring's mentor assignments are on record) and the principal of her upper-secondary unit.
  assert.equal(accounts, 2);
  const [mentor] = await queryRows<{ person_id: string | null }>(
    database.db,
    sql`SELECT ra.person_id FROM role_assignments ra JOIN accounts a ON a.id = ra.account_id WHERE a.username = 'mentor-ak9'`,
  );
  assert.ok(mentor?.person_id, 'mentor-ak9 is a mentor on record');

  // The walk's student: a draft not sent, carrying the åtgärdsprogram, reached by the demo year-9 mentor.
  const [walk] = await queryRows<{ status: string; triggers: string[] }>(
    database.db,
    sql`SELECT h.status, h.triggers FROM handovers h JOIN action_programmes ap ON ap.tenant_id = h.tenant_id AND ap.student_id = h.student_id
         WHERE h.direction = 'sent' AND ap.needs LIKE 'Stöd att komma i gång%'`,
  );
  assert.equal(walk?.status, 'draft');
  assert.ok(walk?.triggers.includes('action-programme'));

  // Idempotent: a second run adds nothing.
  const again = await seedDemoHandovers(database.db, { today, seed: 3 });
  assert.match(again.skipped ?? '', /finns redan/);
  assert.deepEqual(await demoHandoverFigures(database.db, today), figures);
});
