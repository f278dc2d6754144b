import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

// The CLI in a child process on its own embedded database (on both test legs): a small demo region, then the
// nightly refresh and the model commands.
const work = mkdtempSync(join(tmpdir(), 'fullfolj-ew-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, FULLFOLJ_DATA_DIR: join(work, 'data') };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { env, encoding: 'utf8' });
}

const seeded = cli('seed', '--scale', '0.25', '--today', '2026-11-22', '--json');

test('seed prepares early detection: a model per upper-secondary organiser that beats the rules, and weekly refreshes', () => {
  assert.equal(seeded.status, 0, seeded.stderr);
  const out = JSON.parse(seeded.stdout) as {
    earlyWarning: {
      models: { organiser: string; testAuc: number; rulesAuc: number; activated: boolean }[];
      refreshes: number;
      students: number;
    };
  };
  assert.equal(out.earlyWarning.refreshes, 6);
  assert.ok(out.earlyWarning.students > 0);
  for (const m of out.earlyWarning.models) assert.equal(m.activated, m.testAuc > m.rulesAuc, m.organiser);
});

test('early-warning refresh --json refreshes every organiser; an older date than the last refresh is refused', () => {
  const run = cli('early-warning', 'refresh', '--today', '2026-11-23', '--json');
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as {
    asOf: string;
    students: number;
    organisers: { students: number; tiers: Record<string, number> }[];
  };
  assert.equal(out.asOf, '2026-11-23');
  assert.equal(out.organisers.length, 17);
  assert.equal(
    out.students,
    out.organisers.reduce((s, o) => s + o.students, 0),
  );
  const older = cli('early-warning', 'refresh', '--today', '2026-11-01');
  assert.equal(older.status, 1);
  assert.match(older.stderr, /äldre än den senaste/);
  const bad = cli('early-warning', 'refresh', '--today', '22/11/2026');
  assert.match(bad.stderr, /Ogiltigt datum "22\/11\/2026"/);
});

test('model train, list and activate --json', () => {
  const trained = cli('model', 'train', '--organiser', 'Skövde kommun', '--today', '2026-11-23', '--json');
  assert.equal(trained.status, 0, trained.stderr);
  const out = JSON.parse(trained.stdout) as {
    results: { organiser: string; stage: string; model?: { version: number; status: string }; refused?: string }[];
  };
  assert.deepEqual(
    out.results.map((r) => r.stage),
    ['GY', 'GR'],
    'both stages by default',
  );
  for (const result of out.results) {
    assert.ok(result.model ? result.model.status === 'candidate' : /årskull|elever/.test(result.refused ?? ''), JSON.stringify(result));
  }
  assert.match(cli('model', 'train', '--stage', 'gys').stderr, /--stage måste vara gy, gr eller all/);
  const listed = JSON.parse(cli('model', 'list', '--json').stdout) as { results: { organiser: string; models: unknown[] }[] };
  assert.ok(listed.results.length > 0);
  const unknown = cli('model', 'activate', '00000000-0000-4000-8000-000000000000');
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /Ingen modellversion/);
  assert.match(cli('model', 'train', '--organiser', 'Atlantis kommun').stderr, /Ingen huvudman heter "Atlantis kommun"/);
});
