import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { updateRecord } from '../../../../test/support/factories/index.ts';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../app.ts';
import { csvHeader } from './exports.ts';
import { geoJsonAnswer, listAnswer, municipalitiesAnswer, recordAnswer, searchAnswer } from '../../../shared/knowledge-bank/public.ts';
import { hiddenSlugs, insertTestRecords, testSlugs } from './test-records.ts';

const database = await createTestDatabase();
const ids = await insertTestRecords(database);
// Content a spreadsheet would run as a formula, and XML's special characters, from the public.
await updateRecord(database.db, { slug: testSlugs.motivation }, { organisation: '=HYPERLINK("https://evil.example","klicka")' });
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: () => new Date('2026-11-30T08:00:00Z') });
const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { host: 'kunskap.example', ...headers } });

const publicUrls = [
  '/api/public/examples',
  '/api/public/examples.json',
  '/api/public/examples.csv',
  '/api/public/examples.geojson',
  '/api/public/records/:slug',
  '/api/public/municipalities',
  '/api/public/openapi.json',
  '/feed.atom',
];
const hiddenTexts = [...hiddenSlugs, 'hemligt', 'Hemlig plats', 'avvisat', 'Avvisad plats', 'avslutat'];

test('every public route is declared public, and answers without a session, a CSRF token or an access-log row', async () => {
  for (const url of publicUrls) {
    const entry = app.routeCatalog.find((r) => r.method === 'GET' && r.url === url);
    assert.equal(entry?.permission, 'public', url);
  }
  const concrete = publicUrls.map((u) => u.replace(':slug', testSlugs.parents));
  for (const url of concrete) assert.equal((await get(url)).statusCode, 200, url);
  // A stale session cookie is not a 401 here: the route is public.
  assert.equal((await get('/api/public/examples', { cookie: 'fullfolj_session=utgangen' })).statusCode, 200);
  const [log] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM access_log`);
  assert.equal(log?.n, 0, 'reference data: no access-log rows');
  assert.equal((await app.inject({ method: 'POST', url: '/api/public/examples', payload: {} })).statusCode, 404, 'read only');
});

test('the list: a page of presented records with total and facets; open data headers; nothing internal', async () => {
  const res = await get('/api/public/examples?pageSize=2&page=1');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['access-control-allow-origin'], '*');
  const body = searchAnswer.parse(res.json());
  assert.equal(body.total, 4);
  assert.equal(body.items.length, 2);
  assert.deepEqual(body.facets.kind, { example: 3, method: 1 });
  const item = res.json().items[0] as Record<string, unknown>;
  for (const key of ['id', 'submittedBy', 'status', 'version', 'search']) assert.ok(!(key in item), key);
  const motivation = body.items.find((i) => i.slug === testSlugs.motivation);
  assert.deepEqual(motivation?.municipalities, [
    { code: '0883', name: 'Västervik' },
    { code: '0880', name: 'Kalmar' },
  ]);
  assert.equal(motivation?.url, `http://kunskap.example/kunskapsbank/${testSlugs.motivation}`);
  assert.equal(motivation?.publishedAt, '2026-11-04T08:00:00.000Z');
});

test('facets in the querystring: repeated and comma-separated give the same view; q ranks Swedish words', async () => {
  const repeated = (await get('/api/public/examples?focus=mental-health&focus=reading-language')).json();
  const comma = (await get('/api/public/examples?focus=mental-health,reading-language')).json();
  assert.deepEqual(comma, repeated);
  assert.deepEqual(repeated.items.map((i: { slug: string }) => i.slug).sort(), [testSlugs.mentalHealth, testSlugs.reading].sort());
  const found = (await get(`/api/public/examples?q=${encodeURIComponent('föräldrarna')}&municipality=0883&evidence=false`)).json();
  assert.deepEqual(
    found.items.map((i: { slug: string }) => i.slug),
    [testSlugs.motivation],
  );
});

