import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountId, loadAccessFixtures, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { loadActor } from '../../platform/context.ts';
import { allowedStudentIds } from './policy.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const actor = async (username: string) => (await loadActor(database.db, await accountId(database, username)))!;
const all = Object.values(students);
const asOf = '2024-10-01';

test("the bulk check returns exactly the ids within the actor's scope, in one call", async () => {
  const mentor = await allowedStudentIds(database.db, await actor('mentor'), all, { asOf, permission: 'students.read' });
  assert.deepEqual([...mentor].sort(), [students.alva, students.bo, students.cem].sort());
  const kurator = await allowedStudentIds(database.db, await actor('kurator'), all, { asOf, permission: 'students.read' });
  assert.deepEqual([...kurator].sort(), [students.alva, students.bo, students.cem, students.eva].sort());
  const outsider = await allowedStudentIds(database.db, await actor('fri-kurator'), all, { asOf, permission: 'students.read' });
  assert.deepEqual([...outsider], [students.dana]);
});

test('no permission, no ids, or another date: nothing is allowed that should not be', async () => {
  assert.equal((await allowedStudentIds(database.db, await actor('analytiker'), all, { asOf, permission: 'students.read' })).size, 0);
  assert.equal((await allowedStudentIds(database.db, await actor('larare'), all, { asOf, permission: 'interventions.write' })).size, 0);
  assert.equal((await allowedStudentIds(database.db, await actor('mentor'), [], { asOf, permission: 'students.read' })).size, 0);
  assert.equal(
    (await allowedStudentIds(database.db, await actor('mentor'), all, { asOf: '2019-01-01', permission: 'students.read' })).size,
    0,
  );
});
