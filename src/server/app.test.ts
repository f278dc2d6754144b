import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import { buildApp } from './app.ts';

test('GET /api/health answers with the engine and aggregate counts only', async () => {
  const database = await createTestDatabase();
  const app = await buildApp({ database, config: { logLevel: 'silent' } });
  const res = await app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), {
    status: 'ok',
    database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    organisers: 0,
    schoolUnits: 0,
    students: 0,
  });
  await app.close();
});
