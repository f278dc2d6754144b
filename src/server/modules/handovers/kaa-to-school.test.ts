import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  accessLogRows,
  accountId,
  fixtureClock,
  friskola,
  kommun,
  loadAccessFixtures,
  signIn,
  type Session,
} from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addStudent, setRoleUnits } from '../../../../test/support/factories/index.ts';
import { kaaMeasures, kaaPlans, kaaYouth } from '../../db/schema/index.ts';
import { buildApp } from '../../app.ts';

const friGymnasium = 'a1000000-0000-4000-8000-000000000002';
const civicNo = '200801022393';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const db = database.db;
const officer = await accountId(database, 'kaa');
// Kim is in Exempelkommun's KAA register, with a plan and an open measure; the independent upper-secondary school admits them.
const [kim] = await db
  .insert(kaaYouth)
  .values({
    tenantId: kommun,
    civicNo,
    civicNoKind: 'personnummer',
    givenName: 'Kim',
    familyName: 'Kaalund',
    birthDate: '2008-01-02',
    inGroup: true,
  })
  .returning();
await db.insert(kaaPlans).values({
  tenantId: kommun,
  youthId: kim!.id,
  goal: 'Börja på ett yrkesprogram',
  plan: 'Studiebesök och praktik',
  establishedOn: '2024-05-01',
  updatedBy: officer,
});
await db.insert(kaaMeasures).values({
  tenantId: kommun,
  youthId: kim!.id,
  kind: 'internship',
  description: 'Praktik i en verkstad två dagar i veckan',
  responsible: 'municipality',
  startDate: '2024-05-15',
  createdBy: officer,
});
await addStudent(db, {
  tenantId: friskola,
  givenName: 'Kim',
  familyName: 'Kaalund',
  civicNo,
  schoolUnitId: friGymnasium,
  startDate: '2024-09-15',
});
await setRoleUnits(db, { tenantId: friskola, accountId: await accountId(database, 'fri-rektor'), unitIds: [friGymnasium] });

const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const sessions = new Map<string, Session>();
const as = async (u: string) => sessions.get(u) ?? sessions.set(u, await signIn(app, u)).get(u)!;
const get = async (url: string, who?: string) => app.inject({ method: 'GET', url, headers: who ? (await as(who)).headers : {} });
const send = async (method: 'POST' | 'PUT', url: string, payload: object, who?: string) =>
  app.inject({ method, url, payload, headers: who ? (await as(who)).headers : { 'x-fullfolj-csrf': '1' } });
const lastLog = async (action: string) => (await accessLogRows(database)).filter((r) => r.action === action).at(-1);

test('the officer sees the young person’s new school and makes a pre-filled handover; others are refused with a log row', async () => {
  const url = `/api/handovers/from-kaa/${kim!.id}`;
  assert.equal((await get(url)).statusCode, 401);
  assert.equal((await get('/api/handovers/from-kaa/not-a-uuid', 'kaa')).statusCode, 400);
  assert.equal((await get(url, 'rektor')).statusCode, 403);
  assert.equal((await lastLog('handovers.kaa.targets'))?.outcome, 'denied');
  assert.equal((await get('/api/handovers/from-kaa/00000000-0000-4000-8000-0000000000aa', 'kaa')).statusCode, 404);
  const targets = await get(url, 'kaa');
  assert.equal(targets.statusCode, 200, targets.body);
  assert.deepEqual(
    targets.json().targets.map((t: { unitId: string }) => t.unitId),
    [friGymnasium],
  );
  const log = await lastLog('handovers.kaa.targets');
  assert.equal(log?.outcome, 'allowed');
  assert.ok(log?.subject_ids.includes(kim!.id));

  const bad = await send('POST', url, { toUnitId: '00000000-0000-4000-8000-0000000000ff' }, 'kaa');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /Mottagande skolenhet: skolenheten finns inte/);
  const made = await send('POST', url, { toUnitId: friGymnasium }, 'kaa');
  assert.equal(made.statusCode, 200, made.body);
  const again = await send('POST', url, { toUnitId: friGymnasium }, 'kaa');
  assert.equal(again.json().id, made.json().id, 'making it twice keeps one');
  assert.equal((await lastLog('handovers.kaa.create'))?.outcome, 'allowed');
  assert.equal((await get(url, 'kaa')).json().handovers.length, 1);

  const view = await get(`/api/handovers/${made.json().id}`, 'kaa');
  assert.equal(view.statusCode, 200, view.body);
  assert.equal(view.json().route, 'kaa-to-school');
  assert.match(view.json().content.strengths, /yrkesprogram/);
  assert.match(view.json().content.adaptations, /Praktik i en verkstad/);
  assert.ok(!view.body.includes(civicNo));
});

test('sending asks for consent, then reaches the admitting school, which confirms receipt', async () => {
  const [{ id }] = (await get(`/api/handovers/from-kaa/${kim!.id}`, 'kaa')).json().handovers;
  let view = (await get(`/api/handovers/${id}`, 'kaa')).json();
  assert.equal((await get('/api/handovers/incoming', 'fri-rektor')).json().items.length, 0, 'nothing before it is sent');
  const refused = await send('POST', `/api/handovers/${id}/send`, { version: view.version }, 'kaa');
  assert.equal(refused.statusCode, 400);
  assert.match(refused.json().error, /Samtycke till uppgifter utöver de pedagogiska/);
  const saved = await send(
    'PUT',
    `/api/handovers/${id}`,
    { ...view.content, version: view.version, consentBeyondPedagogical: true, informed: 'Kim har fått veta vad som lämnas över.' },
    'kaa',
  );
  assert.equal(saved.statusCode, 200, saved.body);
  const sent = await send('POST', `/api/handovers/${id}/send`, { version: saved.json().version }, 'kaa');
  assert.equal(sent.statusCode, 200, sent.body);
  assert.equal((await lastLog('handovers.delivered'))?.tenant_id, friskola);
  const incoming = (await get('/api/handovers/incoming', 'fri-rektor')).json().items;
  assert.equal(incoming.length, 1);
  view = (await get(`/api/handovers/${incoming[0].id}`, 'fri-rektor')).json();
  assert.equal(view.fromUnitName, 'Kommunens aktivitetsansvar');
  const confirmed = await send('POST', `/api/handovers/${view.id}/confirm`, { version: view.version }, 'fri-rektor');
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.equal((await get(`/api/handovers/${id}`, 'kaa')).json().status, 'confirmed');
});
