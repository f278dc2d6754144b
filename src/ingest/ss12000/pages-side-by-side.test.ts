/**
 * The importer writes a page while the page before it may still be uncommitted on another connection
 * (import-ss12000.ts, import-page.ts). The pages must still commit in order, a page that fails must take the page after
 * it with it, and two pages with a document in common must never wait for each other.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows, type DbOrTx } from '../../server/db/client.ts';
import { importSs12000 } from './import-ss12000.ts';
import { memorySource } from './memory-source.ts';
import { cloneDocuments, fixtureDocuments } from './test-helpers.ts';

const KOMMUN = 'a0000000-0000-4000-8000-000000000001';
const PAGE = 400;

interface Attendance {
  id: string;
  meta: { modified: string };
  attendanceMinutes: number;
}

/** `n` lesson attendances made from the fixture's (its lessons and students), with ids of their own from `first` on. */
function manyAttendances(template: Attendance[], first: number, n: number): Attendance[] {
  return Array.from({ length: n }, (_, i) => ({
    ...structuredClone(template[i % template.length]!),
    id: `30000000-0000-4000-8000-${(first + i).toString(16).padStart(12, '0')}`,
  }));
}

const attendanceCount = (db: DbOrTx) =>
  queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM attendances WHERE tenant_id = ${KOMMUN}::uuid`).then(
    ([row]) => row?.n ?? 0,
  );

test(
  'a document at the end of one page and again at the start of the next: the pages do not wait for each other, the newer version is kept',
  { timeout: 120_000 },
  async () => {
    const database = await createTestDatabase();
    const docs = cloneDocuments(fixtureDocuments('kommun'));
    const template = docs.attendances as Attendance[];
    const first = manyAttendances(template, 1, PAGE);
    const repeated = first.at(-1)!;
    // The first page stops just before its last document (on PostgreSQL, where the next page runs on another
    // connection), so that the next page reaches the repeated document first: the order in which the two would wait for
    // each other if they were written side by side. The pause only sets up that order: with the pages written in turn
    // the test passes however long it lasts, so a busy machine cannot fail it.
    first.at(-2)!.attendanceMinutes = 555;
    await database.db.execute(sql`CREATE FUNCTION pause_at_555() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.attendance_minutes = 555 THEN PERFORM pg_sleep(0.5); END IF;
      RETURN NEW;
    END $$`);
    await database.db.execute(sql`CREATE TRIGGER pause_at_555 BEFORE INSERT ON attendances FOR EACH ROW EXECUTE FUNCTION pause_at_555()`);
    const newer = { ...structuredClone(repeated), attendanceMinutes: 15, meta: { ...repeated.meta, modified: '2030-01-01T00:00:00Z' } };
    docs.attendances = [...first, newer, ...manyAttendances(template, PAGE + 1, PAGE - 1), ...manyAttendances(template, 2 * PAGE, PAGE)];

    const report = await importSs12000(database, memorySource(docs, PAGE));

    assert.equal(report.status, 'completed', JSON.stringify(report.errors));
    assert.equal(report.counts.attendances.upserted, 3 * PAGE);
    assert.equal(await attendanceCount(database.db), 3 * PAGE - 1);
    const [stored] = await queryRows<{ attendance_minutes: number }>(
      database.db,
      sql`SELECT attendance_minutes FROM attendances WHERE tenant_id = ${KOMMUN}::uuid AND id = ${repeated.id}::uuid`,
    );
    assert.equal(stored?.attendance_minutes, 15);
  },
);

test(
  'a page the database cannot write stops the run there: the page after it is not kept, the checkpoint and counts stay at the page before',
  { timeout: 120_000 },
  async () => {
    const database = await createTestDatabase();
    const { db } = database;
    const docs = cloneDocuments(fixtureDocuments('kommun'));
    const pages = Array.from({ length: 4 }, (_, p) => manyAttendances(docs.attendances as Attendance[], 1 + p * PAGE, PAGE));
    // The last document of the third page is one the database fails on, as it would on a full disk (not a data error).
    pages[2]!.at(-1)!.attendanceMinutes = 777;
    docs.attendances = pages.flat();
    await db.execute(sql`CREATE FUNCTION fail_at_777() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.attendance_minutes = 777 THEN RAISE EXCEPTION 'simulated' USING ERRCODE = '53100'; END IF;
      RETURN NEW;
    END $$`);
    await db.execute(sql`CREATE TRIGGER fail_at_777 BEFORE INSERT ON attendances FOR EACH ROW EXECUTE FUNCTION fail_at_777()`);

    const failed = await importSs12000(database, memorySource(docs, PAGE));

    assert.equal(failed.status, 'failed');
    assert.match(failed.failure ?? '', /53100/, "the failing page's own reason, not the page after it");
    assert.equal(await attendanceCount(db), 2 * PAGE, 'the first two pages, and nothing of the third or fourth');
    const [run] = await queryRows<{ position: string; upserted: number }>(
      db,
      sql`SELECT checkpoint->'attendances'->>'position' AS position, (counts->'attendances'->>'upserted')::int AS upserted
          FROM import_runs WHERE tenant_id = ${KOMMUN}::uuid AND id = ${failed.runId}::uuid`,
    );
    assert.deepEqual(run, { position: String(2 * PAGE), upserted: 2 * PAGE });
    assert.equal(failed.counts.attendances.upserted, 2 * PAGE);

    await db.execute(sql`DROP TRIGGER fail_at_777 ON attendances`);
    const resumed = await importSs12000(database, memorySource(docs, PAGE));
    assert.equal(resumed.status, 'completed', JSON.stringify(resumed.errors));
    assert.equal(resumed.resumed, true);
    assert.equal(resumed.counts.attendances.upserted, 4 * PAGE);
    assert.equal(await attendanceCount(db), 4 * PAGE);
  },
);