test('400 naming the parameter by its label, in Swedish or (Accept-Language) English, never echoing the value', async () => {
  const cases: [string, string, string][] = [
    ['/api/public/examples?focus=parents,astrologi', 'focus.1', 'Inriktning 2'],
    ['/api/public/examples?page=0', 'page', 'Sida'],
    ['/api/public/examples?pageSize=1000', 'pageSize', 'Poster per sida'],
    ['/api/public/examples?kind=blog', 'kind', 'Typ'],
    ['/api/public/examples?municipality=88', 'municipality', 'Kommun'],
    ['/api/public/examples?evidence=kanske', 'evidence', 'Evidensgradering'],
    ['/api/public/examples.csv?age=vuxen', 'age.0', 'Åldersgrupp 1'],
    ['/feed.atom?level=extrem', 'level', 'Preventionsnivå'],
    ['/api/public/municipalities?kind=blog', 'kind', 'Typ'],
    ['/api/public/records/DROP%20TABLE', 'slug', 'Post'],
    ['/api/public/examples?page=0x10', 'page', 'Sida'],
    ['/api/public/examples?pageSize=1e1', 'pageSize', 'Poster per sida'],
    ['/api/public/examples?page=%2B2', 'page', 'Sida'],
    [`/api/public/examples?q=${'a'.repeat(201)}`, 'q', 'Sök'],
    [`/api/public/examples.csv?q=${'a'.repeat(201)}`, 'q', 'Sök'],
    [`/api/public/examples?${Array.from({ length: 9 }, () => 'focus=parents').join('&')}`, 'focus', 'Inriktning'],
  ];
  for (const [url, field, label] of cases) {
    const res = await get(url);
    assert.equal(res.statusCode, 400, url);
    assert.deepEqual(
      res.json().fields.map((f: { field: string }) => f.field),
      [field],
      url,
    );
    assert.ok(res.json().error.startsWith(`${label}: `), `${url}: ${res.json().error}`);
    assert.doesNotMatch(res.json().error, /astrologi|blog|kanske|vuxen|extrem|DROP|0x10|Fältet/, url);
  }
  const english = await app.inject({ method: 'GET', url: '/api/public/examples?kind=blog', headers: { 'accept-language': 'en' } });
  assert.equal(english.json().error, 'Kind: has a value that is not one of the choices.');
  const unknown = await get('/api/public/examples?foo=1');
  assert.equal(unknown.statusCode, 400);
  assert.deepEqual(
    unknown.json().fields.map((f: { field: string }) => f.field),
    ['foo'],
  );
});

test('unpublished, rejected and retired records never appear in any public output', async () => {
  const urls = [
    '/api/public/examples?pageSize=100',
    '/api/public/examples?q=hemligt',
    '/api/public/examples.json',
    '/api/public/examples.csv',
    '/api/public/examples.geojson',
    '/feed.atom',
    '/api/public/municipalities?kind=all',
    `/api/public/records/${testSlugs.reading}`,
    `/api/public/records/${testSlugs.parents}`,
  ];
  for (const url of urls) {
    const res = await get(url);
    assert.equal(res.statusCode, 200, url);
    for (const text of hiddenTexts) assert.ok(!res.body.toLowerCase().includes(text.toLowerCase()), `${text} in ${res.body.slice(0, 200)}`);
    for (const slug of hiddenSlugs) assert.ok(!res.body.includes(ids[slug]!), `the id of ${slug}`);
  }
  for (const slug of hiddenSlugs) assert.equal((await get(`/api/public/records/${slug}`)).statusCode, 404, slug);
  assert.equal((await get('/api/public/records/finns-inte')).statusCode, 404);
});

test('a record: safe description HTML, its published links, sources and contact', async () => {
  const res = await get(`/api/public/records/${testSlugs.parents}`);
  const record = recordAnswer.parse(res.json());
  assert.match(record.description.html, /<strong>bjuder in<\/strong>/);
  assert.doesNotMatch(record.description.html, /<script/);
  assert.match(record.description.html, /&lt;script&gt;/);
  assert.deepEqual(
    record.linked.map((l) => l.slug),
    [testSlugs.reading],
    'the retired method is not linked',
  );
  assert.equal(record.linked[0]?.url, `http://kunskap.example/kunskapsbank/${testSlugs.reading}`);
});

