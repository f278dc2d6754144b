// `npm run bench` (bench/run.ts) runs each file's entries in a process of their own (bench/run-one.ts) and still prints ONE JSON
// array of {name, value, unit, baseline, ratio}: one entry at its smallest size, on PGlite and, when DATABASE_URL is
// set, on that PostgreSQL server too.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';

function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { ...process.env, BENCH_SIZE: 'smallest' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('bench/run.ts --json prints one array with a result per engine, the entries of each file measured in a process of their own', async () => {
  const { code, stdout, stderr } = await run('bench/run.ts', ['--only', 'copy-vs-insert', '--json']);
  assert.equal(code, 0, stderr);
  const results = JSON.parse(stdout) as { name: string; value: number; unit: string; baseline: number; ratio: number }[];
  const engines = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  assert.deepEqual(
    results.map((r) => r.name),
    engines.map((e) => `copy-vs-insert (${e})`),
  );
  for (const r of results) {
    assert.equal(r.unit, 'rows/s');
    assert.ok(r.value > 0 && r.baseline > 0, JSON.stringify(r));
    assert.equal(r.ratio, Number((r.value / r.baseline).toFixed(3)));
  }
  assert.match(stderr, /▶ copy-vs-insert \(pglite\)/, 'progress goes to stderr');
});

test('bench/run-one.ts refuses a file that is no benchmark file, and says so', async () => {
  const { code, stdout, stderr } = await run('bench/run-one.ts', ['--engine', 'pglite', '--file', '../package.json']);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.match(stderr, /är ingen benchmarkfil/);
});
