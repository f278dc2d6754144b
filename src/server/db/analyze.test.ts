import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from './client.ts';
import { analyzeAfterWrite } from './analyze.ts';
import { enrolments, persons } from './schema/index.ts';

const database = await createTestDatabase();

/** Whether `table` has been analysed: pg_class.reltuples is -1 until the first ANALYZE (or VACUUM) of the table. */
async function analysed(table: string): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = ${table}`);
  return row !== undefined && row.n >= 0;
}

test('analyzeAfterWrite gathers statistics for the tables it is given, and only those', async () => {
  assert.equal(await analysed('grades'), false, 'a fresh table has no statistics');
  await analyzeAfterWrite(database.db, [persons, enrolments, 'persons']);
  assert.equal(await analysed('persons'), true);
  assert.equal(await analysed('enrolments'), true);
  assert.equal(await analysed('grades'), false);
});

test('analyzeAfterWrite with an empty list does nothing, and inside a transaction it runs', async () => {
  await analyzeAfterWrite(database.db, []);
  assert.equal(await analysed('grades'), false);
  await database.db.transaction(async (tx) => analyzeAfterWrite(tx, ['grades']));
  assert.equal(await analysed('grades'), true);
});