test('JSON export: the whole filtered view, same records as the list', async () => {
  const body = listAnswer.parse((await get('/api/public/examples.json?kind=example')).json());
  assert.equal(body.total, 3);
  assert.deepEqual(body.items.map((i) => i.slug).sort(), [testSlugs.motivation, testSlugs.parents, testSlugs.mentalHealth].sort());
});

test('CSV export: BOM, semicolons, Swedish labels, parses back; formulas are neutralised', async () => {
  const res = await get('/api/public/examples.csv?focus=parents');
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
  assert.match(res.headers['content-disposition'] as string, /attachment; filename="kunskapsbank-2026-11-30\.csv"/);
  assert.ok(res.body.startsWith('\ufeff'), 'BOM for Excel');
  const rows = parseCsv(res.body, { bom: true, delimiter: ';' }) as string[][];
  assert.deepEqual(rows[0], csvHeader);
  const bySlug = new Map(rows.slice(1).map((r) => [r[0], r]));
  assert.deepEqual([...bySlug.keys()].sort(), [testSlugs.motivation, testSlugs.parents].sort());
  const parents = bySlug.get(testSlugs.parents)!;
  const col = (name: string) => csvHeader.indexOf(name);
  assert.equal(parents[col('namn')], 'Föräldrar som resurs i Testby');
  assert.equal(parents[col('sammanfattning')], 'Vårdnadshavare bjuds in till samtal om närvaro; föräldrar & skola möts varje månad.');
  assert.equal(parents[col('typ')], 'Lokalt exempel');
  assert.equal(parents[col('fokusområden')], 'Föräldrar som resurs');
  assert.equal(parents[col('kommuner')], 'Kalmar');
  assert.equal(parents[col('nivå')], 'Universell');
  assert.equal(bySlug.get(testSlugs.motivation)![col('organisation')], `'=HYPERLINK("https://evil.example","klicka")`);
});

test('GeoJSON export: a FeatureCollection with one Point per place, [lon, lat]', async () => {
  const res = await get('/api/public/examples.geojson');
  assert.match(res.headers['content-type'] as string, /^application\/geo\+json/);
  const collection = geoJsonAnswer.parse(JSON.parse(res.body));
  assert.equal(collection.features.length, 4, 'parents 1, mental health 2, reading 0, motivation 1');
  const parents = collection.features.find((f) => f.properties.slug === testSlugs.parents);
  assert.deepEqual(parents?.geometry.coordinates, [16.36, 56.66]);
  assert.deepEqual(parents?.properties, {
    slug: testSlugs.parents,
    name: 'Föräldrar som resurs i Testby',
    place: 'Testby skola',
    kind: 'example',
    focusAreas: ['parents'],
    url: `http://kunskap.example/kunskapsbank/${testSlugs.parents}`,
  });
  for (const f of collection.features) {
    const [lon, lat] = f.geometry.coordinates;
    assert.ok(lon > 10 && lon < 25 && lat > 55 && lat < 70, 'longitude first');
  }
});

