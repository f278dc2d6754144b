import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openDatabase } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { startFakeSs12000Server } from '../../ingest/ss12000/fake-ss12000-server.ts';
import { cloneDocuments, fixtureDir, fixtureDocuments, fixtureRegion } from '../../ingest/ss12000/test-helpers.ts';

// The CLI runs in a child process on its own embedded database (on both test legs).
const work = mkdtempSync(join(tmpdir(), 'fullfolj-import-cli-'));
const dataDir = join(work, 'data');

before(async () => {
  const database = await openDatabase({ dataDir });
  await migrateDatabase(database);
  await database.close();
});
after(() => rmSync(work, { recursive: true, force: true }));

function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FULLFOLJ_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return env;
}

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { env: cliEnv(), encoding: 'utf8' });
}

/** The CLI without blocking this process (a fake server here must answer it). */
function cliAsync(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { env: cliEnv() });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

interface JsonResult {
  status: string;
  reason: string | null;
  reports: {
    status: string;
    failure: string | null;
    counts: Record<string, { upserted: number; unchanged: number; rejected: number }>;
    errors: { location: string; field: string; reason: string }[];
  }[];
}

test('import ss12000 <region dir> --json imports each organiser subdirectory and prints one JSON object', () => {
  const run = cli('import', 'ss12000', fixtureRegion, '--json');
  assert.equal(run.status, 0, run.stderr);
  const output = JSON.parse(run.stdout) as {
    status: string;
    reports: { organiserName: string; status: string; counts: Record<string, { upserted: number }> }[];
  };
  assert.equal(output.status, 'completed');
  assert.deepEqual(
    output.reports.map((r) => [r.organiserName, r.status]),
    [
      ['Exempelskolan AB', 'completed'],
      ['Exempelkommun', 'completed'],
    ],
  );
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
  assert.match(
    human.stdout,
    /persons\/page-2\.json\[0\] Person d0000000-0000-4000-8000-000000000004: civicNo\.value: ogiltigt personnummer/,
  );
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

test('NUL and a lone surrogate in person documents: only those are rejected, nothing of any person is printed, and a rerun succeeds', () => {
  const dir = join(work, 'nul');
  cpSync(fixtureDir('kommun'), dir, { recursive: true });
  const file = join(dir, 'persons', 'page-1.json');
  const original = readFileSync(file, 'utf8');
  const page = JSON.parse(original) as { data: { givenName: string; addresses?: { streetAddress: string }[] }[] };
  page.data[0]!.givenName = 'Markör-NUL-a1\u0000';
  page.data[1]!.addresses![0]!.streetAddress = 'Markör-surrogat-b2 \ud800';
  writeFileSync(file, JSON.stringify(page)); // JSON escapes them: \u0000 and \ud800
  const run = cli('import', 'ss12000', dir, '--json');
  assert.equal(run.status, 1, run.stderr);
  const result = JSON.parse(run.stdout) as JsonResult; // exactly one JSON document
  assert.equal(result.status, 'failed');
  const [report] = result.reports;
  assert.equal(report?.failure, null, 'the run went to its end');
  const persons = report?.counts.persons;
  assert.equal((persons?.upserted ?? 0) + (persons?.unchanged ?? 0), 3, 'the other persons are written');
  assert.equal(persons?.rejected, 2);
  const personErrors = report!.errors.filter((e) => e.location.startsWith('persons/'));
  assert.deepEqual(
    personErrors.map((e) => [e.location, e.field]),
    [
      ['persons/page-1.json[0]', 'givenName'],
      ['persons/page-1.json[1]', 'addresses[0].streetAddress'],
    ],
  );
  const printed = `${run.stdout}${run.stderr}`;
  for (const secret of ['Markör', '200701012395', '197501079292', '198001022386', '20080105-2382', '200801052382', 'Testgatan']) {
    assert.equal(printed.includes(secret), false, `${secret} is never printed`);
  }

  writeFileSync(file, original);
  const rerun = cli('import', 'ss12000', dir, '--json');
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.equal((JSON.parse(rerun.stdout) as JsonResult).status, 'completed');
});

test('--json prints one result object with a reason also when the command fails before importing', () => {
  const run = cli('import', 'ss12000', '--url', 'http://127.0.0.1:9/none', '--json');
  assert.equal(run.status, 1);
  const result = JSON.parse(run.stdout) as JsonResult;
  assert.equal(result.status, 'failed');
  assert.match(result.reason ?? '', /--token/);
  assert.deepEqual(result.reports, []);
  const bad = cli('import', 'ss12000', '--url', 'http://127.0.0.1:9/none', '--token', 't', '--max-pages', '0x10', '--json');
  assert.match((JSON.parse(bad.stdout) as JsonResult).reason ?? '', /--max-pages ska vara ett heltal/);
});

test('URL mode: a source that repeats its page token or has too many pages stops with a clear reason and exit 1', async () => {
  const { certificates: _skip, ...documents } = cloneDocuments(fixtureDocuments('kommun'));
  const server = await startFakeSs12000Server({ token: 'cli-token', documents: documents as Record<string, unknown[]> });
  try {
    server.misbehave('/persons', { kind: 'repeatToken' });
    const repeated = await cliAsync('import', 'ss12000', '--url', server.baseUrl, '--token', 'cli-token', '--json');
    assert.equal(repeated.status, 1, repeated.stderr);
    const result = JSON.parse(repeated.stdout) as JsonResult;
    assert.equal(result.status, 'failed');
    assert.match(result.reports[0]?.failure ?? '', /samma sidmarkör \(pageToken\) två gånger för \/persons/);
    assert.match(result.reason ?? '', /sidmarkör/);
    assert.equal(`${repeated.stdout}${repeated.stderr}`.includes('cli-token'), false);

    server.reset();
    server.misbehave('/groups', { kind: 'endlessPages' });
    const endless = await cliAsync('import', 'ss12000', '--url', server.baseUrl, '--token', 'cli-token', '--max-pages', '3', '--json');
    assert.equal(endless.status, 1, endless.stderr);
    assert.match((JSON.parse(endless.stdout) as JsonResult).reason ?? '', /fler än 3 sidor för \/groups/);
  } finally {
    await server.close();
  }
});
