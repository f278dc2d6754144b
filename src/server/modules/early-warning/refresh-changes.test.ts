import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { kommun, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { clearAttendance, recordAggregatedAttendance, recordLessons, setEnrolmentEnd } from '../../../../test/support/factories/index.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { markChanged } from './refresh-changes.ts';
import { refreshTenant, type RefreshSummary } from './refresh.ts';
import { loadScenario, scenarioDate, schoolDays } from './test-scenario.ts';

const database = await createTestDatabase();
await loadScenario(database);

const queued = async () =>
  (
    await queryRows<{ student_id: string }>(
      database.db,
      sql`select student_id from early_warning_changes where tenant_id = ${kommun}::uuid order by student_id`,
    )
  ).map((r) => r.student_id);

/** One change to a kommun student's inputs, as an import or a writer would make it. */
type Change =
  | { kind: 'lessons'; student: string; from: number; invalid: number; valid: number }
  | { kind: 'clear'; student: string }
  | { kind: 'leave'; student: string }
  | { kind: 'month'; student: string; invalid: number };

const kommunStudents = [students.alva, students.bo, students.cem, students.eva];
const days = schoolDays('2024-09-02', scenarioDate);
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    kind: fc.constant('lessons' as const),
    student: fc.constantFrom(...kommunStudents),
    from: fc.integer({ min: 0, max: days.length - 1 }),
    invalid: fc.constantFrom(0, 40, 80),
    valid: fc.constantFrom(0, 80),
  }),
  fc.record({ kind: fc.constant('clear' as const), student: fc.constantFrom(...kommunStudents) }),
  fc.record({ kind: fc.constant('leave' as const), student: fc.constantFrom(...kommunStudents) }),
  fc.record({
    kind: fc.constant('month' as const),
    student: fc.constantFrom(...kommunStudents),
    invalid: fc.integer({ min: 0, max: 2000 }),
  }),
);

async function apply(tx: DbOrTx, c: Change): Promise<void> {
  const tenantId = kommun;
  if (c.kind === 'lessons') {
    const lessons = days.slice(c.from).map((date) => ({ date, invalid: c.invalid, valid: c.invalid ? 0 : c.valid }));
    await recordLessons(tx, { tenantId, studentId: c.student, lessons });
  } else if (c.kind === 'clear') await clearAttendance(tx, { tenantId, studentId: c.student });
  else if (c.kind === 'leave') await setEnrolmentEnd(tx, { tenantId, personId: c.student, endDate: '2024-09-20' });
  else
    await recordAggregatedAttendance(tx, {
      tenantId,
      studentId: c.student,
      startDate: '2024-09-01',
      endDate: '2024-09-30',
      attended: 2000,
      invalidAbsence: c.invalid,
    });
  await markChanged(tx, tenantId, [c.student]);
}

/** What the refresh leaves behind for the organiser, without the write times. */
async function stored(tx: DbOrTx) {
  const t = sql`${kommun}::uuid`;
  return {
    risk: await queryRows(
      tx,
      sql`select student_id, as_of::text, school_unit_id, school_type, school_year, programme_code, tier, flags, data_status, model_id,
        probability, lower, upper, reasons, attendance_4w, attendance_45, attendance_term, invalid_term, valid_term, failed_grades, failed_points, reported_days_45 from student_risk where tenant_id = ${t} order by student_id`,
    ),
    episodes: await queryRows(
      tx,
      sql`select student_id, indicator, onset::text, last_seen::text, status, resolved_on::text, severity, counts, value, details, expires_on::text
        from indicator_episodes where tenant_id = ${t} order by student_id, indicator, onset`,
    ),
    history: await queryRows(
      tx,
      sql`select student_id, as_of::text, tier, probability, attendance from student_risk_history where tenant_id = ${t} order by student_id, as_of`,
    ),
  };
}

class RolledBack extends Error {}

/** Applies the changes, refreshes, reads what is stored, and rolls it all back. */
async function afterChanges(changes: Change[], changedOnly: boolean) {
  let out: { summary: RefreshSummary; state: Awaited<ReturnType<typeof stored>> } | undefined;
  await database.db
    .transaction(async (tx) => {
      for (const c of changes) await apply(tx, c);
      const summary = await refreshTenant(tx, kommun, scenarioDate, { changedOnly });
      out = { summary, state: await stored(tx) };
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  if (!out) throw new Error('no result');
  return out;
}

test('an import queues the students it wrote; a full refresh empties the queue', async () => {
  assert.ok((await queued()).length > 0, 'the fixtures came in through the importer');
  await database.db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
  assert.deepEqual(await queued(), []);
});

test('later the same day only the queued students are recomputed; on a new date every student is', async () => {
  await database.db.transaction((tx) => markChanged(tx, kommun, [students.alva]));
  const { summary } = await afterChanges([], true);
  assert.equal(summary.scope, 'changed', 'same date as the last refresh: only the queued student');
  assert.equal(summary.students, 1);
  const next = await database.db
    .transaction(async (tx) => {
      const s = await refreshTenant(tx, kommun, '2024-10-02', { changedOnly: true });
      throw Object.assign(new RolledBack(), { s });
    })
    .catch((e: RolledBack & { s: RefreshSummary }) => e.s);
  assert.equal(next.scope, 'all', 'a new date moves every window');
  assert.equal(next.students, 4);
});

test('a refresh of the changed students only leaves exactly the rows a full refresh leaves', async () => {
  await database.db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
  await fc.assert(
    fc.asyncProperty(fc.array(change, { minLength: 0, maxLength: 4 }), async (changes) => {
      const changed = await afterChanges(changes, true);
      const full = await afterChanges(changes, false);
      assert.equal(changed.summary.scope, 'changed');
      assert.deepEqual(changed.state, full.state);
    }),
    { numRuns: 25 },
  );
});
