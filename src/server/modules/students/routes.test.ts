import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, accountId, fixtureClock, kommun, loadAccessFixtures, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { snapshotTables } from '../../../ingest/ss12000/test-helpers.ts';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../app.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const mentor = await signIn(app, 'mentor');
const kurator = await signIn(app, 'kurator');
const bodies: string[] = [];
const get = async (url: string, headers: Record<string, string> = mentor.headers) => {
  const res = await app.inject({ method: 'GET', url, headers });
  bodies.push(res.body);
  return res;
};
const lastLog = async () => (await accessLogRows(database)).at(-1);
const ids = (res: { json(): { items: { id: string }[] } }) =>
  res
    .json()
    .items.map((i) => i.id)
    .sort();

test('GET /api/students: 401, 400 naming the field, 403 for a role without a student list', async () => {
  assert.equal((await get('/api/students', {})).statusCode, 401);
  const bad = await get('/api/students?schoolUnitId=not-a-uuid');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error, 'Skolenhet: är inte ett giltigt val.', 'the field as the form names it, never its key');
  const english = await get('/api/students?schoolUnitId=not-a-uuid', { ...mentor.headers, 'accept-language': 'en' });
  assert.equal(english.json().error, 'School unit: is not a valid choice.', 'in the language of the request');
  assert.deepEqual(
    bad.json().fields.map((f: { field: string }) => f.field),
    ['schoolUnitId'],
  );
  const analyst = await signIn(app, 'analytiker');
  assert.equal((await get('/api/students', analyst.headers)).statusCode, 403);
  const log = await lastLog();
  assert.equal(log?.action, 'students.list');
  assert.equal(log?.outcome, 'denied');
  assert.equal(log?.account_id, await accountId(database, 'analytiker'));
});

test('GET /api/students: the mentor sees their group, the kurator their unit; each read is logged with the ids', async () => {
  const res = await get('/api/students');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(ids(res), [students.alva, students.bo, students.cem].sort(), 'not Eva (no group), not Dana (other organiser)');
  const alva = res.json().items.find((i: { id: string }) => i.id === students.alva);
  assert.deepEqual(alva, {
    id: students.alva,
    givenName: 'Alva',
    familyName: 'Testsson',
    schoolYear: 2,
    programmeCode: 'NA',
    schoolUnit: { id: 'a0000000-0000-4000-8000-000000000002', name: 'Exempelgymnasiet' },
    group: { id: 'e0000000-0000-4000-8000-000000000001', name: 'NA23A' },
  });
  const log = await lastLog();
  assert.deepEqual([log?.action, log?.outcome, log?.tenant_id, log?.role], ['students.list', 'allowed', kommun, 'mentor']);
  assert.deepEqual(log?.subject_ids, ids(res));
  assert.equal(log?.account_id, await accountId(database, 'mentor'));

  const unit = await get('/api/students', kurator.headers);
  assert.deepEqual(ids(unit), [students.alva, students.bo, students.cem, students.eva].sort());
});

test('GET /api/students: search, filters and paging', async () => {
  assert.deepEqual(ids(await get('/api/students?q=alv')), [students.alva]);
  assert.deepEqual(ids(await get('/api/students?schoolYear=1')), [students.bo, students.cem].sort());
  assert.deepEqual(ids(await get(`/api/students?groupId=e0000000-0000-4000-8000-000000000001&q=Testsson`)), [students.alva]);
  const page = await get('/api/students?pageSize=2&page=2');
  assert.equal(page.json().items.length, 1);
  assert.equal(page.json().total, 3);
  assert.equal((await get('/api/students?civicNo=200801011234')).statusCode, 400, 'unknown fields are refused');
});

test('GET /api/students: numbers only in decimal digits and a search text within its maximum, else a 400 naming the field', async () => {
  const fieldsOf = async (url: string) => {
    const res = await get(url);
    assert.equal(res.statusCode, 400, url);
    return res.json().fields.map((f: { field: string }) => f.field);
  };
  assert.deepEqual(await fieldsOf('/api/students?page=0x10'), ['page']);
  assert.deepEqual(await fieldsOf('/api/students?pageSize=1e1'), ['pageSize']);
  assert.deepEqual(await fieldsOf('/api/students?schoolYear=%201'), ['schoolYear']);
  assert.deepEqual(await fieldsOf('/api/students?schoolYear=14'), ['schoolYear']);
  assert.deepEqual(await fieldsOf(`/api/students?q=${'a'.repeat(101)}`), ['q']);
  assert.equal((await get(`/api/students?q=${'a'.repeat(100)}`)).statusCode, 200, 'the maximum itself is accepted');
});

test("GET /api/students/filters: 401, 400, 403, and the units, groups and years of the actor's own students", async () => {
  assert.equal((await get('/api/students/filters', {})).statusCode, 401);
  const bad = await get('/api/students/filters?unit=x');
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    bad.json().fields.map((f: { field: string }) => f.field),
    ['unit'],
  );
  assert.equal(bad.json().error, 'Fältet finns inte i formuläret.');
  const analyst = await signIn(app, 'analytiker');
  assert.equal((await get('/api/students/filters', analyst.headers)).statusCode, 403);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['students.list', 'denied'], 'refused by the permission check');

  const res = await get('/api/students/filters');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json().schoolUnits, [{ id: 'a0000000-0000-4000-8000-000000000002', name: 'Exempelgymnasiet' }]);
  assert.deepEqual(
    res.json().groups.map((g: { name: string }) => g.name),
    ['NA23A'],
  );
  assert.deepEqual(res.json().schoolYears, [1, 2]);
  const log = await lastLog();
  assert.deepEqual([log?.action, log?.outcome, log?.role, log?.subject_ids], ['students.filters', 'allowed', 'mentor', []]);
  const outsider = await signIn(app, 'fri-kurator');
  const theirs = (await get('/api/students/filters', outsider.headers)).json();
  assert.ok(!theirs.schoolUnits.some((u: { name: string }) => u.name === 'Exempelgymnasiet'), 'nothing of organiser A');
});

