import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogRows, fixtureNow, loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';
import { eventsApi } from '../../../shared/events/contract.ts';
import { regionBySlug } from '../region/store.ts';
import { participationIn } from './participation.ts';
import { eventsSection } from './report-section.ts';
import { pruneSignups } from './retention.ts';
import { addSkaraborgCoordinator, skaraborgCoordinator } from './test-regions.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
await addSkaraborgCoordinator(database.db);
let now = fixtureNow;
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: () => now });
let coordinator = await signIn(app, 'region');
const other = await signIn(app, skaraborgCoordinator);
const analyst = await signIn(app, 'analytiker');

const training = {
  kind: 'training',
  title: 'Utbildning för styrkedjan',
  description: '',
  focusArea: null,
  audience: 'Rektorer och förvaltningsledning',
  startsAt: '2024-10-15T12:00:00Z',
  endsAt: '2024-10-15T15:00:00Z',
  place: 'Göteborg, Stadshuset',
  link: '',
  capacity: null,
  signupDeadline: null,
};
const send = (method: 'POST' | 'PUT' | 'GET', url: string, headers: Record<string, string>, payload?: object) =>
  app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

/** Creates an event as the coordinator and signs up these people (name, organisation, role); returns its id. */
async function eventWith(title: string, people: [string, string, string][]): Promise<string> {
  const created = await send('POST', '/api/events', coordinator.headers, { ...training, title });
  assert.equal(created.statusCode, 201, created.body);
  const id = eventsApi.create.response.parse(created.json()).id;
  for (const [i, [name, organisation, role]] of people.entries()) {
    const res = await send(
      'POST',
      `/api/public/events/${id}/signups`,
      { 'x-fullfolj-csrf': '1' },
      {
        name,
        organisation,
        email: `deltagare${i}.${title.length}@example.invalid`,
        role,
      },
    );
    assert.equal(res.statusCode, 200, res.body);
  }
  return id;
}

const people: [string, string, string][] = [
  ['Anna Testsson', 'Exempelkommun', 'principal'],
  ['Erik Exempelsson', 'Exempelkommun', 'principal'],
  ['Maria Provén', 'Exempelkommun', 'student-health'],
  ['Lars Demoberg', 'Skolutveckling i Väst AB', 'teacher'],
];
const marked = await eventWith('Utbildning för styrkedjan', people);
const unmarked = await eventWith('Nätverksträff för elevhälsan', people.slice(0, 2));
const cancelled = await eventWith('Inställd träff', people.slice(0, 1));
const signups = async (id: string, as = coordinator) => {
  const res = await send('GET', `/api/events/${id}/signups`, as.headers);
  assert.equal(res.statusCode, 200, res.body);
  return eventsApi.signups.response.parse(res.json());
};
const url = `/api/events/${marked}/attendance`;

test('PUT /api/events/:id/attendance walks the ladder: 401, 400 naming the field, 403 without the role, 404 for another region’s event', async () => {
  const { items } = await signups(marked);
  const body = { marks: [{ signup: items[0]!.id, attended: true }] };
  assert.equal((await send('PUT', url, { 'x-fullfolj-csrf': '1' }, body)).statusCode, 401);
  const empty = await send('PUT', url, coordinator.headers, { marks: [] });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.json().error, /Närvaro/);
  const badId = await send('PUT', url, { ...coordinator.headers, 'accept-language': 'en' }, { marks: [{ signup: 'x', attended: true }] });
  assert.equal(badId.statusCode, 400);
  assert.match(badId.json().error, /Sign-up 1/);
  assert.equal((await send('PUT', url, analyst.headers, body)).statusCode, 403);
  assert.deepEqual(
    [(await accessLogRows(database)).at(-1)?.action, (await accessLogRows(database)).at(-1)?.outcome],
    ['events.manage', 'denied'],
  );
  assert.equal(
    (await send('PUT', url, other.headers, body)).statusCode,
    404,
    'Skaraborg’s coordinator does not reach Västra Götaland’s event',
  );
  assert.equal((await send('GET', `/api/events/${marked}/signups`, other.headers)).statusCode, 404);
});

test('before the event starts attendance is refused, naming the field, and the list says it cannot be marked yet', async () => {
  const { items, canMark } = await signups(marked);
  assert.equal(canMark, false);
  assert.ok(items.every((s) => s.attended === null));
  const early = await send('PUT', url, coordinator.headers, { marks: [{ signup: items[0]!.id, attended: true }] });
  assert.equal(early.statusCode, 400);
  assert.equal(early.json().error, 'Närvaro: kan markeras först när evenemanget har börjat.');
});

