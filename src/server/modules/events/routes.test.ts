import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { accessLogRows, fixtureClock, fixtureNow, loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';
import { eventsApi } from '../../../shared/events/contract.ts';
import { participationIn } from './participation.ts';
import { pruneSignups } from './retention.ts';

// An in-process SMTP server receives the confirmation e-mails.
const received: string[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, _session, done) {
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    stream.on('end', () => {
      received.push(text);
      done();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
process.env.FULLFOLJ_SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

const database = await createTestDatabase();
await loadAccessFixtures(database);
let now = fixtureNow;
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: () => now });
delete process.env.FULLFOLJ_SMTP_URL;
// The municipal fixture organiser is Göteborg, so its demo coordinator is Västra Götaland's.
const coordinator = await signIn(app, 'region');
const analyst = await signIn(app, 'analytiker');
void fixtureClock;

const webinar = {
  kind: 'webinar',
  title: 'Webbinarium: närvarofrämjande arbete',
  description: 'Erfarenheter från två kommuner.',
  focusArea: 'motivation',
  audience: 'Rektorer och elevhälsa',
  startsAt: '2024-10-15T13:00:00Z',
  endsAt: '2024-10-15T14:30:00Z',
  place: '',
  link: 'https://meet.example.invalid/webbinarium',
  capacity: 2,
  signupDeadline: '2024-10-14T22:00:00Z',
};
const post = (url: string, payload: object, headers: Record<string, string> = { 'x-fullfolj-csrf': '1' }) =>
  app.inject({ method: 'POST', url, headers, payload });

let eventId = '';

test('POST /api/events: 401, 400 naming the field (in the past, end before start, no place or link), 403 without the role, 201 for the coordinator', async () => {
  assert.equal((await post('/api/events', webinar)).statusCode, 401);
  const past = await post('/api/events', { ...webinar, startsAt: '2024-09-01T10:00:00Z' }, coordinator.headers);
  assert.equal(past.statusCode, 400);
  assert.match(past.json().error, /Börjar: ligger redan i det förflutna/);
  const backwards = await post(
    '/api/events',
    { ...webinar, endsAt: '2024-10-15T12:00:00Z' },
    { ...coordinator.headers, 'accept-language': 'en' },
  );
  assert.match(backwards.json().error, /Ends: must come after the start/);
  const nowhere = await post('/api/events', { ...webinar, link: '' }, coordinator.headers);
  assert.match(nowhere.json().error, /Plats: ange en plats eller en länk/);
  const badDate = await post('/api/events', { ...webinar, startsAt: '2024-02-30T10:00:00Z' }, coordinator.headers);
  assert.equal(badDate.statusCode, 400);
  assert.doesNotMatch(badDate.body, /2024-02-30/);
  const denied = await post('/api/events', webinar, analyst.headers);
  assert.equal(denied.statusCode, 403);
  const ok = await post('/api/events', webinar, coordinator.headers);
  assert.equal(ok.statusCode, 201, ok.body);
  eventId = eventsApi.create.response.parse(ok.json()).id;
});

test('the public page lists the webinar, its page has the sign-up form, the calendars are RFC 5545', async () => {
  const list = await app.inject({ method: 'GET', url: '/evenemang' });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Webbinarium: närvarofrämjande arbete/);
  const page = await app.inject({ method: 'GET', url: `/evenemang/${eventId}?lang=en` });
  assert.match(page.body, /Sign up/);
  assert.match(page.body, /Places left<\/dt><dd>2/);
  const ics = await app.inject({ method: 'GET', url: `/evenemang/${eventId}/kalender.ics` });
  assert.equal(ics.statusCode, 200);
  assert.match(ics.headers['content-type'] as string, /text\/calendar/);
  assert.match(ics.body, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics.body, /DTSTART:20241015T130000Z\r\n/);
  assert.match(ics.body, /SUMMARY:Webbinarium: närvarofrämjande arbete\r\n/);
  assert.equal((await app.inject({ method: 'GET', url: '/evenemang/inte-ett-id' })).statusCode, 404);
  const feed = await app.inject({ method: 'GET', url: '/evenemang.ics' });
  assert.match(feed.body, new RegExp(`UID:${eventId}@`));
});

test('the public list and the calendar feed narrow to one region with ?region=; an unknown region is 404', async () => {
  const own = await app.inject({ method: 'GET', url: '/evenemang?region=vastra-gotaland' });
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /Webbinarium: närvarofrämjande arbete/);
  assert.match(own.body, /href="\/evenemang\.ics\?region=vastra-gotaland"/);
  const other = await app.inject({ method: 'GET', url: '/evenemang?region=skaraborg&lang=en' });
  assert.equal(other.statusCode, 200);
  assert.doesNotMatch(other.body, /närvarofrämjande/);
  assert.match(other.body, /Events by region/);
  assert.match(other.body, /href="\/evenemang\?region=vastra-gotaland&amp;lang=en"/);
  for (const url of ['/evenemang?region=okand', '/evenemang?region=Ok%C3%A4nd', '/evenemang.ics?region=okand'])
    assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, url);
  assert.equal((await app.inject({ method: 'GET', url: '/evenemang?region=%00' })).statusCode, 400, 'a NUL byte is refused before');
  const feed = await app.inject({ method: 'GET', url: '/evenemang.ics?region=vastra-gotaland' });
  assert.match(feed.body, new RegExp(`UID:${eventId}@`));
  assert.match(feed.body, /Västra Götaland/);
  const empty = await app.inject({ method: 'GET', url: '/evenemang.ics?region=skaraborg' });
  assert.equal(empty.statusCode, 200);
  assert.doesNotMatch(empty.body, /BEGIN:VEVENT/);
});

