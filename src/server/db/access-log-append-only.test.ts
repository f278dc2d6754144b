import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from './client.ts';
import { accessLog, noTenant } from './schema/index.ts';

test('the access log accepts inserts and refuses UPDATE, DELETE and TRUNCATE, even of no row', async () => {
  const { db } = await createTestDatabase();
  await db.insert(accessLog).values({ tenantId: noTenant, requestId: 'r1', action: 'test.write', purpose: 'test', outcome: 'allowed' });
  const attempts = [
    sql`UPDATE access_log SET outcome = 'denied'`,
    // A statement that changes no row is refused too. Its condition is one the planner cannot prove false beforehand: on
    // Citus, `WHERE false` reaches no shard, so no trigger runs at all (scripts/citus/README.md, cause 5).
    sql`UPDATE access_log SET purpose = 'x' WHERE id < 0`,
    sql`DELETE FROM access_log`,
    sql`DELETE FROM access_log WHERE id < 0`,
    sql`TRUNCATE access_log`,
  ];
  for (const attempt of attempts) {
    // Drizzle wraps the driver's error: the database's message is its cause.
    await assert.rejects(db.execute(attempt), (e: Error) =>
      /append-only/.test(String((e.cause as Error | undefined)?.message ?? e.message)),
    );
  }
  const rows = await queryRows<{ outcome: string; purpose: string }>(db, sql`SELECT outcome, purpose FROM access_log`);
  assert.deepEqual(rows, [{ outcome: 'allowed', purpose: 'test' }]);
});
