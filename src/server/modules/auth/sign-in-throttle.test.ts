import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, accountId, fixtureNow, loadAccessFixtures } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows } from '../../db/client.ts';
import { signInFailures } from '../../db/schema/index.ts';
import { buildApp } from '../../app.ts';
import { readConfig } from '../../platform/config.ts';
import { demoPassword } from './demo-accounts.ts';
import { maxDelaySeconds, pruneFailures, throttleKey } from './sign-in-throttle.ts';

// Default threshold (5 failures before a delay); the per-IP limit is raised so that only the throttle answers 429.
const database = await createTestDatabase();
await loadAccessFixtures(database);
let now = fixtureNow;
const options = { database, config: { logLevel: 'silent', auth: { signInPerIpPerMinute: 1000 } }, clock: () => now };
const app = await buildApp(options);
const later = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};
type App = typeof app;
const attempt = (username: string, password: string, remoteAddress: string, on: App = app) =>
  on.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { 'x-fullfolj-csrf': '1' },
    payload: { username, password },
    remoteAddress,
  });
const storedRows = () =>
  queryRows<{ key: string; failures: number; last_failure_at: string }>(database.db, sql`SELECT * FROM sign_in_failures ORDER BY key`);
const failuresOf = async (username: string, ip: string) =>
  (await storedRows()).find((r) => r.key === throttleKey(username, ip))?.failures ?? 0;

test("the attacker's client is slowed, then refused before the password is checked; the right password from another client signs in", async () => {
  const attacker = '10.2.0.1';
  for (let i = 0; i < 5; i++) assert.equal((await attempt(i % 2 ? 'SYV' : 'syv', 'wrong', attacker)).statusCode, 401, `failure ${i + 1}`);
  assert.equal(await failuresOf('syv', attacker), 5, 'the username is lower-cased in the key');
  const refused = await attempt('syv', demoPassword, attacker);
  assert.equal(refused.statusCode, 429, 'even the right password waits');
  assert.equal(refused.headers['retry-after'], '1');
  assert.equal(refused.json().error, 'För många misslyckade inloggningsförsök. Vänta och försök igen om 1 sekund.');
  assert.equal(refused.cookies.length, 0);
  assert.equal(await failuresOf('syv', attacker), 5, 'a refused attempt is not a failure');

  const elsewhere = await attempt('syv', demoPassword, '10.2.0.2');
  assert.equal(elsewhere.statusCode, 200, "someone else's guessing does not lock the account");
  assert.equal((await attempt('syv', demoPassword, attacker)).statusCode, 429, 'the attacker is still throttled');

  const syv = await accountId(database, 'syv');
  const rows = (await accessLogRows(database)).filter((r) => r.action === 'auth.sign-in' && r.account_id === syv);
  assert.deepEqual(
    rows.map((r) => r.outcome),
    [...Array<string>(5).fill('denied'), 'denied', 'allowed', 'denied'],
    'failed and throttled sign-ins are logged',
  );

  later(1);
  const signedIn = await attempt('syv', demoPassword, attacker);
  assert.equal(signedIn.statusCode, 200, 'after the wait the right password works');
  assert.equal(await failuresOf('syv', attacker), 0, "a success clears that client's row");
});

test('the delay doubles with every further failure, up to 15 minutes, and counts from the last failure', async () => {
  const ip = '10.2.1.1';
  for (let i = 0; i < 5; i++) await attempt('kurator', 'wrong', ip);
  const waits: number[] = [];
  for (let failures = 5; failures < 16; failures++) {
    const refused = await attempt('kurator', 'wrong', ip);
    assert.equal(refused.statusCode, 429);
    const wait = Number(refused.headers['retry-after']);
    waits.push(wait);
    later(wait - 1);
    assert.equal((await attempt('kurator', 'wrong', ip)).statusCode, 429, 'a second early is still too early');
    later(1);
    assert.equal((await attempt('kurator', 'wrong', ip)).statusCode, 401, 'on time: the password is checked');
  }
  assert.deepEqual(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, maxDelaySeconds]);
  const capped = await attempt('kurator', 'wrong', ip);
  assert.equal(capped.headers['retry-after'], String(maxDelaySeconds));
  assert.match(capped.json().error, /om 15 minuter\.$/);
  later(5 * 60);
  assert.match((await attempt('kurator', 'wrong', ip)).json().error, /om 10 minuter\.$/);
});

