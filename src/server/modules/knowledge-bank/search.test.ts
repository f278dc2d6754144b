import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../../test/support/database.ts';
import type { Database } from '../../db/client.ts';
import { facetCounts, municipalityCounts, recordBySlug, searchRecords, type SearchFilter } from './search.ts';
import { hiddenSlugs, insertTestRecords, testSlugs } from './test-records.ts';

const database: Database = await createTestDatabase();
await insertTestRecords(database);
const page = { page: 1, pageSize: 50 } satisfies Pick<SearchFilter, 'page' | 'pageSize'>;
const slugs = async (filter: Partial<SearchFilter>) =>
  (await searchRecords(database.db, { ...page, ...filter })).items.map((i) => i.slug).sort();

test('without a query: every published record, by name, never a draft, rejected or retired one', async () => {
  const result = await searchRecords(database.db, page);
  assert.equal(result.total, 4);
  assert.deepEqual(
    result.items.map((i) => i.slug),
    [testSlugs.motivation, testSlugs.parents, testSlugs.reading, testSlugs.mentalHealth],
  );
  assert.ok(!('search' in (result.items[0] ?? {})), 'the tsvector is not part of the record');
});

test('Swedish stemming: "föräldrarna" finds "föräldrar", and the hidden records that also say it stay hidden', async () => {
  assert.deepEqual(await slugs({ q: 'föräldrarna' }), [testSlugs.motivation, testSlugs.parents].sort());
  assert.deepEqual(await slugs({ q: 'Föräldrar' }), [testSlugs.motivation, testSlugs.parents].sort());
  for (const q of ['hemligt', 'utkast', 'avvisat', 'avslutat']) assert.deepEqual(await slugs({ q }), [], q);
});

test('ranked: the record with the word in its name before the one with it in the summary only', async () => {
  const { items } = await searchRecords(database.db, { ...page, q: 'föräldrar' });
  assert.equal(items[0]?.slug, testSlugs.parents);
  assert.ok((items[0]?.rank ?? 0) > (items[1]?.rank ?? 0));
});

test('partial words and parts of compounds still find something; web-search syntax works', async () => {
  assert.deepEqual(await slugs({ q: 'psyk' }), [testSlugs.mentalHealth]);
  assert.deepEqual(await slugs({ q: 'läs' }), [testSlugs.reading]);
  assert.deepEqual(await slugs({ q: 'strategier' }), [testSlugs.reading]);
  assert.deepEqual(await slugs({ q: 'föräldrar -västervik' }), [testSlugs.parents]);
  assert.deepEqual(await slugs({ q: 'zzzxq' }), []);
  assert.deepEqual(await slugs({ q: "'; DROP TABLE knowledge_records; --" }), []);
  assert.deepEqual(await slugs({ q: '%' }), await slugs({}), 'a query without words is no query');
});

test('filters: kind, focus (any of), age (any of), level, municipality, evidence', async () => {
  assert.deepEqual(await slugs({ kind: 'method' }), [testSlugs.reading]);
  assert.deepEqual(await slugs({ focus: ['mental-health', 'reading-language'] }), [testSlugs.mentalHealth, testSlugs.reading].sort());
  assert.deepEqual(await slugs({ age: ['4-6'] }), [testSlugs.reading]);
  assert.deepEqual(await slugs({ level: 'indicated' }), [testSlugs.motivation]);
  assert.deepEqual(await slugs({ municipality: '0880' }), [testSlugs.motivation, testSlugs.parents].sort());
  assert.deepEqual(await slugs({ evidence: true }), [testSlugs.mentalHealth, testSlugs.reading].sort());
  assert.deepEqual(await slugs({ evidence: false }), [testSlugs.motivation, testSlugs.parents].sort());
  assert.deepEqual(await slugs({ kind: 'example', focus: ['parents'], municipality: '0883' }), [testSlugs.motivation]);
});

test('paging: the page, and the total of the whole selection (also past the end)', async () => {
  const first = await searchRecords(database.db, { page: 1, pageSize: 3 });
  const second = await searchRecords(database.db, { page: 2, pageSize: 3 });
  const past = await searchRecords(database.db, { page: 5, pageSize: 3 });
  assert.deepEqual([first.total, second.total, past.total], [4, 4, 4]);
  assert.deepEqual([first.items.length, second.items.length, past.items.length], [3, 1, 0]);
  assert.equal(new Set([...first.items, ...second.items].map((i) => i.slug)).size, 4);
});

test('facets: each counted with the other filters applied, hidden records never counted', async () => {
  const all = await facetCounts(database.db, {});
  assert.deepEqual(all.kind, { example: 3, method: 1 });
  assert.deepEqual(all.focus, { 'mental-health': 1, parents: 2, 'reading-language': 1, motivation: 1 });
  assert.deepEqual(all.age, { preschool: 0, 'f-3': 0, '4-6': 1, '7-9': 3, 'upper-secondary': 1 });
  assert.deepEqual(all.level, { universal: 2, targeted: 1, indicated: 1 });
  assert.deepEqual(all.municipality, { '0880': 2, '0883': 1, '0885': 1 });
  assert.deepEqual(all.evidence, { true: 2, false: 2 });

  const parents = (await searchRecords(database.db, { ...page, focus: ['parents'] })).facets;
  assert.deepEqual(parents.focus, all.focus, 'the focus facet ignores the focus filter itself');
  assert.deepEqual(parents.kind, { example: 2, method: 0 });
  assert.deepEqual(parents.level, { universal: 1, targeted: 0, indicated: 1 });
  assert.deepEqual(parents.municipality, { '0880': 2, '0883': 1 });

  const text = await facetCounts(database.db, { q: 'föräldrar', kind: 'method' });
  assert.deepEqual(text.kind, { example: 2, method: 0 }, 'the text query applies to every facet');
  assert.deepEqual(text.focus, { 'mental-health': 0, parents: 0, 'reading-language': 0, motivation: 0 });
});

test('municipality counts: published examples per municipality and focus area', async () => {
  assert.deepEqual(await municipalityCounts(database.db), [
    { code: '0880', total: 2, focus: { 'mental-health': 0, parents: 2, 'reading-language': 0, motivation: 1 } },
    { code: '0883', total: 1, focus: { 'mental-health': 0, parents: 1, 'reading-language': 0, motivation: 1 } },
    { code: '0885', total: 1, focus: { 'mental-health': 1, parents: 0, 'reading-language': 0, motivation: 0 } },
  ]);
  assert.deepEqual(await municipalityCounts(database.db, 'method'), []);
});

test('a record by slug: published only, with its published linked records', async () => {
  const record = await recordBySlug(database.db, testSlugs.parents);
  assert.equal(record?.nameSv, 'Föräldrar som resurs i Testby');
  assert.deepEqual(
    record?.linked.map((l) => l.slug),
    [testSlugs.reading],
  );
  const method = await recordBySlug(database.db, testSlugs.reading);
  assert.deepEqual(
    method?.linked.map((l) => l.slug),
    [testSlugs.parents],
    'the draft example that links to it is not shown',
  );
  for (const slug of [...hiddenSlugs, 'finns-inte']) assert.equal(await recordBySlug(database.db, slug), null, slug);
});
