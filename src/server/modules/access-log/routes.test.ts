import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogRows, accountId, fixtureClock, kommun, loadAccessFixtures, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addAccessLogRow } from '../../../../test/support/factories/index.ts';
import type { AccessLogItem, AccessLogPage } from '../../../shared/access-log/contract.ts';
import { buildApp } from '../../app.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const admin = await signIn(app, 'admin');
const dpo = await signIn(app, 'dataskydd');
const mentor = await signIn(app, 'mentor');
// Something to review: the mentor reads Alva's page and the list, the counsellor (a role at a school unit) Alva's page.
await app.inject({ url: `/api/students/${students.alva}`, headers: mentor.headers });
await app.inject({ url: `/api/students/${students.alva}`, headers: (await signIn(app, 'kurator')).headers });
await app.inject({ url: '/api/students', headers: mentor.headers });
const get = (url: string, headers: Record<string, string>) => app.inject({ url, headers });
const lastLog = async () => (await accessLogRows(database)).at(-1);
const uuidShaped = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A code rather than words: dotted (`auth.sign-in`), snake_case or kebab-case without spaces. */
const codeShaped = /^[a-z0-9]+([._-][a-z0-9]+)+$|\b[a-z]+[._][a-z]+\b/;

test('GET /api/access-log: 401, 400 naming the field, 403 for the mentor, 200 for admin and DPO, and the review is logged', async () => {
  assert.equal((await get('/api/access-log', {})).statusCode, 401);
  const bad = await get('/api/access-log?from=igår', admin.headers);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /^Från och med: ska vara ett datum som finns/);
  assert.deepEqual(
    bad.json().fields.map((f: { field: string }) => f.field),
    ['from'],
  );
  const english = await app.inject({ url: '/api/access-log?from=igår', headers: { ...admin.headers, 'accept-language': 'en' } });
  assert.match(english.json().error, /^From: must be a date that exists/);
  assert.equal((await get('/api/access-log', mentor.headers)).statusCode, 403);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['access-log.read', 'denied']);

  const mentorId = await accountId(database, 'mentor');
  const res = await get(`/api/access-log?accountId=${mentorId}&action=students.read`, dpo.headers);
  assert.equal(res.statusCode, 200);
  const body = res.json() as AccessLogPage;
  assert.equal(body.total, 1);
  const [row] = body.items;
  assert.deepEqual(row?.account, { id: mentorId, username: 'mentor', displayName: 'Demo: Mentor' });
  assert.deepEqual(row?.roles, [{ role: 'mentor', label: { sv: 'Mentor', en: 'Mentor' } }]);
  assert.deepEqual(row?.action, { code: 'students.read', label: { sv: 'Läste elevens sida', en: "Viewed a student's page" } });
  assert.deepEqual(row?.outcome, { code: 'allowed', label: { sv: 'Tillåten', en: 'Allowed' } });
  assert.deepEqual(row?.subjects, [{ id: students.alva, name: 'Alva Testsson' }]);
  assert.match(row?.at ?? '', /^2024-10-01T08:00:00\.000Z$/, 'UTC; the page shows it on the Swedish clock');
  const log = await lastLog();
  assert.deepEqual([log?.action, log?.outcome, log?.role, log?.tenant_id], ['access-log.read', 'allowed', 'dpo', kommun]);
});

test('pages: newest first, no row on two pages, the same total on each, an empty page past the end', async () => {
  // The mentor's rows: the admin's own reviews (logged too) would shift the pages between requests.
  for (let i = 0; i < 4; i++) await app.inject({ url: '/api/students', headers: mentor.headers });
  const page = async (n: number) =>
    (await get(`/api/access-log?username=mentor&pageSize=3&page=${n}`, admin.headers)).json() as AccessLogPage;
  const first = await page(1);
  const second = await page(2);
  assert.ok(first.total > 6, 'enough rows for three pages');
  assert.deepEqual([first.items.length, second.items.length, second.page, second.pageSize], [3, 3, 2, 3]);
  const ids = [...first.items, ...second.items].map((i) => i.id);
  assert.equal(new Set(ids).size, 6);
  assert.deepEqual(
    ids,
    [...ids].sort((a, b) => b - a),
    'newest first across the pages',
  );
  assert.equal(second.total, first.total);
  const past = await page(10_000);
  assert.deepEqual(past.items, []);
});

