/** What the importer reads from: files, a live SS 12000 API or memory, through one interface. */
import type { Endpoint } from './documents.ts';

/** One page of documents: committed in one transaction. */
export interface SourcePage {
  documents: unknown[];
  /** Where to resume after this page (opaque to the importer, stored in the run's checkpoint). */
  position: string;
  /** The location of document `index` of this page, for error reports: file + index or page + index. */
  locate(index: number): string;
  /** Set when the page as a whole could not be read (e.g. a file that is not JSON): reported, nothing written. */
  unreadable?: { location: string; reason: string };
}

export interface PageOptions {
  /** Only documents modified after this time (live API incremental runs; other sources may ignore it). */
  modifiedAfter?: string;
  /** Preferred documents per page (the API's `limit`; files and memory split larger pages). */
  pageSize?: number;
}

/** Ids removed at the source, per endpoint (SS 12000 deletedEntities). */
export type DeletedIds = Partial<Record<Endpoint, string[]>>;

export interface Ss12000Source {
  /** Identifies the source in import_runs.source, e.g. `files:/data/x` or `api:https://host/v2`; never a token. */
  describe(): string;
  /** True when `modifiedAfter` is honoured, so that runs after the first may be incremental. */
  readonly incremental?: boolean;
  /** The pages of `endpoint` after `resumeFrom` (a position from an earlier page), in order. */
  pages(endpoint: Endpoint, resumeFrom?: string, options?: PageOptions): AsyncIterable<SourcePage>;
  /** Ids deleted at the source (after `after`, when given). */
  deleted?(after?: string): Promise<DeletedIds>;
}

/** The endpoints a DeletedEntities document may list and the endpoint they delete from. */
export const deletedEntityKeys: Record<string, Endpoint> = {
  organisations: 'organisations',
  programmes: 'programmes',
  syllabuses: 'syllabuses',
  persons: 'persons',
  groups: 'groups',
  duties: 'duties',
  activities: 'activities',
  activitites: 'activities',
  calendarEvents: 'calendarEvents',
  attendances: 'attendances',
  grades: 'grades',
  certificates: 'certificates',
};

/** Merges a DeletedEntities `data` object into `into`, keeping only endpoints Fullfölj stores. */
export function collectDeleted(into: DeletedIds, data: Record<string, unknown>): DeletedIds {
  for (const [key, ids] of Object.entries(data)) {
    const endpoint = deletedEntityKeys[key];
    if (!endpoint || !Array.isArray(ids)) continue;
    (into[endpoint] ??= []).push(...ids.map(String));
  }
  return into;
}
