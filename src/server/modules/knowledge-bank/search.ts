/**
 * The one query behind the knowledge bank's public list, map, exports and feed: published records only, Swedish
 * full text (`websearch_to_tsquery('swedish', q)`, ranked by `ts_rank`) with a prefix and substring fallback so that a
 * partial word ("psyk") or a part of a compound ("läs" in "lässtrategier") still finds something; the facet filters;
 * paging; and facet counts (each facet counted with the other filters applied) in a second statement, which also gives
 * the total (every record has one kind). Never a query per record.
 */
import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { municipalities } from '../../db/schema/reference.ts';
import { ageGroups, focusAreas, knowledgeLinks, knowledgeRecords, preventionLevels, recordKinds } from '../../db/schema/knowledge-bank.ts';

export type RecordKind = (typeof recordKinds)[number];
export type FocusArea = (typeof focusAreas)[number];
export type AgeGroup = (typeof ageGroups)[number];
export type PreventionLevel = (typeof preventionLevels)[number];

/** A record as the public sees it (the generated search column left out). */
export type KnowledgeRecord = Omit<typeof knowledgeRecords.$inferSelect, 'search'>;

export interface SearchFilter {
  /** Free text, Swedish web-search syntax ("läsning -förskola", "\"check and connect\""). */
  q?: string | undefined;
  kind?: RecordKind | undefined;
  /** Any of these focus areas. */
  focus?: readonly FocusArea[] | undefined;
  /** Any of these age groups. */
  age?: readonly AgeGroup[] | undefined;
  /** Prevention level. */
  level?: PreventionLevel | undefined;
  /** SCB municipality code (four digits): records naming it. */
  municipality?: string | undefined;
  /** true: records with an evidence rating; false: without one. */
  evidence?: boolean | undefined;
  /** Only published records are ever searched; the field exists to say so. */
  status?: 'published';
  /** Order: by rank with q, else by name (the default); 'newest': most recently published first (the feed). */
  sort?: 'relevance' | 'newest' | undefined;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface SearchHit extends KnowledgeRecord {
  /** ts_rank against the query (0 without q). */
  rank: number;
}

export interface Facets {
  kind: Record<RecordKind, number>;
  focus: Record<FocusArea, number>;
  age: Record<AgeGroup, number>;
  level: Record<PreventionLevel, number>;
  /** Per SCB code named by a matching record (codes with none are absent). */
  municipality: Record<string, number>;
  evidence: { true: number; false: number };
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  facets: Facets;
}

const r = knowledgeRecords;
const { search: _search, ...recordColumns } = getTableColumns(knowledgeRecords);

/** The words of a text (letters and digits only: safe inside a tsquery and a LIKE pattern). */
function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** The query's wanted words, and those excluded with a leading minus ("-förskola"). */
function queryWords(q: string): { wanted: string[]; excluded: string[] } {
  const excluded = [...q.matchAll(/(?:^|\s)-([\p{L}\p{N}]+)/gu)].map((m) => (m[1] ?? '').toLowerCase());
  const wanted = wordsOf(q.replace(/(?:^|\s)-[\p{L}\p{N}]+/gu, ' ')).filter((w) => w !== 'or');
  return { wanted, excluded };
}

/** The text condition, and the rank expression, of `q` (null without words). */
function textMatch(q: string | undefined): { where: SQL; rank: SQL } | null {
  const text = q?.trim() ?? '';
  const { wanted, excluded } = queryWords(text);
  if (!wanted.length) return null;
  const web = sql`websearch_to_tsquery('swedish', ${text})`;
  // Prefixes against the stemmed lexemes ('simple': the typed prefix is not stemmed again): "psyk" → psykisk.
  const prefix = sql`to_tsquery('simple', ${wanted.map((w) => `${w}:*`).join(' & ')})`;
  // Substrings of name, summary and organisation, every word somewhere: parts of Swedish compounds.
  const substrings = wanted.map(
    (w) =>
      sql`(coalesce(${r.nameSv}, '') || ' ' || coalesce(${r.summarySv}, '') || ' ' || coalesce(${r.organisation}, '')) ILIKE ${`%${w}%`}`,
  );
  // The fallbacks honour exclusions too ("föräldrar -västervik").
  const without = excluded.length ? sql` AND NOT (${r.search} @@ websearch_to_tsquery('swedish', ${excluded.join(' or ')}))` : sql``;
  return {
    where: sql`((${r.search} @@ ${web} OR ${r.search} @@ ${prefix} OR (${and(...substrings)}))${without})`,
    rank: sql<number>`(ts_rank(${r.search}, ${web}) + 0.1 * ts_rank(${r.search}, ${prefix}))::float8`,
  };
}

type FacetName = 'kind' | 'focus' | 'age' | 'level' | 'municipality' | 'evidence';

/** One condition per facet filter that is set. */
function facetConditions(f: SearchFilter): Partial<Record<FacetName, SQL>> {
  const c: Partial<Record<FacetName, SQL>> = {};
  if (f.kind) c.kind = eq(r.kind, f.kind);
  if (f.focus?.length) c.focus = sql`${r.focusAreas} && ${textArray(f.focus)}`;
  if (f.age?.length) c.age = sql`${r.ageGroups} && ${textArray(f.age)}`;
  if (f.level) c.level = eq(r.preventionLevel, f.level);
  if (f.municipality) c.municipality = sql`${f.municipality}::char(4) = ANY(${r.municipalityCodes})`;
  if (f.evidence !== undefined) c.evidence = f.evidence ? hasEvidence : sql`NOT ${hasEvidence}`;
  return c;
}

/** `ARRAY[$1, $2]::text[]`: one parameter per value, the same on PGlite and node-postgres. */
function textArray(values: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

const hasEvidence = sql`(${r.evidence} IS NOT NULL AND jsonb_typeof(${r.evidence}) = 'object')`;
const published = eq(r.status, 'published');

/** Published records matching the filter, newest first ('newest'), ranked (with q) or by name, one page, the total, and the facet counts. */
export async function searchRecords(db: DbOrTx, filter: SearchFilter): Promise<SearchResult> {
  const text = textMatch(filter.q);
  const conditions = Object.values(facetConditions(filter));
  const rank = text?.rank ?? sql<number>`0::float8`;
  // One statement after the other: `db` may be a transaction, one connection, which runs one statement at a time.
  const items = await db
    .select({ ...recordColumns, rank: sql<number>`${rank}`.mapWith(Number) })
    .from(r)
    .where(and(published, text?.where, ...conditions))
    .orderBy(
      ...(filter.sort === 'newest' ? [sql`${r.publishedAt} DESC NULLS LAST`] : []),
      ...(text ? [desc(rank)] : []),
      asc(r.nameSv),
      asc(r.slug),
    )
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const facets = await facetCounts(db, filter);
  // The kind facet counts every match once, under the other filters; with a kind filter, that kind's count is the total.
  const total = filter.kind ? facets.kind[filter.kind] : Object.values(facets.kind).reduce((a, b) => a + b, 0);
  return { items, total, page: filter.page, pageSize: filter.pageSize, facets };
}

/**
 * Facet counts for the filter: each facet's values counted over the published records that match q and every other
 * facet filter (so choosing "parents" still shows how many "mental-health" records there are). One statement.
 */
export async function facetCounts(db: DbOrTx, filter: Omit<SearchFilter, 'page' | 'pageSize'>): Promise<Facets> {
  const text = textMatch(filter.q);
  const c = facetConditions({ ...filter, page: 1, pageSize: 1 });
  const flag = (name: FacetName) => sql.raw(`m_${name}`);
  const names: FacetName[] = ['kind', 'focus', 'age', 'level', 'municipality', 'evidence'];
  const flags = sql.join(
    names.map((n) => sql`${c[n] ?? sql`true`} AS ${flag(n)}`),
    sql`, `,
  );
  const others = (name: FacetName) =>
    sql.join(
      names
        .filter((n) => n !== name)
        .map((n) => sql`${flag(n)}`)
        .concat(sql`true`),
      sql` AND `,
    );
  const rows = await queryRows<{ facet: FacetName; value: string | null; n: number | string }>(
    db,
    sql`
    WITH base AS (
      SELECT kind, focus_areas, age_groups, prevention_level, municipality_codes, ${hasEvidence} AS has_evidence, ${flags}
      FROM ${r} WHERE ${published}${text ? sql` AND ${text.where}` : sql``}
    )
    SELECT 'kind' AS facet, kind AS value, count(*) AS n FROM base WHERE ${others('kind')} GROUP BY kind
    UNION ALL SELECT 'focus', v, count(*) FROM base, unnest(focus_areas) AS v WHERE ${others('focus')} GROUP BY v
    UNION ALL SELECT 'age', v, count(*) FROM base, unnest(age_groups) AS v WHERE ${others('age')} GROUP BY v
    UNION ALL SELECT 'level', prevention_level, count(*) FROM base WHERE ${others('level')} AND prevention_level IS NOT NULL GROUP BY prevention_level
    UNION ALL SELECT 'municipality', trim(v), count(*) FROM base, unnest(municipality_codes) AS v WHERE ${others('municipality')} GROUP BY trim(v)
    UNION ALL SELECT 'evidence', has_evidence::text, count(*) FROM base WHERE ${others('evidence')} GROUP BY has_evidence`,
  );
  const facets: Facets = {
    kind: zeros(recordKinds),
    focus: zeros(focusAreas),
    age: zeros(ageGroups),
    level: zeros(preventionLevels),
    municipality: {},
    evidence: { true: 0, false: 0 },
  };
  for (const row of rows) {
    if (row.value === null) continue;
    const bucket = facets[row.facet] as Record<string, number>;
    if (row.facet !== 'municipality' && !(row.value in bucket)) continue;
    bucket[row.value] = Number(row.n);
  }
  return facets;
}

function zeros<T extends string>(values: readonly T[]): Record<T, number> {
  return Object.fromEntries(values.map((v) => [v, 0])) as Record<T, number>;
}

export interface MunicipalityCount {
  /** SCB code. */
  code: string;
  /** Published records naming the municipality. */
  total: number;
  /** Of those, per focus area (a record with several areas counts in each). */
  focus: Record<FocusArea, number>;
}

/** Published records per municipality and focus area, for the region overview's shaded map (examples by default). */
export async function municipalityCounts(db: DbOrTx, kind: RecordKind | 'all' = 'example'): Promise<MunicipalityCount[]> {
  const perFocus = sql.join(
    focusAreas.map((f) => sql`count(*) FILTER (WHERE ${f} = ANY(focus_areas)) AS ${sql.identifier(f)}`),
    sql`, `,
  );
  const rows = await queryRows<Record<string, number | string>>(
    db,
    sql`
    SELECT trim(code) AS code, count(*) AS total, ${perFocus}
    FROM ${r}, unnest(municipality_codes) AS code
    WHERE ${published}${kind === 'all' ? sql`` : sql` AND ${eq(r.kind, kind)}`}
    GROUP BY trim(code) ORDER BY 1`,
  );
  return rows.map((row) => ({
    code: String(row.code),
    total: Number(row.total),
    focus: Object.fromEntries(focusAreas.map((f) => [f, Number(row[f])])) as Record<FocusArea, number>,
  }));
}

export interface LinkedRecord {
  slug: string;
  kind: RecordKind;
  nameSv: string;
  nameEn: string;
  summarySv: string;
}

export interface RecordWithLinks extends KnowledgeRecord {
  /** Published records linked to it: an example's methods, or a method's examples. */
  linked: LinkedRecord[];
}

/** A published record by its slug, with its published linked records; null when absent or not published. */
export async function recordBySlug(db: DbOrTx, slug: string): Promise<RecordWithLinks | null> {
  const [record] = await db
    .select(recordColumns)
    .from(r)
    .where(and(published, eq(r.slug, slug)))
    .limit(1);
  if (!record) return null;
  const linkedIds = db
    .select({
      id: sql`CASE WHEN ${knowledgeLinks.exampleId} = ${record.id} THEN ${knowledgeLinks.methodId} ELSE ${knowledgeLinks.exampleId} END`,
    })
    .from(knowledgeLinks)
    .where(sql`${knowledgeLinks.exampleId} = ${record.id} OR ${knowledgeLinks.methodId} = ${record.id}`);
  const linked = await db
    .select({ slug: r.slug, kind: r.kind, nameSv: r.nameSv, nameEn: r.nameEn, summarySv: r.summarySv })
    .from(r)
    .where(and(published, inArray(r.id, linkedIds)))
    .orderBy(asc(r.nameSv));
  return { ...record, linked };
}

/** The names of SCB municipality codes (one query for a whole list). */
export async function municipalityNames(db: DbOrTx, codes: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(codes)];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(inArray(municipalities.code, wanted));
  return new Map(rows.map((row) => [row.code, row.name]));
}