test('presented labels are words, never codes or ids; an unknown action reads as a generic label; the filtered student is named', async () => {
  await addAccessLogRow(database.db, {
    tenantId: kommun,
    at: '2024-10-01T09:00:00+02:00',
    requestId: 'r-unknown',
    role: 'ghost_role',
    action: 'something.new_thing',
    subjectIds: [students.dana],
    outcome: 'denied',
  });
  const body = (await get(`/api/access-log?pageSize=200`, admin.headers)).json() as AccessLogPage;
  const labels = body.items.flatMap((i: AccessLogItem) => [
    i.action.label.sv,
    i.action.label.en,
    i.outcome.label.sv,
    i.outcome.label.en,
    ...i.roles.flatMap((r) => [r.label.sv, r.label.en]),
    ...i.subjects.map((s) => s.name ?? ''),
    ...i.units.map((u) => u.name ?? ''),
  ]);
  assert.ok(labels.length > 20);
  assert.deepEqual(
    labels.filter((l) => uuidShaped.test(l) || codeShaped.test(l)),
    [],
  );
  const unknown = body.items.find((i) => i.requestId === 'r-unknown');
  assert.deepEqual(unknown?.action.label, { sv: 'Annan åtgärd', en: 'Other action' });
  assert.deepEqual(
    unknown?.roles.map((r) => r.label.sv),
    ['Annan roll'],
  );
  assert.deepEqual(unknown?.subjects, [{ id: students.dana, name: null }], "another organiser's student is not named");
  const units = body.items.flatMap((i) => i.units);
  assert.ok(units.length > 0 && units.every((u) => u.name === 'Exempelgymnasiet'), JSON.stringify(units.slice(0, 3)));
  const about = (await get(`/api/access-log?subjectId=${students.alva}`, admin.headers)).json() as AccessLogPage;
  assert.deepEqual(about.subject, { id: students.alva, name: 'Alva Testsson' });
});

test('dates that do not exist, numbers not in decimal digits and over-long text are a 400 naming the field, on the list and the export', async () => {
  const fieldsOf = async (url: string) => {
    const res = await get(url, admin.headers);
    assert.equal(res.statusCode, 400, url);
    assert.ok(!/Fältet '/.test(res.json().error), 'labelled, not the field key');
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

test("filters by student and period; another organiser's administrator sees none of these rows", async () => {
  const about = (await get(`/api/access-log?subjectId=${students.alva}`, admin.headers)).json() as AccessLogPage;
  assert.ok(about.items.length >= 2 && about.items.every((i) => i.subjects.some((s) => s.id === students.alva)));
  assert.equal((await get('/api/access-log?from=2024-10-02', admin.headers)).json().total, 0, 'the fixture clock is 2024-10-01');
  assert.ok((await get('/api/access-log?from=2024-10-01&to=2024-10-01', admin.headers)).json().total > 0);
  const byName = (await get('/api/access-log?username=mentor', admin.headers)).json() as AccessLogPage;
  assert.ok(byName.total >= 2 && byName.items.every((i) => i.account?.username === 'mentor'));
  const outsider = await signIn(app, 'fri-admin');
  const theirs = (await get(`/api/access-log?subjectId=${students.alva}`, outsider.headers)).json() as AccessLogPage;
  assert.deepEqual([theirs.items, theirs.subject?.name], [[], null]);
});

test('POST /api/people/lookup: the personnummer goes in the body, a bad one is refused at its field without echo, matches are logged', async () => {
  const post = (payload: unknown, headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/api/people/lookup', headers, payload: payload as object });
  assert.equal((await post({ civicNo: '20080105-2382' }, {})).statusCode, 401);
  const bad = await post({ civicNo: '20080105-2383' }, dpo.headers);
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error, 'Elevens personnummer: är inte ett giltigt personnummer.');
  assert.deepEqual(
    bad.json().fields.map((f: { field: string }) => f.field),
    ['civicNo'],
  );
  assert.ok(!bad.body.includes('2383'), 'the number is not echoed');
  const english = await post({ civicNo: '20080105-2383' }, { ...dpo.headers, 'accept-language': 'en' });
  assert.equal(english.json().error, "The student's personnummer: is not a valid personnummer.");
  const short = await post({ civicNo: '123' }, dpo.headers);
  assert.match(short.json().error, /^Elevens personnummer: måste ha minst 10 tecken/);
  assert.equal((await post({ civicNo: '20080105-2382' }, mentor.headers)).statusCode, 403);
  const res = await post({ civicNo: '200801052382' }, dpo.headers);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(
    res.json().matches.map((m: { id: string }) => m.id),
    [students.bo],
  );
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.subject_ids], ['people.lookup', [students.bo]]);
  const outsider = await signIn(app, 'fri-dataskydd');
  assert.deepEqual((await post({ civicNo: '20080105-2382' }, outsider.headers)).json().matches, []);
});
