/**
 * The public pages' reads: the module's one search (search.ts `searchRecords`, published records only, Swedish full
 * text, facets), the record with its links and the counts per municipality; and the pages' URL parameters (Swedish
 * names: q, typ, fokus, alder, niva, kommun, sida) to and from that filter.
 */
import { asc } from 'drizzle-orm';
import { decimalInteger } from '../../../../shared/input/index.ts';
import type { Tx } from '../../../db/client.ts';
import { ageGroups, focusAreas, preventionLevels, recordKinds } from '../../../db/schema/knowledge-bank.ts';
import { municipalities } from '../../../db/schema/reference.ts';
import {
  municipalityCounts,
  recordBySlug,
  searchRecords,
  type AgeGroup,
  type FocusArea,
  type PreventionLevel,
  type RecordKind,
  type SearchResult,
} from '../search.ts';

export type { FocusArea };

export interface PageFilter {
  q?: string;
  kind?: RecordKind;
  focus: FocusArea[];
  age: AgeGroup[];
  level?: PreventionLevel;
  municipality?: string;
  page: number;
}

export const pageSize = 20;

const pick = <T extends string>(allowed: readonly T[], value: unknown): T[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is T => allowed.includes(v as T));

/** The longest search text the pages use (a longer one is cut), and the last page number they accept. */
export const pageLimits = { q: 200, page: 9_999 } as const;
/** A page number in decimal digits (`sida=0x10` or `1e3` is not one: the first page is shown). */
const pageNumberParam = decimalInteger(1, pageLimits.page);

/**
 * The filter in a query string; unknown parameters and values are dropped (a page never answers 400 to a hand-edited
 * URL; the platform's guard still refuses control characters). The same rules as the public API's schema
 * (src/shared/knowledge-bank/public.ts), applied by dropping rather than refusing.
 */
export function parseFilter(query: Record<string, unknown>): PageFilter {
  // Cut by code points, so a pair of surrogates is never split.
  const text = typeof query.q === 'string' ? Array.from(query.q.trim()).slice(0, pageLimits.q).join('').trim() : '';
  const municipality = typeof query.kommun === 'string' && /^\d{4}$/.test(query.kommun) ? query.kommun : undefined;
  const parsedPage = pageNumberParam.safeParse(query.sida);
  const page = parsedPage.success ? parsedPage.data : 1;
  return {
    q: text || undefined,
    kind: pick(recordKinds, query.typ)[0],
    focus: [...new Set(pick(focusAreas, query.fokus))],
    age: [...new Set(pick(ageGroups, query.alder))],
    level: pick(preventionLevels, query.niva)[0],
    municipality,
    page,
  };
}

/** The filter as URL parameters (the page's own names), for links that keep the view. */
export function filterParams(filter: PageFilter): [string, string | undefined][] {
  return [
    ['q', filter.q],
    ['typ', filter.kind],
    ...filter.focus.map((f): [string, string] => ['fokus', f]),
    ...filter.age.map((a): [string, string] => ['alder', a]),
    ['niva', filter.level],
    ['kommun', filter.municipality],
  ];
}

/** The same filter in the public API's parameter names (K1's /api/public/examples.*). */
export function apiParams(filter: PageFilter): [string, string | undefined][] {
  return [
    ['q', filter.q],
    ['kind', filter.kind],
    ...filter.focus.map((f): [string, string] => ['focus', f]),
    ...filter.age.map((a): [string, string] => ['age', a]),
    ['level', filter.level],
    ['municipality', filter.municipality],
  ];
}

/** A page of published records matching the filter (best match first when searching, else by name), the total and facet counts. */
export function findRecords(tx: Tx, filter: PageFilter, size = pageSize): Promise<SearchResult> {
  return searchRecords(tx, { ...filter, pageSize: size });
}

export type RecordSummary = SearchResult['items'][number];

/** Every published record matching the filter (for the map: all of them, not one page; capped). */
export async function findMapPoints(tx: Tx, filter: PageFilter) {
  return (await searchRecords(tx, { ...filter, page: 1, pageSize: 2000 })).items;
}

/** A published record by slug, with its published linked records (an example's methods, a method's examples). */
export const findRecord = recordBySlug;

/** Sweden's municipalities by code (names for pages and the filter). */
export async function municipalityNames(tx: Tx): Promise<Map<string, string>> {
  const rows = await tx
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .orderBy(asc(municipalities.name));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Published local examples per municipality, in total and per focus area (an example in two municipalities counts in both). */
export const examplesPerMunicipality = (tx: Tx) => municipalityCounts(tx, 'example');
