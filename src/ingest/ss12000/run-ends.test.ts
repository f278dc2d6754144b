import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { clearImportRuns, leaveRunsAsIfKilled } from '../../../test/support/factories/index.ts';
import { queryRows } from '../../server/db/client.ts';
import { importSs12000 } from './import-ss12000.ts';
import { ABANDONED_REASON } from './import-runs.ts';
import { memorySource } from './memory-source.ts';
import type { Ss12000Source } from './source.ts';
import { fixtureDocuments } from './test-helpers.ts';
import { capturingOutput } from '../../../test/support/captured-stderr.ts';

const KOMMUN = 'a0000000-0000-4000-8000-000000000001';
const CIVIC_NO = '200701012395'; // a Skatteverket test number in the fixture
const database = await createTestDatabase();
const { db } = database;

const runsOf = () =>
  queryRows<{ id: string; status: string }>(
    db,
    sql`
  SELECT id::text, status FROM import_runs WHERE tenant_id = ${KOMMUN}::uuid ORDER BY started_at, finished_at NULLS LAST`,
  );
const runErrors = (runId: string) =>
  queryRows<{ entity: string; reason: string }>(
    db,
    sql`
  SELECT entity, reason FROM import_errors WHERE tenant_id = ${KOMMUN}::uuid AND run_id = ${runId}::uuid ORDER BY id`,
  );

/** The fixture as memory pages of one, failing with `error` when `endpoint` is reached. */
function failingAt(endpoint: string, error: unknown): Ss12000Source {
  const inner = memorySource(fixtureDocuments('kommun'), 1);
  return {
    describe: inner.describe,
    deleted: inner.deleted,
    pages: (e, from, options) => {
      if (e === endpoint) throw error;
      return inner.pages(e, from, options);
    },
  };
}

test('a database failure midway closes the run as failed with the kind and SQLSTATE only, never the values', async () => {
  // What Drizzle throws: its message lists the bound parameters — a page of people.
  const driverError = Object.assign(new Error(`terminating connection; key (civic_no)=(${CIVIC_NO})`), { code: '57P01' });
  const queryError = Object.assign(new Error(`Failed query: insert into persons …\nparams: ${CIVIC_NO},Alva,Testgatan 1`), {
    name: 'DrizzleQueryError',
    params: [CIVIC_NO, 'Alva', 'Testgatan 1'],
    cause: driverError,
  });
  const { result: report, output } = await capturingOutput(() => importSs12000(database, failingAt('groups', queryError)));
  assert.equal(report.status, 'failed');
  assert.equal(report.failure, 'databasfel: databasen avbröt frågan eller stängdes (operator intervention), SQLSTATE 57P01');
  assert.equal(report.counts.persons.upserted, 5, 'what was committed before the failure stays');
  const stored = await runErrors(report.runId);
  assert.deepEqual(stored, [{ entity: 'Importkörning', reason: report.failure }]);
  for (const text of [JSON.stringify(report), JSON.stringify(stored), output]) {
    assert.equal(text.includes(CIVIC_NO), false);
    assert.equal(text.includes('Testgatan'), false);
  }
  assert.deepEqual(
    (await runsOf()).map((r) => r.status),
    ['failed'],
  );

  const rerun = await importSs12000(database, memorySource(fixtureDocuments('kommun'), 1));
  assert.equal(rerun.status, 'completed', rerun.failure ?? '');
  assert.equal(rerun.resumed, true);
  assert.equal(rerun.counts.groups.upserted, 1);
  assert.deepEqual(
    (await runsOf()).map((r) => r.status),
    ['failed', 'completed'],
  );
});

test('a run left running by a process that is gone never blocks the next run: it is closed as abandoned and continued', async () => {
  await clearImportRuns(db);
  const stopped = await importSs12000(database, failingAt('duties', new Error('killed')));
  assert.equal(stopped.status, 'failed');
  // What a hard kill (SIGKILL, power loss) leaves behind: the run still 'running', no reason.
  await leaveRunsAsIfKilled(db, KOMMUN);

  const next = await importSs12000(database, memorySource(fixtureDocuments('kommun'), 1));
  assert.equal(next.status, 'completed', next.failure ?? '');
  assert.equal(next.resumed, true);
  assert.equal(next.counts.persons.upserted + next.counts.persons.unchanged, 5, 'counts of the abandoned run carry over');
  const runs = await runsOf();
  assert.deepEqual(
    runs.map((r) => r.status),
    ['failed', 'completed'],
  );
  assert.deepEqual(await runErrors(runs[0]!.id), [{ entity: 'Importkörning', reason: ABANDONED_REASON }]);
});

test('a run that failed after reaching its end (document errors) is not continued: the next run starts over', async () => {
  await clearImportRuns(db);
  const docs = fixtureDocuments('kommun');
  (docs.persons![0] as { givenName: string }).givenName = 'A\u0000';
  const first = await importSs12000(database, memorySource(docs, 2));
  assert.equal(first.status, 'failed');
  assert.equal(first.failure, null);
  const second = await importSs12000(database, memorySource(fixtureDocuments('kommun'), 2));
  assert.equal(second.resumed, false);
  assert.equal(second.status, 'completed');
});
