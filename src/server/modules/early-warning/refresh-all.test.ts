import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { friskola, kommun } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows, type Database } from '../../db/client.ts';
import { workersFor } from '../../platform/side-by-side.ts';
import { largestFirst, refreshAll, RefreshRefused, refreshTenant, refreshWorkersFor } from './refresh.ts';
import { loadScenario, scenarioDate } from './test-scenario.ts';

const side = await createTestDatabase();
const inTurn = await createTestDatabase();
const oneTransaction = await createTestDatabase();
await Promise.all([loadScenario(side), loadScenario(inTurn), loadScenario(oneTransaction)]);

/** What a refresh wrote, in a stable order. */
const written = (database: Database) =>
  queryRows(
    database.db,
    sql`
    SELECT r.tenant_id, r.student_id, r.tier, r.flags, r.data_status, r.probability, r.attendance_4w, r.attendance_term, r.invalid_term, r.failed_grades, r.reported_days_45,
           (SELECT json_agg(json_build_object('i', e.indicator, 'onset', e.onset, 'severity', e.severity) ORDER BY e.indicator)
              FROM indicator_episodes e WHERE e.tenant_id = r.tenant_id AND e.student_id = r.student_id) AS episodes
      FROM student_risk r ORDER BY r.tenant_id, r.student_id`,
  );

test('refreshAll: organisers side by side write what they write one at a time, and the summaries come in name order', async () => {
  const heard: string[] = [];
  const together = await refreshAll(side.db, scenarioDate, (s, name) => heard.push(name), { workers: 3 });
  const alone = await refreshAll(inTurn.db, scenarioDate);
  const names = await queryRows<{ id: string; name: string }>(side.db, sql`SELECT id, name FROM organisers ORDER BY name, id`);
  assert.deepEqual(
    together.map((s) => s.tenantId),
    names.map((n) => n.id),
  );
  assert.deepEqual(together, alone);
  assert.deepEqual([...heard].sort(), names.map((n) => n.name).sort(), 'progress names each organiser once, by name');
  assert.ok(together.some((s) => s.tenantId === kommun && s.students > 0) && together.some((s) => s.tenantId === friskola));
  const rows = await written(side);
  assert.ok(rows.length > 0);
  assert.deepEqual(rows, await written(inTurn));
});

test('largestFirst: organisers side by side start with the most students enrolled on the date, so the largest never finishes alone', async () => {
  const organisers = await queryRows<{ id: string; name: string }>(inTurn.db, sql`SELECT id, name FROM organisers ORDER BY name, id`);
  // Counted here from the rows (the scenario is small), not by the function's own grouped count.
  const enrolments = await queryRows<{ tenant_id: string; start_date: string; end_date: string | null; cancelled: boolean }>(
    inTurn.db,
    sql`SELECT tenant_id, start_date::text, end_date::text, cancelled FROM enrolments`,
  );
  const n = new Map<string, number>();
  for (const e of enrolments) {
    const current = !e.cancelled && e.start_date <= scenarioDate && (e.end_date === null || e.end_date >= scenarioDate);
    if (current) n.set(e.tenant_id, (n.get(e.tenant_id) ?? 0) + 1);
  }
  const ordered = await largestFirst(inTurn.db, organisers, scenarioDate);
  assert.deepEqual([...ordered].map((o) => o.id).sort(), organisers.map((o) => o.id).sort(), 'every organiser once');
  const sizes = ordered.map((o) => n.get(o.id) ?? 0);
  assert.deepEqual(
    sizes,
    [...sizes].sort((a, b) => b - a),
  );
  assert.ok((sizes[0] ?? 0) > (sizes.at(-1) ?? 0), 'the scenario has organisers of different sizes');
});

test('refreshTenant: every organiser in one transaction writes what each writes in its own (the staging is emptied between them)', async () => {
  const ids = await queryRows<{ id: string }>(oneTransaction.db, sql`SELECT id FROM organisers ORDER BY name, id`);
  await oneTransaction.db.transaction(async (tx) => {
    for (const { id } of ids) await refreshTenant(tx, id, scenarioDate);
  });
  assert.deepEqual(await written(oneTransaction), await written(inTurn));
});

test('refreshAll: a refused organiser fails the whole run with its error, after the others under way have ended', async () => {
  // kommun was refreshed on a later date: a refresh on an earlier one is refused for it (indicators go in date order).
  await side.db.transaction((tx) => refreshTenant(tx, kommun, '2024-10-08'));
  await assert.rejects(refreshAll(side.db, '2024-10-02', undefined, { workers: 2 }), RefreshRefused);
  const [after] = await queryRows<{ n: number }>(
    side.db,
    sql`SELECT count(*)::int AS n FROM student_risk_history WHERE tenant_id = ${kommun}::uuid AND as_of = '2024-10-02'`,
  );
  assert.equal(after?.n, 0, 'nothing written for the refused organiser');
});

test('refreshWorkersFor: one more organiser than workersFor on PostgreSQL, where this process computes between statements; one on PGlite', () => {
  assert.equal(refreshWorkersFor('postgres'), workersFor('postgres') + 1);
  assert.equal(refreshWorkersFor('pglite'), 1);
});
