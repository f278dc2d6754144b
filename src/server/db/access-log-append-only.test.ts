import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from './client.ts';
import { accessLog, noTenant } from './schema/index.ts';

test('the access log accepts inserts and refuses UPDATE, DELETE and TRUNCATE', async () => {
  const { db } = await createTestDatabase();
  await db.insert(accessLog).values({ tenantId: noTenant, requestId: 'r1', action: 'test.write', purpose: 'test', outcome: 'allowed' });
  const attempts = [
    sql`UPDATE access_log SET outcome = 'denied'`,
    sql`UPDATE access_log SET purpose = 'x' WHERE false`,
    sql`DELETE FROM access_log`,
    sql`DELETE FROM access_log WHERE false`,
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