test('Atom feed: well-formed Atom 1.0, newest first, escaped text parses back', async () => {
  const res = await get('/feed.atom');
  assert.match(res.headers['content-type'] as string, /^application\/atom\+xml/);
  assert.equal(XMLValidator.validate(res.body), true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['entry', 'link', 'category'].includes(name),
  }).parse(res.body);
  const feed = doc.feed;
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
  assert.equal(feed.id, 'http://kunskap.example/feed.atom');
  assert.equal(feed.author.name, 'Kunskapsbanken');
  assert.ok(feed.link.some((l: Record<string, string>) => l['@rel'] === 'self' && l['@href'] === 'http://kunskap.example/feed.atom'));
  assert.ok(!Number.isNaN(Date.parse(feed.updated)));
  const entries = feed.entry as Record<string, unknown>[];
  assert.deepEqual(
    entries.map((e) => e.title),
    ['Framtidstro i Västervik', 'Föräldrar som resurs i Testby', 'Psykisk hälsa på schemat', 'Lässtrategier i alla ämnen'],
  );
  for (const e of entries) {
    assert.match(String(e.id), /^urn:uuid:[0-9a-f-]{36}$/);
    assert.ok(!Number.isNaN(Date.parse(String(e.updated))) && !Number.isNaN(Date.parse(String(e.published))));
    assert.ok((e.link as Record<string, string>[])[0]?.['@href']?.startsWith('http://kunskap.example/kunskapsbank/'));
    assert.ok((e.author as { name: string }).name);
  }
  const parents = entries[1]!;
  assert.equal(parents.id, `urn:uuid:${ids[testSlugs.parents]}`);
  assert.equal(
    (parents.summary as Record<string, string>)['#text'],
    'Vårdnadshavare bjuds in till samtal om närvaro; föräldrar & skola möts varje månad.',
  );
  assert.match(res.body, /föräldrar &amp; skola/);
  assert.equal(
    (entries[0]!.author as { name: string }).name,
    '=HYPERLINK("https://evil.example","klicka")',
    'escaped and read back intact',
  );
  const filtered = new XMLParser({ isArray: (name) => name === 'entry' }).parse((await get('/feed.atom?kind=method')).body);
  assert.deepEqual(
    filtered.feed.entry.map((e: { title: string }) => e.title),
    ['Lässtrategier i alla ämnen'],
  );
});

test('municipalities: counts per municipality and focus area, with names', async () => {
  const body = municipalitiesAnswer.parse((await get('/api/public/municipalities')).json());
  assert.deepEqual(
    body.items.find((m) => m.code === '0880'),
    {
      code: '0880',
      name: 'Kalmar',
      total: 2,
      focus: { 'mental-health': 0, parents: 2, 'reading-language': 0, motivation: 1 },
    },
  );
  assert.deepEqual(
    body.items.map((m) => m.code),
    ['0880', '0883', '0885'],
  );
});

test('OpenAPI 3.1: generated from the schemas, every public route documented, facet params repeated (form, explode)', async () => {
  const doc = (await get('/api/public/openapi.json')).json();
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.servers[0].url, 'http://kunskap.example');
  const documented = Object.keys(doc.paths)
    .map((p) => p.replace(/\{(\w+)\}/g, ':$1'))
    .sort();
  assert.deepEqual(documented, [...publicUrls].sort());
  const params = doc.paths['/api/public/examples'].get.parameters as Record<string, unknown>[];
  const focus = params.find((p) => p.name === 'focus')!;
  assert.equal(focus.style, 'form');
  assert.equal(focus.explode, true);
  assert.deepEqual((focus.schema as { items: { enum: string[] } }).items.enum, [
    'mental-health',
    'parents',
    'reading-language',
    'motivation',
  ]);
  assert.deepEqual(
    params.map((p) => p.name),
    ['q', 'kind', 'focus', 'age', 'level', 'municipality', 'evidence', 'page', 'pageSize'],
  );
  assert.ok(params.every((p) => p.required === false));
  assert.equal(doc.paths['/api/public/records/{slug}'].get.parameters[0].required, true);
  assert.equal(doc.components.schemas.Record.properties.description.type, 'object');
  assert.ok(!JSON.stringify(doc).includes('"$schema"'));
});

test('rate limit: the exports answer 429 in Swedish past their limit per IP', async () => {
  const limited = await buildApp({ database, config: { logLevel: 'silent' } });
  let last = 0;
  for (let i = 0; i < 61; i += 1) last = (await limited.inject({ method: 'GET', url: '/feed.atom?kind=method' })).statusCode;
  assert.equal(last, 429);
  const res = await limited.inject({ method: 'GET', url: '/feed.atom' });
  assert.match(res.json().error, /För många försök/);
  assert.equal((await limited.inject({ method: 'GET', url: '/api/public/examples' })).statusCode, 200, 'each route has its own count');
  await limited.close();
});
