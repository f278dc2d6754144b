import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureClock, loadAccessFixtures, signIn, accessLogRows } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';
import { knowledgeRecords } from '../../db/schema/index.ts';
import { challengesApi } from '../../../shared/challenges/contract.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
// Two published examples that met "skolfrånvaro efter lov" within motivation, one on motivation only.
for (const [slug, sub] of [
  ['lovfranvaro-a', ['Skolfrånvaro efter lov']],
  ['lovfranvaro-b', ['skolfrånvaro efter lov', 'studiemotivation']],
  ['annan-motivation', ['studiemotivation']],
] as const)
  await database.db.insert(knowledgeRecords).values({
    kind: 'example',
    slug,
    nameSv: `Exempel ${slug}`,
    summarySv: 'Ett lokalt exempel.',
    focusAreas: ['motivation'],
    subChallenges: [...sub],
  });

const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const rektor = await signIn(app, 'rektor');
const editor = await signIn(app, 'redaktor');
const challenge = {
  focusArea: 'motivation',
  subChallenge: 'Skolfrånvaro efter lov',
  ageGroup: 'upper-secondary',
  schoolForm: 'gymnasieskola',
  description: 'Många elever kommer inte tillbaka efter jullovet.',
};
const post = (url: string, payload: object, headers: Record<string, string> = { 'x-fullfolj-csrf': '1' }) =>
  app.inject({ method: 'POST', url, headers, payload });
let id = '';

test('POST /api/challenges: 401, 400 for personal data naming the field, 201 pending', async () => {
  assert.equal((await post('/api/challenges', challenge)).statusCode, 401);
  const civic = await post('/api/challenges', { ...challenge, description: 'Gäller eleven 19121212-1212.' }, rektor.headers);
  assert.equal(civic.statusCode, 400);
  assert.match(civic.json().error, /Kort beskrivning: ser ut att innehålla ett personnummer/);
  assert.doesNotMatch(civic.body, /1212/);
  const mail = await post(
    '/api/challenges',
    { ...challenge, subChallenge: 'kontakta anna@example.invalid' },
    { ...rektor.headers, 'accept-language': 'en' },
  );
  assert.match(mail.json().error, /Sub-challenge: looks like it holds an e-mail address/);
  const unknownPlace = await post('/api/challenges', { ...challenge, municipalityCode: '9999' }, rektor.headers);
  assert.match(unknownPlace.json().error, /Kommun: är inte en svensk kommun/);
  const ok = await post('/api/challenges', challenge, rektor.headers);
  assert.equal(ok.statusCode, 201, ok.body);
  id = challengesApi.submit.response.parse(ok.json()).id;
});

test('the organiser sees its challenge with the examples that met it, those with the same sub-challenge first', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/challenges', headers: rektor.headers });
  const { items, suggestions } = challengesApi.mine.response.parse(res.json());
  assert.equal(items[0]!.status, 'pending');
  assert.deepEqual(
    items[0]!.examples.slice(0, 2).map((e) => e.href),
    ['/kunskapsbank/lovfranvaro-a', '/kunskapsbank/lovfranvaro-b'],
  );
  assert.ok(suggestions.motivation.includes('studiemotivation'));
});

test('moderation: the principal is refused (logged), the editor publishes, and the public map shows it beside two examples', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/challenges/review', headers: rektor.headers })).statusCode, 403);
  const log = (await accessLogRows(database)).at(-1);
  assert.deepEqual([log?.action, log?.outcome], ['knowledge-bank.moderate', 'denied']);
  const queue = challengesApi.review.response.parse(
    (await app.inject({ method: 'GET', url: '/api/challenges/review', headers: editor.headers })).json(),
  );
  assert.equal(queue.pending.length, 1);
  assert.equal((await post(`/api/challenges/${id}/decision`, { decision: 'reject' }, editor.headers)).statusCode, 400);
  const ok = await post(`/api/challenges/${id}/decision`, { decision: 'publish' }, editor.headers);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal((await post(`/api/challenges/${id}/decision`, { decision: 'publish' }, editor.headers)).statusCode, 409);
  const overview = challengesApi.review.response.parse(
    (await app.inject({ method: 'GET', url: '/api/challenges/review', headers: editor.headers })).json(),
  ).overview;
  assert.equal(overview[0]!.focus.motivation, 1);
  const page = await app.inject({ method: 'GET', url: '/kunskapsbank/utmaningar' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Skolfrånvaro efter lov/);
  assert.match(page.body, /href="\/kunskapsbank\/lovfranvaro-a"/);
  assert.match(page.body, /href="\/kunskapsbank\/lovfranvaro-b"/);
});