test('an unknown username is throttled exactly like a known one, and only a hash is stored', async () => {
  const ip = '10.2.2.1';
  for (let i = 0; i < 5; i++) {
    assert.equal((await attempt('rektor', 'wrong', ip)).statusCode, 401);
    assert.equal((await attempt('ingen-sadan', 'wrong', ip)).statusCode, 401);
  }
  const known = await attempt('rektor', 'wrong', ip);
  const unknown = await attempt('ingen-sadan', 'wrong', ip);
  assert.deepEqual(
    [unknown.statusCode, unknown.headers['retry-after'], unknown.body],
    [known.statusCode, known.headers['retry-after'], known.body],
  );
  const stored = JSON.stringify(await storedRows());
  for (const clear of ['rektor', 'ingen-sadan', ip]) assert.ok(!stored.includes(clear), `${clear} is not stored in clear`);
  assert.equal(await failuresOf('ingen-sadan', ip), 5);
});

test('two app instances on one database share the state; concurrent guesses cannot slip past it', async () => {
  const second = await buildApp(options);
  const ip = '10.2.3.1';
  for (let i = 0; i < 5; i++) assert.equal((await attempt('mentor', 'wrong', ip, i % 2 ? second : app)).statusCode, 401);
  assert.equal((await attempt('mentor', demoPassword, ip, second)).statusCode, 429);
  assert.equal((await attempt('mentor', demoPassword, ip, app)).statusCode, 429);

  const racer = '10.2.3.2';
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => attempt('larare', 'wrong', racer, i % 2 ? second : app)));
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [401, 401, 401, 401, 401, 429, 429, 429]);
  assert.equal(await failuresOf('larare', racer), 5);
  await second.close();
});

test('rows idle for more than a day are pruned when a failure is written, and the table is capped', async () => {
  const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
  await database.db.insert(signInFailures).values([
    { key: 'a'.repeat(64), failures: 9, lastFailureAt: ago(25) },
    { key: 'b'.repeat(64), failures: 2, lastFailureAt: ago(23) },
  ]);
  assert.equal((await attempt('nobody', 'wrong', '10.2.4.1')).statusCode, 401);
  const keys = (await storedRows()).map((r) => r.key);
  assert.ok(!keys.includes('a'.repeat(64)), 'idle for 25 hours: pruned');
  assert.ok(keys.includes('b'.repeat(64)), 'idle for 23 hours: kept');

  await database.db.delete(signInFailures);
  await database.db
    .insert(signInFailures)
    .values([1, 2, 3, 4, 5].map((h) => ({ key: String(h).repeat(64), failures: 1, lastFailureAt: ago(h) })));
  await pruneFailures(database.db, now, 3);
  assert.deepEqual(
    (await storedRows()).map((r) => r.key),
    ['1', '2', '3'].map((k) => k.repeat(64)),
    'the three newest remain',
  );
});

test('FULLFOLJ_SIGN_IN_FAILURES_BEFORE_DELAY sets the threshold (default 5); anything but a positive whole number stops the start', () => {
  assert.equal(readConfig({}).auth.signInFailuresBeforeDelay, 5);
  assert.equal(readConfig({ FULLFOLJ_SIGN_IN_FAILURES_BEFORE_DELAY: '10' }).auth.signInFailuresBeforeDelay, 10);
  for (const bad of ['0', '2.5', '-1', 'fem', '1e3']) {
    assert.throws(
      () => readConfig({ FULLFOLJ_SIGN_IN_FAILURES_BEFORE_DELAY: bad }),
      /FULLFOLJ_SIGN_IN_FAILURES_BEFORE_DELAY måste vara ett positivt heltal/,
      bad,
    );
  }
});
