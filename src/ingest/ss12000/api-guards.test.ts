import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { clearImportRuns } from '../../../test/support/factories/index.ts';
import { queryRows } from '../../server/db/client.ts';
import { apiSource, type ApiSourceOptions } from './api-source.ts';
import { startFakeSs12000Server, type FakeServer } from './fake-ss12000-server.ts';
import { importSs12000, type ImportReport } from './import-ss12000.ts';
import { cloneDocuments, fixtureDocuments } from './test-helpers.ts';

const TOKEN = 'fake-token-Vakt-456';
const KOMMUN = 'a0000000-0000-4000-8000-000000000001';
const database = await createTestDatabase();
let server: FakeServer;
/** Every backoff the client asked for: the tests never actually wait. */
let waits: number[] = [];

before(async () => {
  const { certificates: _skip, ...documents } = cloneDocuments(fixtureDocuments('kommun'));
  server = await startFakeSs12000Server({ token: TOKEN, documents: documents as Record<string, unknown[]> });
});
after(() => server.close());
beforeEach(async () => {
  // Each test starts without earlier runs: otherwise it would resume the run the previous test stopped.
  await clearImportRuns(database.db);
  server.reset();
  server.requests.length = 0;
  waits = [];
});

const source = (extra: Partial<ApiSourceOptions> = {}) =>
  apiSource({
    baseUrl: server.baseUrl,
    token: TOKEN,
    limit: 2,
    retryDelayMs: 5,
    timeoutMs: 5_000,
    period: { from: '2024-07-01', to: '2025-06-30' },
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  });
const requestsTo = (path: string) => server.requests.filter((r) => r.startsWith(`/ss12000/v2.1${path}`)).length;

async function assertStopped(report: ImportReport, reason: RegExp): Promise<void> {
  assert.equal(report.status, 'failed');
  assert.match(report.failure ?? '', reason);
  assert.equal(report.failure?.includes(TOKEN), false, 'the token is never in a reason');
  const [run] = await queryRows(
    database.db,
    sql`SELECT status FROM import_runs WHERE tenant_id = ${KOMMUN}::uuid AND id = ${report.runId}::uuid`,
  );
  assert.deepEqual(run, { status: 'failed' }, 'the run is closed, never left running');
  assert.deepEqual(report.errors.at(-1), {
    entity: 'Importkörning',
    documentId: null,
    location: 'persons',
    field: '$',
    reason: report.failure,
  });
}

test('a source that repeats its page token is stopped at the repeat', async () => {
  server.misbehave('/persons', { kind: 'repeatToken' });
  const report = await importSs12000(database, source());
  await assertStopped(report, /samma sidmarkör \(pageToken\) två gånger för \/persons/);
  assert.equal(requestsTo('/persons'), 2);
});

test('a listing with more pages than maxPages is stopped at the bound', async () => {
  server.misbehave('/persons', { kind: 'endlessPages' });
  const report = await importSs12000(database, source({ maxPages: 5 }));
  await assertStopped(report, /fler än 5 sidor för \/persons/);
  assert.equal(requestsTo('/persons'), 5);
});

test('a body larger than maxResponseBytes is abandoned while it streams: memory stays bounded', async () => {
  const huge = 512 * 1024 * 1024;
  server.misbehave('/persons', { kind: 'hugeBody', bytes: huge });
  const report = await importSs12000(database, source({ maxResponseBytes: 1024 * 1024 }));
  await assertStopped(report, /större än gränsen 1 MiB; läsningen avbröts/);
  assert.equal(requestsTo('/persons'), 1, 'too large is not retried');
  assert.ok(server.hugeBytesSent < 64 * 1024 * 1024, `the client stopped reading (${server.hugeBytesSent} bytes sent)`);
});

test('a declared Content-Length over the limit is refused before the body is read', async () => {
  server.misbehave('/persons', { kind: 'hugeBody', bytes: 10 * 1024 * 1024, declareLength: true });
  const report = await importSs12000(database, source({ maxResponseBytes: 1024 * 1024 }));
  await assertStopped(report, /större än gränsen/);
});

test('HTTP 429 is retried after the Retry-After the source asks for', async () => {
  server.failNext('/persons', 429, 2, { 'retry-after': '7' });
  const report = await importSs12000(database, source());
  assert.equal(report.status, 'completed', report.failure ?? '');
  assert.deepEqual(waits, [7000, 7000]);
});

test('a Retry-After longer than maxRetryDelayMs is capped', async () => {
  server.failNext('/persons', 429, 1, { 'retry-after': '3600' });
  const report = await importSs12000(database, source({ maxRetryDelayMs: 2000 }));
  assert.equal(report.status, 'completed', report.failure ?? '');
  assert.deepEqual(waits, [2000]);
});

test('HTTP 503 then ok backs off exponentially; a lasting 5xx or 429 stops after the bounded retries', async () => {
  server.failNext('/programmes', 503, 2);
  assert.equal((await importSs12000(database, source())).status, 'completed');
  assert.deepEqual(waits, [5, 10]);
  waits = [];
  server.failNext('/persons', 503, 10);
  const report = await importSs12000(database, source({ retries: 3 }));
  await assertStopped(report, /HTTP 503.*4 i alla/);
  assert.deepEqual(waits, [5, 10, 20]);
  server.reset();
  server.failNext('/persons', 429, 10);
  await assertStopped(await importSs12000(database, source({ retries: 2 })), /HTTP 429.*3 försök/);
});

test('a source that never answers times out, retried a bounded number of times', async () => {
  server.failNext('/persons', 'hang', 10);
  const report = await importSs12000(database, source({ timeoutMs: 50, retries: 2 }));
  await assertStopped(report, /svarade inte färdigt inom 0\.05 s.*\(timeout\)/);
  assert.equal(requestsTo('/persons'), 3);
});

test('after a stopped run, the next run of the source resumes and completes', async () => {
  server.failNext('/groups', 503, 10);
  const stopped = await importSs12000(database, source({ retries: 1 }));
  assert.match(stopped.failure ?? '', /\/groups.*HTTP 503/);
  server.reset();
  server.requests.length = 0;
  const report = await importSs12000(database, source());
  assert.equal(report.status, 'completed', report.failure ?? '');
  assert.equal(report.resumed, true);
  assert.equal(requestsTo('/persons'), 0, 'the endpoints done before the stop are not fetched again');
  assert.ok(requestsTo('/groups') > 0);
  const statuses = await queryRows<{ status: string }>(
    database.db,
    sql`SELECT status FROM import_runs WHERE tenant_id = ${KOMMUN}::uuid ORDER BY started_at, finished_at`,
  );
  assert.deepEqual(
    statuses.map((r) => r.status),
    ['failed', 'completed'],
  );
});
