import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { friskola, kommun, loadAccessFixtures, students } from '../../../test/support/access.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from './client.ts';
import { dataVersionOf, nameWriter } from './data-versions.ts';

const database = await createTestDatabase();
const { db } = database;
await loadAccessFixtures(database);
const stamps = async () => ({ kommun: await dataVersionOf(db, kommun), friskola: await dataVersionOf(db, friskola) });
const pending = async () => (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM data_versions_pending`))[0]?.n;

test('the fixtures import stamped both organisers and left no note behind', async () => {
  const now = await stamps();
  assert.ok(now.kommun && now.friskola);
  assert.notEqual(now.kommun, now.friskola);
  assert.equal(await pending(), 0);
});

test("a committed change renews its organiser's stamp, and only that organiser's", async () => {
  for (const change of [
    sql`UPDATE persons SET given_name = given_name || '' WHERE tenant_id = ${kommun}::uuid AND id = ${students.alva}::uuid`,
    sql`UPDATE enrolments SET school_year = school_year WHERE tenant_id = ${kommun}::uuid`,
    sql`UPDATE organisations SET display_name = display_name WHERE tenant_id = ${kommun}::uuid`,
    sql`UPDATE groups SET display_name = display_name WHERE tenant_id = ${kommun}::uuid`,
    sql`DELETE FROM group_memberships WHERE tenant_id = ${kommun}::uuid AND person_id = ${students.alva}::uuid`,
  ]) {
    const before = await stamps();
    await db.execute(change);
    const after = await stamps();
    assert.notEqual(after.kommun, before.kommun);
    assert.equal(after.friskola, before.friskola);
    assert.equal(await pending(), 0, 'the note is emptied at commit');
  }
});

test('a statement that changes no row, a rolled-back change and a table outside the watched ones leave the stamp', async () => {
  const before = await stamps();
  await db.execute(sql`UPDATE persons SET given_name = 'x' WHERE false`);
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE persons SET given_name = 'Ändrad' WHERE tenant_id = ${kommun}::uuid`);
      throw new Error('rollback');
    }),
  );
  await db.execute(sql`UPDATE organisers SET name = name`);
  assert.deepEqual(await stamps(), before);
});

test('several statements in one transaction renew once, at commit; TRUNCATE renews every organiser', async () => {
  const before = await stamps();
  await db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE persons SET given_name = given_name WHERE tenant_id = ${kommun}::uuid`);
    await tx.execute(sql`UPDATE enrolments SET school_year = school_year WHERE tenant_id = ${kommun}::uuid`);
    const [inside] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM data_versions_pending`);
    assert.equal(inside?.n, 1, 'one note per organiser and transaction');
    assert.equal(await dataVersionOf(tx, kommun), before.kommun, 'not before the commit');
  });
  assert.notEqual((await stamps()).kommun, before.kommun);

  const kept = await stamps();
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`TRUNCATE activity_teachers`);
      await tx.execute(sql`SET CONSTRAINTS ALL IMMEDIATE`);
      assert.notEqual(await dataVersionOf(tx, kommun), kept.kommun);
      assert.notEqual(await dataVersionOf(tx, friskola), kept.friskola);
      throw new Error('rollback');
    })
    .catch(() => undefined);
  assert.deepEqual(await stamps(), kept, 'rolled back with the truncation');
});

test("one statement over both organisers' rows, in any order, renews both", async () => {
  for (const order of [sql`ORDER BY tenant_id`, sql`ORDER BY tenant_id DESC`, sql`ORDER BY id`]) {
    const before = await stamps();
    await db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE persons SET given_name = given_name WHERE tenant_id = ${kommun}::uuid AND id = ${students.alva}::uuid`);
      // Kommun is now the organiser noted last: its rows below are skipped, friskola's must still be noted.
      await tx.execute(sql`
        WITH picked AS (SELECT tenant_id, id FROM persons WHERE tenant_id IN (${kommun}::uuid, ${friskola}::uuid) ${order})
        UPDATE persons p SET given_name = p.given_name FROM picked WHERE p.tenant_id = picked.tenant_id AND p.id = picked.id`);
    });
    const after = await stamps();
    assert.notEqual(after.kommun, before.kommun);
    assert.notEqual(after.friskola, before.friskola);
  }
});

test('a savepoint rolled back undoes its note, and the next write of the same organiser notes it again', async () => {
  const before = await stamps();
  await db.transaction(async (tx) => {
    await tx
      .transaction(async (inner) => {
        await inner.execute(sql`UPDATE persons SET given_name = given_name WHERE tenant_id = ${friskola}::uuid`);
        throw new Error('rollback to the savepoint');
      })
      .catch(() => undefined);
    assert.equal((await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM data_versions_pending`))[0]?.n, 0);
    await tx.execute(sql`UPDATE persons SET given_name = given_name WHERE tenant_id = ${friskola}::uuid`);
  });
  const after = await stamps();
  assert.notEqual(after.friskola, before.friskola);
  assert.equal(after.kommun, before.kommun);
});

test('the early-detection tables note the organiser their writer names, and every organiser while none is named', async () => {
  const named = await stamps();
  await db.transaction(async (tx) => {
    await nameWriter(tx, kommun);
    await tx.execute(sql`UPDATE student_risk SET tier = tier WHERE tenant_id = ${kommun}::uuid`);
    await tx.execute(sql`DELETE FROM student_risk_history WHERE tenant_id = ${kommun}::uuid AND as_of < '1900-01-01'`);
  });
  const afterNamed = await stamps();
  assert.notEqual(afterNamed.kommun, named.kommun);
  assert.equal(afterNamed.friskola, named.friskola, 'the other organiser is not named');

  await db.transaction(async (tx) => {
    await nameWriter(tx, kommun);
    await nameWriter(tx, null);
    // Named by no one: one node notes every organiser; a Citus cluster those whose rows are on the shards the
    // statement ran on (scripts/citus/data-versions.sql). Either way both organisers here.
    await tx.execute(sql`UPDATE indicator_episodes SET status = status WHERE tenant_id IN (${kommun}::uuid, ${friskola}::uuid)`);
  });
  const unnamed = await stamps();
  assert.notEqual(unnamed.kommun, afterNamed.kommun);
  assert.notEqual(unnamed.friskola, afterNamed.friskola, 'named by no one: never a stale page');
  await assert.rejects(
    db.transaction((tx) => nameWriter(tx, "x'; DROP TABLE persons; --")),
    /not an organiser id/,
  );
});

test("a named organiser's note undone with a savepoint is written again by its next statement", async () => {
  const before = await stamps();
  await db.transaction(async (tx) => {
    await nameWriter(tx, friskola);
    await tx
      .transaction(async (inner) => {
        await inner.execute(sql`UPDATE student_risk SET tier = tier WHERE tenant_id = ${friskola}::uuid`);
        throw new Error('rollback to the savepoint');
      })
      .catch(() => undefined);
    await tx.execute(sql`UPDATE student_risk SET tier = tier WHERE tenant_id = ${friskola}::uuid`);
  });
  const after = await stamps();
  assert.notEqual(after.friskola, before.friskola);
  assert.equal(after.kommun, before.kommun);
});
