import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, fixtureClock, kommun, loadAccessFixtures, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';
import { queryRows } from '../../db/client.ts';

// The student list answered from memory (platform/read-cache.ts) must show what the database shows now, to whom it may.
const database = await createTestDatabase();
const { db } = database;
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const kurator = await signIn(app, 'kurator');
const mentor = await signIn(app, 'mentor');
const list = async (headers = kurator.headers) => {
  const res = await app.inject({ method: 'GET', url: '/api/students', headers });
  assert.equal(res.statusCode, 200);
  return res.json() as { items: { id: string; givenName: string }[]; total: number };
};
const logIds = () => queryRows<{ id: string; subject_ids: string[] }>(db, sql`SELECT id::text, subject_ids::text[] FROM access_log`);
const names = (page: { items: { givenName: string }[] }) => page.items.map((i) => i.givenName).sort();
/** A change the stamps do not see: triggers off for one transaction, as nothing in the platform ever writes. */
const unstamped = (change: ReturnType<typeof sql>) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(change);
  });
const rename = (name: string) =>
  sql`UPDATE persons SET given_name = ${name} WHERE tenant_id = ${kommun}::uuid AND id = ${students.alva}::uuid`;

test('a second request is answered from memory, and logged with the same persons as the first', async () => {
  const first = await list();
  const before = (await accessLogRows(database)).length;
  // Proof that the second answer came from memory: a change the stamp cannot see does not show.
  await unstamped(rename('Osynlig'));
  const second = await list();
  assert.deepEqual(second, first);
  assert.ok(!names(second).includes('Osynlig'));
  const log = (await accessLogRows(database)).slice(before);
  assert.equal(log.length, 1, 'every answer from memory has its own access-log row');
  assert.deepEqual([log[0]?.action, log[0]?.outcome, log[0]?.tenant_id], ['students.list', 'allowed', kommun]);
  assert.deepEqual(log[0]?.subject_ids, first.items.map((i) => i.id).sort());
  await unstamped(rename('Alva'));
});

test('a committed change, from this process or any other, is shown at the next request', async () => {
  await list();
  await db.execute(rename('Alvina'));
  assert.ok(names(await list()).includes('Alvina'), 'a rename');
  await db.execute(rename('Alva'));
  assert.ok(names(await list()).includes('Alva'));

  const withBo = await list();
  assert.ok(withBo.items.some((i) => i.id === students.bo));
  await db.execute(
    sql`UPDATE enrolments SET end_date = '2024-09-01' WHERE tenant_id = ${kommun}::uuid AND person_id = ${students.bo}::uuid`,
  );
  const logged = new Set((await logIds()).map((r) => r.id));
  const withoutBo = await list();
  assert.ok(!withoutBo.items.some((i) => i.id === students.bo), 'an ended enrolment takes the student out of the unit');
  assert.equal(withoutBo.total, withBo.total - 1);
  // The request's own row, found as the one row it added: on a Citus cluster the ids are not in time order.
  const added = (await logIds()).filter((r) => !logged.has(r.id));
  assert.equal(added.length, 1);
  assert.ok(!added[0]?.subject_ids.includes(students.bo), 'and out of the access log');
});

test("each actor's own scope: the mentor never gets the kurator's page, and a changed role counts at once", async () => {
  const unit = await list();
  const group = await list(mentor.headers);
  assert.ok(unit.items.length > group.items.length);
  assert.ok(!group.items.some((i) => i.id === students.eva), 'Eva is in no group of the mentor');
  // A role assignment is not watched data: it is read on every request and is part of what a kept page is kept by.
  await db.execute(sql`UPDATE role_assignments SET unit_ids = '{}' WHERE role = 'kurator' AND tenant_id = ${kommun}::uuid`);
  assert.deepEqual((await list()).items, [], 'a kurator without a unit sees no one, not the page kept for the unit');
});
