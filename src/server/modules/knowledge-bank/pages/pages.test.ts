// The public pages through the server, without a browser: HTML without a session, every page route declared public
// and matched before the web app's catch-all, escaping, language choice, the framing rule of the embed, 404 pages, and
// the simplified municipality boundaries with their cache headers.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../test/support/database.ts';
import { updateRecord } from '../../../../../test/support/factories/index.ts';
import { queryRows } from '../../../db/client.ts';
import { buildApp } from '../../../app.ts';
import { insertTestRecords, testSlugs } from '../test-records.ts';
import { escapeHtml, html, trustedHtml } from '../../../platform/html.ts';
import { simplifyLine } from './geo.ts';
import { parseFilter } from './queries.ts';

const database = await createTestDatabase();
await insertTestRecords(database);
await updateRecord(database.db, { slug: testSlugs.motivation }, { nameSv: 'Framtidstro <img src=x onerror=alert(1)> i Västervik' });
// A minimal built web app with the map entry in its manifest, so the catch-all is registered as in production.
const webRoot = mkdtempSync(join(tmpdir(), 'kb-web-'));
mkdirSync(join(webRoot, '.vite'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(
  join(webRoot, '.vite', 'manifest.json'),
  JSON.stringify({ 'public-map/main.ts': { file: 'assets/public-map-x.js', css: ['assets/public-map-x.css'] } }),
);
const app = await buildApp({ database, config: { logLevel: 'silent' }, webRoot });
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

const pageUrls = [
  '/kunskapsbank',
  '/kunskapsbank/karta',
  '/kunskapsbank/kommun/:code',
  '/kunskapsbank/inbaddning',
  '/kunskapsbank/kommuner.geojson',
  '/kunskapsbank/:slug',
];

test('the template escapes every value unless it is trusted sanitiser output', () => {
  assert.equal(html`<p title="${'"x"'}">${'<b>&'}</p>`.value, '<p title="&quot;x&quot;">&lt;b&gt;&amp;</p>');
  assert.equal(html`${['<i>', html`<i>ok</i>`, null, false, 3]}`.value, '&lt;i&gt;<i>ok</i>3');
  assert.equal(html`${trustedHtml('<em>safe</em>')}`.value, '<em>safe</em>');
  assert.equal(escapeHtml(`'`), '&#39;');
});

test('Douglas–Peucker drops points nearer the line than the tolerance and keeps the far ones', () => {
  assert.deepEqual(
    simplifyLine(
      [
        [0, 0],
        [1, 0.001],
        [2, -0.002],
        [3, 0.001],
        [4, 0],
      ],
      0.01,
    ),
    [
      [0, 0],
      [4, 0],
    ],
  );
  assert.deepEqual(
    simplifyLine(
      [
        [0, 0],
        [1, 0.001],
        [2, 1],
        [3, 0.001],
        [4, 0],
      ],
      0.01,
    ),
    [
      [0, 0],
      [1, 0.001],
      [2, 1],
      [3, 0.001],
      [4, 0],
    ],
  );
});

test('every page is public, served as HTML without a session before the catch-all, with no access-log rows', async () => {
  for (const url of pageUrls) assert.equal(app.routeCatalog.find((r) => r.method === 'GET' && r.url === url)?.permission, 'public', url);
  for (const url of [
    '/kunskapsbank',
    '/kunskapsbank/karta',
    '/kunskapsbank/kommun/0880',
    '/kunskapsbank/inbaddning',
    `/kunskapsbank/${testSlugs.parents}`,
  ]) {
    const res = await get(url);
    assert.equal(res.statusCode, 200, url);
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/, url);
    assert.match(res.body, /^<!doctype html><html lang="sv">/, url);
    if (!url.includes('inbaddning'))
      assert.match(
        res.body,
        /<script type="module" src="\/assets\/public-map-x\.js"><\/script>/,
        `${url}: the map script from the manifest`,
      );
    assert.match(res.body, /<link rel="stylesheet" href="\/assets\/public-map-x\.css">/, url);
    assert.doesNotMatch(res.body, /<title>app<\/title>/, `${url}: not the web app's index.html`);
  }
  const [log] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM access_log`);
  assert.equal(log?.n, 0);
});

test('submitted text is escaped in the list, on the record page and in the map data', async () => {
  for (const url of ['/kunskapsbank', `/kunskapsbank/${testSlugs.motivation}`, '/kunskapsbank/inbaddning?kommun=0883']) {
    const { body } = await get(url);
    assert.doesNotMatch(body, /<img/, url);
    assert.match(body, /Framtidstro (&lt;img|\\u003cimg)/, url);
  }
  const record = await get(`/kunskapsbank/${testSlugs.parents}`);
  assert.match(
    record.body,
    /<strong>bjuder in<\/strong> till träffar\. &lt;script&gt;alert\(1\)&lt;\/script&gt;/,
    'Markdown rendered, raw HTML as text',
  );
});

test('the filter lives in the URL: unknown values are dropped, never a 400; exports and paging keep it', async () => {
  const res = await get('/kunskapsbank?q=f%C3%B6r%C3%A4ldrar&fokus=parents&fokus=nonsense&niva=x&kommun=0883&sida=-4');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<span data-kb-count>1<\/span>/);
  assert.match(res.body, /href="\/api\/public\/examples\.csv\?q=f%C3%B6r%C3%A4ldrar&amp;focus=parents&amp;municipality=0883"/);
  assert.match(res.body, /<input type="checkbox" id="fokus-parents" name="fokus" value="parents" checked>/);
  assert.match(res.body, /<option value="0883" selected>Västervik<\/option>/);
  assert.match(res.body, /<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/feed\.atom">/);
});

test('the page filter keeps only what the rules allow: page numbers in decimal digits, a search cut at 200 characters', async () => {
  for (const sida of ['0x10', '1e1', ' 3', '+3', '0', '10000', ['2', '3']]) assert.equal(parseFilter({ sida }).page, 1, String(sida));
  assert.equal(parseFilter({ sida: '3' }).page, 3);
  assert.equal(parseFilter({ sida: '9999' }).page, 9999);
  assert.equal(parseFilter({ q: 'å'.repeat(5000) }).q, 'å'.repeat(200));
  assert.equal(parseFilter({ q: '😀'.repeat(300) }).q, '😀'.repeat(200), 'cut between characters, never inside a surrogate pair');
  const long = await get(`/kunskapsbank?q=${'a'.repeat(5000)}&sida=0x10`);
  assert.equal(long.statusCode, 200, 'a hand-edited URL still gets the page');
});

test('Swedish first; English by ?lang=en or by Accept-Language preferring English', async () => {
  assert.match((await get('/kunskapsbank?lang=en')).body, /<html lang="en">[\s\S]*<h1>The knowledge bank<\/h1>/);
  assert.match((await get('/kunskapsbank', { 'accept-language': 'en-GB,en;q=0.9,sv;q=0.5' })).body, /<html lang="en">/);
  assert.match((await get('/kunskapsbank', { 'accept-language': 'sv-SE,en;q=0.5' })).body, /<html lang="sv">/);
  assert.match((await get('/kunskapsbank', { 'accept-language': 'de' })).body, /<html lang="sv">/);
  assert.match(
    (await get('/kunskapsbank?lang=en', { 'accept-language': 'sv' })).body,
    /href="\/kunskapsbank\/karta\?lang=en"/,
    'links keep English',
  );
});

test('only the embed may be framed by other sites', async () => {
  const embed = await get('/kunskapsbank/inbaddning?kommun=0880&fokus=parents');
  assert.match(String(embed.headers['content-security-policy']), /frame-ancestors \*/);
  assert.equal(embed.headers['x-frame-options'], undefined);
  assert.match(String(embed.headers['content-security-policy']), /default-src 'self'/, 'the rest of the policy stays');
  assert.doesNotMatch(embed.body, /<script/, 'the compact list needs no script');
  for (const url of ['/kunskapsbank', `/kunskapsbank/${testSlugs.parents}`, '/kunskapsbank/karta']) {
    const res = await get(url);
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'self'/, url);
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url);
  }
});

test('a tile server, when configured, is allowed for images on the map pages only', async () => {
  process.env.FULLFOLJ_MAP_TILE_URL = 'https://tiles.example.se/{z}/{x}/{y}.png';
  try {
    const res = await get('/kunskapsbank');
    assert.match(String(res.headers['content-security-policy']), /img-src 'self' data: https:\/\/tiles\.example\.se(;|$)/);
    assert.match(res.body, /data-tile-url="https:\/\/tiles\.example\.se\/\{z\}\/\{x\}\/\{y\}\.png"/);
  } finally {
    delete process.env.FULLFOLJ_MAP_TILE_URL;
  }
  assert.doesNotMatch(String((await get('/kunskapsbank')).headers['content-security-policy']), /tiles\.example/);
});

test('unpublished, unknown and malformed addresses answer an HTML 404 page', async () => {
  for (const url of [
    `/kunskapsbank/${testSlugs.draft}`,
    `/kunskapsbank/${testSlugs.rejected}`,
    '/kunskapsbank/finns-inte',
    '/kunskapsbank/kommun/9999',
    '/kunskapsbank/kommun/abc',
  ]) {
    const res = await get(url);
    assert.equal(res.statusCode, 404, url);
    assert.match(res.body, /<h1>Sidan finns inte<\/h1>/, url);
    assert.doesNotMatch(res.body, /Föräldrar hemligt utkast|Föräldrar avvisat förslag|Hemlig plats/, url);
  }
});

test('the region table counts published local examples per municipality and focus area', async () => {
  const { body } = await get('/kunskapsbank/karta?fokus=parents');
  const row = (name: string) => body.match(new RegExp(`>${name}</a></th>\\s*<td>(\\d+)</td>((?:<td>\\d+</td>){4})`));
  assert.deepEqual(
    row('Kalmar')?.slice(1),
    ['2', '<td>0</td><td>2</td><td>0</td><td>1</td>'],
    'the draft, rejected and retired records do not count',
  );
  assert.deepEqual(row('Västervik')?.slice(1), ['1', '<td>0</td><td>1</td><td>0</td><td>1</td>']);
  assert.deepEqual(row('Borgholm')?.slice(1), ['1', '<td>1</td><td>0</td><td>0</td><td>0</td>']);
  assert.match(body, /<option value="parents" selected>/);
  const data = JSON.parse(body.match(/<script type="application\/json" id="kb-map-data">(.*?)<\/script>/)?.[1] ?? '{}') as {
    counts: Record<string, number>;
  };
  assert.deepEqual(data.counts, { '0880': 2, '0883': 1, '0885': 0 }, 'the map is shaded by the chosen focus area');
});

test('the municipality boundaries: simplified GeoJSON, gzip when accepted, cached with an ETag', async () => {
  const plain = await get('/kunskapsbank/kommuner.geojson');
  assert.equal(plain.statusCode, 200);
  assert.match(String(plain.headers['content-type']), /^application\/geo\+json/);
  const shapes = JSON.parse(plain.body) as { features: { properties: { code: string; name: string }; geometry: { type: string } }[] };
  assert.equal(shapes.features.length, 290);
  assert.deepEqual(shapes.features.find((f) => f.properties.code === '0880')?.properties, { code: '0880', name: 'Kalmar' });
  assert.ok(plain.body.length < 350_000, `simplified: ${plain.body.length} bytes (818 kB shipped)`);
  const gz = await get('/kunskapsbank/kommuner.geojson', { 'accept-encoding': 'gzip, br' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), plain.body);
  const etag = String(plain.headers.etag);
  const again = await get('/kunskapsbank/kommuner.geojson', { 'if-none-match': etag });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
});
