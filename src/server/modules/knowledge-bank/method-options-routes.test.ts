import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { loadAccessFixtures, signIn, fixtureClock } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';
import { knowledgeRecords } from '../../db/schema/index.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });

test('the submit form\'s method list: signed in only, published methods only, with ids', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/knowledge/methods' })).statusCode, 401);
  await database.db.update(knowledgeRecords).set({ status: 'retired' }).where(eq(knowledgeRecords.slug, 'counselling'));
  for (const username of ['mentor', 'redaktor', 'fri-kurator']) {
    const { headers } = await signIn(app, username);
    const res = await app.inject({ method: 'GET', url: '/api/knowledge/methods', headers });
    assert.equal(res.statusCode, 200, username);
    const items = (res.json() as { items: { id: string; slug: string; nameSv: string }[] }).items;
    assert.ok(items.some((m) => m.slug === 'check-and-connect' && /^[0-9a-f-]{36}$/.test(m.id)), username);
    assert.ok(!items.some((m) => m.slug === 'counselling'), 'a retired method is not offered');
    assert.deepEqual(Object.keys(items[0] ?? {}).sort(), ['id', 'nameSv', 'slug']);
  }
  const { headers } = await signIn(app, 'mentor');
  const unknown = await app.inject({ method: 'GET', url: '/api/knowledge/methods?kind=example', headers });
  assert.equal(unknown.statusCode, 400, 'the list takes no parameters');
  assert.match(unknown.json().error, /okända fält: kind/);
});