test('after the start the coordinator marks who came (logged); a sign-up of another event and a cancelled event are refused', async () => {
  const put = await send('PUT', `/api/events/${cancelled}`, coordinator.headers, { ...training, title: 'Inställd träff', cancelled: true });
  assert.equal(put.statusCode, 200, put.body);
  now = new Date('2024-10-15T12:30:00Z');
  coordinator = await signIn(app, 'region'); // the session of two weeks ago has ended
  const { items, canMark } = await signups(marked);
  assert.equal(canMark, true);
  const who = (name: string) => items.find((s) => s.name === name)!;
  const [a, b, c, d] = people.map(([name]) => who(name));
  const ok = await send('PUT', url, coordinator.headers, {
    marks: [
      { signup: a!.id, attended: true },
      { signup: b!.id, attended: false },
      { signup: c!.id, attended: true },
      { signup: d!.id, attended: true },
    ],
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { marked: 4, attended: 3, signups: 4 });
  const log = (await accessLogRows(database)).at(-1);
  assert.deepEqual([log?.action, log?.outcome], ['events.attendance', 'allowed']);
  const after = new Map((await signups(marked)).items.map((s) => [s.name, s.attended]));
  assert.deepEqual(
    people.map(([name]) => after.get(name)),
    [true, false, true, true],
  );

  const foreign = (await signups(unmarked)).items[0]!.id;
  const wrong = await send('PUT', url, coordinator.headers, {
    marks: [
      { signup: a!.id, attended: true },
      { signup: foreign, attended: true },
    ],
  });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error, 'Anmälan 2: hör inte till det här evenemangets anmälningar.');
  assert.doesNotMatch(wrong.body, new RegExp(foreign));

  const gone = (await signups(cancelled)).items[0]!.id;
  const off = await send('PUT', `/api/events/${cancelled}/attendance`, coordinator.headers, { marks: [{ signup: gone, attended: true }] });
  assert.equal(off.statusCode, 400);
  assert.match(off.json().error, /^Närvaro: evenemanget är inställt/);
  assert.equal((await signups(cancelled)).canMark, false);
});

test('participation counts signed up, attended and not marked per organiser and role (known answer), for the report too', async () => {
  now = new Date('2024-10-20T10:00:00Z');
  coordinator = await signIn(app, 'region');
  const f = await participationIn(database.db, null, '2024-10-01', '2024-11-01');
  assert.deepEqual([f.events, f.eventsMarked, f.participants, f.attended, f.unmarked], [2, 1, 6, 3, 2]);
  assert.deepEqual(f.byOrganiser, [
    { organiser: 'Exempelkommun', role: 'principal', participants: 4, attended: 1, unmarked: 2 },
    { organiser: 'Exempelkommun', role: 'student-health', participants: 1, attended: 1, unmarked: 0 },
    { organiser: 'Skolutveckling i Väst AB', role: 'teacher', participants: 1, attended: 1, unmarked: 0 },
  ]);
  const region = (await regionBySlug(database.db, 'vastra-gotaland'))!;
  const scope = { db: database.db, region, municipalities: [], month: '2024-10', from: '2024-10-01', to: '2024-10-31' };
  const section = await eventsSection.build(scope);
  const [held, byRole, byOrganiser] = section.tables;
  assert.deepEqual(
    held!.rows.map((r) => r.cells[0]!.value),
    [2, 1],
  );
  const row = (t: typeof byRole, sv: string) => t!.rows.find((r) => r.label.sv === sv)!.cells.map((c) => c.value);
  assert.deepEqual(row(byRole, 'Rektor'), [4, 1, 2]);
  assert.deepEqual(row(byRole, 'Lärare eller mentor'), [1, 1, 0]);
  assert.deepEqual(row(byRole, 'Deltagare totalt'), [6, 3, 2]);
  assert.deepEqual(
    byOrganiser!.rows.map((r) => [r.label.sv, ...r.cells.map((c) => c.value)]),
    [
      ['Exempelkommun', 5, 2, 2],
      ['Övriga organisationer', 1, 1, 0],
      ['Deltagare totalt', 6, 3, 2],
    ],
    'an organisation written by hand is not named in the report',
  );
  assert.deepEqual(section.note?.sv, 'Närvaron är markerad för 1 av 2 evenemang.');

  // The retention rule deletes names and e-mails 30 days after; the month's figures stay the same.
  assert.equal((await pruneSignups(database.db, new Date('2024-11-20T00:00:00Z'))).anonymised, 7);
  const after = await eventsSection.build(scope);
  assert.deepEqual(after.tables, section.tables);
  const kept = await participationIn(database.db, null, '2024-10-01', '2024-11-01');
  assert.deepEqual([kept.participants, kept.attended, kept.unmarked], [6, 3, 2]);
  assert.ok((await signups(marked)).items.every((s) => s.name === null && s.email === null && s.attended !== null));
  now = fixtureNow;
});

test('one region’s coordinator neither lists, changes, reads the sign-ups of nor marks another region’s events', async () => {
  coordinator = await signIn(app, 'region');
  const rows = async () => (await accessLogRows(database)).length;
  const list = await send('GET', '/api/events', other.headers);
  assert.equal(list.statusCode, 200);
  assert.deepEqual(eventsApi.list.response.parse(list.json()).events, [], 'Skaraborg has none of its own');
  assert.equal(eventsApi.list.response.parse(list.json()).participation.participants, 0);
  const before = await rows();
  const change = await send('PUT', `/api/events/${marked}`, other.headers, {
    ...training,
    title: 'Kapad',
    startsAt: '2025-01-10T10:00:00Z',
    endsAt: '2025-01-10T12:00:00Z',
  });
  assert.equal(change.statusCode, 404);
  assert.equal((await send('GET', `/api/events/${marked}/signups`, other.headers)).statusCode, 404);
  const own = (await signups(marked)).items[0]!.id;
  assert.equal((await send('PUT', url, other.headers, { marks: [{ signup: own, attended: false }] })).statusCode, 404);
  assert.equal(await rows(), before + 1, 'only the owner’s read of the sign-ups is logged');
  const listed = eventsApi.list.response.parse((await send('GET', '/api/events', coordinator.headers)).json());
  assert.ok(
    listed.events.some((e) => e.id === marked && e.title === 'Utbildning för styrkedjan'),
    'unchanged',
  );
});
