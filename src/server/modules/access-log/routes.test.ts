import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogRows, accountId, fixtureClock, kommun, loadAccessFixtures, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const admin = await signIn(app, 'admin');
const dpo = await signIn(app, 'dataskydd');
const mentor = await signIn(app, 'mentor');
// Something to review: the mentor reads Alva's page and the list.
await app.inject({ url: `/api/students/${students.alva}`, headers: mentor.headers });
await app.inject({ url: '/api/students', headers: mentor.headers });
const get = (url: string, headers: Record<string, string>) => app.inject({ url, headers });
const lastLog = async () => (await accessLogRows(database)).at(-1);

test('GET /api/access-log: 401, 400 naming the field, 403 for the mentor, 200 for admin and DPO, and the review is logged', async () => {
  assert.equal((await get('/api/access-log', {})).statusCode, 401);
  const bad = await get('/api/access-log?from=igår', admin.headers);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /Fältet 'from'/);
  assert.equal((await get('/api/access-log', mentor.headers)).statusCode, 403);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['access-log.read', 'denied']);

  const mentorId = await accountId(database, 'mentor');
  const res = await get(`/api/access-log?accountId=${mentorId}&action=students.read`, dpo.headers);
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.total, 1);
  assert.deepEqual([body.items[0].account.username, body.items[0].subjectIds, body.items[0].outcome], ['mentor', [students.alva], 'allowed']);
  const log = await lastLog();
  assert.deepEqual([log?.action, log?.outcome, log?.role, log?.tenant_id], ['access-log.read', 'allowed', 'dpo', kommun]);
});

test('dates that do not exist, numbers not in decimal digits and over-long text are a 400 naming the field, on the list and the export', async () => {
  const fieldsOf = async (url: string) => {
    const res = await get(url, admin.headers);
    assert.equal(res.statusCode, 400, url);
    return res.json().fields.map((f: { field: string }) => f.field);
  };
  for (const base of ['/api/access-log', '/api/access-log/export.csv']) {
    assert.deepEqual(await fieldsOf(`${base}?from=2026-02-30`), ['from']);
    assert.deepEqual(await fieldsOf(`${base}?to=0001-01-01`), ['to']);
    assert.deepEqual(await fieldsOf(`${base}?page=0x10`), ['page']);
    assert.deepEqual(await fieldsOf(`${base}?pageSize=1e2`), ['pageSize']);
    assert.deepEqual(await fieldsOf(`${base}?username=${'a'.repeat(101)}`), ['username']);
  }
  assert.equal((await get('/api/access-log?from=2024-02-29&page=1&pageSize=10', admin.headers)).statusCode, 200, 'a leap day exists');
});

test('filters by student and period; another organiser\'s administrator sees none of these rows', async () => {
  const about = (await get(`/api/access-log?subjectId=${students.alva}`, admin.headers)).json();
  assert.ok(about.items.length >= 2 && about.items.every((i: { subjectIds: string[] }) => i.subjectIds.includes(students.alva)));
  assert.equal((await get('/api/access-log?from=2024-10-02', admin.headers)).json().total, 0, 'the fixture clock is 2024-10-01');
  assert.ok((await get('/api/access-log?from=2024-10-01&to=2024-10-01', admin.headers)).json().total > 0);
  const byName = (await get('/api/access-log?username=mentor', admin.headers)).json();
  assert.ok(byName.total >= 2 && byName.items.every((i: { account: { username: string } }) => i.account.username === 'mentor'));
  const outsider = await signIn(app, 'fri-admin');
  const theirs = (await get(`/api/access-log?subjectId=${students.alva}`, outsider.headers)).json();
  assert.deepEqual(theirs.items, []);
});

test('GET /api/access-log/export.csv: Excel-friendly CSV of the selection, logged as an export', async () => {
  assert.equal((await get('/api/access-log/export.csv', {})).statusCode, 401);
  assert.equal((await get('/api/access-log/export.csv?outcome=maybe', admin.headers)).statusCode, 400);
  assert.equal((await get('/api/access-log/export.csv', mentor.headers)).statusCode, 403);
  const res = await get(`/api/access-log/export.csv?subjectId=${students.alva}`, admin.headers);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.match(String(res.headers['content-disposition']), /attachment; filename="atkomstlogg-2024-10-01.csv"/);
  const lines = res.body.replace(/^\ufeff/, '').trim().split('\n');
  assert.equal(lines[0], 'tid;användare;roller;enheter;åtgärd;personer;ändamål;utfall;begäran;ip');
  assert.ok(lines.slice(1).some((l) => l.includes(';mentor;') && l.includes('students.read') && l.includes(students.alva)));
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.subject_ids], ['access-log.export', [students.alva]]);
});

test('POST /api/people/lookup: the personnummer goes in the body, a bad one is refused without echo, matches are logged', async () => {
  const post = (payload: unknown, headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/api/people/lookup', headers, payload: payload as object });
  assert.equal((await post({ civicNo: '20080105-2382' }, {})).statusCode, 401);
  const bad = await post({ civicNo: '20080105-2383' }, dpo.headers);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /civicNo/);
  assert.ok(!bad.body.includes('2383'), 'the number is not echoed');
  assert.equal((await post({ civicNo: '20080105-2382' }, mentor.headers)).statusCode, 403);
  const res = await post({ civicNo: '200801052382' }, dpo.headers);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json().matches.map((m: { id: string }) => m.id), [students.bo]);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.subject_ids], ['people.lookup', [students.bo]]);
  const outsider = await signIn(app, 'fri-dataskydd');
  assert.deepEqual((await post({ civicNo: '20080105-2382' }, outsider.headers)).json().matches, []);
});
