/**
 * Live and ready: ready names the migrations and the nightly jobs' last runs (a failed or stale job asks for
 * attention, still ready), is 503 when the database's migrations are not this code's; live answers without a database.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { buildApp } from '../app.ts';
import { codeMigrations } from '../db/schema-version.ts';
import { staleAfterHours } from './health.ts';

const now = new Date('2026-12-03T06:00:00Z');

test('ready: migrations current and the last run of each job; a failed or stale job asks for attention', async () => {
  const database = await createTestDatabase();
  const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: () => now });
  const ready = async () => app.inject({ method: 'GET', url: '/api/health/ready' });
  const first = await ready();
  assert.equal(first.statusCode, 200);
  assert.deepEqual(first.json().migrations, { known: codeMigrations().length, applied: codeMigrations().length, current: true });
  assert.equal(first.json().status, 'ready');
  assert.equal(first.json().attention, false);

  await database.db.execute(sql`INSERT INTO job_runs (job, started_at, finished_at, outcome)
    VALUES ('retention', '2026-12-02T01:00:00Z', '2026-12-02T01:01:00Z', 'failed'),
           ('retention', '2026-12-03T01:00:00Z', '2026-12-03T01:01:00Z', 'succeeded'),
           ('kaa refresh', '2026-12-03T02:00:00Z', '2026-12-03T02:05:00Z', 'succeeded')`);
  const fine = (await ready()).json();
  assert.deepEqual(
    fine.jobs.map((j: { job: string; outcome: string; hoursAgo: number }) => [j.job, j.outcome, j.hoursAgo]),
    [
      ['kaa refresh', 'succeeded', 4],
      ['retention', 'succeeded', 5],
    ],
    'the last run of each job only',
  );
  assert.equal(fine.attention, false);

  await database.db.execute(sql`INSERT INTO job_runs (job, started_at, finished_at, outcome)
    VALUES ('kaa refresh', '2026-12-03T03:00:00Z', '2026-12-03T03:00:09Z', 'failed')`);
  const failed = await ready();
  assert.equal(failed.statusCode, 200, 'a failed nightly job does not take the server out of service');
  assert.equal(failed.json().attention, true);

  await database.db.execute(sql`INSERT INTO job_runs (job, started_at, finished_at, outcome)
    VALUES ('kaa refresh', '2026-12-03T04:00:00Z', '2026-12-03T04:05:00Z', 'succeeded'),
           ('digest', ${new Date(now.getTime() - (staleAfterHours + 1) * 3_600_000).toISOString()}, NULL, 'succeeded')`);
  assert.equal((await ready()).json().attention, true, 'a job not run for longer than the margin');
  await app.close();
});

test('not ready (503) when the database lacks a migration of this code; live answers even without a database', async () => {
  const database = await createTestDatabase();
  const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: () => now });
  await database.db.execute(
    sql`DELETE FROM drizzle.__drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM drizzle.__drizzle_migrations)`,
  );
  const res = await app.inject({ method: 'GET', url: '/api/health/ready' });
  assert.equal(res.statusCode, 503);
  assert.equal(res.json().status, 'not-ready');
  assert.equal(res.json().migrations.current, false);
  await app.close();
  // A database that is away: liveness still answers (ready does not), so an orchestrator does not restart the server.
  const away = new Proxy({} as typeof database.db, {
    get: () => {
      throw new Error('the database is away');
    },
  });
  const alone = await buildApp({ database: { ...database, db: away }, config: { logLevel: 'silent' }, clock: () => now });
  const live = await alone.inject({ method: 'GET', url: '/api/health/live' });
  assert.equal(live.statusCode, 200);
  assert.deepEqual(live.json(), { status: 'live' });
  assert.ok((await alone.inject({ method: 'GET', url: '/api/health/ready' })).statusCode >= 500);
  await alone.close();
});
