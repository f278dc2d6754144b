import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { accountId, kommun, loadAccessFixtures, students } from '../../../test/support/access.ts';
import { setRetentionYears, updateAccount } from '../../../test/support/factories/index.ts';
import { openDatabase } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { addCase } from '../../server/modules/interventions/reporting-fixtures.ts';

// The CLI in a child process on its own embedded database (on both test legs): the access fixtures with six open cases
// at Exempelgymnasiet (follow-ups overdue on 2024-10-01), one closed in 2019 under a three-year rule, and the
// psychologist's account named by an e-mail address.
const work = mkdtempSync(join(tmpdir(), 'fullfolj-interventions-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));
const dataDir = join(work, 'data');
const unit = 'a0000000-0000-4000-8000-000000000002';
{
  const database = await openDatabase({ dataDir });
  await migrateDatabase(database);
  await loadAccessFixtures(database);
  const kuratorId = await accountId(database, 'kurator');
  const psykologId = await accountId(database, 'psykolog');
  await updateAccount(database.db, 'psykolog', { username: 'psykolog@skola.example' });
  for (const [i, studentId] of [students.alva, ...Array.from({ length: 5 }, () => randomUUID())].entries()) {
    await addCase(database.db, {
      tenantId: kommun,
      studentId,
      schoolUnitId: unit,
      responsibleId: i === 0 ? psykologId : kuratorId,
      openedOn: '2024-09-01',
      interventions: [{ methodSlug: 'mentoring', startDate: '2024-09-10', followUps: [{ dueOn: '2024-09-20' }] }],
    });
  }
  await addCase(database.db, {
    tenantId: kommun,
    studentId: students.bo,
    schoolUnitId: unit,
    responsibleId: kuratorId,
    openedOn: '2019-01-01',
    status: 'closed',
    closedOn: '2019-06-01',
    withHistory: true,
  });
  await setRetentionYears(database.db, kommun, 3);
  await database.close();
}

const run = promisify(execFile);
async function cli(env: Record<string, string>, ...args: string[]) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, FULLFOLJ_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env };
  delete childEnv.DATABASE_URL;
  if (!env.FULLFOLJ_SMTP_URL) delete childEnv.FULLFOLJ_SMTP_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
      env: childEnv,
      encoding: 'utf8',
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { status: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('interventions report --json: figures per unit and organiser, no names, small counts suppressed; a bad --organiser is refused', async () => {
  const res = await cli({}, 'interventions', 'report', '--today', '2024-10-01', '--json');
  assert.equal(res.status, 0, res.stderr);
  const out = JSON.parse(res.stdout) as {
    asOf: string;
    organisers: {
      id: string;
      total: { openCases: number | null; overdueFollowUps: number | null; medianDaysToFirstIntervention: number | null };
      units: { schoolUnit: { id: string }; openCases: number | null }[];
    }[];
  };
  assert.equal(out.asOf, '2024-10-01');
  const k = out.organisers.find((o) => o.id === kommun);
  assert.deepEqual(
    [k?.total.openCases, k?.total.overdueFollowUps, k?.total.medianDaysToFirstIntervention],
    [6, 6, 9],
    'onset unknown: from the opening day (1 Sep) to 10 Sep',
  );
  assert.equal(k?.units.find((u) => u.schoolUnit.id === unit)?.openCases, 6);
  assert.ok(out.organisers.filter((o) => o.id !== kommun).every((o) => o.total.openCases === 0));
  assert.ok(!/Testsson|Provsson|Exempel\b/.test(res.stdout) && !res.stdout.includes(students.alva), 'no names, no student ids');
  const bad = await cli({}, 'interventions', 'report', '--organiser', 'Skövde');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--organiser ska vara en huvudmans id/);
});

test('interventions digest --json: notifications once a day, e-mail through FULLFOLJ_SMTP_URL with counts only', async () => {
  const received: { to: string[]; raw: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  try {
    const env = { FULLFOLJ_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` };
    const first = await cli(env, 'interventions', 'digest', '--today', '2024-10-01', '--json');
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(JSON.parse(first.stdout), {
      forDate: '2024-10-01',
      accounts: 2,
      created: 2,
      emailed: 1,
      noAddress: 1,
      failed: 0,
      smtp: true,
    });
    assert.deepEqual(
      received.map((m) => m.to),
      [['psykolog@skola.example']],
    );
    assert.ok(!received[0]!.raw.includes('Testsson') && !received[0]!.raw.includes(students.alva));
    const second = await cli({}, 'interventions', 'digest', '--today', '2024-10-01', '--json');
    assert.deepEqual(JSON.parse(second.stdout), {
      forDate: '2024-10-01',
      accounts: 2,
      created: 0,
      emailed: 0,
      noAddress: 0,
      failed: 0,
      smtp: false,
    });
  } finally {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
});

test('interventions retention --json deletes the case closed past the rule, once', async () => {
  const res = await cli({}, 'interventions', 'retention', '--today', '2024-10-01', '--json');
  assert.equal(res.status, 0, res.stderr);
  const out = JSON.parse(res.stdout) as {
    cases: number;
    organisers: { tenantId: string; closedBefore: string; deleted: Record<string, number> }[];
  };
  assert.equal(out.cases, 1);
  assert.deepEqual(
    out.organisers.map((o) => [o.tenantId, o.closedBefore, o.deleted.events, o.deleted.notes]),
    [[kommun, '2021-10-01', 1, 1]],
  );
  assert.equal(JSON.parse((await cli({}, 'interventions', 'retention', '--today', '2024-10-01', '--json')).stdout).cases, 0);
});
