import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from '../../server/db/client.ts';
import { seedDemoRegion } from './index.ts';

test('the demo region loads through the importer without a single rejected document', async () => {
  const database = await createTestDatabase();
  const messages: string[] = [];
  const summary = await seedDemoRegion(database, { seed: 3, scale: 0.1, today: '2026-11-22', onProgress: (m) => messages.push(m) });
  assert.equal(summary.organisers, 17);
  const [counts] = await queryRows<Record<string, number>>(
    database.db,
    sql`
    SELECT (SELECT count(*)::int FROM organisers) AS organisers,
           (SELECT count(*)::int FROM persons) AS persons,
           (SELECT count(*)::int FROM enrolments) AS enrolments,
           (SELECT count(*)::int FROM attendances) AS attendances,
           (SELECT count(*)::int FROM aggregated_attendances) AS aggregated,
           (SELECT count(*)::int FROM grades) AS grades,
           (SELECT count(*)::int FROM certificates) AS certificates,
           (SELECT count(*)::int FROM duty_assignments WHERE assignment_role_type = 'Mentor') AS mentors,
           (SELECT count(*)::int FROM groups WHERE group_type = 'Mentor') AS "mentorGroups",
           (SELECT count(*)::int FROM groups WHERE group_type = 'Undervisning') AS "teachingGroups",
           (SELECT count(*)::int FROM enrolments WHERE school_type IN ('GRS', 'GYS')) AS adapted,
           (SELECT count(*)::int FROM grades WHERE NOT final_grade) AS interim,
           (SELECT count(*)::int FROM import_errors) AS errors,
           (SELECT count(*)::int FROM import_runs WHERE status <> 'completed') AS unfinished`,
  );
  assert.equal(counts?.organisers, 17);
  assert.equal(counts?.errors, 0);
  assert.equal(counts?.unfinished, 0);
  for (const k of [
    'persons',
    'enrolments',
    'attendances',
    'aggregated',
    'grades',
    'certificates',
    'mentors',
    'mentorGroups',
    'teachingGroups',
    'adapted',
    'interim',
  ])
    assert.ok((counts?.[k] ?? 0) > 0, k);
  assert.ok(messages.some((m) => m.includes('17/17')));
});
