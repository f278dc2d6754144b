// The officer's forms on a young person's page, each route walked up the ladder (401, 400, 403, 404, 200) with its
// access-log row: occupation, the individual plan and goal, deregistration and registration by hand. A registration or
// deregistration by hand stands when the target group is recomputed; reasons the data decides stay automatic.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, fixtureClock, kommun, loadAccessFixtures, signIn, type Session } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../app.ts';
import { refreshTargetGroup } from './refresh.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const sessions = new Map<string, Session>();
const as = async (username: string) => sessions.get(username) ?? sessions.set(username, await signIn(app, username)).get(username)!;
const asOf = '2024-10-01';

const populationFile = [
  'personnummer;fornamn;efternamn;kommunkod;folkbokford_datum;invandrad_datum;status;status_datum;skyddad;utdelningsadress;postnummer;postort',
  '200701032385;Ylva;Ytterberg;1480;;;folkbokford;;nej;Testgatan 5;41101;Göteborg',
].join('\n');

const get = async (url: string, who: string) => app.inject({ method: 'GET', url, headers: (await as(who)).headers });
const send = async (method: 'POST' | 'PUT', url: string, payload: object, who?: string) =>
  app.inject({ method, url, payload, headers: who ? (await as(who)).headers : { 'x-fullfolj-csrf': '1' } });
const lastLog = async (action: string) => (await accessLogRows(database)).filter((r) => r.action === action).at(-1);
const page = async (id: string) => (await get(`/api/kaa/youth/${id}`, 'kaa')).json();

