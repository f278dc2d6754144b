import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, fixtureClock, loadAccessFixtures, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../app.ts';
import { personColumns, personReferences } from './queries.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const dpo = await signIn(app, 'dataskydd');
const mentor = await signIn(app, 'mentor');
await app.inject({ url: `/api/students/${students.alva}`, headers: mentor.headers });
const post = (payload: object, headers: Record<string, string>) => app.inject({ method: 'POST', url: '/api/register-extract', headers, payload });
const lastLog = async () => (await accessLogRows(database)).at(-1);

test('POST /api/register-extract: 401, 400 naming the field, 403 for the mentor, 404 for another organiser\'s person', async () => {
  assert.equal((await post({ personId: students.alva }, {})).statusCode, 401);
  const bad = await post({ personId: 'x' }, dpo.headers);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /Fältet 'personId'/);
  assert.equal((await post({ personId: students.alva }, mentor.headers)).statusCode, 403);
  assert.equal((await post({ personId: students.dana }, dpo.headers)).statusCode, 404);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids], ['register-extract.create', 'denied', [students.dana]]);
});

test('the JSON extract holds everything about the person and nothing about anyone else, and who read it', async () => {
  const res = await post({ personId: students.alva }, dpo.headers);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /registerutdrag-2024-10-01\.json/);
  const extract = res.json();
  assert.equal(extract.person.id, students.alva);
  assert.ok(extract.person.civic_no, 'the civic number: the extract is for the person themself');
  for (const { table, column } of await personReferences(database.db)) {
    const [row] = await queryRows<{ n: number }>(database.db, sql`
      SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${students.alva}::uuid`);
    const section = extract.sections.find((s: { table: string; column: string }) => s.table === table && s.column === column);
    assert.equal(section?.rows.length, row?.n, `${table}.${column}`);
    for (const r of section.rows) assert.equal(r[column], students.alva, `${table}: only Alva's rows`);
  }
  assert.ok(extract.sections.find((s: { table: string }) => s.table === 'grades').rows.length > 0, 'her grades');
  assert.ok(extract.accessLog.some((r: { username: string; action: string }) => r.username === 'mentor' && r.action === 'students.read'));
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.role], ['register-extract.create', 'allowed', 'dpo']);
});

test('every table that can point at a person is found, so a future module cannot be left out', async () => {
  const expected = await queryRows<{ t: string }>(database.db, sql`
    SELECT table_name || '.' || column_name AS t FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name = ANY(${`{${personColumns.join(',')}}`}::text[]) ORDER BY 1`);
  const found = (await personReferences(database.db)).map((r) => `${r.table}.${r.column}`);
  assert.deepEqual(found, expected.map((r) => r.t));
  // A future column that points at a person under another name (guardian_id, subject_id …) must be added to the
  // extract's personColumns or explained here; uuid columns whose names suggest a person are all accounted for.
  const personLike = await queryRows<{ t: string }>(database.db, sql`
    SELECT table_name || '.' || column_name AS t FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type IN ('uuid', 'ARRAY')
       AND column_name ~ '(person|student|responsible|guardian|subject|pupil|child|youth)' ORDER BY 1`);
  const explained: Record<string, string> = { 'access_log.subject_ids': 'read separately: the extract lists who read the data' };
  assert.deepEqual(personLike.map((r) => r.t).filter((t) => !found.includes(t) && !explained[t]), []);
  for (const t of ['enrolments.person_id', 'grades.student_id', 'attendances.student_id', 'person_responsibles.responsible_id']) {
    assert.ok(found.includes(t), t);
  }
});

test('the PDF extract is a readable PDF with pages', async () => {
  const res = await post({ personId: students.bo, format: 'pdf' }, dpo.headers);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.match(res.rawPayload.toString('latin1'), /\/Type \/Page\b/);
  assert.equal(res.headers['cache-control'], 'no-store');
});
