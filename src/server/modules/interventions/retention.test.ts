import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  accessLogRows,
  accountId,
  fixtureClock,
  friskola,
  kommun,
  loadAccessFixtures,
  signIn,
  students,
} from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../app.ts';
import { addCase, caseRowCounts } from './reporting-fixtures.ts';
import { retentionCutoff, runRetention } from './retention.ts';

const unit = 'a0000000-0000-4000-8000-000000000002';
const friUnit = 'a1000000-0000-4000-8000-000000000002';
const database = await createTestDatabase();
await loadAccessFixtures(database);
const kuratorId = await accountId(database, 'kurator');
const withHistory = (studentId: string, closedOn: string | undefined, tenantId = kommun, schoolUnitId = unit) =>
  addCase(database.db, {
    tenantId,
    studentId,
    schoolUnitId,
    responsibleId: kuratorId,
    openedOn: '2019-01-10',
    withHistory: true,
    ...(closedOn ? { status: 'closed' as const, closedOn } : {}),
    interventions: [{ title: 'Samtal', startDate: '2019-01-15', followUps: [{ dueOn: '2019-02-01', doneOn: '2019-02-01' }] }],
  });
// Closed 2019 (past a 3-year rule on 2024-10-01), closed 2022 (within it), open since 2019; Dana's, closed 2019, at the other organiser.
const old = await withHistory(students.alva, '2019-06-30');
const recent = await withHistory(students.bo, '2022-06-30');
const open = await withHistory(students.cem, undefined);
const foreign = await withHistory(students.dana, '2019-06-30', friskola, friUnit);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const admin = await signIn(app, 'admin');
/** The database's own refusal (drizzle wraps it: the trigger's message is the cause's). */
const refused = (promise: Promise<unknown>, pattern: RegExp) =>
  assert.rejects(promise, (e: Error & { cause?: Error }) => pattern.test(e.cause?.message ?? e.message));
const put = (headers: Record<string, string>, payload: unknown) =>
  app.inject({ method: 'PUT', url: '/api/interventions/settings', headers, payload: payload as Record<string, unknown> });

test('GET/PUT /api/interventions/settings: 401, 400 naming retentionYears, 403 for others (logged), 200 for the administrator; the outsider changes only their own', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/interventions/settings' })).statusCode, 401);
  assert.equal((await put({ 'x-fullfolj-csrf': '1' }, { retentionYears: 3 })).statusCode, 401);
  for (const bad of [{ retentionYears: 0 }, { retentionYears: 51 }, { retentionYears: 2.5 }, { retentionYears: '3' }, {}]) {
    const res = await put(admin.headers, bad);
    assert.equal(res.statusCode, 400, JSON.stringify(bad));
    assert.deepEqual(
      res.json().fields.map((f: { field: string }) => f.field),
      ['retentionYears'],
    );
  }
  const kurator = await signIn(app, 'kurator');
  assert.equal((await put(kurator.headers, { retentionYears: 1 })).statusCode, 403);
  const log = (await accessLogRows(database)).at(-1);
  assert.deepEqual([log?.action, log?.outcome], ['settings.manage', 'denied']);

  assert.deepEqual((await app.inject({ method: 'GET', url: '/api/interventions/settings', headers: admin.headers })).json(), {
    retentionYears: null,
  });
  assert.deepEqual((await put(admin.headers, { retentionYears: 3 })).json(), { retentionYears: 3 });
  assert.deepEqual((await app.inject({ method: 'GET', url: '/api/interventions/settings', headers: admin.headers })).json(), {
    retentionYears: 3,
  });

  const outsider = await signIn(app, 'fri-admin');
  assert.deepEqual((await app.inject({ method: 'GET', url: '/api/interventions/settings', headers: outsider.headers })).json(), {
    retentionYears: null,
  });
  assert.equal((await put(outsider.headers, { retentionYears: null })).statusCode, 200);
  const rules = await queryRows<{ tenant_id: string; retention_years: number | null }>(
    database.db,
    sql`SELECT tenant_id, retention_years FROM intervention_settings ORDER BY tenant_id`,
  );
  assert.deepEqual(rules, [
    { tenant_id: kommun, retention_years: 3 },
    { tenant_id: friskola, retention_years: null },
  ]);
});

test('case events and notes refuse DELETE outside the retention job, and UPDATE always', async () => {
  // Each statement names the organiser, as the application's do (one shard on a cluster distributed by organiser, whose
  // trigger then names the shard's table: `case_events_102061`).
  await refused(
    database.db.execute(sql`DELETE FROM case_events WHERE tenant_id = ${kommun}::uuid AND case_id = ${old.caseId}::uuid`),
    /case_events(_\d+)? sparas: DELETE är inte tillåtet/,
  );
  await refused(
    database.db.execute(sql`DELETE FROM case_notes WHERE tenant_id = ${kommun}::uuid AND case_id = ${old.caseId}::uuid`),
    /case_notes(_\d+)? sparas/,
  );
  await refused(
    database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL fullfolj.retention = 'on'`);
      await tx.execute(sql`UPDATE case_notes SET body = 'ändrad' WHERE tenant_id = ${kommun}::uuid AND case_id = ${old.caseId}::uuid`);
    }),
    /UPDATE är inte tillåtet/,
  );
  assert.equal((await caseRowCounts(database.db, [old.caseId])).case_events, 1, 'nothing was deleted');
});

test('retention deletes the cases closed before the cutoff with everything in them, in their organiser only; a second run deletes nothing', async () => {
  assert.equal(retentionCutoff('2024-10-01', 3), '2021-10-01');
  const [result, ...others] = await runRetention(database, '2024-10-01');
  assert.deepEqual(others, [], 'friskola keeps its cases (no rule)');
  assert.deepEqual(result, {
    tenantId: kommun,
    retentionYears: 3,
    closedBefore: '2021-10-01',
    deleted: { cases: 1, interventions: 1, followUps: 1, notes: 1, events: 1, actionProgrammes: 1 },
  });
  const none = { cases: 0, case_interventions: 0, intervention_follow_ups: 0, case_notes: 0, case_events: 0, action_programmes: 0 };
  const all = { cases: 1, case_interventions: 1, intervention_follow_ups: 1, case_notes: 1, case_events: 1, action_programmes: 1 };
  assert.deepEqual(await caseRowCounts(database.db, [old.caseId]), none);
  for (const kept of [recent, open, foreign]) assert.deepEqual(await caseRowCounts(database.db, [kept.caseId]), all);
  // The setting was local to the job's transaction: the history is protected again.
  await refused(
    database.db.execute(sql`DELETE FROM case_events WHERE tenant_id = ${kommun}::uuid AND case_id = ${recent.caseId}::uuid`),
    /case_events(_\d+)? sparas/,
  );
  assert.deepEqual((await runRetention(database, '2024-10-01'))[0]?.deleted.cases, 0);
});
