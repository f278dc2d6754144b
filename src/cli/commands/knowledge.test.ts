import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { openDatabase } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { updateRecord } from '../../../test/support/factories/index.ts';

// The CLI in a child process on its own embedded database (on both test legs): the migration's methods, every one
// reviewed 2024-06-01 except Check & Connect (2023-10-01), mentoring (2023-10-02) and study guidance (never).
const work = mkdtempSync(join(tmpdir(), 'fullfolj-knowledge-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));
const dataDir = join(work, 'data');
{
  const database = await openDatabase({ dataDir });
  await migrateDatabase(database);
  await updateRecord(database.db, 'all', { lastReviewedOn: '2024-06-01' });
  await updateRecord(database.db, { slug: 'check-and-connect' }, { lastReviewedOn: '2023-10-01' });
  await updateRecord(database.db, { slug: 'mentoring' }, { lastReviewedOn: '2023-10-02' });
  await updateRecord(database.db, { slug: 'study-career-guidance' }, { lastReviewedOn: null });
  await database.close();
}

const run = promisify(execFile);
async function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, FULLFOLJ_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { env, encoding: 'utf8' });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { status: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('knowledge review-reminders --json: never reviewed first, then records last reviewed 12 months or more before --today', async () => {
  const res = await cli('knowledge', 'review-reminders', '--today', '2024-10-01', '--json');
  assert.equal(res.status, 0, res.stderr);
  const out = JSON.parse(res.stdout) as {
    today: string;
    months: number;
    records: { slug: string; lastReviewedOn: string | null; dueOn: string }[];
  };
  assert.deepEqual([out.today, out.months], ['2024-10-01', 12]);
  assert.deepEqual(
    out.records.map((r) => [r.slug, r.lastReviewedOn]),
    [
      ['study-career-guidance', null],
      ['check-and-connect', '2023-10-01'],
    ],
  );
  assert.equal(out.records[1]!.dueOn, '2024-10-01');

  const nextDay = JSON.parse((await cli('knowledge', 'review-reminders', '--today', '2024-10-02', '--json')).stdout) as {
    records: { slug: string }[];
  };
  assert.deepEqual(
    nextDay.records.map((r) => r.slug),
    ['study-career-guidance', 'check-and-connect', 'mentoring'],
  );
});

test('knowledge review-reminders in words, and a bad --today is refused', async () => {
  const res = await cli('knowledge', 'review-reminders', '--today', '2024-10-01');
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /2 poster behöver granskas 2024-10-01/);
  assert.match(res.stdout, /Check & Connect \(check-and-connect\): granskad 2023-10-01/);
  assert.match(res.stdout, /aldrig granskad/);
  const bad = await cli('knowledge', 'review-reminders', '--today', '1 oktober');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /Ogiltigt datum/);
});
