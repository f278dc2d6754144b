import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from '../../server/db/client.ts';
import { reportArea, reportFor } from '../../server/modules/kaa/report/load.ts';
import { refreshAll } from '../../server/modules/early-warning/refresh.ts';
import { seedDemoRegion } from './index.ts';
import { demoKaaFigures, demoKaaReadyMunicipality, demoKaaSloppyMunicipality, seedDemoKaa } from './kaa.ts';

const today = '2026-12-03';

test("the demo region's KAA register: about 9 % of 16–19-year-olds, notices across tenants, a year of work, one half-year ready", async () => {
  const database = await createTestDatabase();
  await seedDemoRegion(database, { seed: 3, scale: 0.2, today });
  // Early detection's episodes today, from which significant absence is proposed (as on npm start and fullfolj seed).
  await refreshAll(database.db, today);
  const first = await seedDemoKaa(database, { today, seed: 3 });
  assert.equal(first.skipped, undefined);
  if (process.env.DEMO_KAA_PRINT) console.log(JSON.stringify(first));
  assert.equal(first.municipalities, 15);
  // Published: about 9 % of the age group (H2 2022); a start notice file from a school outside the region brings it there.
  assert.ok(first.share >= 0.08 && first.share <= 0.1, `target-group share ${first.share}`);
  assert.ok(first.fileNotices > 0, 'start notices imported from outside the region');
  assert.equal(first.dismissed, 2, 'two false positives dismissed with a reason');
  assert.ok(first.absenceSent > 0, 'significant absence confirmed by the principal and sent');
  assert.ok(first.generated > 0, 'young people the schools never knew');
  for (const reason of ['dropout-national', 'never-started', 'moved-in-after-compulsory-age', 'studiebevis'])
    assert.ok((first.reasons[reason] ?? 0) > 0, `registration reason ${reason}`);

  // Notices between tenants, delivered inside the installation, some acknowledged on both sides. Paired here rather than
  // by a self-join across tenants, which a cluster distributed by tenant (scripts/citus) does not run.
  const sides = await queryRows<{ delivery_id: string; tenant_id: string; direction: string; receipt: boolean }>(
    database.db,
    sql`SELECT delivery_id, tenant_id, direction, receipt_at IS NOT NULL AS receipt FROM kaa_notices`,
  );
  const sent = new Map(sides.filter((n) => n.direction === 'sent').map((n) => [n.delivery_id, n]));
  const pairs = sides.flatMap((r) => {
    const s = sent.get(r.delivery_id);
    return r.direction === 'received' && s && s.tenant_id !== r.tenant_id ? [{ r, s }] : [];
  });
  const notices = {
    across: pairs.length,
    receipts: pairs.filter((p) => p.r.receipt).length,
    sender_receipts: pairs.filter((p) => p.s.receipt).length,
  };
  assert.ok((notices?.across ?? 0) > 0, 'notices between tenants');
  assert.ok((notices?.receipts ?? 0) > 0, 'some with receipts');
  assert.equal(notices?.sender_receipts, notices?.receipts, 'the sender sees each receipt');

  assert.ok(first.contacts > first.reached && first.reached > 0, 'contact attempts and contacts');
  assert.ok(first.measures > first.measuresClosed && first.measuresClosed > 0, 'measures, some ended');
  const [unknownOutcome] = await queryRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM kaa_measures WHERE status = 'closed' AND outcome IS NULL`,
  );
  assert.equal(unknownOutcome?.n, 0, 'no ended measure without its outcome');

  // Skövde's 2026H2 passes every logical check; Lidköping has a few realistic failures.
  const tenantOf = async (code: string) =>
    (
      await queryRows<{ id: string }>(
        database.db,
        sql`SELECT id FROM organisers WHERE kind = 'municipal' AND municipality_code = ${code} ORDER BY created_at, id LIMIT 1`,
      )
    )[0]!.id;
  const ready = await reportFor(database.db, (await reportArea(database.db, await tenantOf(demoKaaReadyMunicipality)))!, '2026H2');
  assert.ok(ready.summary.youths > 0 && ready.summary.contacted > 0 && ready.summary.measuresStarted > 0);
  assert.deepEqual(ready.failures, [], 'Skövde 2026H2 has no failing check');
  const sloppy = await reportFor(database.db, (await reportArea(database.db, await tenantOf(demoKaaSloppyMunicipality)))!, '2026H2');
  if (process.env.DEMO_KAA_PRINT) console.log(JSON.stringify({ ready: ready.summary, sloppy: sloppy.failures.length }));
  assert.ok(sloppy.failures.length > 0 && sloppy.failures.length <= 10, `Lidköping: ${sloppy.failures.length} failures`);

  // Idempotent: a second run adds nothing.
  const again = await seedDemoKaa(database, { today, seed: 3 });
  assert.match(again.skipped ?? '', /finns redan/);
  const { generated: _g, durationMs: _d, ...firstFigures } = first;
  assert.deepEqual(await demoKaaFigures(database.db, today), firstFigures);
});
