import assert from 'node:assert/strict';
import { test } from 'node:test';
import { poolSize } from './client.ts';

test('the PostgreSQL pool is sized 2 × cores + 1, at least 4, unless FULLFOLJ_DB_POOL says otherwise', () => {
  assert.equal(poolSize({}, 2), 5);
  assert.equal(poolSize({}, 1), 4);
  assert.equal(poolSize({}, 16), 33);
  assert.equal(poolSize({ FULLFOLJ_DB_POOL: '12' }, 2), 12);
  assert.equal(poolSize({ FULLFOLJ_DB_POOL: 'many' }, 2), 5);
  assert.equal(poolSize({ FULLFOLJ_DB_POOL: '0' }, 2), 5);
});
