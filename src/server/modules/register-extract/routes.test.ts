import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, fixtureClock, loadAccessFixtures, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../app.ts';
import { openAlvaCase, plainNoteText } from '../interventions/test-fixtures.ts';
import { registerExtractDocument } from '../../../shared/register-extract/contract.ts';
import { sectionHeadings, sectionKeys } from './document.ts';
import { pdfText, readableStrings, unreadable } from './test-support.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
await openAlvaCase(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const dpo = await signIn(app, 'dataskydd');
const mentor = await signIn(app, 'mentor');
await app.inject({ url: `/api/students/${students.alva}`, headers: mentor.headers });
assert.equal(
  (await app.inject({ url: `/api/students/${students.eva}`, headers: mentor.headers })).statusCode,
  404,
  "Eva is outside the mentor's groups",
);
const post = (payload: object, headers: Record<string, string>) =>
  app.inject({ method: 'POST', url: '/api/register-extract', headers, payload });
const lastLog = async () => (await accessLogRows(database)).at(-1);

interface Part {
  heading: string;
  entries: { title?: string; facts: { label: string; value: string }[] }[];
}
interface Extract {
  person: { id: string; name: string };
  sections: { key: string; heading: string; parts: Part[] }[];
}
const part = (extract: Extract, key: string, heading: string) => {
  const found = extract.sections.find((s) => s.key === key)?.parts.find((p) => p.heading === heading);
  assert.ok(found, `${key}: ${heading}`);
  return found;
};
const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(database.db, query))[0]?.n ?? -1;

test("POST /api/register-extract: 401, 400 naming the field, 403 for the mentor, 404 for another organiser's person, 200 logged", async () => {
  assert.equal((await post({ personId: students.alva }, {})).statusCode, 401);
  const bad = await post({ personId: 'x' }, dpo.headers);
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    bad.json().fields.map((f: { field: string }) => f.field),
    ['personId'],
  );
  assert.equal(bad.json().error, 'Person: är inte ett giltigt val.', 'named by its label, never the key or the value');
  const badFormat = await post({ personId: students.alva, format: 'docx' }, { ...dpo.headers, 'accept-language': 'en' });
  assert.deepEqual(
    badFormat.json().fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    [['format', 'File format: has a value that is not one of the choices.']],
  );
  assert.equal((await post({ personId: students.alva, extra: 1 }, dpo.headers)).statusCode, 400, 'unknown fields are refused');
  assert.equal((await post({ personId: students.alva }, mentor.headers)).statusCode, 403);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['register-extract.create', 'denied']);
  assert.equal((await post({ personId: students.dana }, dpo.headers)).statusCode, 404);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['register-extract.create', 'denied', [students.dana]],
  );
  const res = await post({ personId: students.alva }, dpo.headers);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /registerutdrag-2024-10-01\.json/);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.role, (await lastLog())?.subject_ids],
    ['register-extract.create', 'allowed', 'dpo', [students.alva]],
  );
});

test('the JSON extract reads in Swedish: one section per category in order, names and labels, no id, column name or code', async () => {
  const json: unknown = (await post({ personId: students.alva }, dpo.headers)).json();
  assert.deepEqual(registerExtractDocument.parse(json), json, 'the document is exactly what the shared contract describes');
  const extract = json as Extract;
  assert.deepEqual(
    extract.sections.map((s) => s.heading),
    sectionKeys.map((k) => sectionHeadings[k]),
    'every category once, in order',
  );
  assert.equal(extract.person.name, 'Alva Testsson');
  const problems = readableStrings(extract)
    .map((s) => [s, unreadable(s)])
    .filter(([, p]) => p);
  assert.deepEqual(problems, []);
  const basics = part(extract, 'identity', 'Grunduppgifter').entries[0]!.facts;
  assert.deepEqual(
    basics.find((f) => f.label === 'Personnummer'),
    { label: 'Personnummer', value: '20070101-2395' },
  );
  assert.deepEqual(
    basics.find((f) => f.label === 'Födelsedatum'),
    { label: 'Födelsedatum', value: '1 januari 2007' },
  );
  const enrolment = part(extract, 'enrolments', 'Inskrivningar').entries[0]!;
  assert.equal(enrolment.title, 'Exempelgymnasiet', 'the school unit by name');
  assert.ok(enrolment.facts.some((f) => f.label === 'Skolform' && f.value === 'Gymnasieskola'));
  const lesson = part(extract, 'attendance', 'Lektioner').entries.find((e) =>
    e.facts.some((f) => f.label === 'Giltig frånvaro' && f.value === '20 min'),
  );
  assert.ok(lesson, 'absence in words, not minutes columns');
  const theCase = part(extract, 'cases', 'Ärenden').entries[0]!;
  assert.ok(
    theCase.facts.some((f) => f.label === 'Ansvarig' && f.value === 'Demo: Kurator'),
    'an account by its display name',
  );
  assert.ok(theCase.facts.some((f) => f.label === 'Status' && f.value === 'Pågår'));
  assert.ok(part(extract, 'notes', 'Anteckningar i elevhälsoärenden').entries.some((e) => e.facts.some((f) => f.value === plainNoteText)));
  const read = part(extract, 'access-log', 'Läsningar och nekade försök').entries.find((e) =>
    e.facts.some((f) => f.value === 'Demo: Mentor'),
  );
  assert.ok(read?.title?.endsWith('Åtkomst'));
  assert.ok(read?.facts.some((f) => f.label === 'Vad' && f.value === 'Elevens sida'));
});