test('search strings with script or SQL come back JSON-encoded and harmless', async () => {
  for (const q of ['<script>alert(1)</script>', "'; DROP TABLE persons; --", '%', '_']) {
    const res = await get(`/api/students?q=${encodeURIComponent(q)}`);
    assert.equal(res.statusCode, 200, q);
    assert.match(String(res.headers['content-type']), /application\/json/);
    assert.deepEqual(res.json().items, [], q);
  }
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM persons`);
  assert.equal(row?.n, 7);
});

test('GET /api/students/:id: 401, 400 naming the field, 404 outside the scope, 403 without students.read, 200 in scope', async () => {
  assert.equal((await get(`/api/students/${students.alva}`, {})).statusCode, 401);
  const bad = await get('/api/students/123');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error, 'Elev: är inte ett giltigt val.');
  for (const outside of [students.eva, students.dana]) {
    const res = await get(`/api/students/${outside}`);
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), { error: 'Hittades inte.' });
    const log = await lastLog();
    assert.deepEqual([log?.action, log?.outcome, log?.subject_ids], ['students.read', 'denied', [outside]]);
  }
  const analyst = await signIn(app, 'analytiker');
  assert.equal((await get(`/api/students/${students.alva}`, analyst.headers)).statusCode, 403, 'aggregates only, no names');
  assert.equal((await lastLog())?.outcome, 'denied');

  const res = await get(`/api/students/${students.alva}`);
  assert.equal(res.statusCode, 200);
  const page = res.json();
  assert.deepEqual(page.abilities, { canReadContact: true, canReadAttendance: true, canReadGrades: true });
  assert.equal(page.enrolments[0].schoolUnit.name, 'Exempelgymnasiet');
  assert.ok(Array.isArray(page.attendanceByMonth) && Array.isArray(page.grades));
  const log = await lastLog();
  assert.deepEqual([log?.action, log?.outcome, log?.subject_ids], ['students.read', 'allowed', [students.alva]]);
  assert.equal(log?.account_id, await accountId(database, 'mentor'));
});

test("the teacher sees their teaching group's students with attendance and grades only, no contact details", async () => {
  const teacher = await signIn(app, 'larare');
  const list = await get('/api/students', teacher.headers);
  assert.deepEqual(ids(list), [students.alva, students.bo, students.cem].sort(), 'members of the taught group');
  const res = await get(`/api/students/${students.alva}`, teacher.headers);
  assert.equal(res.statusCode, 200);
  const page = res.json();
  assert.deepEqual(page.abilities, { canReadContact: false, canReadAttendance: true, canReadGrades: true });
  assert.equal(page.contact, null);
  assert.equal(page.guardians, null, 'no guardians either');
  assert.ok(Array.isArray(page.attendanceByMonth) && Array.isArray(page.grades));
  const log = await lastLog();
  assert.deepEqual([log?.action, log?.outcome, log?.role, log?.subject_ids], ['students.read', 'allowed', 'teacher', [students.alva]]);
  assert.equal((await get(`/api/students/${students.eva}`, teacher.headers)).statusCode, 404, 'not taught: outside the scope');
});

test('a protected identity never exposes contact details', async () => {
  const bo = (await get(`/api/students/${students.bo}`)).json();
  assert.equal(bo.protectedIdentity, true);
  assert.equal(bo.contact, null);
  assert.equal(bo.guardians, null, "a guardian's address is the child's");
});

test('the mentor and the kurator see the address, e-mail and guardians of a student who is not protected', async () => {
  for (const who of ['mentor', 'kurator']) {
    const alva = (await get(`/api/students/${students.alva}`, who === 'mentor' ? mentor.headers : kurator.headers)).json();
    assert.deepEqual(
      alva.contact,
      {
        addresses: [{ type: 'Folkbokföring', streetAddress: 'Testgatan 1', postalCode: '41101', locality: 'Göteborg' }],
        emails: [{ type: 'Skola elev', value: 'alva@example.invalid' }],
        phoneNumbers: [],
      },
      who,
    );
    assert.equal(alva.guardians.length, 1, who);
    assert.equal(alva.guardians[0].relation, 'Vårdnadshavare');
    assert.ok(alva.guardians[0].name.length > 0);
  }
});

test('an outsider (organiser B) gets 404 on every id of organiser A, and nothing changes', async () => {
  const before = await snapshotTables(database.db, kommun);
  const outsider = await signIn(app, 'fri-kurator');
  for (const id of [students.alva, students.bo, students.cem, students.eva]) {
    assert.equal((await get(`/api/students/${id}`, outsider.headers)).statusCode, 404);
  }
  const list = await get(`/api/students?schoolUnitId=a0000000-0000-4000-8000-000000000002`, outsider.headers);
  assert.deepEqual(list.json().items, []);
  assert.deepEqual(ids(await get('/api/students', outsider.headers)), [students.dana]);
  assert.deepEqual(await snapshotTables(database.db, kommun), before);
});

test('no response of these routes carries a personnummer', async () => {
  const civic = await queryRows<{ civic_no: string }>(database.db, sql`SELECT civic_no FROM persons WHERE civic_no IS NOT NULL`);
  assert.ok(civic.length > 0);
  for (const body of bodies) for (const { civic_no } of civic) assert.ok(!body.includes(civic_no) && !body.includes(civic_no.slice(2)));
});
