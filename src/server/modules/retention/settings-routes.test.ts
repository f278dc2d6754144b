/** GET/PUT /api/retention/rules: the ladder 401 / 400 naming the field / 403 (logged) / 200, and per organiser. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogRows, fixtureClock, friskola, kommun, loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';
import { ruleSettings } from './settings.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const admin = await signIn(app, 'admin');
const put = (headers: Record<string, string>, payload: Record<string, unknown>) =>
  app.inject({ method: 'PUT', url: '/api/retention/rules', headers, payload });

test('GET/PUT /api/retention/rules: 401, 400 naming the rule, 403 for a counsellor (logged), 200 for the administrator', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/retention/rules' })).statusCode, 401);
  assert.equal((await put({ 'x-fullfolj-csrf': '1' }, { 'access-log': 3 })).statusCode, 401);
  for (const bad of [
    { 'access-log': 0 },
    { notifications: 3 },
    { 'kaa-register': 2.5 },
    { 'access-log': '3' },
    { 'sign-in-failures': 2 },
  ]) {
    const res = await put(admin.headers, bad);
    assert.equal(res.statusCode, 400, JSON.stringify(bad));
    assert.equal(res.json().fields.length, 1, JSON.stringify(res.json()));
    assert.doesNotMatch(res.json().error, /access-log|kaa-register|sign-in-failures/, 'the field is named by its label, not its key');
  }
  const kurator = await signIn(app, 'kurator');
  assert.equal((await app.inject({ method: 'GET', url: '/api/retention/rules', headers: kurator.headers })).statusCode, 403);
  const denied = (await accessLogRows(database)).filter((r) => r.outcome === 'denied' && r.purpose !== 'inloggning');
  assert.ok(denied.length >= 1);
  const read = await app.inject({ method: 'GET', url: '/api/retention/rules', headers: admin.headers });
  assert.equal(read.statusCode, 200);
  const notificationsRule = read.json().rules.find((r: { key: string }) => r.key === 'notifications');
  assert.deepEqual([notificationsRule.keep, notificationsRule.isDefault], [90, true]);
  assert.equal(read.json().lastRun, null);
  const saved = await put(admin.headers, { 'access-log': 3, cases: 5, notifications: null });
  assert.equal(saved.statusCode, 200);
  const mine = await ruleSettings(database.db, kommun);
  assert.deepEqual(
    mine.filter((s) => ['access-log', 'cases', 'notifications'].includes(s.key)).map((s) => [s.key, s.keep, s.isDefault]),
    [
      ['cases', 5, false],
      ['access-log', 3, false],
      ['notifications', null, false],
    ],
  );
  const theirs = await ruleSettings(database.db, friskola);
  assert.ok(
    theirs.every((s) => s.isDefault),
    'the other organiser keeps its defaults',
  );
});
