import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, fixtureClock, friskola, kommun, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';
import { dataVersionOf } from '../../db/data-versions.ts';
import { refreshTenant } from './refresh.ts';
import { loadScenario, scenarioDate } from './test-scenario.ts';

// The worklist answered from memory (platform/read-cache.ts) must rank what the database holds now.
const database = await createTestDatabase();
const { db } = database;
await loadScenario(database);
await db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const kurator = await signIn(app, 'kurator');
type Item = { id: string; tier: number };
const worklist = async () => {
  const res = await app.inject({ method: 'GET', url: '/api/early-warning/worklist', headers: kurator.headers });
  assert.equal(res.statusCode, 200);
  return res.json() as { items: Item[]; total: number };
};
const tierOf = (page: { items: Item[] }, id: string) => page.items.find((i) => i.id === id)?.tier;
const setTier = (tier: number) =>
  sql`UPDATE student_risk SET tier = ${tier} WHERE tenant_id = ${kommun}::uuid AND student_id = ${students.alva}::uuid`;

test('a second request is answered from memory and logged with its persons; a committed change to a risk row shows at once', async () => {
  const first = await worklist();
  const tier = tierOf(first, students.alva);
  assert.notEqual(tier, undefined);
  const other = tier === 3 ? 2 : 3;
  const before = (await accessLogRows(database)).length;
  // A change the stamps cannot see (triggers off for one transaction, as nothing in the platform writes) does not show.
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(setTier(other));
  });
  assert.deepEqual(await worklist(), first, 'from memory');
  const [log, ...more] = (await accessLogRows(database)).slice(before);
  assert.equal(more.length, 0);
  assert.deepEqual([log?.action, log?.outcome], ['early-warning.worklist', 'allowed']);
  assert.deepEqual(log?.subject_ids, first.items.map((i) => i.id).sort());

  await db.execute(setTier(other));
  assert.equal(tierOf(await worklist(), students.alva), other, 'a committed change renews the stamp');
  await db.execute(setTier(tier!));
  assert.equal(tierOf(await worklist(), students.alva), tier);
});

test("a refresh renews its own organiser's stamp by name and no other organiser's", async () => {
  const before = { kommun: await dataVersionOf(db, kommun), friskola: await dataVersionOf(db, friskola) };
  await db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate, { changedOnly: true }));
  assert.notEqual(await dataVersionOf(db, kommun), before.kommun);
  assert.equal(await dataVersionOf(db, friskola), before.friskola);
});
