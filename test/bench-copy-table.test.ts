import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from './support/database.ts';
import { queryRows } from '../src/server/db/client.ts';
import { seedKnowledgeBank } from '../src/ingest/knowledge-bank/seed.ts';
import { copyTableAcross } from '../bench/copy-table.ts';

test('the COPY baseline copies a table with a generated column (knowledge_records.search), which COPY may not name', async () => {
  const from = await createTestDatabase();
  const to = await createTestDatabase();
  await seedKnowledgeBank(from.db);
  await to.db.execute(sql`TRUNCATE knowledge_records CASCADE`);
  const { rows } = await copyTableAcross(from, to, 'knowledge_records');
  const [count] = await queryRows<{ n: number }>(to.db, sql`SELECT count(*)::int AS n FROM knowledge_records`);
  assert.ok(rows > 0);
  assert.equal(count?.n, rows);
});
