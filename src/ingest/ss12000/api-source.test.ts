import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from '../../server/db/client.ts';
import { apiSource } from './api-source.ts';
import { startFakeSs12000Server, type FakeServer } from './fake-ss12000-server.ts';
import { importSs12000 } from './import-ss12000.ts';
import { cloneDocuments, countRows, fixtureDocuments } from './test-helpers.ts';

const TOKEN = 'fake-token-Hemligt-123';
const KOMMUN = 'a0000000-0000-4000-8000-000000000001';
const database = await createTestDatabase();
let server: FakeServer;

before(async () => {
  const { certificates: _skip, ...documents } = cloneDocuments(fixtureDocuments('kommun'));
  server = await startFakeSs12000Server({ token: TOKEN, documents: documents as Record<string, unknown[]> });
});
after(() => server.close());

const source = (token = TOKEN) =>
  apiSource({
    baseUrl: server.baseUrl,
    token,
    limit: 2,
    retryDelayMs: 5,
    timeoutMs: 500,
    period: { from: '2024-07-01', to: '2025-06-30' },
  });

test('a full run pages through every list endpoint with limit + pageToken', async () => {
  const report = await importSs12000(database, source());
  assert.equal(report.status, 'completed', JSON.stringify(report.errors));
  assert.equal(report.modifiedAfter, null);
  const counts = await countRows(database.db, KOMMUN);
  assert.equal(counts.persons, 5);
  assert.equal(counts.attendances, 4);
  assert.equal(counts.aggregated_attendances, 2);
  assert.equal(counts.certificates, 0, 'certificates are not an SS 12000 endpoint');
  const personPages = server.requests.filter((r) => r.startsWith('/ss12000/v2.1/persons'));
  assert.equal(personPages.length, 3, '5 persons in pages of 2');
  assert.ok(
    personPages.slice(1).every((r) => /^[^?]+\?limit=2&pageToken=/.test(r)),
    'a pageToken is sent only with limit',
  );
  assert.ok(server.requests.some((r) => r.startsWith('/ss12000/v2.1/calendarEvents?') && r.includes('startTime.onOrAfter=2024-07-01')));
  assert.ok(server.requests.some((r) => r.startsWith('/ss12000/v2.1/aggregatedAttendance?') && r.includes('startDate=2024-07-01')));
  const runs = await queryRows<{ row: string }>(
    database.db,
    sql`SELECT r::text AS row FROM import_runs r WHERE tenant_id = ${KOMMUN}::uuid`,
  );
  assert.equal(runs[0]?.row.includes(TOKEN), false, 'the token is never stored');
  assert.equal(report.source, `api:${server.baseUrl}`);
});

test('the next run is incremental (meta.modified.after) and applies deletedEntities', async () => {
  const [last] = await queryRows<{ started: string }>(
    database.db,
    sql`SELECT started_at::text AS started FROM import_runs WHERE tenant_id = ${KOMMUN}::uuid AND status = 'completed'`,
  );
  const persons = server.documents.persons as { givenName: string; meta: { modified: string } }[];
  persons[0]!.givenName = 'Ändrad';
  persons[0]!.meta.modified = new Date(Date.now() + 60_000).toISOString();
  server.deleted = { grades: ['40000000-0000-4000-8000-000000000002'], activitites: [] };
  server.requests.length = 0;

  const report = await importSs12000(database, source());
  assert.equal(report.status, 'completed', JSON.stringify(report.errors));
  assert.ok(report.modifiedAfter && Math.abs(Date.parse(report.modifiedAfter) - Date.parse(last!.started)) < 1000);
  const personRequests = server.requests.filter((r) => r.startsWith('/ss12000/v2.1/persons?'));
  assert.ok(personRequests[0]?.includes('meta.modified.after='), personRequests[0]);
  assert.equal(report.counts.persons.upserted, 1);
  assert.equal(report.counts.persons.unchanged, 0, 'only the changed person was fetched');
  assert.equal(report.counts.grades.deleted, 1);
  assert.ok(server.requests.some((r) => r.startsWith('/ss12000/v2.1/deletedEntities?') && r.includes('after=')));
  const [row] = await queryRows(
    database.db,
    sql`SELECT given_name FROM persons WHERE tenant_id = ${KOMMUN}::uuid AND id = 'd0000000-0000-4000-8000-000000000001'`,
  );
  assert.deepEqual(row, { given_name: 'Ändrad' });
  assert.equal((await countRows(database.db, KOMMUN)).grades, 1);
});

test('HTTP 401 gives a clear error that never contains the token', async () => {
  await assert.rejects(importSs12000(database, source('wrong-token')), (err: Error) => {
    assert.match(err.message, /HTTP 401/);
    assert.equal(err.message.includes('wrong-token'), false);
    return true;
  });
});

test('HTTP 403 is reported as forbidden', async () => {
  server.failNext('/organisations', 403, 1);
  await assert.rejects(importSs12000(database, source()), /HTTP 403/);
});

test('5xx responses are retried with backoff; persistent ones fail clearly', async () => {
  server.failNext('/programmes', 503, 2);
  const ok = await importSs12000(database, source());
  assert.equal(ok.status, 'completed');
  server.failNext('/organisations', 500, 4); // the first try and 3 retries
  await assert.rejects(importSs12000(database, source()), /HTTP 500.*flera försök/);
});

test('a server that does not answer times out with a clear error', async () => {
  server.failNext('/organisations', 'hang', 2); // the first try and 1 retry
  await assert.rejects(
    importSs12000(database, apiSource({ baseUrl: server.baseUrl, token: TOKEN, timeoutMs: 100, retries: 1, retryDelayMs: 5 })),
    /timeout/,
  );
});
