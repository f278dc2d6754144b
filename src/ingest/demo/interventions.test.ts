import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accountId, kommun, students } from '../../../test/support/access.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from '../../server/db/client.ts';
import { refreshTenant } from '../../server/modules/early-warning/refresh.ts';
import { loadScenario, scenarioDate } from '../../server/modules/early-warning/test-scenario.ts';
import { seedDemoInterventions } from './interventions.ts';
import { sensitiveNotes } from './interventions-texts.ts';

const database = await createTestDatabase();
await loadScenario(database);
await database.db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
const kurator = await accountId(database, 'kurator');

test("the demo history: a case per flagged student at the kurator's units, events for every change, idempotent", async () => {
  const first = await seedDemoInterventions(database, { today: scenarioDate, share: 1 });
  assert.equal(first.skipped, undefined);
  const caseRows = await queryRows<{
    id: string;
    student_id: string;
    status: string;
    version: number;
    responsible_id: string;
    opened_on: string;
  }>(
    database.db,
    sql`
    SELECT id, student_id, status, version, responsible_id, opened_on::text FROM cases WHERE tenant_id = ${kommun}::uuid ORDER BY student_id`,
  );
  // Alva and Eva (tier 3) and Bo (tier 2) are flagged; Cem (tier 1) is not.
  assert.deepEqual(
    caseRows.map((c) => c.student_id),
    [students.alva, students.bo, students.eva],
  );
  assert.equal(first.cases, 3);
  assert.ok(caseRows.every((c) => c.opened_on <= scenarioDate));

  const events = await queryRows<{ case_id: string; kind: string; changes: Record<string, unknown> }>(
    database.db,
    sql`
    SELECT case_id, kind, changes FROM case_events WHERE tenant_id = ${kommun}::uuid ORDER BY case_id, at`,
  );
  for (const c of caseRows) {
    const mine = events.filter((e) => e.case_id === c.id);
    assert.equal(mine[0]?.kind, 'case-opened', 'the history starts with the opening');
    // The case's version counts the changes to the case row, as the routes bump it.
    assert.equal(c.version, 1 + mine.filter((e) => e.kind === 'case-updated' || e.kind === 'case-closed').length);
  }
  const [counts] = await queryRows<{
    interventions: number;
    added: number;
    done: number;
    done_events: number;
    notes: number;
    note_events: number;
  }>(
    database.db,
    sql`
    SELECT (SELECT count(*)::int FROM case_interventions) AS interventions,
           (SELECT count(*)::int FROM case_events WHERE kind = 'intervention-added') AS added,
           (SELECT count(*)::int FROM intervention_follow_ups WHERE done_on IS NOT NULL) AS done,
           (SELECT count(*)::int FROM case_events WHERE kind = 'follow-up-done') AS done_events,
           (SELECT count(*)::int FROM case_notes) AS notes,
           (SELECT count(*)::int FROM case_events WHERE kind = 'note-added') AS note_events`,
  );
  assert.ok(counts);
  assert.equal(counts.added, counts.interventions);
  assert.equal(counts.done_events, counts.done);
  assert.equal(counts.note_events, counts.notes);
  const text = JSON.stringify(events);
  assert.ok(!sensitiveNotes.some((n) => text.includes(n)), "no sensitive note's text in the history");
  const [late] = await queryRows<{ n: number }>(
    database.db,
    sql`
    SELECT count(*)::int AS n FROM intervention_follow_ups WHERE done_on IS NOT NULL AND (done_on > ${scenarioDate}::date OR done_on < due_on)`,
  );
  assert.equal(late?.n, 0, 'nothing is done in the future or before it is due');
  // Responsible persons are demo accounts that may change cases at the unit (student-health roles and the principal).
  const [outside] = await queryRows<{ n: number }>(
    database.db,
    sql`
    SELECT count(*)::int AS n FROM (SELECT responsible_id FROM cases UNION SELECT responsible_id FROM case_interventions
      UNION SELECT responsible_id FROM intervention_follow_ups) r
     WHERE r.responsible_id NOT IN (SELECT account_id FROM role_assignments WHERE tenant_id = ${kommun}::uuid
       AND role IN ('kurator', 'skolskoterska', 'specialpedagog', 'psykolog', 'syv', 'rektor'))`,
  );
  assert.equal(outside?.n, 0);
  assert.ok(
    caseRows.some((c) => c.responsible_id === kurator),
    "most cases are the demo kurator's",
  );

  const again = await seedDemoInterventions(database, { today: scenarioDate, share: 1 });
  assert.match(again.skipped ?? '', /redan ärenden/);
  const [after] = await queryRows<{ n: number; e: number }>(
    database.db,
    sql`SELECT (SELECT count(*)::int FROM cases) AS n, (SELECT count(*)::int FROM case_events) AS e`,
  );
  assert.deepEqual(after, { n: 3, e: events.length }, 'a second run adds nothing');
});
