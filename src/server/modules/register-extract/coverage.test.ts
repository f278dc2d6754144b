import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows } from '../../db/client.ts';
import { notTheDataSubject, personColumnCoverage } from './coverage.ts';
import { sectionKeys } from './document.ts';

const database = await createTestDatabase();
const columns = async (pattern: string) =>
  (
    await queryRows<{ t: string }>(
      database.db,
      sql`
  SELECT table_name || '.' || column_name AS t FROM information_schema.columns
   WHERE table_schema = current_schema() AND data_type IN ('uuid', 'ARRAY') AND column_name ~ ${pattern} ORDER BY 1`,
    )
  ).map((r) => r.t);

test('every column that can point at a person is read by a category of the extract, or explained', async () => {
  // A new table with a person_id, student_id, guardian_id … fails here until a category reads it (coverage.ts).
  const personLike = await columns('(person|student|responsible|guardian|subject|pupil|child|youth|registered_by)');
  assert.ok(personLike.includes('grades.student_id') && personLike.includes('enrolments.person_id'), 'the walk finds the known columns');
  const uncovered = personLike.filter((c) => !(c in personColumnCoverage) && !(c in notTheDataSubject));
  assert.deepEqual(uncovered, [], `columns naming a person that no category of the register extract reads: ${uncovered.join(', ')}`);
});

test('the coverage lists only columns that exist, each under a category the extract prints', async () => {
  const all = await columns('.');
  for (const [column, key] of Object.entries(personColumnCoverage)) {
    assert.ok(all.includes(column), `${column} exists`);
    assert.ok((sectionKeys as readonly string[]).includes(key), `${column}: ${key}`);
  }
  for (const column of Object.keys(notTheDataSubject)) assert.ok(all.includes(column), `${column} exists`);
});
