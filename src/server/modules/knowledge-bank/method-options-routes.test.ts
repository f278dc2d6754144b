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

test("the submit form's method list: signed in only, published methods only, with ids", async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/knowledge/methods' })).statusCode, 401);
  await database.db.update(knowledgeRecords).set({ status: 'retired' }).where(eq(knowledgeRecords.slug, 'counselling'));
  for (const username of ['mentor', 'redaktor', 'fri-kurator']) {
    const { headers } = await signIn(app, username);
    const res = await app.inject({ method: 'GET', url: '/api/knowledge/methods', headers });
    assert.equal(res.statusCode, 200, username);
    const items = (res.json() as { items: { id: string; slug: string; nameSv: string }[] }).items;
    assert.ok(
      items.some((m) => m.slug === 'check-and-connect' && /^[0-9a-f-]{36}$/.test(m.id)),
      username,
    );
    assert.ok(!items.some((m) => m.slug === 'counselling'), 'a retired method is not offered');
    assert.deepEqual(Object.keys(items[0] ?? {}).sort(), ['id', 'nameEn', 'nameSv', 'slug']);
  }
  const { headers } = await signIn(app, 'mentor');
  const unknown = await app.inject({ method: 'GET', url: '/api/knowledge/methods?kind=example', headers });
  assert.equal(unknown.statusCode, 400, 'the list takes no parameters');
  assert.deepEqual(
    unknown.json().fields.map((f: { field: string }) => f.field),
    ['kind'],
  );
  assert.match(unknown.json().error, /Fältet finns inte i formuläret/);
});

test("the submit form's municipalities: signed in only, all 290 by name in Swedish order, with the SCB codes the form sends", async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/knowledge/municipalities' })).statusCode, 401);
  const { headers } = await signIn(app, 'mentor');
  const res = await app.inject({ method: 'GET', url: '/api/knowledge/municipalities', headers });
  assert.equal(res.statusCode, 200);
  const items = (res.json() as { items: { code: string; name: string }[] }).items;
  assert.equal(items.length, 290);
  assert.deepEqual(
    items.find((m) => m.name === 'Skövde'),
    { code: '1496', name: 'Skövde' },
  );
  const names = items.map((m) => m.name);
  assert.deepEqual(
    names,
    [...names].sort((a, b) => a.localeCompare(b, 'sv')),
  );
  assert.equal(names.at(-1), 'Övertorneå', 'å, ä and ö come last');
  assert.equal((await app.inject({ method: 'GET', url: '/api/knowledge/municipalities?q=sk', headers })).statusCode, 400);
});
