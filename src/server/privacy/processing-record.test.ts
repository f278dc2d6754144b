/**
 * The record of processing cannot drift: every table of the schema (and of the migrated database) is named in
 * processing-record.ts with its categories of data and retention, nothing there names a table that is gone, and
 * docs/record-of-processing.md is exactly its rendering.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from '../db/client.ts';
import * as schema from '../db/schema/index.ts';
import { areas, tables } from './processing-record.ts';
import { renderProcessingRecord } from './render.ts';

test('every table of the schema and of the migrated database is in the record of processing, and nothing else', async () => {
  const fromSchema = Object.values(schema as Record<string, unknown>)
    .filter((v): v is PgTable => v instanceof PgTable)
    .map((t) => getTableConfig(t).name);
  const database = await createTestDatabase();
  const fromDatabase = (
    await queryRows<{ name: string }>(
      database.db,
      // An extension's own tables and views (Citus's `citus_tables`, scripts/citus/README.md cause 6) are not the application's.
      sql`SELECT table_name AS name FROM information_schema.tables t
           WHERE table_schema = 'public'
             AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
                              WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e' AND c.relname = t.table_name)`,
    )
  ).map((r) => r.name);
  const named = Object.keys(tables);
  const missing = [...new Set([...fromSchema, ...fromDatabase])].filter((t) => !named.includes(t)).sort();
  assert.deepEqual(missing, [], `add these tables to src/server/privacy/processing-record.ts: ${missing.join(', ')}`);
  const gone = named.filter((t) => !fromSchema.includes(t) && !fromDatabase.includes(t));
  assert.deepEqual(gone, [], 'tables named in the record that no longer exist');
  for (const [name, entry] of Object.entries(tables)) {
    assert.ok(entry.area in areas, `${name}: unknown area`);
    assert.ok(entry.data.trim() && entry.retention.trim(), `${name}: categories and retention are stated`);
  }
});

test('docs/record-of-processing.md is the rendering of processing-record.ts', () => {
  const file = join(process.cwd(), 'docs', 'record-of-processing.md');
  assert.equal(
    readFileSync(file, 'utf8'),
    renderProcessingRecord(),
    'regenerate: node --import tsx src/server/privacy/render.ts > docs/record-of-processing.md',
  );
});
