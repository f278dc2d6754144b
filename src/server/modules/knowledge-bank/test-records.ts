/**
 * Records for the knowledge bank's search and public-route tests: a handful of published examples and methods with
 * known facets, plus a draft, a rejected and a retired record that must never appear in any public output. Synthetic
 * content about fictional initiatives (the municipality codes are real SCB codes in Kalmar län).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { knowledgeLinks, knowledgeRecords } from '../../db/schema/knowledge-bank.ts';

type NewRecord = typeof knowledgeRecords.$inferInsert;

export const testSlugs = {
  parents: 'foraldrar-som-resurs-testby',
  mentalHealth: 'psykisk-halsa-pa-schemat',
  reading: 'lasstrategier-i-alla-amnen',
  motivation: 'framtidstro-och-motivation',
  draft: 'hemligt-utkast',
  rejected: 'avvisat-forslag',
  retired: 'avslutat-exempel',
} as const;

/** Slugs that must never be seen by the public. */
export const hiddenSlugs: readonly string[] = [testSlugs.draft, testSlugs.rejected, testSlugs.retired];

const base = { publishedAt: '2026-11-01T08:00:00Z', lastReviewedOn: '2026-11-01' } satisfies Partial<NewRecord>;

export const testRecords: NewRecord[] = [
  {
    ...base,
    kind: 'example',
    slug: testSlugs.parents,
    nameSv: 'Föräldrar som resurs i Testby',
    nameEn: 'Parents as a resource',
    summarySv: 'Vårdnadshavare bjuds in till samtal om närvaro; föräldrar & skola möts varje månad.',
    descriptionSv: 'Skolan **bjuder in** till träffar. <script>alert(1)</script>',
    municipalityCodes: ['0880'],
    places: [{ name: 'Testby skola', lat: 56.66, lon: 16.36 }],
    focusAreas: ['parents'],
    ageGroups: ['7-9'],
    preventionLevel: 'universal',
    organisation: 'Testby kommun',
    publishedAt: '2026-11-03T08:00:00Z',
  },
  {
    ...base,
    kind: 'example',
    slug: testSlugs.mentalHealth,
    nameSv: 'Psykisk hälsa på schemat',
    summarySv: 'Lektioner om stress och sömn i gymnasiet.',
    municipalityCodes: ['0885'],
    places: [
      { name: 'Öland gymnasium', lat: 56.87, lon: 16.65 },
      { name: 'Filial', lat: 56.9, lon: 16.7 },
    ],
    focusAreas: ['mental-health'],
    ageGroups: ['upper-secondary'],
    preventionLevel: 'targeted',
    evidence: { rating: 'Lokal utvärdering', source: 'Testby utvärdering 2025' },
    publishedAt: '2026-11-02T08:00:00Z',
  },
  {
    ...base,
    kind: 'method',
    slug: testSlugs.reading,
    nameSv: 'Lässtrategier i alla ämnen',
    summarySv: 'Explicit undervisning i läsförståelse.',
    focusAreas: ['reading-language'],
    ageGroups: ['4-6', '7-9'],
    preventionLevel: 'universal',
    evidence: { rating: 'Måttlig evidens', source: 'Systematisk översikt', url: 'https://example.org/oversikt', tier: 'Tier 2' },
  },
  {
    ...base,
    kind: 'example',
    slug: testSlugs.motivation,
    nameSv: 'Framtidstro i Västervik',
    summarySv: 'Mentorer och föräldrarna planerar studievägen tillsammans.',
    municipalityCodes: ['0883', '0880'],
    places: [{ name: 'Västerviks skola', lat: 57.76, lon: 16.64 }],
    focusAreas: ['motivation', 'parents'],
    ageGroups: ['7-9'],
    preventionLevel: 'indicated',
    publishedAt: '2026-11-04T08:00:00Z',
  },
  {
    ...base,
    kind: 'example',
    slug: testSlugs.draft,
    nameSv: 'Föräldrar hemligt utkast',
    summarySv: 'Föräldrarna utkast.',
    status: 'draft',
    publishedAt: null,
    municipalityCodes: ['0880'],
    places: [{ name: 'Hemlig plats', lat: 56.7, lon: 16.3 }],
    focusAreas: ['parents'],
    ageGroups: ['7-9'],
  },
  {
    ...base,
    kind: 'example',
    slug: testSlugs.rejected,
    nameSv: 'Föräldrar avvisat förslag',
    summarySv: 'Föräldrarna avvisat.',
    status: 'rejected',
    publishedAt: null,
    municipalityCodes: ['0880'],
    places: [{ name: 'Avvisad plats', lat: 56.7, lon: 16.3 }],
    focusAreas: ['parents'],
    ageGroups: ['7-9'],
  },
  {
    ...base,
    kind: 'method',
    slug: testSlugs.retired,
    nameSv: 'Föräldrar avslutat exempel',
    summarySv: 'Föräldrarna avslutat.',
    status: 'retired',
    municipalityCodes: ['0880'],
    focusAreas: ['parents'],
    ageGroups: ['7-9'],
  },
];

/**
 * Replaces the migration's seeded records with the test records (so counts are exact) and links the parents example to
 * the reading method and to the draft; returns the ids by slug.
 */
export async function insertTestRecords(database: Database): Promise<Record<string, string>> {
  await database.db.execute(sql`DELETE FROM knowledge_links`);
  await database.db.execute(sql`DELETE FROM knowledge_records`);
  const rows = await database.db
    .insert(knowledgeRecords)
    .values(testRecords)
    .returning({ id: knowledgeRecords.id, slug: knowledgeRecords.slug });
  const ids = Object.fromEntries(rows.map((row) => [row.slug, row.id]));
  await database.db.insert(knowledgeLinks).values([
    { exampleId: ids[testSlugs.parents]!, methodId: ids[testSlugs.reading]! },
    { exampleId: ids[testSlugs.draft]!, methodId: ids[testSlugs.reading]! },
    { exampleId: ids[testSlugs.parents]!, methodId: ids[testSlugs.retired]! },
  ]);
  return ids;
}
