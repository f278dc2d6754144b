import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, fixtureClock, kommun, loadAccessFixtures, signIn, type Session } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';
import { queryRows } from '../../db/client.ts';
import { challenges } from '../../db/schema/index.ts';
import { buildApp } from '../../app.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const sessions = new Map<string, Session>();
const as = async (username: string) => sessions.get(username) ?? sessions.set(username, await signIn(app, username)).get(username)!;

/** Every given and family name and every person id in the fixtures: none may reach a region role. */
const people = await queryRows<{ id: string; given_name: string; family_name: string }>(
  database.db,
  sql`SELECT id::text, given_name, family_name FROM persons`,
);
function assertNoPerson(body: string, where: string) {
  for (const p of people) {
    assert.ok(!body.includes(p.id), `${where}: a person id`);
    for (const name of [p.given_name, p.family_name]) assert.ok(!new RegExp(`\\b${name}\\b`).test(body), `${where}: the name ${name}`);
  }
}

test('the region routes walk the ladder: 401, 400 naming the field, 403 for other roles, 200 with aggregates only', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/region/coverage' })).statusCode, 401);
  const region = await as('region');
  const bad = await app.inject({ method: 'POST', url: '/api/region/reports', headers: region.headers, payload: { month: '2024-13' } });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Månad/);
  assert.ok(!bad.body.includes('2024-13'), 'the value is not echoed');
  const rektor = await as('rektor');
  assert.equal((await app.inject({ method: 'GET', url: '/api/region/coverage', headers: rektor.headers })).statusCode, 403);
  const steering = await as('styrgrupp');
  assert.equal((await app.inject({ method: 'GET', url: '/api/region/coverage', headers: steering.headers })).statusCode, 403);
  assert.equal(
    (await app.inject({ method: 'POST', url: '/api/region/reports', headers: steering.headers, payload: { month: '2024-09' } })).statusCode,
    403,
  );

  const overview = await app.inject({ method: 'GET', url: '/api/region', headers: region.headers });
  assert.equal(overview.statusCode, 200);
  assert.equal(overview.json().name.sv, 'Västra Götaland');
  assert.ok(overview.json().municipalities.includes('Göteborg'));

  const coverage = await app.inject({ method: 'GET', url: '/api/region/coverage?to=2024H2', headers: region.headers });
  assert.equal(coverage.statusCode, 200, coverage.body);
  assert.equal(coverage.json().halves.length, 4);
  assertNoPerson(coverage.body, 'coverage');
  const logged = (await accessLogRows(database)).filter((r) => r.action === 'region.read');
  assert.ok(
    logged.some((r) => r.outcome === 'allowed'),
    'the coverage read is logged',
  );
});

