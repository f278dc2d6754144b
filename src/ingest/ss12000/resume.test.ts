import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { clearImportRuns } from '../../../test/support/factories/index.ts';
import { queryRows } from '../../server/db/client.ts';
import { fileSource } from './file-source.ts';
import { importSs12000 } from './import-ss12000.ts';
import { memorySource } from './memory-source.ts';
import { fixtureDir, fixtureDocuments, snapshotTables } from './test-helpers.ts';

const KOMMUN = 'a0000000-0000-4000-8000-000000000001';
const clean = await createTestDatabase();
const crashed = await createTestDatabase();

/**
 * Snapshot without what legitimately differs between two databases: updated_at, and the
 * source version of aggregated attendance (which has no meta: the run's start time).
 */
async function comparable(db: typeof clean.db): Promise<unknown> {
  const snapshot = await snapshotTables(db, KOMMUN);
  for (const [table, rows] of Object.entries(snapshot)) {
    for (const row of rows as Record<string, unknown>[]) {
      delete row.updated_at;
      if (table === 'aggregated_attendances') delete row.source_modified;
    }
  }
  return snapshot;
}

for (const [name, makeSource] of [
  ['files', () => fileSource(fixtureDir('kommun'))],
  ['memory', () => memorySource(fixtureDocuments('kommun'), 1)],
] as const) {
  test(`a run that crashes after some pages is resumed by the next run of the same source (${name})`, async () => {
    await clearImportRuns(clean.db);
    const reference = await importSs12000(clean, makeSource());
    assert.equal(reference.status, 'completed');

    let pages = 0;
    const crashed1 = await importSs12000(crashed, makeSource(), {
      onProgress: () => {
        if (++pages === 9) throw new Error('simulated crash');
      },
    });
    assert.equal(crashed1.status, 'failed');
    assert.match(crashed1.failure ?? '', /oväntat fel i importen \(unexpected error: Error\)/);
    const [failed] = await queryRows<{ status: string; finished: boolean }>(
      crashed.db,
      sql`
      SELECT status, finished_at IS NOT NULL AS finished FROM import_runs WHERE tenant_id = ${KOMMUN}::uuid AND id = ${crashed1.runId}::uuid`,
    );
    assert.deepEqual(failed, { status: 'failed', finished: true }, 'a run that stops midway is closed as failed, never left running');
    assert.deepEqual(
      crashed1.errors.map((e) => [e.entity, e.field]),
      [['Importkörning', '$']],
      "the reason is the run's one error",
    );

    let resumedPages = 0;
    const resumed = await importSs12000(crashed, makeSource(), {
      onProgress: () => {
        resumedPages++;
      },
    });
    assert.equal(resumed.status, 'completed');
    assert.equal(resumed.resumed, true);
    assert.notEqual(resumed.runId, crashed1.runId, 'the failed run stays failed; a new run continues it');
    assert.deepEqual(resumed.errors, [], 'the stop of the earlier run is not an error of the data');
    assert.ok(resumedPages > 0, 'the resumed run did the remaining pages');
    // Every document counted exactly once over the crash: committed pages were not redone.
    for (const [endpoint, c] of Object.entries(reference.counts)) {
      const r = resumed.counts[endpoint as keyof typeof resumed.counts];
      assert.equal(r.upserted + r.unchanged, c.upserted + c.unchanged, `${endpoint} counted once`);
    }
    assert.deepEqual(await comparable(crashed.db), await comparable(clean.db));
    // A resumed run takes over the stopped run's start time: the order is when each ended.
    const runs = await queryRows(crashed.db, sql`SELECT status FROM import_runs WHERE tenant_id = ${KOMMUN}::uuid ORDER BY finished_at`);
    assert.deepEqual(runs.map((r) => r.status).slice(-2), ['failed', 'completed']);
    assert.equal(runs.filter((r) => r.status === 'running').length, 0);
  });
}

test('an aborted run (AbortSignal) rejects with its reason, is closed as failed, and is resumed', async () => {
  const controller = new AbortController();
  let pages = 0;
  const source = memorySource(fixtureDocuments('kommun'), 1);
  await assert.rejects(
    importSs12000(crashed, source, {
      signal: controller.signal,
      onProgress: () => {
        if (++pages === 3) controller.abort(new Error('stopped'));
      },
    }),
    /stopped/,
  );
  const [aborted] = await queryRows(
    crashed.db,
    sql`
    SELECT r.status, e.reason FROM import_runs r JOIN import_errors e ON e.tenant_id = r.tenant_id AND e.run_id = r.id
     WHERE r.tenant_id = ${KOMMUN}::uuid ORDER BY r.started_at DESC, r.finished_at DESC LIMIT 1`,
  );
  assert.deepEqual(aborted, { status: 'failed', reason: 'importen avbröts (aborted)' });
  const report = await importSs12000(crashed, source);
  assert.equal(report.resumed, true);
  assert.equal(report.status, 'completed');
});
