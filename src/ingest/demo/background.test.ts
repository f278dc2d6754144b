/**
 * The demo's background seeding reports its steps as a `job_runs` row that the readiness route shows while it runs,
 * and records a failed step as a failed run (the error's kind only).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.ts';
import { buildApp } from '../../server/app.ts';
import type { Database } from '../../server/db/client.ts';
import { demoSeedingJob, runDemoBackground } from './background.ts';

const options = { today: '2026-12-03', seed: 1 };

test('the readiness route shows the demo seeding steps done of how many while it runs, then its outcome', async () => {
  const database = await createTestDatabase();
  const app = await buildApp({ database, config: { logLevel: 'silent' } });
  const jobOnRoute = async () => {
    const ready = (await app.inject({ method: 'GET', url: '/api/health/ready' })).json() as {
      jobs: { job: string; outcome: string; progress: { done: number; total: number } | null }[];
    };
    return ready.jobs.find((j) => j.job === demoSeedingJob);
  };
  const seen: unknown[] = [];
  const step = { name: 'Ett steg (a step)', run: async () => (seen.push(await jobOnRoute()), 'klart') };
  const messages: string[] = [];
  await runDemoBackground(database, { ...options, onProgress: (m) => messages.push(m) }, [step, step]);
  assert.deepEqual(
    seen.map((j) => (j as { outcome: string; progress: unknown }).progress),
    [
      { done: 0, total: 2 },
      { done: 1, total: 2 },
    ],
  );
  const done = await jobOnRoute();
  assert.equal(done?.outcome, 'succeeded');
  assert.equal(done?.progress, null);
  assert.equal(messages.length, 2);
  assert.ok(messages[1]?.startsWith('2/2 Ett steg'));
});

test('a failed step fails the demo seeding run and is passed on', async () => {
  const database: Database = await createTestDatabase();
  const broken = {
    name: 'Trasigt steg (a broken step)',
    run: async () => {
      throw new RangeError('synthetic failure');
    },
  };
  await assert.rejects(runDemoBackground(database, options, [broken]), RangeError);
  const { lastJobRuns } = await import('../../server/modules/retention/job-runs.ts');
  const run = (await lastJobRuns(database.db)).find((r) => r.job === demoSeedingJob);
  assert.equal(run?.outcome, 'failed');
  assert.equal(run?.errorKind, 'RangeError');
});
