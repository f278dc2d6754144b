import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import { isPermission } from '../shared/access/permissions.ts';
import { buildApp } from './app.ts';

test('every route registered in the app declares a known permission', async () => {
  const database = await createTestDatabase();
  const app = await buildApp({ database, config: { logLevel: 'silent' } });
  await app.ready();
  const routes = app.routeCatalog.filter((r) => r.method !== 'HEAD');
  assert.ok(routes.length >= 6, 'the app has its routes');
  const undeclared = routes.filter((r) => !r.permission || !isPermission(r.permission)).map((r) => `${r.method} ${r.url}`);
  assert.deepEqual(undeclared, []);
  // A route added without defineRoute has no permission, and the walk sees it.
  const bare = await buildApp({ database, config: { logLevel: 'silent' } });
  bare.get('/api/undeclared', async () => ({}));
  assert.ok(bare.routeCatalog.some((r) => r.url === '/api/undeclared' && r.permission === undefined));
  await app.close();
  await bare.close();
});
