import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  accessLogRows,
  fixtureClock,
  friskola,
  kommun,
  loadAccessFixtures,
  signIn,
  students,
  type Session,
} from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../app.ts';
import { runNotices, systemContext } from './notices.ts';
import { refreshTargetGroup } from './refresh.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
// Dana studies at the independent organiser and is folkbokförd in Exempelkommun (1480): its notices go there.
await database.db.execute(sql`UPDATE persons SET home_municipality_code = '1480' WHERE id = ${students.dana}::uuid`);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const sessions = new Map<string, Session>();
const as = async (username: string) => sessions.get(username) ?? sessions.set(username, await signIn(app, username)).get(username)!;
const asOf = '2024-10-01';

const civic = {
  alva: '200701012395',
  dana: '200701022386',
  ylva: '200701032385',
  pia: '200701042384',
  unknownMunicipality: '200701042392',
};
const header =
  'personnummer;fornamn;efternamn;kommunkod;folkbokford_datum;invandrad_datum;status;status_datum;skyddad;utdelningsadress;postnummer;postort';
const populationFile = [
  header,
  `${civic.alva};Alva;Andersson;1480;;;folkbokford;;nej;Testgatan 1;41101;Göteborg`,
  `${civic.dana};Dana;Dahl;1480;;;folkbokford;;nej;Testgatan 3;41101;Göteborg`,
  `${civic.ylva};Ylva;Ytterberg;1480;;;folkbokford;;nej;Testgatan 5;41101;Göteborg`,
  `${civic.pia};Pia;Persson;1480;;;folkbokford;;ja;Hemliga vägen 1;41101;Göteborg`,
  `${civic.ylva};Ylva;Dubblett;1480;;;folkbokford;;nej;;;`, // row 6: the same person again
  `200701032386;Fel;Kontrollsiffra;1480;;;folkbokford;;nej;;;`, // row 7: check digit
  `20080101TF01;Tillfällig;Person;1480;;;folkbokford;;nej;;;`, // row 8: a temporary number
  `${civic.unknownMunicipality};Okänd;Kommun;9999;;;folkbokford;;nej;;;`, // row 9: no such municipality
].join('\n');

const get = async (url: string, who?: string) => app.inject({ method: 'GET', url, headers: who ? (await as(who)).headers : {} });
const send = async (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown, who?: string) =>
  app.inject({ method, url, payload: payload as object, headers: who ? (await as(who)).headers : { 'x-fullfolj-csrf': '1' } });
const lastLog = async (action: string) => (await accessLogRows(database)).filter((r) => r.action === action).at(-1);
const youthId = async (civicNo: string) =>
  (
    await queryRows<{ id: string }>(database.db, sql`SELECT id FROM kaa_youth WHERE tenant_id = ${kommun}::uuid AND civic_no = ${civicNo}`)
  )[0]?.id;

test('population import: bad rows are refused by row and column without their values, good rows kept; protected identities without address', async () => {
  assert.equal((await send('POST', '/api/kaa/population/imports', { content: populationFile })).statusCode, 401);
  assert.equal((await send('POST', '/api/kaa/population/imports', { content: populationFile }, 'larare')).statusCode, 403);
  const bad = await send('POST', '/api/kaa/population/imports', { content: 'namn;personnr\nA;1' }, 'kaa');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /Rad 1.*okänd filuppställning/);
  const res = await send('POST', '/api/kaa/population/imports', { content: populationFile }, 'kaa');
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual([body.rowsTotal, body.rowsAccepted, body.rowsRejected], [8, 4, 4]);
  const messages = body.problems.map((p: { message: string }) => p.message);
  assert.ok(
    messages.some((m: string) => /^Rad 6, Personnummer: samma person finns redan på rad 4/.test(m)),
    messages.join('|'),
  );
  assert.ok(messages.some((m: string) => /^Rad 7, Personnummer: är inte ett giltigt/.test(m)));
  assert.ok(messages.some((m: string) => /^Rad 8, Personnummer: är ett tillfälligt nummer/.test(m)));
  assert.ok(messages.some((m: string) => /^Rad 9, Kommunkod: är inte en kommunkod som finns/.test(m)));
  for (const value of ['200701032386', '20080101TF01', '9999']) assert.ok(!res.body.includes(value), 'no refused value is echoed');
  const [pia] = await queryRows<{ address: unknown }>(database.db, sql`SELECT address FROM kaa_population WHERE civic_no = ${civic.pia}`);
  assert.equal(pia!.address, null);
  assert.equal((await lastLog('youth-register.population.import'))?.outcome, 'allowed');
});

