import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, accountId, fixtureNow, loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { updateRecord } from '../../../../test/support/factories/index.ts';
import { queryRows } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import { buildApp } from '../../app.ts';
import { demoPassword } from '../auth/demo-accounts.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { submissionsPerHour } from './moderation.ts';
import { knowledgeModerationRoutes } from './moderation-routes.ts';

// The access fixtures (2024-10-01): the submitter is the kurator, the editors are `redaktor` and `fri-redaktor` (two
// editors: nobody approves their own submission), and an account with no role at all.
const database = await createTestDatabase();
await loadAccessFixtures(database);
await database.db
  .insert(accounts)
  .values({ username: 'utan-roll', displayName: 'Utan roll', passwordHash: await hashPassword(demoPassword) });
let now = fixtureNow;
// Sessions outlast the test's clock moves (the rate limit's hour).
const app = await buildApp({ database, config: { logLevel: 'silent', auth: { sessionIdleMinutes: 600 } }, clock: () => now });
/** A minute later: the history and the comments are ordered by time. */
const tick = () => {
  now = new Date(now.getTime() + 60_000);
};
const kurator = await signIn(app, 'kurator');
const mentor = await signIn(app, 'mentor');
const editor = await signIn(app, 'redaktor');
const otherEditor = await signIn(app, 'fri-redaktor');
type Method = 'GET' | 'POST';
const call = (method: Method, url: string, headers: Record<string, string> = {}, payload?: unknown) =>
  app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const fields = (res: { json: () => { fields?: { field: string }[] } }) => (res.json().fields ?? []).map((f) => f.field);
const one = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => (await queryRows<T>(database.db, q))[0]!;

const example = (overrides: Record<string, unknown> = {}) => ({
  kind: 'example',
  nameSv: 'Läxhjälp på Kalmar stadsbibliotek',
  summarySv: 'Elever i årskurs 7–9 får läxhjälp av studenter två kvällar i veckan på biblioteket.',
  descriptionSv: 'Läxhjälpen startade **2023**. <script>alert(1)</script>',
  municipalityCodes: ['0880'],
  places: [{ name: 'Kalmar stadsbibliotek', lat: 56.6634, lon: 16.3566 }],
  focusAreas: ['reading-language', 'motivation'],
  ageGroups: ['7-9'],
  sources: [{ title: 'Kommunens sida', url: 'https://kalmar.example/laxhjalp' }],
  contact: { organisation: 'Kalmar kommun', email: 'laxhjalp@kalmar.example' },
  ...overrides,
});

test('every moderation route declares its permission and is mounted', () => {
  const declared = knowledgeModerationRoutes();
  assert.equal(declared.length, 11);
  for (const r of declared) {
    assert.match(r.permission, /^knowledge-bank\.(submit|moderate)$/, `${r.method} ${r.url}`);
    assert.ok(
      app.routeCatalog.some((c) => c.method === r.method && c.url === r.url && c.permission === r.permission),
      `${r.method} ${r.url}`,
    );
  }
});

test('every moderation route: 401 without a session, 403 for an account without a role (each denial logged)', async () => {
  const noRole = await signIn(app, 'utan-roll');
  for (const r of knowledgeModerationRoutes()) {
    const url = r.url.replace(':id', '00000000-0000-4000-8000-000000000000');
    assert.equal(
      (await call(r.method as Method, url, { 'x-fullfolj-csrf': '1' }, r.method === 'POST' ? {} : undefined)).statusCode,
      401,
      `${r.method} ${r.url}`,
    );
    assert.equal(
      (await call(r.method as Method, url, noRole.headers, r.method === 'POST' ? {} : undefined)).statusCode,
      403,
      `${r.method} ${r.url}`,
    );
    const denied = (await accessLogRows(database)).at(-1);
    assert.deepEqual([denied?.action, denied?.outcome], [r.permission, 'denied'], `${r.method} ${r.url}`);
  }
});

