/**
 * An organiser's first import writes its pages without looking up their keys (bulk-upsert.ts, `noneStored`). A source
 * that sends a document again on a later page must still end with one row, the newer version, and every other
 * document of that page written.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from '../../server/db/client.ts';
import { EVERY_STUDENT } from '../../server/modules/early-warning/refresh-changes.ts';
import { importSs12000 } from './import-ss12000.ts';
import { memorySource } from './memory-source.ts';
import { cloneDocuments, countRows, fixtureDocuments } from './test-helpers.ts';

const database = await createTestDatabase();
const queued = async () =>
  (
    await queryRows<{ student_id: string }>(
      database.db,
      sql`SELECT student_id::text FROM early_warning_changes WHERE tenant_id = ${KOMMUN}::uuid ORDER BY 1`,
    )
  ).map((r) => r.student_id);
const { db } = database;
const KOMMUN = 'a0000000-0000-4000-8000-000000000001';

interface Versioned {
  id: string;
  meta: { modified: string };
}

/** The document again, a day newer, changed by `change`. */
function newerCopy<T extends Versioned>(doc: T, change: (copy: T) => void): T {
  const copy = structuredClone(doc);
  copy.meta.modified = '2024-08-16T10:00:00+02:00';
  change(copy);
  return copy;
}

test("a first import whose source repeats a document on a later page stores it once, as the later page's newer version", async () => {
  const docs = cloneDocuments(fixtureDocuments('kommun'));
  const persons = docs.persons as (Versioned & { givenName: string })[];
  const attendances = docs.attendances as (Versioned & { attendanceMinutes: number })[];
  const [person, attendance] = [persons[0]!, attendances[0]!];
  docs.persons = [...persons, newerCopy(person, (p) => (p.givenName = 'Andra'))];
  docs.attendances = [...attendances, newerCopy(attendance, (a) => (a.attendanceMinutes = 15))];

  // Pages of two: the repeated person and lesson arrive on the last page of their endpoint.
  const report = await importSs12000(database, memorySource(docs, 2));

  assert.equal(report.status, 'completed', JSON.stringify(report.errors));
  assert.deepEqual(report.errors, []);
  assert.equal(report.counts.persons.upserted, persons.length + 1);
  assert.equal(report.counts.attendances.upserted, attendances.length + 1);
  const rows = await countRows(db, KOMMUN);
  assert.equal(rows.persons, persons.length);
  assert.equal(rows.attendances, attendances.length);
  const [stored] = await queryRows<{ given_name: string }>(
    db,
    sql`SELECT given_name FROM persons WHERE tenant_id = ${KOMMUN}::uuid AND id = ${person.id}::uuid`,
  );
  assert.equal(stored?.given_name, 'Andra');
  const [lesson] = await queryRows<{ attendance_minutes: number }>(
    db,
    sql`SELECT attendance_minutes FROM attendances WHERE tenant_id = ${KOMMUN}::uuid AND id = ${attendance.id}::uuid`,
  );
  assert.equal(lesson?.attendance_minutes, 15);
  // Every student, once (the page written again document by document, after the repeat, queues its own too).
  assert.ok((await queued()).includes(EVERY_STUDENT), 'a first import queues every student');
});

test('a later import looks its keys up: identical and older documents write nothing, a newer one and a new one are written', async () => {
  const before = await countRows(db, KOMMUN);
  const docs = cloneDocuments(fixtureDocuments('kommun'));
  const attendances = docs.attendances as (Versioned & { attendanceMinutes: number })[];
  const changed = newerCopy(attendances[1]!, (a) => (a.attendanceMinutes = 20));
  const added = { ...structuredClone(attendances[2]!), id: '30000000-0000-4000-8000-0000000000ff' };
  docs.attendances = [changed, attendances[0]!, added, attendances[2]!, attendances[3]!];

  const again = await importSs12000(database, memorySource(docs, 2));

  assert.equal(again.status, 'completed', JSON.stringify(again.errors));
  // Identical documents, and one a day older than the version the first test stored: nothing is overwritten.
  assert.equal(again.counts.persons.upserted, 0);
  assert.equal(again.counts.persons.unchanged, 5);
  assert.equal(again.counts.attendances.upserted, 2);
  assert.equal(again.counts.attendances.unchanged, 3);
  assert.deepEqual(await countRows(db, KOMMUN), { ...before, attendances: before.attendances! + 1 });
  const minutes = await queryRows<{ id: string; attendance_minutes: number }>(
    db,
    sql`SELECT id::text, attendance_minutes FROM attendances WHERE tenant_id = ${KOMMUN}::uuid ORDER BY id`,
  );
  // The first test's newer version of the first lesson stays; the changed one is written; the new one is added.
  assert.equal(minutes.find((m) => m.id === attendances[0]!.id)?.attendance_minutes, 15);
  assert.equal(minutes.find((m) => m.id === changed.id)?.attendance_minutes, 20);
  assert.ok(minutes.some((m) => m.id === added.id));
});

test('a later import queues exactly the students whose rows it wrote', async () => {
  await db.execute(sql`DELETE FROM early_warning_changes WHERE tenant_id = ${KOMMUN}::uuid`);
  const docs = cloneDocuments(fixtureDocuments('kommun'));
  const attendances = docs.attendances as (Versioned & { attendanceMinutes: number; student: { id: string } })[];
  const changed = newerCopy(attendances[3]!, (a) => (a.attendanceMinutes = 25));
  docs.attendances = [changed, attendances[0]!];

  const again = await importSs12000(database, memorySource(docs, 2));

  assert.equal(again.counts.attendances.upserted, 1);
  assert.deepEqual(await queued(), [changed.student.id]);
});