test('the target group: Ylva (never started) and Pia are in with their reasons and sources; Alva (in the kommun’s own school) is not', async () => {
  const list = await get('/api/kaa/youth', 'kaa');
  assert.equal(list.statusCode, 200, list.body);
  const names = list.json().items.map((i: { name: string }) => i.name);
  assert.ok(names.includes('Ylva Ytterberg') && names.includes('Pia Persson'), names.join(','));
  assert.ok(!names.includes('Alva Andersson'));
  const ylva = list.json().items.find((i: { name: string }) => i.name === 'Ylva Ytterberg');
  assert.equal(ylva.registrationReason, 'never-started');
  assert.deepEqual(ylva.sources, ['population-file']);
  const log = await lastLog('youth-register.list');
  assert.equal(log?.tenant_id, kommun);
  assert.ok(log?.subject_ids.includes(ylva.id));
  assert.ok(!list.body.includes(civic.ylva), 'no personnummer in the answer');
  assert.equal((await get('/api/kaa/youth?status=nope', 'kaa')).statusCode, 400);
  assert.equal((await get('/api/kaa/youth', 'larare')).statusCode, 403);
  assert.equal((await get('/api/kaa/youth')).statusCode, 401);
});

test('notices across tenants: the independent organiser’s start notice reaches the home municipality, Dana leaves the group, nothing else crosses', async () => {
  // Before the notice Dana looks like a young person who never started: exactly the false positive notices prevent.
  assert.ok(await youthId(civic.dana));
  const before = await accessLogRows(database);
  const summary = await database.db.transaction((tx) => runNotices(tx, systemContext(fixtureClock()), friskola, asOf));
  assert.deepEqual([summary.sent, summary.delivered, summary.awaitingExport], [1, 1, 0]);
  const again = await database.db.transaction((tx) => runNotices(tx, systemContext(fixtureClock()), friskola, asOf));
  assert.equal(again.sent, 0, 'a notice is sent once');
  const logged = (await accessLogRows(database)).slice(before.length);
  assert.deepEqual(logged.find((r) => r.action === 'kaa-notices.delivered')?.subject_ids, [students.dana]);
  assert.equal(logged.find((r) => r.action === 'kaa-notices.delivered')?.tenant_id, friskola);
  assert.equal(logged.find((r) => r.action === 'youth-register.notices.receive')?.tenant_id, kommun);
  const received = await queryRows<Record<string, unknown>>(database.db, sql`SELECT * FROM kaa_notices WHERE tenant_id = ${kommun}::uuid`);
  assert.equal(received.length, 1);
  assert.equal(received[0]!.student_id, null, 'the sender’s student id stays with the sender');
  assert.equal(received[0]!.counterpart_name, 'Exempelskolan AB');
  await database.db.transaction((tx) => refreshTargetGroup(tx, kommun, asOf));
  const page = await get(`/api/kaa/youth/${await youthId(civic.dana)}`, 'kaa');
  assert.equal(page.statusCode, 200);
  assert.equal(page.json().inGroup, false);
  assert.equal(page.json().registrations[0].deregistrationReason, 'started-national');
  assert.equal(
    page.json().criteria.find((c: { criterion: string }) => c.criterion === 'not-in-upper-secondary').organiserName,
    'Exempelskolan AB',
  );
  // The receiving officer sees the notice; the independent organiser's principal sees what was sent and, later, the receipt.
  const notices = await get('/api/kaa/notices', 'kaa');
  assert.equal(notices.json().total, 1);
  const noticeId = notices.json().items[0].id;
  const sent = await get('/api/kaa/sent-notices', 'fri-rektor');
  assert.equal(sent.statusCode, 200, sent.body);
  assert.equal(sent.json().items[0].receiptAt, null);
  assert.equal((await send('POST', `/api/kaa/notices/${noticeId}/receipt`, {}, 'kaa')).statusCode, 200);
  assert.notEqual((await get('/api/kaa/sent-notices', 'fri-rektor')).json().items[0].receiptAt, null);
  // The other tenant reaches nothing of the register, and the kommun's principal nothing the friskola sent.
  assert.equal((await get('/api/kaa/youth', 'fri-kaa')).statusCode, 403);
  assert.equal((await get(`/api/kaa/youth/${await youthId(civic.ylva)}`, 'fri-kaa')).statusCode, 403);
  assert.equal((await get('/api/kaa/sent-notices', 'rektor')).json().total, 0);
  assert.equal((await send('POST', `/api/kaa/notices/${noticeId}/receipt`, {}, 'fri-kaa')).statusCode, 403);
});

