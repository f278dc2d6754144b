import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, accountId, fixtureClock, fixtureNow, loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../app.ts';
import { signInFailed } from './sign-in.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
let now = fixtureNow;
const app = await buildApp({
  database,
  config: { logLevel: 'silent', auth: { sessionIdleMinutes: 30, signInPerIpPerMinute: 8, signInFailuresBeforeDelay: 3 } },
  clock: () => now,
});
const csrf = { 'x-fullfolj-csrf': '1' };
const post = (username: string, password: string, remoteAddress = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: csrf, payload: { username, password }, remoteAddress });

test('sign-in sets an httpOnly SameSite=Lax session cookie, me lists roles and abilities, helmet headers are set', async () => {
  const res = await post('mentor', 'fullfolj-demo');
  assert.equal(res.statusCode, 200);
  const session = res.cookies.find((c) => c.name === 'fullfolj_session');
  assert.equal(session?.httpOnly, true);
  assert.equal(session?.sameSite, 'Lax');
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  const s = await signIn(app, 'mentor');
  const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers });
  assert.equal(me.statusCode, 200);
  const body = me.json();
  assert.equal(body.account.username, 'mentor');
  assert.deepEqual(
    body.roles.map((r: { role: string }) => r.role),
    ['mentor'],
  );
  assert.ok(body.abilities.includes('students.list'));
  assert.ok(!body.abilities.includes('users.manage'));
  assert.ok(!JSON.stringify(body).includes('argon2'));
  const [stored] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM sessions LIMIT 1`);
  assert.ok(stored && !res.body.includes(stored.id) && session?.value !== stored.id, 'only the hash is stored');
});

test('401 without a session; 400 names the field; sign-in without the CSRF header is refused', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode, 401);
  const bad = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: csrf, payload: { username: 'mentor' } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error, 'Lösenord: saknas.');
  assert.deepEqual(
    bad.json().fields.map((f: { field: string }) => f.field),
    ['password'],
  );
  const english = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { ...csrf, 'accept-language': 'en' },
    payload: { username: 'mentor' },
  });
  assert.equal(english.json().error, 'Password: is missing.');
  const noCsrf = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'mentor', password: 'fullfolj-demo' } });
  assert.equal(noCsrf.statusCode, 403);
});

test('the sign-in body is strict: a NUL or a lone surrogate in the username, a control character in the password, an unknown field: 400 naming it', async () => {
  const send = (payload: Record<string, unknown>, remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: csrf, payload, remoteAddress });
  const fields = (res: { json: () => { fields?: { field: string }[] } }) => (res.json().fields ?? []).map((f) => f.field);
  const nul = await send({ username: 'men\u0000tor', password: 'fullfolj-demo' }, '10.3.0.1');
  assert.equal(nul.statusCode, 400);
  assert.deepEqual(fields(nul), ['username']);
  // Refused by the platform's hostile-input guard before the schema runs (its wording is still the older one).
  assert.match(nul.json().error, /innehåller otillåtna tecken/);
  assert.ok(!nul.body.includes('men'), 'the value is not echoed');
  const surrogate = await send({ username: 'mentor\uD800', password: 'fullfolj-demo' }, '10.3.0.1');
  assert.deepEqual([surrogate.statusCode, fields(surrogate)], [400, ['username']]);
  const password = await send({ username: 'mentor', password: 'full\u0007folj' }, '10.3.0.1');
  assert.deepEqual([password.statusCode, fields(password)], [400, ['password']]);
  const unknown = await send({ username: 'mentor', password: 'fullfolj-demo', remember: true }, '10.3.0.2');
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().error, 'Fältet finns inte i formuläret.');
  assert.deepEqual(fields(unknown), ['remember']);
  const blank = await send({ username: '   ', password: 'fullfolj-demo' }, '10.3.0.2');
  assert.deepEqual([blank.statusCode, fields(blank)], [400, ['username']]);
  assert.equal((await send({ username: ' Mentor ', password: 'fullfolj-demo' }, '10.3.0.2')).statusCode, 200, 'trimmed, any case');
});

test('a wrong password and an unknown username get the same generic 401, logged as denied', async () => {
  const wrong = await post('kurator', 'nope', '10.0.0.2');
  const unknown = await post('nobody', 'nope', '10.0.0.2');
  assert.equal(wrong.statusCode, 401);
  assert.deepEqual(wrong.json(), unknown.json());
  assert.equal(wrong.json().error, signInFailed);
  const kurator = await accountId(database, 'kurator');
  const denied = (await accessLogRows(database)).filter((r) => r.action === 'auth.sign-in' && r.outcome === 'denied');
  assert.ok(denied.some((r) => r.account_id === kurator));
});

test('the per-IP limit gives 429 whatever the usernames (@fastify/rate-limit)', async () => {
  const codes: number[] = [];
  for (let i = 0; i < 10; i++) codes.push((await post(`nobody-${i}`, 'x', '10.9.9.9')).statusCode);
  assert.deepEqual(codes, [...Array<number>(8).fill(401), 429, 429]);
  const limited = await post('nobody-10', 'x', '10.9.9.9');
  assert.match(limited.json().error, /^För många försök\. Försök igen om \d+ sekunder\.$/);
});

test('an idle session expires; sign-out invalidates the session and needs the CSRF token', async () => {
  now = fixtureNow;
  const s = await signIn(app, 'rektor');
  now = new Date(fixtureNow.getTime() + 29 * 60_000);
  assert.equal((await app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode, 200);
  now = new Date(now.getTime() + 31 * 60_000);
  assert.equal((await app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode, 401, 'idle for 31 minutes');

  now = fixtureNow;
  const t = await signIn(app, 'rektor');
  const forged = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-out',
    headers: { cookie: t.cookie, 'x-fullfolj-csrf': 'forged' },
  });
  assert.equal(forged.statusCode, 403);
  assert.equal((await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: t.headers })).statusCode, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/api/auth/me', headers: t.headers })).statusCode, 401);
  now = fixtureNow;
});

test('the clock helper is the fixture date', () => assert.equal(fixtureClock().toISOString(), fixtureNow.toISOString()));
