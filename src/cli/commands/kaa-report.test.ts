import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { accountId, kommun, loadAccessFixtures } from '../../../test/support/access.ts';
import { openDatabase } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { seedRegister } from '../../server/modules/kaa/report/test-fixtures.ts';

// The CLI in a child process on its own embedded database: the fixtures with a small KAA register (one failing check).
const work = mkdtempSync(join(tmpdir(), 'fullfolj-kaa-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));
const dataDir = join(work, 'data');
{
  const database = await openDatabase({ dataDir });
  await migrateDatabase(database);
  await loadAccessFixtures(database);
  await seedRegister(database.db, await accountId(database, 'kaa'));
  await database.close();
}

const run = (args: string[]) =>
  promisify(execFile)(process.execPath, ['bin/fullfolj.js', ...args], {
    env: { ...process.env, FULLFOLJ_DATA_DIR: dataDir, DATABASE_URL: '' },
    maxBuffer: 10_000_000,
  });

test('kaa report --half --json: the summary and the failures per field, without a name or civic number', async () => {
  const { stdout } = await run(['kaa', 'report', '--half', '2024H2', '--organiser', kommun, '--json']);
  const out = JSON.parse(stdout) as {
    status: string;
    reports: { summary: { youths: number; rows: number }; failures: number; failuresByField: { field: string; count: number }[] }[];
  };
  assert.equal(out.status, 'ok');
  assert.equal(out.reports[0]?.summary.youths, 3);
  assert.equal(out.reports[0]?.failures, 1);
  assert.deepEqual(out.reports[0]?.failuresByField, [
    { block: 'Block 2 – kontakt med den unga', field: 'Sysselsättning vid kontakt saknas', count: 1 },
  ]);
  assert.doesNotMatch(stdout, /Ada|Bea|Cai|200701/);
});

test('kaa report refuses a half-year that is not one, in Swedish', async () => {
  await assert.rejects(run(['kaa', 'report', '--half', '2024H3', '--json']), (error: { stdout: string }) => {
    assert.match(error.stdout, /--half ska vara ett halvår som 2026H2/);
    return true;
  });
});
