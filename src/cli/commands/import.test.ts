import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openDatabase } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { fixtureDir, fixtureRegion } from '../../ingest/ss12000/test-helpers.ts';

// The CLI runs in a child process on its own embedded database (on both test legs).
const work = mkdtempSync(join(tmpdir(), 'fullfolj-import-cli-'));
const dataDir = join(work, 'data');

before(async () => {
  const database = await openDatabase({ dataDir });
  await migrateDatabase(database);
  await database.close();
});
after(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, FULLFOLJ_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { env, encoding: 'utf8' });
}

test('import ss12000 <region dir> --json imports each organiser subdirectory and prints one JSON object', () => {
  const run = cli('import', 'ss12000', fixtureRegion, '--json');
  assert.equal(run.status, 0, run.stderr);
  const output = JSON.parse(run.stdout) as { status: string; reports: { organiserName: string; status: string; counts: Record<string, { upserted: number }> }[] };
  assert.equal(output.status, 'completed');
  assert.deepEqual(output.reports.map((r) => [r.organiserName, r.status]), [['Exempelskolan AB', 'completed'], ['Exempelkommun', 'completed']]);
  assert.equal(output.reports[1]?.counts.attendances?.upserted, 4);
  assert.match(run.stderr, /Importerar files:/, 'progress goes to stderr');
});

test('a failed import exits non-zero, names location/field/reason, and never prints the personnummer', () => {
  const dir = join(work, 'broken');
  cpSync(fixtureDir('kommun'), dir, { recursive: true });
  const file = join(dir, 'persons', 'page-2.json');
  const bad = '197501079293';
  writeFileSync(file, readFileSync(file, 'utf8').replace('197501079292', bad));
  const human = cli('import', 'ss12000', dir);
  assert.equal(human.status, 1);
  assert.match(human.stdout, /persons\/page-2\.json\[0\] Person d0000000-0000-4000-8000-000000000004: civicNo\.value: ogiltigt personnummer/);
  assert.match(human.stdout, /misslyckad \(failed\)/);
  assert.equal(`${human.stdout}${human.stderr}`.includes(bad), false);
  const json = cli('import', 'ss12000', dir, '--json');
  assert.equal(json.status, 1);
  assert.equal((JSON.parse(json.stdout) as { status: string }).status, 'failed');
  assert.equal(`${json.stdout}${json.stderr}`.includes(bad), false);
});

test('--url without a token is refused before anything is read', () => {
  const env = cli('import', 'ss12000', '--url', 'http://127.0.0.1:9/none');
  assert.equal(env.status, 1);
  assert.match(env.stderr, /--token/);
});
