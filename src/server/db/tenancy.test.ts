import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from './client.ts';

/** Tenant-free tables: reference data with no personal data (on Citus: reference tables). */
// accounts, sessions and sign_in_failures: sign-in happens before a tenant is known (an account may serve several organisers).
const referenceTables = new Set([
  'municipalities',
  'organisers',
  'accounts',
  'sessions',
  'sign_in_failures',
  'knowledge_records',
  'knowledge_links',
  'knowledge_revisions',
  'knowledge_comments',
  // Kolada's published figures per municipality and the record of fetching them: public statistics, no personal data.
  'kolada_values',
  'kolada_fetches',
  // A region's network events and their sign-ups belong to the region above the organisers: region_id leads their keys.
  'network_events',
  'event_signups',
  // The nightly jobs' runs: one run spans every organiser; counts and outcomes only, no personal data.
  'job_runs',
  // Regions and their municipalities: configuration above the organisers, no personal data (docs/region.md).
  'regions',
  'region_municipalities',
  // A region's monthly reports: aggregates only, suppressed before they are stored; region_id leads the key.
  'region_reports',
  // A region's completion goals: no personal data; region_id leads the key (docs/follow-up.md).
  'follow_up_region_goals',
]);

test('every table outside the reference data leads its primary key with tenant_id', async () => {
  const { db } = await createTestDatabase();
  const rows = await queryRows<{ table_name: string; first_key: string | null }>(
    db,
    sql`
    SELECT t.table_name,
           (SELECT a.attname FROM pg_index i
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
             WHERE i.indrelid = (quote_ident(t.table_name))::regclass AND i.indisprimary) AS first_key
      FROM information_schema.tables t
     WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
  );
  assert.ok(rows.length > 10, 'the schema has its tables');
  const offenders = rows
    .filter((r) => !referenceTables.has(r.table_name) && r.first_key !== 'tenant_id')
    .map((r) => `${r.table_name} (${r.first_key ?? 'no primary key'})`);
  assert.deepEqual(offenders, [], `tables without tenant_id first in their primary key: ${offenders.join(', ')}`);
});
