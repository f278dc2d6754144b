/**
 * The retention rules delete exactly what they should, per organiser; a dry run counts the same and deletes nothing;
 * the access log leaves only through its guarded path, which logs the count; the run is recorded in job_runs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { format, subDays, subMonths, subYears } from 'date-fns';
import { sql } from 'drizzle-orm';
import { accountId, friskola, kommun, loadAccessFixtures, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addAccessLogRow, recordLessons, setEnrolmentEnd } from '../../../../test/support/factories/index.ts';
import { queryRows } from '../../db/client.ts';
import { kaaYouth, notifications, signInFailures, studentRiskHistory, teamMeetings } from '../../db/schema/index.ts';
import { addCase } from '../interventions/reporting-fixtures.ts';
import { finishJobRun, lastJobRuns, startJobRun } from './job-runs.ts';
import { accessLogRetentionAction } from './rules/access-log.ts';
import { runRetention } from './run.ts';
import { saveRuleSettings } from './settings.ts';

const now = new Date();
const day = (d: Date) => format(d, 'yyyy-MM-dd');
const today = day(now);
const database = await createTestDatabase();
const { db } = database;
await loadAccessFixtures(database);
const admin = await accountId(database, 'admin');
const kurator = await accountId(database, 'kurator');
const unit = 'a0000000-0000-4000-8000-000000000002';
const friUnit = 'a1000000-0000-4000-8000-000000000002';

await saveRuleSettings(db, kommun, admin, {
  cases: 3,
  'early-warning-history': 2,
  'school-records-after-leaving': 2,
  'kaa-register': 1,
  'access-log': 2,
  notifications: 30,
  'team-meetings': 3,
});
// Cases: closed 5 years ago (goes), 1 year ago (stays), open (stays); the other organiser's, closed 5 years ago, has no rule.
const closedCase = (tenantId: string, studentId: string, closedOn: string | undefined, schoolUnitId = unit) =>
  addCase(db, {
    tenantId,
    studentId,
    schoolUnitId,
    responsibleId: kurator,
    openedOn: day(subYears(now, 6)),
    withHistory: true,
    ...(closedOn ? { status: 'closed' as const, closedOn } : {}),
    interventions: [{ title: 'Samtal', startDate: day(subYears(now, 6)), followUps: [{ dueOn: day(subYears(now, 6)) }] }],
  });
await closedCase(kommun, students.cem, day(subYears(now, 5)));
await closedCase(kommun, students.bo, day(subYears(now, 1)));
await closedCase(kommun, students.eva, undefined);
await closedCase(friskola, students.dana, day(subYears(now, 5)), friUnit);
// Access log: two kommun rows 3 years old (go), one 18 months old (stays), one friskola row 3 years old (no rule).
for (const [tenantId, at, requestId] of [
  [kommun, subYears(now, 3), 'old-1'],
  [kommun, subYears(now, 3), 'old-2'],
  [kommun, subMonths(now, 18), 'mid'],
  [friskola, subYears(now, 3), 'fri-old'],
] as const)
  await addAccessLogRow(db, { tenantId, at: at.toISOString(), requestId, action: 'students.read', outcome: 'allowed' });
// Notifications: kommun 40 days (goes, rule 30) and 10 days (stays); friskola 100 days (goes, default 90) and 50 days.
for (const [tenantId, days] of [
  [kommun, 40],
  [kommun, 10],
  [friskola, 100],
  [friskola, 50],
] as const)
  await db.insert(notifications).values({ tenantId, accountId: admin, kind: 'follow-up-digest', forDate: day(subDays(now, days)) });
// Early detection: kommun history 3 years old (goes) and 1 year old (stays).
await db.insert(studentRiskHistory).values([
  { tenantId: kommun, studentId: students.alva, asOf: day(subYears(now, 3)), tier: 2 },
  { tenantId: kommun, studentId: students.alva, asOf: day(subYears(now, 1)), tier: 2 },
]);
// School records: Alva left 3 years ago (her lessons go), Bo is still enrolled (his stay).
await setEnrolmentEnd(db, { tenantId: kommun, personId: students.alva, endDate: day(subYears(now, 3)) });
await recordLessons(db, {
  tenantId: kommun,
  studentId: students.alva,
  lessons: [{ date: day(subYears(now, 4)) }, { date: day(subYears(now, 3)) }],
});
await recordLessons(db, { tenantId: kommun, studentId: students.bo, lessons: [{ date: day(subYears(now, 4)) }] });
// KAA: one turned 20 two years ago (goes), one half a year ago (stays under a 1-year rule).
const youth = (civicNo: string, birthDate: string) => ({
  tenantId: kommun,
  civicNo,
  civicNoKind: 'personnummer' as const,
  givenName: 'Test',
  familyName: 'Ungdom',
  birthDate,
});
await db.insert(kaaYouth).values([youth('200001012380', day(subYears(now, 22))), youth('200001022389', day(subMonths(now, 246)))]);
// Team meetings: kommun's held 4 years ago (goes, rule 3) and 2 years ago (stays); friskola's 4 years ago (no rule).
for (const [tenantId, years, schoolUnitId] of [
  [kommun, 4, unit],
  [kommun, 2, unit],
  [friskola, 4, friUnit],
] as const)
  await db.insert(teamMeetings).values({ tenantId, schoolUnitId, heldOn: day(subYears(now, years)), status: 'held', createdBy: admin });
await db.insert(signInFailures).values([
  { key: 'a'.repeat(64), failures: 3, lastFailureAt: subDays(now, 3).toISOString() },
  { key: 'b'.repeat(64), failures: 1, lastFailureAt: now.toISOString() },
]);

const expected = {
  cases: { [kommun]: 1 + 1 + 1 + 1 },
  'access-log': { [kommun]: 2 },
  notifications: { [kommun]: 1, [friskola]: 1 },
  'early-warning-history': { [kommun]: 1 },
  'kaa-register': { [kommun]: 1 },
  'team-meetings': { [kommun]: 1 },
  'sign-in-failures': { installation: 1 },
};

async function tableCounts(): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  );
  const out: Record<string, number> = {};
  for (const { name } of tables)
    out[name] = (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`))[0]!.n;
  return out;
}
const byRule = (runs: Awaited<ReturnType<typeof runRetention>>, rule: string) =>
  Object.fromEntries(runs.filter((r) => r.rule === rule).map((r) => [r.tenantId ?? 'installation', r.counts]));

test('a dry run counts per rule and organiser and deletes nothing', async () => {
  const before = await tableCounts();
  const runs = await runRetention(database, { today, dryRun: true });
  assert.deepEqual(await tableCounts(), before);
  assert.equal(byRule(runs, 'cases')[kommun]!.cases, 1);
  assert.equal(byRule(runs, 'cases')[friskola], undefined, 'no rule at the independent organiser: not even counted');
  assert.deepEqual(byRule(runs, 'access-log'), { [kommun]: { access_log: 2 } });
  assert.deepEqual(
    Object.fromEntries(Object.entries(byRule(runs, 'notifications')).map(([t, c]) => [t, c.notifications])),
    expected.notifications,
  );
  assert.equal(byRule(runs, 'early-warning-history')[kommun]!.student_risk_history, 1);
  assert.ok(byRule(runs, 'school-records-after-leaving')[kommun]!.attendances! >= 2);
  assert.equal(byRule(runs, 'kaa-register')[kommun]!.kaa_youth, 1);
  assert.deepEqual(byRule(runs, 'sign-in-failures'), { installation: { sign_in_failures: 1 } });
  assert.deepEqual(byRule(runs, 'team-meetings'), { [kommun]: { team_meetings: 1 } }, 'no rule at the independent organiser');
});

test('the real run deletes exactly what the dry run counted, logs the access log’s deletion, and a second run finds nothing', async () => {
  const before = await tableCounts();
  const dry = await runRetention(database, { today, dryRun: true });
  const runs = await runRetention(database, { today, dryRun: false });
  assert.deepEqual(
    runs.map((r) => [r.rule, r.tenantId, r.counts]),
    dry.map((r) => [r.rule, r.tenantId, r.counts]),
  );
  const after = await tableCounts();
  const deleted: Record<string, number> = {};
  for (const r of runs) for (const [t, n] of Object.entries(r.counts)) deleted[t] = (deleted[t] ?? 0) + n;
  for (const [table, n] of Object.entries(before)) {
    const logged = table === 'access_log' ? 1 : 0; // the job's own row about the deletion
    assert.equal(after[table], n - (deleted[table] ?? 0) + logged, table);
  }
  const remaining = await queryRows<{ request_id: string }>(
    db,
    sql`SELECT request_id FROM access_log WHERE request_id IN ('old-1','old-2','mid','fri-old') ORDER BY 1`,
  );
  assert.deepEqual(
    remaining.map((r) => r.request_id),
    ['fri-old', 'mid'],
  );
  const [own] = await queryRows<{ purpose: string; tenant_id: string }>(
    db,
    sql`SELECT purpose, tenant_id FROM access_log WHERE action = ${accessLogRetentionAction}`,
  );
  assert.equal(own?.tenant_id, kommun);
  assert.match(own!.purpose, /2 rader före/);
  const bo = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM attendances WHERE student_id = ${students.bo}::uuid`);
  assert.ok(bo[0]!.n >= 1, 'a student still enrolled keeps attendance');
  const again = await runRetention(database, { today, dryRun: true });
  assert.equal(
    again.reduce((s, r) => s + r.total, 0),
    0,
  );
});

test('the access log stays append-only: UPDATE, TRUNCATE and an unmarked DELETE are refused; even the marked path never deletes a row younger than a year', async () => {
  const refused = (p: Promise<unknown>) =>
    assert.rejects(p, (e: Error & { cause?: Error }) => /append-only/.test(e.cause?.message ?? e.message));
  await addAccessLogRow(db, {
    tenantId: kommun,
    at: subMonths(now, 11).toISOString(),
    requestId: 'young',
    action: 'students.read',
    outcome: 'allowed',
  });
  await refused(db.execute(sql`UPDATE access_log SET purpose = 'x'`));
  await refused(db.execute(sql`DELETE FROM access_log`));
  await refused(db.execute(sql`TRUNCATE access_log`));
  await refused(
    db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL fullfolj.access_log_retention = 'on'`);
      await tx.execute(sql`DELETE FROM access_log WHERE request_id = 'young'`);
    }),
  );
  await refused(
    db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL fullfolj.access_log_retention = 'on'`);
      await tx.execute(sql`UPDATE access_log SET purpose = 'x' WHERE request_id = 'fri-old'`);
    }),
  );
});

test('job_runs: the last run of each job with its outcome and counts, a failure with its kind only', async () => {
  const ok = await startJobRun(db, 'retention');
  await finishJobRun(db, ok, { counts: { notifications: { [kommun]: 1 } } });
  const bad = await startJobRun(db, 'kaa refresh');
  await finishJobRun(db, bad, { error: Object.assign(new Error('värde 19990101-1234 i fel'), { code: '23505' }) });
  const last = await lastJobRuns(db);
  const byJob = Object.fromEntries(last.map((r) => [r.job, r]));
  assert.equal(byJob.retention!.outcome, 'succeeded');
  assert.deepEqual(byJob.retention!.counts, { notifications: { [kommun]: 1 } });
  assert.equal(byJob['kaa refresh']!.outcome, 'failed');
  assert.equal(byJob['kaa refresh']!.errorKind, '23505');
  assert.ok(byJob['kaa refresh']!.finishedAt);
  assert.doesNotMatch(JSON.stringify(last), /19990101/);
});
