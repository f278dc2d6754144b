/**
 * A live SS 12000 v2.1 API: `limit` + `pageToken` paging on each list endpoint, incremental
 * runs with `meta.modified.after`, and `/deletedEntities?after=…`. Certificates are a Fullfölj
 * extension and do not exist there. Paging is guarded: a page token the listing already gave, or
 * more pages than `maxPages`, stops the run with a clear error instead of fetching forever.
 */
import type { Endpoint } from './documents.ts';
import { parseDeletedEntities, parseEnvelope } from './envelope.ts';
import { Ss12000SourceError } from './failure.ts';
import { getText, Ss12000HttpError, type HttpOptions } from './http-client.ts';
import { collectDeleted, type DeletedIds, type PageOptions, type Ss12000Source, type SourcePage } from './source.ts';

export interface ApiSourceOptions extends HttpOptions {
  /** The API's base URL, e.g. https://ss12000.example.se/v2.1 */
  baseUrl: string;
  /**
   * Dates for the endpoints that require a period (/calendarEvents, /aggregatedAttendance);
   * default: the current school year, 1 July to 30 June.
   */
  period?: { from: string; to: string };
  /** Default page size (`limit`); default 1000. */
  limit?: number;
  /** Most pages one listing (an endpoint, or deletedEntities) may have; default 100,000. */
  maxPages?: number;
}

export const defaultMaxPages = 100_000;

/** The guards of one paged listing: no token twice, no more than `maxPages` pages. */
function pagingGuard(what: string, maxPages: number, startToken: string | null) {
  const seen = new Set<string>(startToken ? [startToken] : []);
  return (pagesSoFar: number, next: string | null) => {
    if (next !== null && seen.has(next)) {
      throw new Ss12000SourceError(
        `SS 12000-API:t gav samma sidmarkör (pageToken) två gånger för ${what}; sidorna skulle aldrig ta slut och importen stoppades (repeated page token)`,
      );
    }
    if (next !== null) seen.add(next);
    if (next !== null && pagesSoFar >= maxPages) {
      throw new Ss12000SourceError(
        `SS 12000-API:t hade fler än ${maxPages} sidor för ${what}; importen stoppades vid gränsen (too many pages; raise --max-pages if the source is that large)`,
      );
    }
  };
}

/** The current school year: 1 July to 30 June. */
export function currentSchoolYear(now = new Date()): { from: string; to: string } {
  const start = now.getUTCMonth() >= 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return { from: `${start}-07-01`, to: `${start + 1}-06-30` };
}

/** Endpoints that accept meta.modified.after (aggregatedAttendance does not: it is always fetched whole). */
const supportsModifiedAfter = (e: Endpoint) => e !== 'aggregatedAttendance';

/** Position `<pages done>:<next pageToken>`, or `<pages done>:end` after the last page. */
function parsePosition(position: string | undefined): { done: number; token: string | null | 'end' } {
  if (!position) return { done: 0, token: null };
  const i = position.indexOf(':');
  return { done: Number(position.slice(0, i)), token: position.slice(i + 1) };
}

export function apiSource(options: ApiSourceOptions): Ss12000Source {
  const base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  base.username = '';
  base.password = '';
  base.search = '';
  const period = options.period ?? currentSchoolYear();
  const http: HttpOptions = options;

  function firstUrl(endpoint: Endpoint, limit: number, modifiedAfter?: string): URL {
    const url = new URL(endpoint, base);
    url.searchParams.set('limit', String(limit));
    if (modifiedAfter && supportsModifiedAfter(endpoint)) url.searchParams.set('meta.modified.after', modifiedAfter);
    if (endpoint === 'calendarEvents') {
      url.searchParams.set('startTime.onOrAfter', `${period.from}T00:00:00Z`);
      url.searchParams.set('startTime.onOrBefore', `${period.to}T23:59:59Z`);
    }
    if (endpoint === 'aggregatedAttendance') {
      url.searchParams.set('startDate', period.from);
      url.searchParams.set('endDate', period.to);
    }
    return url;
  }

  return {
    describe: () => `api:${base.origin}${base.pathname.replace(/\/$/, '')}`,
    incremental: true,
    async *pages(endpoint: Endpoint, resumeFrom?: string, pageOptions?: PageOptions): AsyncIterable<SourcePage> {
      if (endpoint === 'certificates') return;
      const limit = pageOptions?.pageSize ?? options.limit ?? 1000;
      let { done, token } = parsePosition(resumeFrom);
      if (token === 'end') return;
      const guard = pagingGuard(`/${endpoint}`, options.maxPages ?? defaultMaxPages, token);
      for (;;) {
        // A pageToken cannot be combined with other filters, only with limit.
        const url = token
          ? new URL(`${endpoint}?limit=${limit}&pageToken=${encodeURIComponent(token)}`, base)
          : firstUrl(endpoint, limit, pageOptions?.modifiedAfter);
        let envelope;
        try {
          envelope = parseEnvelope(await getText(url, http));
        } catch (err) {
          if (err instanceof Ss12000HttpError) throw err;
          throw new Ss12000SourceError(`SS 12000-API:t svarade för /${endpoint} med en sida som ${(err as Error).message}`);
        }
        const page = done + 1;
        guard(page, envelope.pageToken);
        done = page;
        token = envelope.pageToken;
        yield {
          documents: envelope.data,
          position: `${page}:${token ?? 'end'}`,
          locate: (i) => `${endpoint} sida ${page}[${i}]`,
        };
        if (!token) return;
      }
    },
    async deleted(after?: string): Promise<DeletedIds> {
      const ids: DeletedIds = {};
      let token: string | null = null;
      let pages = 0;
      const guard = pagingGuard('/deletedEntities', options.maxPages ?? defaultMaxPages, null);
      do {
        const url = new URL('deletedEntities', base);
        url.searchParams.set('limit', String(options.limit ?? 1000));
        if (token) url.searchParams.set('pageToken', token);
        else if (after) url.searchParams.set('after', after);
        const envelope = parseDeletedEntities(await getText(url, http));
        guard(++pages, envelope.pageToken);
        collectDeleted(ids, envelope.data);
        token = envelope.pageToken;
      } while (token);
      return ids;
    },
  };
}
