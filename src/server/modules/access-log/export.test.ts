import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogRows, fixtureClock, loadAccessFixtures, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { updateAccount } from '../../../../test/support/factories/index.ts';
import { buildApp } from '../../app.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const admin = await signIn(app, 'admin');
const mentor = await signIn(app, 'mentor');
await app.inject({ url: `/api/students/${students.alva}`, headers: mentor.headers });
await app.inject({ url: '/api/students', headers: mentor.headers });
await app.inject({ url: '/api/access-log', headers: mentor.headers });
// The counsellor's role is held at a school unit: the unit is named.
await app.inject({ url: `/api/students/${students.alva}`, headers: (await signIn(app, 'kurator')).headers });
const get = (url: string, headers: Record<string, string>) => app.inject({ url, headers });

const header = 'Loggrad-id;Tid;Användare;Användarnamn;Roller;Enheter;Åtgärd;Elever;Ändamål;Utfall;IP-adress';

test('GET /api/access-log/export.csv: 401, 400, 403; Excel-ready CSV of the selection with Swedish headings, logged as an export', async () => {
  assert.equal((await get('/api/access-log/export.csv', {})).statusCode, 401);
  const bad = await get('/api/access-log/export.csv?outcome=maybe', admin.headers);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /^Utfall: /);
  assert.equal((await get('/api/access-log/export.csv', mentor.headers)).statusCode, 403);
  const res = await get(`/api/access-log/export.csv?subjectId=${students.alva}`, admin.headers);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.match(String(res.headers['content-disposition']), /attachment; filename="atkomstlogg-2024-10-01.csv"/);
  assert.ok(res.body.startsWith('\ufeff'), 'a BOM for Excel');
  const lines = res.body.slice(1).trimEnd().split('\r\n');
  assert.equal(lines[0], header);
  const read = lines.filter((l) => l.includes('Läste elevens sida'));
  assert.equal(read.length, 2, lines.join('\n'));
  assert.match(
    read[1]!,
    /^\d+;2024-10-01 10:00:00;Demo: Mentor;mentor;Mentor;;Läste elevens sida;Alva Testsson;uppföljning av elevens studiegång;Tillåten;127\.0\.0\.1$/,
  );
  assert.match(read[0]!, /^\d+;2024-10-01 10:00:00;Demo: Kurator;kurator;Kurator;Exempelgymnasiet;Läste elevens sida;Alva Testsson;/);
  const rows = await accessLogRows(database);
  assert.deepEqual([rows.at(-1)?.action, rows.at(-1)?.subject_ids], ['access-log.export', [students.alva]]);
});

test('the CSV holds no account or student ids and no codes, and neutralises formula cells', async () => {
  await updateAccount(database.db, 'mentor', { displayName: '=1+2' });
  const csv = (await get('/api/access-log/export.csv', admin.headers)).body;
  assert.doesNotMatch(csv, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, 'no uuid');
  const cells = csv
    .slice(1)
    .split('\r\n')
    .slice(1)
    .flatMap((l) => l.split(';'));
  assert.deepEqual(
    cells.filter((c) => /\b[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*\b/.test(c) || /\b[a-z]+_[a-z]+\b/.test(c)),
    [],
    'no dotted or snake_case code',
  );
  assert.ok(cells.includes('Nekad') && cells.includes('Granskade åtkomstloggen'), "the mentor's refusal, as words");
  assert.ok(cells.includes("'=1+2"), 'a formula is neutralised with an apostrophe');
  assert.ok(!cells.some((c) => c.startsWith('=')));
});
