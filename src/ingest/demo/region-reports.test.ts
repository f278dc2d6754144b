import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from '../../server/db/client.ts';
import { refreshAll } from '../../server/modules/early-warning/refresh.ts';
import { seedDemoRegion } from './index.ts';
import { seedDemoKaa } from './kaa.ts';
import { seedDemoRegionReports } from './region-reports.ts';

const today = '2026-12-03';

test("a year of Skaraborg's monthly reports from the demo data, published once (idempotent), with figures and no names", async () => {
  const database = await createTestDatabase();
  await seedDemoRegion(database, { seed: 3, scale: 0.2, today });
  // Early detection's weekly history reaches into November (npm start refreshes six weeks up to today).
  await refreshAll(database.db, '2026-11-26');
  await refreshAll(database.db, today);
  await seedDemoKaa(database, { today, seed: 3 });
  const started = Date.now();
  assert.equal(await seedDemoRegionReports(database.db, today), 12);
  const seconds = (Date.now() - started) / 1000;
  console.log(`# twelve monthly reports in ${seconds.toFixed(1)} s`);
  assert.equal(await seedDemoRegionReports(database.db, today), 0, 'a second run publishes nothing');
  const rows = await queryRows<{ month: string; content: string }>(
    database.db,
    sql`SELECT month, content::text AS content FROM region_reports WHERE version = 1 ORDER BY month`,
  );
  assert.deepEqual(rows.map((r) => r.month).slice(-2), ['2026-10', '2026-11']);
  const november = JSON.parse(rows.at(-1)!.content) as { sections: { key: string; empty: boolean }[] };
  assert.equal(november.sections.find((s) => s.key === 'early-warning')?.empty, false, 'November has early-detection figures');
  assert.equal(november.sections.find((s) => s.key === 'kaa')?.empty, false, 'November has KAA coverage');
  const names = await queryRows<{ n: string }>(
    database.db,
    sql`SELECT DISTINCT given_name AS n FROM persons WHERE length(given_name) > 3 LIMIT 200`,
  );
  for (const r of rows) for (const { n } of names) assert.ok(!new RegExp(`"${n}[ "]`).test(r.content), `no name in ${r.month}`);
});
