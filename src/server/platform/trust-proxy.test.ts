import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixtureClock, loadAccessFixtures } from '../../../test/support/access.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from '../db/client.ts';
import { buildApp } from '../app.ts';
import { readTrustProxy } from './config.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const signInFrom = async (trustProxy: string[] | number | undefined) => {
  const app = await buildApp({ database, config: { logLevel: 'silent', trustProxy }, clock: fixtureClock });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress: '127.0.0.1',
    headers: { 'x-fullfolj-csrf': '1', 'x-forwarded-for': '203.0.113.7' },
    payload: { username: 'nobody', password: 'wrong' },
  });
  assert.equal(res.statusCode, 401);
  const [row] = await queryRows<{ ip: string }>(database.db, sql`SELECT ip FROM access_log ORDER BY id DESC LIMIT 1`);
  await app.close();
  return row?.ip;
};

test('behind a trusted proxy the client address is the forwarded one; otherwise X-Forwarded-For is ignored', async () => {
  assert.equal(await signInFrom(undefined), '127.0.0.1', 'a forged header from anyone is not believed');
  assert.equal(await signInFrom(['127.0.0.1']), '203.0.113.7');
  assert.equal(await signInFrom(1), '203.0.113.7');
  assert.equal(await signInFrom(['10.0.0.0/8']), '127.0.0.1', 'only the listed proxies are believed');
});

test('FULLFOLJ_TRUST_PROXY: a hop count or addresses and ranges; anything else stops the start', () => {
  assert.equal(readTrustProxy(undefined), undefined);
  assert.equal(readTrustProxy('1'), 1);
  assert.deepEqual(readTrustProxy('127.0.0.1, 10.0.0.0/8,::1'), ['127.0.0.1', '10.0.0.0/8', '::1']);
  assert.throws(() => readTrustProxy('true'), /FULLFOLJ_TRUST_PROXY/);
  assert.throws(() => readTrustProxy('evil host'), /FULLFOLJ_TRUST_PROXY/);
});
