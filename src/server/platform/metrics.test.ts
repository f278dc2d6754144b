import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { buildApp } from '../app.ts';
import { observeRequests, readMetricsConfig, RequestMetrics, serveMetrics } from './metrics.ts';

const database = await createTestDatabase();
const app = await buildApp({ database, config: { logLevel: 'silent' } });
const metrics = new RequestMetrics();
observeRequests(app, metrics);
after(() => app.close());

test('metrics count requests by route pattern on their own port, never the URL with its ids', async () => {
  const id = 'd0000000-0000-4000-8000-00000000abcd';
  assert.equal((await app.inject({ method: 'GET', url: `/api/students/${id}` })).statusCode, 401);
  assert.equal((await app.inject({ method: 'GET', url: `/api/students/${id}` })).statusCode, 401);
  await app.inject({ method: 'GET', url: '/api/health' });
  await app.inject({ method: 'GET', url: `/api/no-such-thing/${id}` });
  await database.db.execute(sql`INSERT INTO job_runs (job, started_at, finished_at, outcome)
    VALUES ('kaa refresh', '2026-12-03T02:00:00Z', '2026-12-03T02:00:42Z', 'failed')`);

  const server = await serveMetrics(metrics, database, { port: 0, host: '127.0.0.1' });
  after(() => new Promise((resolve) => server.close(resolve)));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const res = await fetch(`${base}/metrics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/plain; version=0\.0\.4/);
  const body = await res.text();
  assert.match(body, /fullfolj_http_requests_total\{method="GET",route="\/api\/students\/:id",status="401"\} 2/);
  assert.match(
    body,
    /fullfolj_http_request_duration_seconds_bucket\{method="GET",route="\/api\/students\/:id",status="401",le="\+Inf"\} 2/,
  );
  assert.match(body, /route="unmatched",status="404"/);
  assert.match(body, /fullfolj_database_up 1/);
  assert.match(body, /fullfolj_import_rejected_documents_total 0/);
  // The nightly jobs from job_runs: duration and whether the last run failed.
  assert.match(body, /fullfolj_job_last_duration_seconds\{job="kaa refresh"\} 42/);
  assert.match(body, /fullfolj_job_last_failed\{job="kaa refresh"\} 1/);
  assert.ok(!body.includes(id), 'no id from a URL reaches the metrics');
  assert.equal((await fetch(`${base}/`)).status, 404);
  // The public app has no /metrics.
  assert.equal((await app.inject({ method: 'GET', url: '/metrics' })).statusCode, 404);
});

test('the metrics listener is off unless FULLFOLJ_METRICS_PORT is set, and on loopback by default', () => {
  assert.equal(readMetricsConfig({}), null);
  assert.deepEqual(readMetricsConfig({ FULLFOLJ_METRICS_PORT: '9464' }), { port: 9464, host: '127.0.0.1' });
  assert.throws(() => readMetricsConfig({ FULLFOLJ_METRICS_PORT: 'x' }), /portnummer/);
});
