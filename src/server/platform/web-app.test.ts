import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.ts';
import { isPermission } from '../../shared/access/permissions.ts';
import { buildApp } from '../app.ts';
import { precompressFiles } from '../../cli/web-precompress.ts';

const webRoot = mkdtempSync(join(tmpdir(), 'fullfolj-web-'));
after(() => rmSync(webRoot, { recursive: true, force: true }));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Fullfölj</title>');
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'assets', 'main-abc123.js'), 'console.log(1)');
// A hashed asset as the build leaves it: the file and its precompressed copies beside it (src/cli/web-precompress.ts).
const bigAsset = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `ord${i}`))};\n`;
writeFileSync(join(webRoot, 'assets', 'big-def456.js'), bigAsset);
await precompressFiles(join(webRoot, 'assets'), ['big-def456.js', 'main-abc123.js']);
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

test('a hashed asset is sent precompressed as br or gzip by Accept-Encoding, as it is otherwise; always Vary and immutable', async () => {
  assert.ok(existsSync(join(webRoot, 'assets', 'big-def456.js.br')), 'the build step wrote the .br copy');
  assert.ok(!existsSync(join(webRoot, 'assets', 'main-abc123.js.br')), 'files under 1 KB are not precompressed');
  const cases = [
    { acceptEncoding: 'gzip, deflate, br', encoding: 'br', decode: brotliDecompressSync },
    { acceptEncoding: 'gzip', encoding: 'gzip', decode: gunzipSync },
    { acceptEncoding: 'br;q=0.5, gzip;q=1', encoding: 'gzip', decode: gunzipSync },
    { acceptEncoding: 'identity', encoding: undefined, decode: (b: Buffer) => b },
    { acceptEncoding: undefined, encoding: undefined, decode: (b: Buffer) => b },
  ];
  for (const { acceptEncoding, encoding, decode } of cases) {
    const res = await app.inject({ url: '/assets/big-def456.js', headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
    assert.equal(res.statusCode, 200, acceptEncoding);
    assert.equal(res.headers['content-encoding'], encoding, acceptEncoding);
    assert.match(String(res.headers['content-type']), /javascript/, acceptEncoding);
    assert.match(String(res.headers.vary), /accept-encoding/i, acceptEncoding);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', acceptEncoding);
    assert.equal(decode(res.rawPayload).toString('utf8'), bigAsset, acceptEncoding);
    if (encoding) assert.ok(res.rawPayload.length < bigAsset.length / 2, `${encoding} is smaller`);
  }
  const small = await app.inject({ url: '/assets/main-abc123.js', headers: { 'accept-encoding': 'br' } });
  assert.equal(small.body, 'console.log(1)', 'a file under the threshold is sent as it is');
  assert.equal(small.headers['content-encoding'], undefined);
});

test('JSON from the API is compressed when asked (br or gzip, Vary) and a no-store stays no-store', async () => {
  // The OpenAPI document is public JSON well over the 1 KB threshold.
  const url = '/api/public/openapi.json';
  const plain = await app.inject({ url });
  assert.equal(plain.statusCode, 200);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.ok(plain.body.length > 1024);
  for (const [acceptEncoding, encoding, decode] of [
    ['br, gzip', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
  ] as const) {
    const res = await app.inject({ url, headers: { 'accept-encoding': acceptEncoding } });
    assert.equal(res.headers['content-encoding'], encoding);
    assert.match(String(res.headers.vary), /accept-encoding/i);
    assert.match(String(res.headers['content-type']), /application\/json/);
    assert.deepEqual(JSON.parse(decode(res.rawPayload).toString('utf8')), plain.json());
  }
  // A refusal on a personal-data route carries no-store; compressing never changes it.
  const refused = await app.inject({ url: '/api/students', headers: { 'accept-encoding': 'br' } });
  assert.equal(refused.statusCode, 401);
  assert.equal(refused.headers['cache-control'], 'no-store');
});
