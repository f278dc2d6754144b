/**
 * The two ways an organiser's first attendance page reaches its table (bulk-upsert.ts): staged and joined with its
 * lessons, or COPYed straight in with each lesson's date looked up (`lookUp`, what the importer does on PostgreSQL).
 * Both must store the same rows, Swedish lesson dates included, and leave out a row whose lesson is not there.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from '../../server/db/client.ts';
import { upsertRows, type Row } from './bulk-upsert.ts';
import { importSs12000 } from './import-ss12000.ts';
import { memorySource } from './memory-source.ts';
import { fixtureDocuments } from './test-helpers.ts';
import { attendanceWriter } from './writers-results.ts';

const KOMMUN = 'a0000000-0000-4000-8000-000000000001';
const STUDENT = 'd0000000-0000-4000-8000-000000000001';
/** The fixture's lessons: 08:00 in Sweden, and 22:30Z, which is already the next day in Sweden. */
const MORNING = '20000000-0000-4000-8000-000000000001';
const LATE = '20000000-0000-4000-8000-000000000002';
const NO_SUCH_LESSON = '20000000-0000-4000-8000-0000000000ff';

const database = await createTestDatabase();
const { db } = database;
const { attendances: _fixtureAttendance, ...withoutAttendance } = fixtureDocuments('kommun');
await importSs12000(database, memorySource(withoutAttendance));

const row = (n: number, lesson: string): Row => ({
  id: `31000000-0000-4000-8000-${n.toString().padStart(12, '0')}`,
  calendar_event_id: lesson,
  student_id: STUDENT,
  is_reported: true,
  attendance_minutes: 40 + n,
  valid_absence_minutes: 0,
  invalid_absence_minutes: 0,
  other_attendance_minutes: 0,
  absence_reason: null,
  reported_at: null,
  source_modified: '2024-09-03T10:00:00Z',
});

const stored = () =>
  queryRows<{ id: string; lesson_date: string; attendance_minutes: number }>(
    db,
    sql`SELECT id::text, lesson_date::text, attendance_minutes FROM attendances WHERE tenant_id = ${KOMMUN}::uuid ORDER BY id`,
  );

for (const lookUp of [false, true]) {
  test(`a first page ${lookUp ? 'COPYed straight in, its lesson dates looked up' : 'staged and joined with its lessons'}: Swedish dates, a row without its lesson left out`, async () => {
    await db.execute(sql`DELETE FROM attendances WHERE tenant_id = ${KOMMUN}::uuid`);
    const rows = [row(1, MORNING), row(2, LATE), row(3, NO_SUCH_LESSON), row(4, MORNING.toUpperCase())];

    const { written } = await db.transaction((tx) => upsertRows(tx, KOMMUN, attendanceWriter.upsert, rows, { noneStored: true, lookUp }));

    assert.equal(written, 3);
    assert.deepEqual(await stored(), [
      { id: '31000000-0000-4000-8000-000000000001', lesson_date: '2024-09-02', attendance_minutes: 41 },
      { id: '31000000-0000-4000-8000-000000000002', lesson_date: '2024-09-03', attendance_minutes: 42 },
      { id: '31000000-0000-4000-8000-000000000004', lesson_date: '2024-09-02', attendance_minutes: 44 },
    ]);
  });
}
