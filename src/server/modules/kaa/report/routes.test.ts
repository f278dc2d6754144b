/**
 * The half-year report, letters and coverage routes: 401 / 400 / 403 / 200, what each answers, the export refused
 * without the preview's digest, another organiser's officer seeing none of it, and the access-log rows.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogRows, accountId, fixtureClock, loadAccessFixtures, signIn } from '../../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../../test/support/database.ts';
import { pdfText } from '../../../../../test/support/pdf-text.ts';
import { buildApp } from '../../../app.ts';
import { seedRegister, youth } from './test-fixtures.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const officer = await accountId(database, 'kaa');

await seedRegister(database.db, officer);

const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
await app.ready();
const kaa = await signIn(app, 'kaa');
const mentor = await signIn(app, 'mentor');
const outsider = await signIn(app, 'fri-kaa');
const logs = async (action: string) => (await accessLogRows(database)).filter((r) => r.action === action);

test('preview: 401 signed out, 400 naming the half-year, 403 without the register, 200 with failures by name and label', async () => {
  assert.equal((await app.inject({ url: '/api/kaa/report/preview?half=2024H2' })).statusCode, 401);
  const bad = await app.inject({ url: '/api/kaa/report/preview?half=2024H3', headers: kaa.headers });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json<{ error: string }>().error, /Halvår: ska vara ett halvår/);
  assert.equal((await app.inject({ url: '/api/kaa/report/preview?half=2024H2', headers: mentor.headers })).statusCode, 403);

  const res = await app.inject({ url: '/api/kaa/report/preview?half=2024H2', headers: kaa.headers });
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json<{
    summary: { youths: number; rows: number; contacted: number; measuresStarted: number; measuresEnded: number };
    failures: { personId: string; name: string; field: { sv: string }; problem: { sv: string } }[];
    digest: string;
    municipality: { name: string };
  }>();
  assert.equal(p.municipality.name, 'Göteborg');
  assert.deepEqual(
    {
      youths: p.summary.youths,
      rows: p.summary.rows,
      contacted: p.summary.contacted,
      started: p.summary.measuresStarted,
      ended: p.summary.measuresEnded,
    },
    { youths: 3, rows: 3, contacted: 2, started: 1, ended: 1 },
  );
  assert.deepEqual(
    p.failures.map((f) => `${f.name}: ${f.field.sv} ${f.problem.sv}`),
    ['Bea Brist: Sysselsättning vid kontakt saknas'],
  );
  assert.doesNotMatch(res.body, /200701062382|occupationAtContact|dropout-national/);
  const [row] = await logs('kaa.report.preview');
  assert.equal(row?.outcome, 'allowed');
  assert.deepEqual(row?.subject_ids, [youth.bea]);
});

test('export: refused without the digest of the preview, the file with it', async () => {
  const preview = (await app.inject({ url: '/api/kaa/report/preview?half=2024H2', headers: kaa.headers })).json<{ digest: string }>();
  const stale = await app.inject({
    method: 'POST',
    url: '/api/kaa/report/export',
    headers: kaa.headers,
    payload: { half: '2024H2', digest: 'f'.repeat(64) },
  });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.json<{ error: string }>().error, /Förhandsgranska igen/);
  assert.equal((await logs('kaa.report.export')).at(-1)?.outcome, 'denied');
  const otherHalf = await app.inject({
    method: 'POST',
    url: '/api/kaa/report/export',
    headers: kaa.headers,
    payload: { half: '2024H1', digest: preview.digest },
  });
  assert.equal(otherHalf.statusCode, 409);

  const res = await app.inject({
    method: 'POST',
    url: '/api/kaa/report/export',
    headers: kaa.headers,
    payload: { half: '2024H2', digest: preview.digest },
  });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /aktivitetsansvar-1480-2024H2\.txt/);
  assert.equal(res.headers['cache-control'], 'no-store');
  const lines = res.body.trim().split('\r\n');
  assert.equal(lines.length, 4);
  assert.equal(lines[1], '1480;200701052383;1;20240920;50;20240925;1;20240930;13;;');
  const allowed = (await logs('kaa.report.export')).at(-1);
  assert.equal(allowed?.outcome, 'allowed');
  assert.deepEqual([...(allowed?.subject_ids ?? [])].sort(), Object.values(youth).sort());
});

test('another organiser’s officer sees none of it: an independent organiser has no register (403, logged as denied)', async () => {
  for (const url of ['/api/kaa/report/preview?half=2024H2', '/api/kaa/letters?registeredFrom=2024-09-01', '/api/kaa/coverage']) {
    const res = await app.inject({ url, headers: outsider.headers });
    assert.equal(res.statusCode, 403, url);
    assert.doesNotMatch(res.body, /Ada|Bea|Cai/);
  }
  const denied = (await accessLogRows(database)).filter((r) => r.outcome === 'denied' && r.action === 'kaa.report.preview');
  assert.equal(denied.length, 1);
});

test('letters: the list with who is left out and why, and one PDF without a protected identity', async () => {
  assert.equal((await app.inject({ url: '/api/kaa/letters' })).statusCode, 401);
  assert.equal((await app.inject({ url: '/api/kaa/letters', headers: mentor.headers })).statusCode, 403);
  const bad = await app.inject({ url: '/api/kaa/letters?registeredFrom=2024-02-30', headers: kaa.headers });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json<{ error: string }>().error, /Registrerade från och med/);

  const res = await app.inject({ url: '/api/kaa/letters?registeredFrom=2024-09-01', headers: kaa.headers });
  assert.equal(res.statusCode, 200, res.body);
  const plan = res.json<{ recipients: { name: string }[]; skipped: { name: string; reason: { sv: string } }[] }>();
  assert.deepEqual(
    plan.recipients.map((r) => r.name),
    ['Ada Aktiv'],
  );
  assert.deepEqual(
    plan.skipped.map((s) => [s.name, s.reason.sv]),
    [
      ['Bea Brist', 'Ingen adress i registret'],
      ['Cai Skyddad', 'Skyddad identitet: skicka brevet genom Skatteverkets vidarebefordran'],
    ],
  );
  assert.equal((await logs('kaa.letters.list')).at(-1)?.subject_ids.length, 3);

  const noLanguage = await app.inject({
    method: 'POST',
    url: '/api/kaa/letters.pdf',
    headers: kaa.headers,
    payload: { registeredFrom: '2024-09-01', language: 'xx', phone: '', email: '' },
  });
  assert.equal(noLanguage.statusCode, 400);
  const pdf = await app.inject({
    method: 'POST',
    url: '/api/kaa/letters.pdf',
    headers: kaa.headers,
    payload: { registeredFrom: '2024-09-01', language: 'sv', phone: '031-00 00 00', email: 'kaa@example.org' },
  });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const text = pdfText(pdf.rawPayload);
  assert.match(text, /Hej Ada!/);
  assert.match(text, /Storgatan 1/);
  assert.doesNotMatch(text, /Cai|Bea/);
  assert.deepEqual((await logs('kaa.letters.pdf')).at(-1)?.subject_ids, [youth.ada]);
});

test('coverage: counts per half-year, small ones hidden', async () => {
  assert.equal((await app.inject({ url: '/api/kaa/coverage' })).statusCode, 401);
  assert.equal((await app.inject({ url: '/api/kaa/coverage?from=nu', headers: kaa.headers })).statusCode, 400);
  const res = await app.inject({ url: '/api/kaa/coverage', headers: kaa.headers });
  assert.equal(res.statusCode, 200, res.body);
  const c = res.json<{ halves: { half: string; figures: { inGroup: { value: number | null; suppressed: string | null } } }[] }>();
  assert.deepEqual(
    c.halves.map((h) => h.half),
    ['2023H1', '2023H2', '2024H1', '2024H2'],
  );
  assert.deepEqual(c.halves.at(-1)?.figures.inGroup, { value: null, suppressed: 'small' }, 'three young people: fewer than five');
  assert.deepEqual(c.halves[0]?.figures.inGroup, { value: 0, suppressed: null });
  assert.doesNotMatch(res.body, /Ada|Bea|Cai/);
});