test('sign-up: invalid e-mail, duplicate, full and closed give clear messages; a confirmation e-mail arrives', async () => {
  const url = `/api/public/events/${eventId}/signups`;
  const person = { name: 'Test Testsson', organisation: 'Exempelskolan AB', email: 'test.testsson@example.invalid', role: 'principal' };
  const bad = await post(url, { ...person, email: 'inte-en-adress' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /E-postadress: är inte en e-postadress/);
  const ok = await post(url, person);
  assert.equal(ok.statusCode, 200, ok.body);
  const answer = eventsApi.signUp.response.parse(ok.json());
  assert.equal(answer.emailed, true);
  assert.equal(answer.calendarHref, `/evenemang/${eventId}/kalender.ics`);
  assert.ok(received.some((m) => m.includes(`kalender.ics`) && m.includes('test.testsson@example.invalid')));
  const again = await post(url, { ...person, email: 'TEST.testsson@example.invalid' }, { 'x-fullfolj-csrf': '1', 'accept-language': 'en' });
  assert.equal(again.statusCode, 409);
  assert.match(again.json().error, /already signed up/);
  assert.equal((await post(url, { ...person, email: 'andra@example.invalid' })).statusCode, 200);
  const full = await post(url, { ...person, email: 'tredje@example.invalid' });
  assert.equal(full.statusCode, 409);
  assert.match(full.json().error, /fullbokat/);
  now = new Date('2024-10-15T08:00:00Z');
  const late = await post(`/api/public/events/${eventId}/signups`, { ...person, email: 'sen@example.invalid' });
  assert.match(late.json().error, /stängt/);
  now = fixtureNow;
});

test('GET /api/events/:id/signups: the coordinator reads them (logged), another role is refused (logged)', async () => {
  const url = `/api/events/${eventId}/signups`;
  assert.equal((await app.inject({ method: 'GET', url })).statusCode, 401);
  assert.equal((await app.inject({ method: 'GET', url: '/api/events/x/signups', headers: coordinator.headers })).statusCode, 400);
  assert.equal((await app.inject({ method: 'GET', url, headers: analyst.headers })).statusCode, 403);
  const ok = await app.inject({ method: 'GET', url, headers: coordinator.headers });
  assert.equal(ok.statusCode, 200);
  assert.equal(eventsApi.signups.response.parse(ok.json()).items.length, 2);
  const log = (await accessLogRows(database)).at(-1);
  assert.deepEqual([log?.action, log?.outcome], ['events.signups', 'allowed']);
});

test('after the event: the recording is added, participation is counted, and the retention rule deletes names and e-mails', async () => {
  now = new Date('2024-10-20T10:00:00Z');
  const coordinator = await signIn(app, 'region');
  const put = await app.inject({
    method: 'PUT',
    url: `/api/events/${eventId}`,
    headers: coordinator.headers,
    payload: { ...webinar, recordingUrl: 'https://video.example.invalid/inspelning' },
  });
  assert.equal(put.statusCode, 200, put.body);
  const page = await app.inject({ method: 'GET', url: '/evenemang' });
  assert.match(page.body, /Se inspelningen/);
  const figures = await participationIn(database.db, null, '2024-10-01', '2024-11-01');
  assert.equal(figures.events, 1);
  assert.equal(figures.participants, 2);
  assert.deepEqual(figures.byOrganiser, [{ organiser: 'Exempelskolan AB', role: 'principal', participants: 2, attended: 0, unmarked: 2 }]);
  assert.equal((await pruneSignups(database.db, new Date('2024-11-01T00:00:00Z'))).anonymised, 0, 'not yet 30 days');
  assert.equal((await pruneSignups(database.db, new Date('2024-11-20T00:00:00Z'))).anonymised, 2);
  const list = await app.inject({ method: 'GET', url: `/api/events/${eventId}/signups`, headers: coordinator.headers });
  assert.deepEqual(
    list.json().items.map((s: { name: unknown; email: unknown }) => [s.name, s.email]),
    [
      [null, null],
      [null, null],
    ],
  );
  const kept = await participationIn(database.db, null, '2024-10-01', '2024-11-01');
  assert.equal(kept.participants, 2, 'the counts survive');
  now = fixtureNow;
});
