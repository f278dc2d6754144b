import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { kommun } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows } from '../../db/client.ts';
import { refreshTenant } from '../early-warning/refresh.ts';
import { loadScenario, scenarioDate } from '../early-warning/test-scenario.ts';
import { openAlvaCase, sensitiveNoteText } from './test-fixtures.ts';

test("the shared case fixture: Alva's case from her flag, in progress, one started intervention, three follow-ups, two notes", async () => {
  const database = await createTestDatabase();
  await loadScenario(database);
  await database.db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
  const fixture = await openAlvaCase(database);
  const [row] = await queryRows<{ status: string; opened_from: string; tier_at_opening: number; version: number }>(
    database.db,
    sql`
    SELECT status, opened_from, tier_at_opening, version FROM cases WHERE id = ${fixture.caseId}::uuid`,
  );
  assert.deepEqual(row, { status: 'in-progress', opened_from: 'flag', tier_at_opening: 3, version: 3 });
  const events = await queryRows<{ kind: string; changes: unknown }>(
    database.db,
    sql`
    SELECT kind, changes FROM case_events WHERE case_id = ${fixture.caseId}::uuid ORDER BY at`,
  );
  assert.deepEqual(
    events.map((e) => e.kind),
    ['case-opened', 'intervention-added', 'case-updated', 'intervention-updated', 'case-updated', 'note-added', 'note-added'],
  );
  assert.ok(!JSON.stringify(events).includes(sensitiveNoteText), 'no sensitive text in the history');
  const due = await queryRows<{ due_on: string }>(
    database.db,
    sql`
    SELECT due_on::text FROM intervention_follow_ups WHERE id = ${fixture.followUpIds.overdue}::uuid`,
  );
  assert.deepEqual(due, [{ due_on: '2024-09-27' }]);
});