test('the coordinator generates a month, adds the commentary and publishes; the steering group and the public read it as HTML and PDF', async () => {
  const region = await as('region');
  const draft = await app.inject({ method: 'POST', url: '/api/region/reports', headers: region.headers, payload: { month: '2024-09' } });
  assert.equal(draft.statusCode, 200, draft.body);
  const content = draft.json().content;
  assert.deepEqual(
    content.sections.map((s: { key: string }) => s.key),
    ['early-warning', 'cases', 'kaa', 'handovers', 'completion', 'knowledge-bank', 'implementation-plan', 'events'],
  );
  assert.ok(
    content.sections.some(
      (s: { empty: boolean; note: { sv: string } | null }) => s.empty && s.note?.sv === 'Inga uppgifter för den här månaden.',
    ),
  );
  assertNoPerson(draft.body, 'draft');

  const commentary = {
    commentarySv: 'Styrgruppen noterar att närvaron har ökat.',
    commentaryEn: 'The steering group notes that attendance has risen.',
  };
  const saved = await app.inject({
    method: 'PUT',
    url: '/api/region/reports/2024-09/commentary',
    headers: region.headers,
    payload: commentary,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const hostile = await app.inject({
    method: 'PUT',
    url: '/api/region/reports/2024-09/commentary',
    headers: region.headers,
    payload: { commentarySv: 'a\u0000b', commentaryEn: '' },
  });
  assert.equal(hostile.statusCode, 400);

  const published = await app.inject({ method: 'POST', url: '/api/region/reports/2024-09/publish', headers: region.headers });
  assert.equal(published.statusCode, 200, published.body);
  assert.equal(published.json().version, 1);
  const again = await app.inject({ method: 'POST', url: '/api/region/reports/2024-09/publish', headers: region.headers });
  assert.equal(again.json().version, 2, 'each publication is a new version');

  const steering = await as('styrgrupp');
  const list = await app.inject({ method: 'GET', url: '/api/region/reports', headers: steering.headers });
  assert.equal(list.statusCode, 200);
  assert.deepEqual(list.json().drafts, [], 'the steering group sees published versions only');
  assert.equal(list.json().published.length, 2);
  const read = await app.inject({ method: 'GET', url: '/api/region/reports/2024-09?version=1', headers: steering.headers });
  assert.equal(read.json().commentarySv, commentary.commentarySv);

  const pageSv = await app.inject({ method: 'GET', url: '/rapporter/vastra-gotaland/2024-09' });
  assert.equal(pageSv.statusCode, 200);
  assert.match(pageSv.body, /Styrgruppen noterar att närvaron har ökat/);
  assertNoPerson(pageSv.body, 'public page');
  for (const title of ['Överlämningar mellan skolor', 'Fullföljda studier mot målen']) assert.match(pageSv.body, new RegExp(title));
  const pageEn = await app.inject({ method: 'GET', url: '/rapporter/vastra-gotaland/2024-09?lang=en' });
  assert.match(pageEn.body, /The steering group notes/);
  assert.match(pageEn.body, /Monthly report September 2024/);

  const pdf = await app.inject({ method: 'GET', url: '/rapporter/vastra-gotaland/2024-09/pdf?version=1' });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const text = pdfText(pdf.rawPayload);
  assert.match(text, /Månadsrapport september 2024/);
  assert.match(text, /Styrgruppens kommentar/);
  for (const title of ['Överlämningar mellan skolor', 'Fullföljda studier mot målen']) assert.match(text, new RegExp(title));
  assertNoPerson(text, 'pdf');

  assert.equal((await app.inject({ method: 'GET', url: '/rapporter/skaraborg/2024-09' })).statusCode, 404);
  assert.equal((await app.inject({ method: 'GET', url: '/rapporter/vastra-gotaland/2024-99' })).statusCode, 404);
});

test('the coordinator makes the reports members-only and public again: 401, 400 naming the field, 403, 200; the public pages follow', async () => {
  const put = (payload: Record<string, string>, headers?: Record<string, string>) =>
    app.inject({ method: 'PUT', url: '/api/region/visibility', payload, ...(headers ? { headers } : {}) });
  assert.equal((await put({ reportsVisibility: 'members' })).statusCode, 401);
  const region = await as('region');
  const bad = await put({ reportsVisibility: 'secret' }, region.headers);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Vem får läsa de publicerade rapporterna/);
  assert.ok(!bad.body.includes('secret'), 'the value is not echoed');
  const steering = await as('styrgrupp');
  assert.equal((await put({ reportsVisibility: 'members' }, steering.headers)).statusCode, 403);
  const rektor = await as('rektor');
  assert.equal((await put({ reportsVisibility: 'members' }, rektor.headers)).statusCode, 403);

  const members = await put({ reportsVisibility: 'members' }, region.headers);
  assert.equal(members.statusCode, 200, members.body);
  assert.equal(members.json().reportsPublic, false);
  const logged = (await accessLogRows(database)).at(-1);
  assert.deepEqual([logged?.action, logged?.outcome], ['region-report.write', 'allowed']);
  for (const url of ['/rapporter/vastra-gotaland', '/rapporter/vastra-gotaland/2024-09', '/rapporter/vastra-gotaland/2024-09/pdf'])
    assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, `${url} is not public`);
  const overview = await app.inject({ method: 'GET', url: '/api/region', headers: steering.headers });
  assert.equal(overview.json().reportsPublic, false, 'the steering group sees the choice');
  const memberPdf = await app.inject({ method: 'GET', url: '/api/region/reports/2024-09/pdf?version=1', headers: steering.headers });
  assert.equal(memberPdf.statusCode, 200, 'members still read the PDF in the app');

  assert.equal((await put({ reportsVisibility: 'public' }, region.headers)).json().reportsPublic, true);
  const listing = await app.inject({ method: 'GET', url: '/rapporter/vastra-gotaland' });
  assert.equal(listing.statusCode, 200);
  assert.match(listing.body, /2024-09|september 2024/);
});

test('the region page counts the published challenges by municipality and focus area; pending ones are not counted', async () => {
  const challenge = (status: 'published' | 'pending', focusArea: 'motivation' | 'parents') => ({
    tenantId: kommun,
    id: randomUUID(),
    focusArea,
    subChallenge: 'Skolfrånvaro efter lov',
    ageGroup: 'upper-secondary' as const,
    schoolForm: 'gymnasieskola' as const,
    description: 'Många elever kommer inte tillbaka efter jullovet.',
    municipalityCode: '1480',
    status,
  });
  await database.db
    .insert(challenges)
    .values([
      challenge('published', 'motivation'),
      challenge('published', 'motivation'),
      challenge('published', 'parents'),
      challenge('pending', 'parents'),
    ]);
  assert.equal((await app.inject({ method: 'GET', url: '/api/region/challenges' })).statusCode, 401);
  const rektor = await as('rektor');
  assert.equal((await app.inject({ method: 'GET', url: '/api/region/challenges', headers: rektor.headers })).statusCode, 403);
  const steering = await as('styrgrupp');
  const res = await app.inject({ method: 'GET', url: '/api/region/challenges', headers: steering.headers });
  assert.equal(res.statusCode, 200, res.body);
  const table = res.json() as { columns: { sv: string }[]; rows: { label: { sv: string }; total: boolean; cells: { value: number }[] }[] };
  assert.deepEqual([table.columns.length, table.columns[0]?.sv, table.columns.at(-1)?.sv], [5, 'Psykisk hälsa', 'Alla']);
  const goteborg = table.rows.find((r) => r.label.sv === 'Göteborg')!;
  assert.deepEqual(
    goteborg.cells.map((c) => c.value),
    [0, 1, 0, 2, 3],
  );
  assert.deepEqual(
    table.rows.at(-1)!.cells.map((c) => c.value),
    [0, 1, 0, 2, 3],
  );
  assert.ok(!res.body.includes('jullovet') && !res.body.includes(kommun), 'counts only');
});