assert.equal((await send('POST', '/api/kaa/population/imports', { content: populationFile }, 'kaa')).statusCode, 200);
const [ylva] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM kaa_youth WHERE tenant_id = ${kommun}::uuid`);
const id = ylva!.id;

/** 401 signed out, 400 on a bad body naming the field by its label, 403 for a teacher, 404 (denied row) for an id elsewhere. */
async function ladder(method: 'POST' | 'PUT', path: string, bad: object, field: RegExp, action: string, good: object) {
  assert.equal((await send(method, `/api/kaa/youth/${id}/${path}`, bad)).statusCode, 401);
  const refused = await send(method, `/api/kaa/youth/${id}/${path}`, bad, 'kaa');
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, field);
  assert.equal((await send(method, `/api/kaa/youth/${id}/${path}`, good, 'larare')).statusCode, 403);
  assert.equal((await send(method, `/api/kaa/youth/${randomUUID()}/${path}`, good, 'kaa')).statusCode, 404);
  assert.equal((await lastLog(action))?.outcome, 'denied');
}

test('occupation: current and planned, each logged; a "to" before "from" is refused at the field', async () => {
  await ladder(
    'POST',
    'occupations',
    { timing: 'now', kind: 'work' },
    /Tidigare, nuvarande eller planerad/,
    'youth-register.occupation.add',
    {
      timing: 'current',
      kind: 'work',
    },
  );
  const backwards = await send(
    'POST',
    `/api/kaa/youth/${id}/occupations`,
    { timing: 'current', kind: 'work', fromDate: '2024-09-01', toDate: '2024-08-01' },
    'kaa',
  );
  assert.equal(backwards.statusCode, 400);
  assert.match(backwards.json().error, /Till/);
  for (const body of [
    { timing: 'current', kind: 'work', description: 'Extrajobb i butik', fromDate: '2024-08-15' },
    { timing: 'planned', kind: 'adult-education', fromDate: '2025-01-10' },
  ])
    assert.equal((await send('POST', `/api/kaa/youth/${id}/occupations`, body, 'kaa')).statusCode, 201);
  const log = await lastLog('youth-register.occupation.add');
  assert.deepEqual([log?.outcome, log?.subject_ids], ['allowed', [id]]);
  assert.deepEqual((await page(id)).occupations.map((o: { timing: string }) => o.timing).sort(), ['current', 'planned']);
});

test('the individual plan and its goal: saved, then changed under its version', async () => {
  const body = { goal: 'Börja på ett nationellt program', plan: 'Vägledning, sedan praktik', establishedOn: '2024-09-25' };
  await ladder('PUT', 'plan', { ...body, goal: '' }, /Mål/, 'youth-register.plan.save', body);
  const first = await send('PUT', `/api/kaa/youth/${id}/plan`, body, 'kaa');
  assert.equal(first.statusCode, 200, first.body);
  const stale = await send('PUT', `/api/kaa/youth/${id}/plan`, body, 'kaa');
  assert.equal(stale.statusCode, 409, 'a second save without the version read is refused');
  const changed = await send('PUT', `/api/kaa/youth/${id}/plan`, { ...body, goal: 'Komvux', version: first.json().version }, 'kaa');
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal((await page(id)).plan.goal, 'Komvux');
  assert.equal((await lastLog('youth-register.plan.save'))?.outcome, 'allowed');
});

test('deregistration and registration by hand, with reasons; both stand when the group is recomputed', async () => {
  await ladder(
    'POST',
    'deregister',
    { version: 1, reason: 'turned-20', date: asOf },
    /Anledning till avregistrering/,
    'youth-register.deregister',
    {
      version: 1,
      reason: 'other',
      date: asOf,
    },
  );
  let view = await page(id);
  const out = await send('POST', `/api/kaa/youth/${id}/deregister`, { version: view.version, reason: 'moved', date: asOf }, 'kaa');
  assert.equal(out.statusCode, 200, out.body);
  assert.equal((await lastLog('youth-register.deregister'))?.outcome, 'allowed');
  await database.db.transaction((tx) => refreshTargetGroup(tx, kommun, asOf));
  view = await page(id);
  assert.equal(view.inGroup, false, 'a deregistration by hand stands');
  assert.deepEqual([view.registrations[0].deregistrationReason, view.registrations[0].deregistrationSource], ['moved', 'manual']);

  await ladder(
    'POST',
    'register',
    { version: view.version, reason: 'unknown', date: asOf },
    /Anledning till registrering/,
    'youth-register.register',
    {
      version: view.version,
      reason: 'other',
      date: asOf,
    },
  );
  const stale = await send('POST', `/api/kaa/youth/${id}/register`, { version: view.version - 1, reason: 'other', date: asOf }, 'kaa');
  assert.equal(stale.statusCode, 409);
  const back = await send('POST', `/api/kaa/youth/${id}/register`, { version: view.version, reason: 'never-started', date: asOf }, 'kaa');
  assert.equal(back.statusCode, 200, back.body);
  const again = await send('POST', `/api/kaa/youth/${id}/register`, { version: back.json().version, reason: 'other', date: asOf }, 'kaa');
  assert.equal(again.statusCode, 409, 'already in the group');
  const log = await lastLog('youth-register.register');
  assert.deepEqual([log?.outcome, log?.subject_ids], ['allowed', [id]]);
  await database.db.transaction((tx) => refreshTargetGroup(tx, kommun, asOf));
  view = await page(id);
  assert.equal(view.inGroup, true, 'a registration by hand stands');
  const open = view.registrations.find((r: { deregisteredOn: string | null }) => r.deregisteredOn === null);
  assert.deepEqual([open.registrationReason, open.registrationSource], ['never-started', 'manual']);
});

test('a registration by hand ends when the data decides: the population file says the young person moved out', async () => {
  const moved = populationFile.replace('1480;;;folkbokford;;', '1480;;;utflyttad;2024-09-30;');
  assert.equal((await send('POST', '/api/kaa/population/imports', { content: moved }, 'kaa')).statusCode, 200);
  const view = await page(id);
  assert.equal(view.inGroup, false);
  const last = view.registrations.find((r: { registrationSource: string }) => r.registrationSource === 'manual');
  assert.deepEqual([last.deregistrationReason, last.deregistrationSource], ['moved', 'automatic']);
});