test('a young person’s page and the work: contact, occupation, plan, measure (closing needs the outcome), reminders', async () => {
  const id = (await youthId(civic.ylva))!;
  assert.equal((await get(`/api/kaa/youth/${randomUUID()}`, 'kaa')).statusCode, 404);
  assert.equal((await lastLog('youth-register.youth'))?.outcome, 'denied');
  assert.equal((await get(`/api/kaa/youth/not-an-id`, 'kaa')).statusCode, 400);
  const contact = await send(
    'POST',
    `/api/kaa/youth/${id}/contacts`,
    { contactedOn: '2024-09-20', kind: 'phone', outcome: 'reached' },
    'kaa',
  );
  assert.equal(contact.statusCode, 201, contact.body);
  const future = await send(
    'POST',
    `/api/kaa/youth/${id}/contacts`,
    { contactedOn: '2024-12-20', kind: 'phone', outcome: 'reached' },
    'kaa',
  );
  assert.equal(future.statusCode, 400);
  assert.match(future.json().error, /Datum för kontakten/);
  const badKind = await send(
    'POST',
    `/api/kaa/youth/${id}/contacts`,
    { contactedOn: '2024-09-20', kind: 'pigeon', outcome: 'reached' },
    'kaa',
  );
  assert.equal(badKind.statusCode, 400);
  assert.match(badKind.json().error, /Kontaktsätt/);
  assert.equal((await send('POST', `/api/kaa/youth/${id}/occupations`, { timing: 'current', kind: 'none' }, 'kaa')).statusCode, 201);
  const plan = await send(
    'PUT',
    `/api/kaa/youth/${id}/plan`,
    { goal: 'Börja på ett nationellt program', plan: 'Vägledning, sedan praktik', establishedOn: '2024-09-25' },
    'kaa',
  );
  assert.equal(plan.statusCode, 200, plan.body);
  const measure = await send(
    'POST',
    `/api/kaa/youth/${id}/measures`,
    { kind: 'guidance', description: 'Samtal med SYV', responsible: 'municipality', startDate: '2024-09-25', followUpOn: '2024-09-30' },
    'kaa',
  );
  assert.equal(measure.statusCode, 201, measure.body);
  const { id: measureId, version } = measure.json();
  const noOutcome = await send(
    'POST',
    `/api/kaa/measures/${measureId}/close`,
    { version, endDate: '2024-09-30', endReason: 'completed' },
    'kaa',
  );
  assert.equal(noOutcome.statusCode, 400);
  assert.match(noOutcome.json().error, /Resultat/);
  const closed = await send(
    'POST',
    `/api/kaa/measures/${measureId}/close`,
    { version, endDate: '2024-09-30', endReason: 'completed', outcome: 'work' },
    'kaa',
  );
  assert.equal(closed.statusCode, 200, closed.body);
  assert.equal(
    (
      await send(
        'POST',
        `/api/kaa/measures/${randomUUID()}/close`,
        { version, endDate: '2024-09-30', endReason: 'completed', outcome: 'work' },
        'kaa',
      )
    ).statusCode,
    404,
  );
  const page = (await get(`/api/kaa/youth/${id}`, 'kaa')).json();
  assert.deepEqual(
    [page.contacts.length, page.occupations.length, page.plan.goal, page.measures[0].outcome],
    [1, 1, 'Börja på ett nationellt program', 'work'],
  );
  assert.deepEqual((await lastLog('youth-register.youth'))?.subject_ids, [id]);
  const reminders = (await get('/api/kaa/reminders', 'kaa')).json();
  assert.ok(reminders.notContacted.some((n: { name: string }) => n.name === 'Pia Persson'));
  assert.ok(!reminders.notContacted.some((n: { name: string }) => n.name === 'Ylva Ytterberg'));
  // A protected identity: never an address, and no contact details kept.
  const pia = (await get(`/api/kaa/youth/${await youthId(civic.pia)}`, 'kaa')).json();
  assert.equal(pia.address, null);
  assert.equal(
    (await send('PATCH', `/api/kaa/youth/${pia.id}/contact-details`, { version: pia.version, phone: '0701234567' }, 'kaa')).statusCode,
    400,
  );
});