test('a denied read is shown as a denial', async () => {
  const extract = (await post({ personId: students.eva }, dpo.headers)).json() as Extract;
  const denial = part(extract, 'access-log', 'Läsningar och nekade försök').entries.find((e) =>
    e.facts.some((f) => f.value === 'Demo: Mentor'),
  );
  assert.match(denial?.title ?? '', /^1 oktober 2024 kl\. \d\d:\d\d: Nekad åtkomst$/);
});

test('every row about the person is in its category: the entries match the rows in each table', async () => {
  const extract = (await post({ personId: students.alva }, dpo.headers)).json() as Extract;
  const alva = students.alva;
  const expected: [string, string, ReturnType<typeof sql>][] = [
    ['enrolments', 'Inskrivningar', sql`SELECT count(*)::int AS n FROM enrolments WHERE person_id = ${alva}::uuid`],
    ['enrolments', 'Klasser och grupper', sql`SELECT count(*)::int AS n FROM group_memberships WHERE person_id = ${alva}::uuid`],
    [
      'identity',
      'Vårdnadshavare och andra ansvariga för dig',
      sql`SELECT count(*)::int AS n FROM person_responsibles WHERE person_id = ${alva}::uuid`,
    ],
    ['attendance', 'Lektioner', sql`SELECT count(*)::int AS n FROM attendances WHERE student_id = ${alva}::uuid`],
    [
      'attendance',
      'Närvaro sammanräknad per period',
      sql`SELECT count(*)::int AS n FROM aggregated_attendances WHERE student_id = ${alva}::uuid`,
    ],
    ['grades', 'Betyg i ämnen och kurser', sql`SELECT count(*)::int AS n FROM grades WHERE student_id = ${alva}::uuid`],
    ['cases', 'Ärenden', sql`SELECT count(*)::int AS n FROM cases WHERE student_id = ${alva}::uuid`],
    ['cases', 'Insatser', sql`SELECT count(*)::int AS n FROM case_interventions WHERE student_id = ${alva}::uuid`],
    ['cases', 'Uppföljningar av insatser', sql`SELECT count(*)::int AS n FROM intervention_follow_ups WHERE student_id = ${alva}::uuid`],
    ['cases', 'Ärendenas historik', sql`SELECT count(*)::int AS n FROM case_events WHERE student_id = ${alva}::uuid`],
    [
      'notes',
      'Anteckningar i elevhälsoärenden',
      sql`SELECT count(*)::int AS n FROM case_notes WHERE student_id = ${alva}::uuid AND NOT sensitive`,
    ],
    [
      'notes',
      'Känsliga anteckningar (sekretessprövade)',
      sql`SELECT count(*)::int AS n FROM case_notes WHERE student_id = ${alva}::uuid AND sensitive`,
    ],
    ['access-log', 'Läsningar och nekade försök', sql`SELECT count(*)::int AS n FROM access_log WHERE subject_ids @> ARRAY[${alva}::uuid]`],
  ];
  for (const [key, heading, query] of expected) {
    const rows = await count(query);
    assert.ok(rows > 0 || key === 'access-log', `${heading}: the fixtures hold rows`);
    // The access log gains this request's own row after the extract is built.
    assert.equal(part(extract, key, heading).entries.length, key === 'access-log' ? rows - 1 : rows, heading);
  }
});

test('the PDF extract is readable: Swedish headings, labels, no id, column name or code', async () => {
  const res = await post({ personId: students.eva, format: 'pdf' }, dpo.headers);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(res.rawPayload);
  for (const heading of Object.values(sectionHeadings)) assert.ok(text.includes(heading), heading);
  assert.match(text, /Nekad åtkomst/);
  assert.deepEqual(
    text
      .split('\n')
      .map((line) => [line, unreadable(line)])
      .filter(([, p]) => p),
    [],
  );
  const alva = pdfText((await post({ personId: students.alva, format: 'pdf' }, dpo.headers)).rawPayload);
  assert.deepEqual(
    alva
      .split('\n')
      .map((line) => [line, unreadable(line)])
      .filter(([, p]) => p),
    [],
  );
  assert.match(alva, /Exempelgymnasiet/);
  assert.match(alva, /Demo: Kurator/);
});
