/**
 * Scoped reads answered from memory while their organiser's data is unchanged. A read's rows are kept beside the
 * organiser's data version (db/schema/data-versions.ts) read BEFORE its statement ran, so what is kept is at least as
 * new as its stamp. A later request serves them only if the stamp is still the current one, checked in the same
 * statement that writes its access-log row: any commit that changed the organiser's watched tables since, from this
 * process or any other, renewed the stamp, and the read runs again. Every answer, kept or not, is logged with exactly
 * the persons it shows. What a read may depend on is the key's (the actor's assignments, the day, the query) and the
 * watched tables'; nothing else (docs/scaling.md, *Reads answered from memory*).
 */
import type { DbOrTx } from '../db/client.ts';
import { dataVersionOf } from '../db/data-versions.ts';
import { logAccessIfUnchanged, type AccessEntry } from './access-log.ts';
import type { RequestContext } from './context.ts';

interface Kept<T> {
  stamp: string | null;
  rows: T[];
}

/** At most this many rows are kept per cache (a page is 25 to 100 rows): a few megabytes of memory. */
export const keptRowsLimit = 20_000;

/** Rows of one kind of read, by key, least recently used first out. */
export class ReadCache<T> {
  private readonly kept = new Map<string, Kept<T>>();
  private rows = 0;

  constructor(private readonly limit = keptRowsLimit) {}

  get(key: string): Kept<T> | undefined {
    const hit = this.kept.get(key);
    if (hit) {
      this.kept.delete(key);
      this.kept.set(key, hit);
    }
    return hit;
  }

  set(key: string, stamp: string | null, rows: T[]): void {
    this.delete(key);
    if (rows.length > this.limit) return;
    this.kept.set(key, { stamp, rows });
    this.rows += rows.length;
    for (const [oldest] of this.kept) {
      if (this.rows <= this.limit) break;
      this.delete(oldest);
    }
  }

  get size(): number {
    return this.kept.size;
  }

  private delete(key: string): void {
    const old = this.kept.get(key);
    if (!old) return;
    this.rows -= old.rows.length;
    this.kept.delete(key);
  }
}

// One cache per database and kind of read: tests run many databases in one process, and their organisers' ids and
// (null) stamps may coincide.
const caches = new WeakMap<object, Map<string, ReadCache<unknown>>>();

/** The cache of `kind` for `database`. */
function readCacheFor<T>(database: object, kind: string): ReadCache<T> {
  let byKind = caches.get(database);
  if (!byKind) caches.set(database, (byKind = new Map()));
  let cache = byKind.get(kind);
  if (!cache) byKind.set(kind, (cache = new ReadCache<unknown>()));
  return cache as ReadCache<T>;
}

/** A scoped page of persons (one row each, by `id`), read by `read`, which writes its own access-log row (`readLogged`). */
export interface ScopedRead<T extends { id: string }> {
  /** The request's database (`deps.database`): the cache is its own. */
  database: object;
  tenantId: string;
  /** The day the scope is taken on. */
  asOf: string;
  /** The validated query. */
  query: unknown;
  /** The access-log entry; its action also names the kind of read. */
  entry: Omit<AccessEntry, 'subjectIds' | 'tenantId'>;
  read: () => Promise<T[]>;
}

/**
 * The page's rows: kept ones while the organiser's stamp is unchanged, else read again (and kept). The key is all a
 * page depends on besides the watched tables: the organiser, the actor's role assignments as read on this request,
 * the day and the query. Only in a transaction that has changed none of the watched tables: a read that saw its own
 * uncommitted change would keep it under the stamp from before.
 */
export async function cachedRead<T extends { id: string }>(tx: DbOrTx, ctx: RequestContext, r: ScopedRead<T>): Promise<T[]> {
  const cache = readCacheFor<T>(r.database, r.entry.action);
  const key = JSON.stringify([r.tenantId, ctx.actor?.assignments ?? null, r.asOf, r.query]);
  const kept = cache.get(key);
  if (kept) {
    const entry = { ...r.entry, tenantId: r.tenantId, subjectIds: kept.rows.map((row) => row.id) };
    if (await logAccessIfUnchanged(tx, ctx, entry, kept.stamp)) return kept.rows;
  }
  const stamp = await dataVersionOf(tx, r.tenantId);
  const rows = await r.read();
  cache.set(key, stamp, rows);
  return rows;
}

const answers = new WeakMap<object, unknown>();
const keptAnswers = new WeakSet<object>();

/**
 * The answer built from a read's rows, built once per rows array: a kept page's rows are the same array each time, so
 * its answer is the same object too, and response-check.ts and routes.ts check and serialise it once (`isKeptAnswer`).
 * Only for an answer that depends on nothing but the rows and the read's key, and that nobody changes afterwards.
 */
export function answerFor<A extends object>(rows: object, build: () => A): A {
  if (answers.has(rows)) return answers.get(rows) as A;
  const answer = build();
  answers.set(rows, answer);
  keptAnswers.add(answer);
  return answer;
}

/** Whether `value` is an answer `answerFor` built (or one `markKeptAnswer` derived from it), never changed after. */
export function isKeptAnswer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && keptAnswers.has(value);
}

/** Marks what was derived from a kept answer (its checked form) as kept too. */
export function markKeptAnswer(value: object): void {
  keptAnswers.add(value);
}
