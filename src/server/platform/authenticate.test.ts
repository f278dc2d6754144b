// The session and the actor are read in one statement on every request (sessions.ts, resumeSessionWithAccount): a
// role taken away, narrowed units or a disabled account count from the very next request of the same session, and
// the last-seen time is written at most once a minute.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, accountId, fixtureNow, kommun, loadAccessFixtures, signIn } from '../../../test/support/access.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { removeRoles, setRoleUnits, updateAccount } from '../../../test/support/factories/index.ts';
import { buildApp } from '../app.ts';
import { queryRows } from '../db/client.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
let now = fixtureNow;
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: () => now });
const get = (url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });
const lastSeen = async () =>
  (await queryRows<{ t: string }>(database.db, sql`SELECT max(last_seen_at)::text AS t FROM sessions`))[0]?.t ?? '';

test('a role taken away no longer grants access on the same session’s next request, and the denial is logged', async () => {
  now = fixtureNow;
  const s = await signIn(app, 'kurator');
  const list = await get('/api/students', s.headers);
  assert.equal(list.statusCode, 200);
  assert.ok(list.json().total > 0);
  const kurator = await accountId(database, 'kurator');
  await setRoleUnits(database.db, { tenantId: kommun, accountId: kurator, unitIds: ['a0000000-0000-4000-8000-0000000000ff'] });
  assert.equal((await get('/api/students', s.headers)).json().total, 0, 'units narrowed: nobody in scope at once');
  await removeRoles(database.db, { tenantId: kommun, accountId: kurator });
  assert.equal((await get('/api/students', s.headers)).statusCode, 403, 'no role: no list');
  const denied = (await accessLogRows(database)).at(-1);
  assert.equal(denied?.outcome, 'denied');
  assert.equal(denied?.account_id, kurator);
  const me = await get('/api/auth/me', s.headers);
  assert.equal(me.statusCode, 200, 'still signed in');
});

test('a disabled account is signed out on its next request', async () => {
  now = fixtureNow;
  const s = await signIn(app, 'mentor');
  assert.equal((await get('/api/students', s.headers)).statusCode, 200);
  await updateAccount(database.db, 'mentor', { disabled: true });
  const res = await get('/api/students', s.headers);
  assert.equal(res.statusCode, 401);
  assert.ok(
    res.cookies.some((c) => c.name === 'fullfolj_session' && c.value === ''),
    'the session cookie is cleared',
  );
});

test('the last-seen time is written at most once a minute, and an idle session still ends', async () => {
  await database.db.execute(sql`DELETE FROM sessions`);
  now = fixtureNow;
  const s = await signIn(app, 'rektor');
  const signedIn = await lastSeen();
  now = new Date(fixtureNow.getTime() + 30_000);
  assert.equal((await get('/api/auth/me', s.headers)).statusCode, 200);
  assert.equal(await lastSeen(), signedIn, 'not touched after 30 s');
  now = new Date(fixtureNow.getTime() + 61_000);
  assert.equal((await get('/api/auth/me', s.headers)).statusCode, 200);
  assert.notEqual(await lastSeen(), signedIn, 'touched after 61 s');
  now = new Date(now.getTime() + 31 * 60_000);
  assert.equal((await get('/api/auth/me', s.headers)).statusCode, 401, 'idle for 31 minutes');
  assert.equal(await lastSeen(), '', 'the idle session is deleted');
});