test('a false positive is dismissed with a reason, kept out on recomputation, and back when revoked', async () => {
  const id = (await youthId(civic.pia))!;
  const noReason = await send('POST', `/api/kaa/youth/${id}/dismiss`, {}, 'kaa');
  assert.equal(noReason.statusCode, 400);
  const res = await send('POST', `/api/kaa/youth/${id}/dismiss`, { reason: 'in-education-elsewhere', note: 'Studerar i Norge' }, 'kaa');
  assert.equal(res.statusCode, 201, res.body);
  await database.db.transaction((tx) => refreshTargetGroup(tx, kommun, asOf));
  const page = (await get(`/api/kaa/youth/${id}`, 'kaa')).json();
  assert.equal(page.inGroup, false);
  assert.equal(page.dismissals[0].reason, 'in-education-elsewhere');
  assert.equal(page.registrations[0].deregistrationReason, 'dismissed');
  assert.equal((await get('/api/kaa/youth?status=dismissed', 'kaa')).json().total, 1);
  assert.equal((await send('POST', `/api/kaa/dismissals/${res.json().id}/revoke`, {}, 'kaa')).statusCode, 200);
  assert.equal((await get(`/api/kaa/youth/${id}`, 'kaa')).json().inGroup, true);
});

test('the notice file: bad records by row and field, unknown persons kept as unmatched, a second import counts duplicates', async () => {
  const record = (over: Record<string, unknown>) => ({
    kind: 'end',
    personnummer: civic.unknownMunicipality,
    fornamn: 'Okänd',
    efternamn: 'Elev',
    skolenhetskod: '12345678',
    skolenhet: 'Gymnasiet i Borås',
    programkod: 'EE',
    program: 'El- och energiprogrammet',
    datum: '2024-09-01',
    orsak: 'left',
    hemkommun: '1480',
    avsandare: 'Borås Stad',
    ...over,
  });
  const file = JSON.stringify({
    format: 'fullfolj-kaa-notices',
    version: 1,
    created: '2024-09-30T10:00:00Z',
    notices: [record({}), record({ hemkommun: '1490' }), record({ datum: '2024-02-30' })],
  });
  const res = await send('POST', '/api/kaa/notices/imports', { format: 'json', content: file }, 'kaa');
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual([body.rowsTotal, body.imported, body.unmatched], [3, 1, 1]);
  assert.deepEqual(
    body.problems.map((p: { message: string }) => p.message),
    ['Rad 2, Hemkommun: är inte den här kommunen.', 'Rad 3, Datum: har ett ogiltigt värde.'],
  );
  assert.equal((await send('POST', '/api/kaa/notices/imports', { format: 'json', content: file }, 'kaa')).json().duplicates, 1);
  const unmatched = (await get('/api/kaa/notices?unmatched=true', 'kaa')).json();
  assert.equal(unmatched.total, 1);
  assert.equal(unmatched.items[0].matched, false);
  assert.equal((await send('POST', '/api/kaa/notices/imports', { format: 'xml', content: file }, 'kaa')).statusCode, 400);
});

test('significant absence: a proposal is sent only when the principal confirms it, and reaches the home municipality', async () => {
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`INSERT INTO kaa_notices (tenant_id, delivery_id, direction, kind, channel, status, civic_no, given_name, family_name, school_unit_name,
          event_date, reason, home_municipality_code, counterpart_organiser_id, counterpart_name, student_id, dedupe_key, proposed_at)
        VALUES (${friskola}::uuid, gen_random_uuid(), 'sent', 'absence', 'internal', 'proposed', ${civic.dana}, 'Dana', 'Dahl',
          'Exempelskolan Gymnasium', '2024-09-15', 'significant-absence', '1480', ${kommun}::uuid, 'Exempelkommun', ${students.dana}::uuid,
          'absence:test', now()) RETURNING id`,
  );
  assert.equal((await send('POST', `/api/kaa/sent-notices/${row!.id}/confirm`, {})).statusCode, 401);
  assert.equal((await send('POST', `/api/kaa/sent-notices/${row!.id}/confirm`, {}, 'kaa')).statusCode, 403);
  assert.equal((await send('POST', `/api/kaa/sent-notices/${row!.id}/confirm`, {}, 'rektor')).statusCode, 404);
  assert.equal((await lastLog('kaa-notices.confirm'))?.outcome, 'denied');
  const before = (await get('/api/kaa/notices?kind=absence', 'kaa')).json().total;
  const res = await send('POST', `/api/kaa/sent-notices/${row!.id}/confirm`, {}, 'fri-rektor');
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 'sent');
  assert.equal((await get('/api/kaa/notices?kind=absence', 'kaa')).json().total, before + 1);
  assert.equal((await send('POST', `/api/kaa/sent-notices/${row!.id}/confirm`, {}, 'fri-rektor')).statusCode, 409);
  const exported = await send('POST', '/api/kaa/sent-notices/export', {}, 'fri-rektor');
  assert.equal(exported.statusCode, 200, exported.body);
  assert.equal(exported.json().format, 'fullfolj-kaa-notices');
});
