import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '../../server/db/client.ts';
import { shouldSeedDemo } from '../demo-on-start.ts';

test('the demo region is seeded only into an empty database, on PostgreSQL only when asked', () => {
  assert.equal(shouldSeedDemo('pglite', 0, undefined), true);
  assert.equal(shouldSeedDemo('pglite', 3, undefined), false);
  assert.equal(shouldSeedDemo('pglite', 0, false), false);
  assert.equal(shouldSeedDemo('postgres', 0, undefined), false);
  assert.equal(shouldSeedDemo('postgres', 0, true), true);
  assert.equal(shouldSeedDemo('postgres', 2, true), false);
  // A start interrupted while seeding finishes the region, unless seeding is switched off.
  assert.equal(shouldSeedDemo('pglite', 4, undefined, true), true);
  assert.equal(shouldSeedDemo('pglite', 4, false, true), false);
});

test('start --json serves /api/health, and SIGTERM closes the embedded database and exits', { timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fullfolj-start-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', FULLFOLJ_DATA_DIR: dataDir, FULLFOLJ_SEED_DEMO: '0', LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL; // the embedded database is the one that keeps a process alive when left open
  const child = spawn(process.execPath, ['bin/fullfolj.js', 'start', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const summary = await new Promise<{ url: string; database: string; organisers: number }>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        try {
          resolve(JSON.parse(stdout));
        } catch {
          // not the whole document yet
        }
      });
      child.once('exit', (code) => reject(new Error(`start exited (${code}) before listening: ${stderr}`)));
    });
    assert.equal(summary.database, 'pglite');
    assert.equal(summary.organisers, 0);
    const health = await fetch(`${summary.url}/api/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', database: 'pglite', organisers: 0, schoolUnits: 0, students: 0 });

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    assert.equal(code, 0);
    // The lock is released: the folder opens again.
    const reopened = await openDatabase({ dataDir });
    await reopened.close();
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
