import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.ts';
import { isPermission } from '../../shared/access/permissions.ts';
import { buildApp } from '../app.ts';

const webRoot = mkdtempSync(join(tmpdir(), 'fullfolj-web-'));
after(() => rmSync(webRoot, { recursive: true, force: true }));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Fullfölj</title>');
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'assets', 'main-abc123.js'), 'console.log(1)');
const database = await createTestDatabase();
const app = await buildApp({ database, config: { logLevel: 'silent' }, webRoot });
after(() => app.close());

test('the app is served: index.html for its paths, hashed assets cached for a year, index.html never cached', async () => {
  for (const url of ['/', '/elever', '/elever/d0000000-0000-4000-8000-000000000001?x=1']) {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 200, url);
    assert.match(res.body, /<title>Fullfölj<\/title>/, url);
    assert.equal(res.headers['cache-control'], 'no-cache', url);
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  }
  const asset = await app.inject({ url: '/assets/main-abc123.js' });
  assert.equal(asset.statusCode, 200);
  assert.equal(asset.body, 'console.log(1)');
  assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
});

test('unknown API paths answer JSON 404, the API still works, and no path escapes the web root', async () => {
  for (const url of ['/api/nope', '/api']) {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 404, url);
    assert.deepEqual(res.json(), { error: 'Hittades inte.' });
  }
  assert.equal((await app.inject({ url: '/api/health' })).json().status, 'ok');
  const escape = await app.inject({ url: '/..%2f..%2fetc%2fpasswd' });
  assert.ok(!escape.body.includes('root:'), 'no file outside the web root');
  assert.equal((await app.inject({ method: 'POST', url: '/elever' })).statusCode, 404);
});

test('the web routes, like every route, declare a permission', async () => {
  await app.ready();
  const undeclared = app.routeCatalog.filter((r) => r.method !== 'HEAD' && !(r.permission && isPermission(r.permission)));
  assert.deepEqual(undeclared, []);
});
