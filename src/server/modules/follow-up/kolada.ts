/**
 * A client for Kolada's API v3 (RKA; the figures are SCB's): `/v3/data/kpi/{ids}/municipality/{ids}/year/{years}`,
 * at most 25 ids of each kind per request, pages followed through `next_url` (some answers say `next_page`; both
 * are read, relative or absolute). Each request is bounded in time and retried after a timeout, a network error,
 * 429 or 5xx. An answer in another shape stops the fetch with a clear message; deleted rows, unknown key figures and
 * empty values are left out and counted.
 */
import { z } from 'zod';

export const koladaOrigin = 'https://api.kolada.se';
/** Kolada's limit on ids per list in one request. */
export const maxIdsPerRequest = 25;

export interface KoladaValue {
  kpi: string;
  municipality: string;
  period: number;
  gender: 'T' | 'K' | 'M';
  value: number | null;
  count: number | null;
}

export interface KoladaResult {
  values: KoladaValue[];
  /** What was left out, and years asked for that no value came back for. */
  skipped: { deleted: number; unknownKpi: number; noValue: number };
  missingYears: number[];
  requests: number;
}

export interface KoladaOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retries?: number;
  /** Backoff base; 0 in tests. */
  retryDelayMs?: number;
  maxPages?: number;
}

/** A Kolada failure, in Swedish (the CLI and the fetch record show it as is). */
export class KoladaError extends Error {}

const answer = z.object({
  values: z.array(
    z.object({
      kpi: z.string(),
      municipality: z.string(),
      period: z.number().int(),
      values: z.array(
        z.object({
          gender: z.string(),
          status: z.string().nullable().optional(),
          value: z.number().nullable(),
          count: z.number().nullable().optional(),
          isdeleted: z.boolean().optional(),
        }),
      ),
    }),
  ),
  next_url: z.string().nullable().optional(),
  next_page: z.string().nullable().optional(),
});

const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** Fetches the key figures for the municipalities ('0000' is Riket) and years. */
export async function fetchKolada(
  kpis: readonly string[],
  municipalities: readonly string[],
  years: readonly number[],
  options: KoladaOptions = {},
): Promise<KoladaResult> {
  const base = (options.baseUrl ?? koladaOrigin).replace(/\/$/, '');
  const wanted = new Set(kpis);
  const result: KoladaResult = { values: [], skipped: { deleted: 0, unknownKpi: 0, noValue: 0 }, missingYears: [], requests: 0 };
  for (const kpiChunk of chunks(kpis, maxIdsPerRequest)) {
    for (const muniChunk of chunks(municipalities, maxIdsPerRequest)) {
      let url: string | null =
        `${base}/v3/data/kpi/${kpiChunk.map(encodeURIComponent).join(',')}` +
        `/municipality/${muniChunk.map(encodeURIComponent).join(',')}/year/${years.join(',')}`;
      const seen = new Set<string>();
      while (url) {
        if (seen.has(url)) throw new KoladaError(`Kolada gav samma nästa sida två gånger (${new URL(url).pathname}).`);
        if (seen.size >= (options.maxPages ?? 1000)) throw new KoladaError('Kolada gav fler sidor än gränsen.');
        seen.add(url);
        const body = await getJson(url, options);
        result.requests++;
        const parsed = answer.safeParse(body);
        if (!parsed.success) throw new KoladaError('Kolada svarade i ett okänt format (fältet values saknas eller har ändrat form).');
        for (const row of parsed.data.values) {
          if (!wanted.has(row.kpi)) {
            result.skipped.unknownKpi += row.values.length;
            continue;
          }
          for (const v of row.values) {
            if (v.isdeleted) result.skipped.deleted++;
            else if (v.gender !== 'T' && v.gender !== 'K' && v.gender !== 'M') result.skipped.unknownKpi++;
            else if (v.value === null) result.skipped.noValue++;
            else
              result.values.push({
                kpi: row.kpi,
                municipality: row.municipality,
                period: row.period,
                gender: v.gender,
                value: v.value,
                count: v.count ?? null,
              });
          }
        }
        const next = parsed.data.next_url ?? parsed.data.next_page ?? null;
        url = next ? new URL(next, `${base}/`).toString() : null;
      }
    }
  }
  const got = new Set(result.values.map((v) => v.period));
  result.missingYears = years.filter((y) => !got.has(y));
  return result;
}

async function getJson(url: string, options: KoladaOptions): Promise<unknown> {
  const retries = options.retries ?? 3;
  const doFetch = options.fetch ?? fetch;
  let last = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, (options.retryDelayMs ?? 500) * 2 ** (attempt - 1)));
    try {
      const res = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000), headers: { accept: 'application/json' } });
      if (res.status === 429 || res.status >= 500) {
        last = `HTTP ${res.status}`;
        continue;
      }
      if (!res.ok) throw new KoladaError(`Kolada svarade HTTP ${res.status} för ${new URL(url).pathname}.`);
      try {
        return await res.json();
      } catch {
        throw new KoladaError('Kolada svarade inte med JSON.');
      }
    } catch (error) {
      if (error instanceof KoladaError) throw error;
      last =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError') ? 'tidsgränsen passerades' : 'nätverksfel';
    }
  }
  throw new KoladaError(`Kolada gick inte att nå (${last}) även efter ${retries + 1} försök.`);
}