test('POST submissions: 401, 400 naming each content field, 403 for an account without a role (logged), 201 pending and unpublished', async () => {
  assert.equal((await call('POST', '/api/knowledge/submissions', {}, { content: example() })).statusCode, 401);
  const bad = await call('POST', '/api/knowledge/submissions', mentor.headers, {
    content: example({
      nameSv: 'L'.repeat(201),
      municipalityCodes: ['0880', '0000'],
      places: [
        { name: 'Oslo', lat: 59.91, lon: 10.75 },
        { name: 'Sjön', lat: 56.9, lon: 19.9 },
      ],
      sources: [{ title: 'x', url: 'javascript:alert(1)' }],
    }),
  });
  assert.equal(bad.statusCode, 400);
  // The schema's errors come first (the database and map checks run on content that parses).
  assert.deepEqual(fields(bad).sort(), ['content.nameSv', 'content.places.0.lon', 'content.sources.0.url']);
  assert.match(bad.json().error, /Webbadress till källa 1: måste vara en webbadress som börjar med http:\/\/ eller https:\/\//);
  assert.match(bad.json().error, /Longitud för plats 1: måste ligga inom Sverige\./);
  const texts = await call('POST', '/api/knowledge/submissions', mentor.headers, {
    content: example({
      nameSv: 'Två\nrader',
      summarySv: 'En sammanfattning\npå två rader, lång nog.',
      descriptionSv: 'x'.repeat(20_001),
      periodStart: '2026-02-30',
    }),
  });
  assert.deepEqual(
    fields(texts).sort(),
    ['content.descriptionSv', 'content.nameSv', 'content.periodStart'],
    'a name is one line, a summary may have several',
  );
  assert.match(texts.json().error, /Period från: ska vara ett datum som finns/);
  const unknown = await call('POST', '/api/knowledge/submissions', mentor.headers, { content: example({ extra: 1 }) });
  assert.deepEqual([unknown.statusCode, fields(unknown)], [400, ['content.extra']]);
  const place = await call('POST', '/api/knowledge/submissions', mentor.headers, {
    content: example({
      municipalityCodes: ['0880', '0000'],
      places: [
        { name: 'Östersjön', lat: 56.9, lon: 19.9 },
        { name: 'Stockholm', lat: 59.3293, lon: 18.0686 },
      ],
    }),
  });
  assert.deepEqual(fields(place), ['content.municipalityCodes.1', 'content.places.0', 'content.places.1']);
  assert.match(place.json().error, /Plats 1: ligger inte inom Sverige/);
  assert.match(place.json().error, /Kommun 2: är ingen känd kommun\./);
  assert.match(place.json().error, /Plats 2: ligger inte i någon av postens kommuner\./);
  assert.deepEqual(fields(await call('POST', '/api/knowledge/submissions', mentor.headers, {})), ['content']);

  const noRole = await signIn(app, 'utan-roll');
  assert.equal((await call('POST', '/api/knowledge/submissions', noRole.headers, { content: example() })).statusCode, 403);
  const denied = (await accessLogRows(database)).at(-1);
  assert.deepEqual(
    [denied?.action, denied?.outcome, denied?.account_id],
    ['knowledge-bank.submit', 'denied', await accountId(database, 'utan-roll')],
  );

  const before = (await accessLogRows(database)).length;
  const res = await call('POST', '/api/knowledge/submissions', mentor.headers, {
    content: example({ nameSv: 'Mentorns förslag om läxhjälp' }),
  });
  assert.equal(res.statusCode, 201);
  const row = await one<{ status: string; record_id: string | null }>(
    sql`SELECT status, record_id FROM knowledge_revisions WHERE id = ${res.json().id}::uuid`,
  );
  assert.deepEqual(row, { status: 'pending', record_id: null });
  assert.equal(
    (await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM knowledge_records WHERE name_sv = 'Mentorns förslag om läxhjälp'`)).n,
    0,
  );
  // Reference data, no personal data about students: no access-log rows for submissions and moderation.
  assert.equal((await accessLogRows(database)).length, before);
});

test('GET review-queue: 401, 403 for a non-editor (logged), 200 for an editor with the pending submissions', async () => {
  assert.equal((await call('GET', '/api/knowledge/review-queue')).statusCode, 401);
  assert.equal((await call('GET', '/api/knowledge/review-queue', kurator.headers)).statusCode, 403);
  const denied = (await accessLogRows(database)).at(-1);
  assert.deepEqual([denied?.action, denied?.outcome], ['knowledge-bank.moderate', 'denied']);
  const queue = await call('GET', '/api/knowledge/review-queue', editor.headers);
  assert.equal(queue.statusCode, 200);
  assert.ok(
    queue
      .json()
      .pending.some(
        (p: { content: { nameSv: string }; type: string; submittedBy: { name: string } }) =>
          p.content.nameSv === 'Mentorns förslag om läxhjälp' && p.type === 'new' && p.submittedBy.name === 'Demo: Mentor',
      ),
  );
});

test("a 400 names each field by the form's label in the request's language, never by its key", async () => {
  const content = example({
    nameSv: 'Lä',
    municipalityCodes: ['0880'],
    places: [{ name: 'Köpenhamn', lat: 55.6761, lon: 12.5683 }],
    contact: { email: 'inte-en-adress' },
  });
  const sv = await call('POST', '/api/knowledge/submissions', mentor.headers, { content });
  assert.deepEqual(fields(sv).sort(), ['content.contact.email', 'content.nameSv']);
  assert.match(sv.json().error, /Namn: måste ha minst 3 tecken\./);
  assert.match(sv.json().error, /Kontaktens e-post: ska vara en e-postadress\./);
  const en = await call('POST', '/api/knowledge/submissions', { ...mentor.headers, 'accept-language': 'en-GB,en;q=0.9' }, { content });
  assert.match(en.json().error, /Name: must have at least 3 characters\./);
  assert.match(en.json().error, /Contact's e-mail: must be an e-mail address\./);
  const place = await call(
    'POST',
    '/api/knowledge/submissions',
    { ...mentor.headers, 'accept-language': 'en' },
    { content: example({ places: content.places, periodStart: '2024-02-01', periodEnd: '2024-01-01' }) },
  );
  assert.match(place.json().error, /Period to: must not be before the period starts\./);
  const outside = await call(
    'POST',
    '/api/knowledge/submissions',
    { ...mentor.headers, 'accept-language': 'en' },
    { content: example({ places: content.places }) },
  );
  assert.match(outside.json().error, /Place 1: does not lie within Sweden/);
  for (const res of [sv, en, place, outside]) {
    for (const f of res.json().fields as { message: string }[])
      assert.doesNotMatch(f.message, /nameSv|contact\.email|periodEnd|places\.0|content|Fältet/, f.message);
  }
});

test('the queue shows names and rendered text: the description as safe HTML, the methods and municipalities the content names', async () => {
  const [method] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM knowledge_records WHERE slug = 'check-and-connect'`);
  const id = (
    await call('POST', '/api/knowledge/submissions', kurator.headers, {
      content: example({ nameSv: 'Läxhjälp med Check & Connect', methodIds: [method!.id] }),
    })
  ).json().id as string;
  const queue = (await call('GET', '/api/knowledge/review-queue', editor.headers)).json();
  const item = queue.pending.find((p: { id: string }) => p.id === id);
  assert.match(item.descriptionHtml, /<strong>2023<\/strong>/);
  assert.match(item.descriptionHtml, /&lt;script&gt;/);
  assert.doesNotMatch(item.descriptionHtml, /<script>/);
  const named = queue.methods.find((m: { id: string }) => m.id === method!.id);
  assert.equal(named?.nameSv, 'Check & Connect');
  assert.equal(typeof named?.nameEn, 'string', 'the English name too (the page shows it in English)');
  assert.deepEqual(
    queue.municipalities.find((m: { code: string }) => m.code === '0880'),
    { code: '0880', name: 'Kalmar' },
  );
  await call('POST', `/api/knowledge/revisions/${id}/withdraw`, kurator.headers);
});

test('new → comment → reject (the submitter reads why) → resubmit → approve → published with a slug, reviewed today, its method linked', async () => {
  const [method] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM knowledge_records WHERE slug = 'check-and-connect'`);
  const first = (await call('POST', '/api/knowledge/submissions', kurator.headers, { content: example() })).json().id as string;

  // The editor asks, the submitter answers; another account neither reads nor comments (404: it does not exist for them).
  assert.equal(
    (await call('POST', `/api/knowledge/revisions/${first}/comments`, editor.headers, { body: 'Vilka mäter ni resultaten på?' }))
      .statusCode,
    201,
  );
  tick();
  assert.equal(
    (
      await call('POST', `/api/knowledge/revisions/${first}/comments`, kurator.headers, {
        body: 'Närvaron på läxhjälpen och betygen i svenska.',
      })
    ).statusCode,
    201,
  );
  assert.deepEqual(fields(await call('POST', `/api/knowledge/revisions/${first}/comments`, kurator.headers, { body: ' ' })), ['body']);
  assert.equal((await call('POST', `/api/knowledge/revisions/${first}/comments`, mentor.headers, { body: 'Jag också' })).statusCode, 404);
  assert.equal((await call('GET', `/api/knowledge/revisions/${first}`, mentor.headers)).statusCode, 404);
  assert.deepEqual(fields(await call('GET', '/api/knowledge/revisions/inte-ett-id', kurator.headers)), ['id']);
  const seen = (await call('GET', `/api/knowledge/revisions/${first}`, kurator.headers)).json();
  assert.deepEqual(
    seen.comments.map((c: { author: { name: string }; body: string }) => c.author.name),
    ['Demo: Regional redaktör', 'Demo: Kurator'],
  );

  // Reject: a reason is required (400 naming it); the approve and reject routes are the editors' (403).
  assert.equal((await call('POST', `/api/knowledge/revisions/${first}/reject`, kurator.headers, { reason: 'x' })).statusCode, 403);
  assert.equal((await call('POST', `/api/knowledge/revisions/${first}/approve`, kurator.headers)).statusCode, 403);
  assert.deepEqual(fields(await call('POST', `/api/knowledge/revisions/${first}/reject`, editor.headers, {})), ['reason']);
  assert.deepEqual(fields(await call('POST', `/api/knowledge/revisions/${first}/reject`, editor.headers, { reason: 'x'.repeat(2001) })), [
    'reason',
  ]);
  assert.deepEqual(fields(await call('POST', `/api/knowledge/revisions/${first}/comments`, editor.headers, { body: 'x'.repeat(5001) })), [
    'body',
  ]);
  // Unknown fields are refused, not ignored (the reject below still finds the revision pending).
  assert.equal((await call('POST', `/api/knowledge/revisions/${first}/approve`, editor.headers, { force: true })).statusCode, 400);
  assert.equal((await call('GET', `/api/knowledge/revisions/${first}?all=1`, kurator.headers)).statusCode, 400);
  const reason = 'Ange en källa för resultaten och länka metoden ni använder.';
  assert.equal((await call('POST', `/api/knowledge/revisions/${first}/reject`, editor.headers, { reason })).statusCode, 200);
  assert.equal((await call('POST', `/api/knowledge/revisions/${first}/approve`, otherEditor.headers)).statusCode, 409, 'decided once');
  const mine = (await call('GET', '/api/knowledge/submissions/mine', kurator.headers)).json().items;
  const rejected = mine.find((r: { id: string }) => r.id === first);
  assert.deepEqual([rejected.status, rejected.decisionReason, rejected.reviewedBy.name], ['rejected', reason, 'Demo: Regional redaktör']);
  assert.equal(
    (await call('GET', '/api/knowledge/submissions/mine', mentor.headers)).json().items.some((r: { id: string }) => r.id === first),
    false,
  );

  const second = (
    await call('POST', '/api/knowledge/submissions', kurator.headers, {
      content: example({
        methodIds: [method!.id],
        sources: [{ title: 'Utvärdering 2024', url: 'https://kalmar.example/utvardering.pdf' }],
      }),
    })
  ).json().id as string;
  const approved = await call('POST', `/api/knowledge/revisions/${second}/approve`, editor.headers);
  assert.equal(approved.statusCode, 200, approved.body);
  const { recordId, slug, version } = approved.json();
  assert.deepEqual([slug, version], ['laxhjalp-pa-kalmar-stadsbibliotek', 1]);
  const record = await one<Record<string, unknown>>(sql`
    SELECT status, last_reviewed_on::text AS reviewed, published_at IS NOT NULL AS published, description_sv, submitted_by
      FROM knowledge_records WHERE id = ${recordId}::uuid`);
  assert.deepEqual(record, {
    status: 'published',
    reviewed: '2024-10-01',
    published: true,
    description_sv: example().descriptionSv,
    submitted_by: await accountId(database, 'kurator'),
  });
  assert.deepEqual(await queryRows(database.db, sql`SELECT method_id FROM knowledge_links WHERE example_id = ${recordId}::uuid`), [
    { method_id: method!.id },
  ]);
  // The same name again gets the next free slug.
  const twin = (await call('POST', '/api/knowledge/submissions', kurator.headers, { content: example() })).json().id as string;
  assert.equal(
    (await call('POST', `/api/knowledge/revisions/${twin}/approve`, otherEditor.headers)).json().slug,
    'laxhjalp-pa-kalmar-stadsbibliotek-2',
  );
});

test('an edit of a published method stays pending while the old text is public; approval updates it in place (same id, version + 1); the history keeps every revision', async () => {
  const [method] = await queryRows<{ id: string; summary_sv: string; version: number }>(
    database.db,
    sql`SELECT id, summary_sv, version FROM knowledge_records WHERE slug = 'mentoring'`,
  );
  const current = await call('GET', `/api/knowledge/records/${method!.id}/content`, mentor.headers);
  assert.equal(current.statusCode, 200);
  const content = current.json().content;
  assert.deepEqual(
    fields(
      await call('POST', '/api/knowledge/submissions', mentor.headers, {
        recordId: method!.id,
        content: { ...content, kind: 'example', municipalityCodes: ['0880'] },
      }),
    ),
    ['content.kind'],
  );

  const newSummary = 'Regelbundna samtal med en vuxen som följer elevens studier och mående, minst varannan vecka.';
  const rejectedEdit = (
    await call('POST', '/api/knowledge/submissions', mentor.headers, {
      recordId: method!.id,
      content: { ...content, summarySv: 'Kortare men sämre sammanfattning.' },
    })
  ).json().id;
  await call('POST', `/api/knowledge/revisions/${rejectedEdit}/reject`, editor.headers, {
    reason: 'Sammanfattningen tappar vad mentorn gör.',
  });
  tick();
  const edit = await call('POST', '/api/knowledge/submissions', mentor.headers, {
    recordId: method!.id,
    content: { ...content, summarySv: newSummary },
  });
  assert.equal(edit.statusCode, 201);
  const still = await one<{ summary_sv: string; version: number }>(
    sql`SELECT summary_sv, version FROM knowledge_records WHERE id = ${method!.id}::uuid`,
  );
  assert.deepEqual(still, { summary_sv: method!.summary_sv, version: method!.version });

  const pending = (await call('GET', '/api/knowledge/review-queue', editor.headers))
    .json()
    .pending.find((p: { id: string }) => p.id === edit.json().id);
  assert.deepEqual([pending.type, pending.stale, pending.diff.fields], ['edit', false, ['summarySv']]);
  assert.deepEqual([pending.diff.published.summarySv, pending.content.summarySv], [method!.summary_sv, newSummary]);

  assert.equal((await call('POST', `/api/knowledge/revisions/${edit.json().id}/approve`, editor.headers)).statusCode, 200);
  const updated = await one<{ id: string; summary_sv: string; version: number; slug: string }>(
    sql`SELECT id, summary_sv, version, slug FROM knowledge_records WHERE slug = 'mentoring'`,
  );
  assert.deepEqual(updated, { id: method!.id, summary_sv: newSummary, version: method!.version + 1, slug: 'mentoring' });

  assert.equal((await call('GET', `/api/knowledge/records/${method!.id}/history`, mentor.headers)).statusCode, 403);
  const history = (await call('GET', `/api/knowledge/records/${method!.id}/history`, editor.headers)).json();
  assert.deepEqual(
    history.revisions.map((r: { status: string; content: { summarySv: string }; decisionReason: string | null }) => [
      r.status,
      r.content.summarySv,
      r.decisionReason,
    ]),
    [
      ['rejected', 'Kortare men sämre sammanfattning.', 'Sammanfattningen tappar vad mentorn gör.'],
      ['approved', newSummary, null],
    ],
  );
  assert.equal(history.revisions[1].reviewedBy.name, 'Demo: Regional redaktör');
  assert.equal((await call('GET', '/api/knowledge/records/00000000-0000-4000-8000-000000000000/history', editor.headers)).statusCode, 404);
});

test('approval checks the content again: a linked method retired since is refused naming the field; an edit of a record that is not published is 404', async () => {
  const [method] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM knowledge_records WHERE slug = 'study-career-guidance'`);
  const id = (
    await call('POST', '/api/knowledge/submissions', mentor.headers, {
      content: example({ nameSv: 'Vägledning i Kalmar', methodIds: [method!.id] }),
    })
  ).json().id;
  const methodContent = (await call('GET', `/api/knowledge/records/${method!.id}/content`, mentor.headers)).json().content;
  await updateRecord(database.db, { id: method!.id }, { status: 'retired' });
  try {
    const refused = await call('POST', `/api/knowledge/revisions/${id}/approve`, editor.headers);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(fields(refused), ['content.methodIds.0']);
    assert.match(refused.json().error, /Metod 1: är ingen publicerad metod i kunskapsbanken\./);
    assert.equal((await one<{ status: string }>(sql`SELECT status FROM knowledge_revisions WHERE id = ${id}::uuid`)).status, 'pending');
    const edit = await call('POST', '/api/knowledge/submissions', mentor.headers, { recordId: method!.id, content: methodContent });
    assert.equal(edit.statusCode, 404);
    assert.equal((await call('GET', `/api/knowledge/records/${method!.id}/content`, mentor.headers)).statusCode, 404);
  } finally {
    await updateRecord(database.db, { id: method!.id }, { status: 'published' });
  }
});

test('the submitter withdraws a pending proposal: kept as withdrawn, no longer in the queue; nobody else may, and a decided one cannot be', async () => {
  const id = (
    await call('POST', '/api/knowledge/submissions', mentor.headers, { content: example({ nameSv: 'Förslag som dras tillbaka' }) })
  ).json().id;
  assert.equal((await call('POST', `/api/knowledge/revisions/${id}/withdraw`, kurator.headers)).statusCode, 404);
  assert.equal((await call('POST', `/api/knowledge/revisions/${id}/withdraw`, editor.headers)).statusCode, 403);
  const res = await call('POST', `/api/knowledge/revisions/${id}/withdraw`, mentor.headers);
  assert.deepEqual([res.statusCode, res.json()], [200, { id, status: 'withdrawn' }]);
  assert.equal((await call('POST', `/api/knowledge/revisions/${id}/withdraw`, mentor.headers)).statusCode, 409);
  assert.equal((await call('POST', `/api/knowledge/revisions/${id}/approve`, editor.headers)).statusCode, 409);
  assert.equal(
    (await call('GET', '/api/knowledge/review-queue', editor.headers)).json().pending.some((p: { id: string }) => p.id === id),
    false,
  );
  assert.equal(
    (await call('GET', '/api/knowledge/submissions/mine', mentor.headers)).json().items.find((r: { id: string }) => r.id === id).status,
    'withdrawn',
  );
});

test('an editor cannot approve their own submission; a second editor can', async () => {
  const own = (
    await call('POST', '/api/knowledge/submissions', editor.headers, { content: example({ nameSv: 'Redaktörens eget exempel' }) })
  ).json().id;
  const refused = await call('POST', `/api/knowledge/revisions/${own}/approve`, editor.headers);
  assert.equal(refused.statusCode, 403);
  assert.match(refused.json().error, /ditt eget förslag/);
  assert.equal((await call('POST', `/api/knowledge/revisions/${own}/approve`, otherEditor.headers)).statusCode, 200);
});

test(`rate limit: ${submissionsPerHour} submissions per account and hour (429 in Swedish), counted in the database; other accounts are unaffected`, async () => {
  const analyst = await signIn(app, 'analytiker');
  for (let i = 0; i < submissionsPerHour; i++) {
    tick();
    assert.equal(
      (await call('POST', '/api/knowledge/submissions', analyst.headers, { content: example({ nameSv: `Förslag ${i}` }) })).statusCode,
      201,
    );
  }
  const limited = await call('POST', '/api/knowledge/submissions', analyst.headers, { content: example() });
  assert.equal(limited.statusCode, 429);
  assert.match(limited.json().error, /10 förslag den senaste timmen/);
  assert.equal((await call('POST', '/api/knowledge/submissions', mentor.headers, { content: example() })).statusCode, 201);
  now = new Date(now.getTime() + 52 * 60_000); // the first one is now more than an hour old
  assert.equal((await call('POST', '/api/knowledge/submissions', analyst.headers, { content: example() })).statusCode, 201);
});

test('the rate limit holds across processes and concurrent requests: two apps on one database, twelve submissions at once, ten pass', async () => {
  const second = await buildApp({ database, config: { logLevel: 'silent', auth: { sessionIdleMinutes: 600 } }, clock: () => now });
  // Two sessions of one account (a session's own row lock would serialize its requests anyway).
  const sessions = [await signIn(app, 'kaa'), await signIn(second, 'kaa')];
  const results = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      (i % 2 ? second : app).inject({
        method: 'POST',
        url: '/api/knowledge/submissions',
        headers: sessions[i % 2]!.headers,
        payload: { content: example({ nameSv: `Samtidigt ${i}` }) },
      }),
    ),
  );
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [...Array<number>(submissionsPerHour).fill(201), 429, 429]);
  const stored = await one<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM knowledge_revisions WHERE submitted_by = ${await accountId(database, 'kaa')}::uuid`,
  );
  assert.equal(stored.n, submissionsPerHour);
  await second.close();
});

test('records not reviewed for 12 months, or never, are in the queue until an editor marks them reviewed', async () => {
  await updateRecord(database.db, { slug: 'check-and-connect' }, { lastReviewedOn: '2023-10-01' });
  await updateRecord(database.db, { slug: 'study-career-guidance' }, { lastReviewedOn: '2023-10-02' });
  const due = (await call('GET', '/api/knowledge/review-queue', editor.headers)).json().dueForReview as {
    slug: string;
    dueOn: string;
    id: string;
    lastReviewedOn: string | null;
  }[];
  const cc = due.find((d) => d.slug === 'check-and-connect');
  assert.equal(cc?.dueOn, '2024-10-01');
  assert.equal(
    due.some((d) => d.slug === 'study-career-guidance'),
    false,
    'reviewed 364 days ago',
  );
  assert.equal(
    due.some((d) => d.slug === 'laxhjalp-pa-kalmar-stadsbibliotek'),
    false,
    'approved today',
  );
  const never = await queryRows<{ slug: string }>(
    database.db,
    sql`SELECT slug FROM knowledge_records WHERE status = 'published' AND last_reviewed_on IS NULL ORDER BY slug`,
  );
  assert.ok(never.length > 0, "the migration's methods were never reviewed by an editor");
  assert.deepEqual(
    due
      .slice(0, never.length)
      .map((d) => d.slug)
      .sort(),
    never.map((n) => n.slug),
    'never reviewed come first',
  );
  assert.ok(due.slice(0, never.length).every((d) => d.lastReviewedOn === null));
  assert.deepEqual(fields(await call('POST', '/api/knowledge/records/x/review', editor.headers)), ['id']);
  assert.equal((await call('POST', `/api/knowledge/records/${cc!.id}/review`, kurator.headers)).statusCode, 403);
  const reviewed = await call('POST', `/api/knowledge/records/${cc!.id}/review`, editor.headers);
  assert.deepEqual(reviewed.json(), { id: cc!.id, lastReviewedOn: '2024-10-01' });
  assert.equal(
    (await call('GET', '/api/knowledge/review-queue', editor.headers))
      .json()
      .dueForReview.some((d: { slug: string }) => d.slug === 'check-and-connect'),
    false,
  );
});
