/**
 * The one way data comes in: imports one organiser's SS 12000 documents from a source.
 * Endpoints in dependency order; each page is validated and written in ONE transaction
 * together with the run's checkpoint (import-page.ts). An invalid document rejects only itself
 * and is reported; the run continues (so one import reports every problem at once) and ends
 * 'failed'. Every run ends 'completed' or 'failed': when the source, a guard or the database
 * stops it midway, it is closed as failed with a plain reason and the report says so (the call
 * resolves; it rejects only before a run exists, with a message free of values). The next run
 * of the same source resumes after its last committed page.
 */
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Db } from '../../server/db/client.ts';
import { analyzeAfterWrite } from '../../server/db/analyze.ts';
import { importOrder, type Endpoint } from './documents.ts';
import { applyDeletions } from './deletions.ts';
import { storesNoRows } from './bulk-upsert.ts';
import { failureReason, safeError } from './failure.ts';
import { EarlierPageFailed, validateJob, writeValidated } from './import-page.ts';
import type { KnownReferences } from './reference-checks.ts';
import { writers } from './write-page.ts';
import {
  RUN_ENTITY,
  createRun,
  emptyCounts,
  failRun,
  findRunToResume,
  finishRun,
  lastCompletedStart,
  loadErrors,
  saveProgress,
  type EndpointCounts,
  type RunState,
} from './import-runs.ts';
import { findOrganiser, loadMunicipalityCodes, upsertOrganiser, type Organiser } from './organiser.ts';
import type { Ss12000Source } from './source.ts';
import type { ImportError } from './validate-page.ts';

export interface ImportProgress {
  endpoint: Endpoint | 'deletedEntities';
  /** Pages of this endpoint handled in this process. */
  pages: number;
  counts: EndpointCounts;
}

export interface ImportOptions {
  /** Documents per page/transaction, passed to the source (the API's `limit`); default: the source's own. */
  batchSize?: number;
  /** Called after each committed page. */
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting stops after the current page: the run is closed as failed, the call rejects with the signal's reason, and the next run resumes. */
  signal?: AbortSignal;
  /** `ANALYZE` of the tables the run wrote, at its end (default true); a caller importing several organisers analyses once. */
  analyze?: boolean;
}

export interface ImportReport {
  runId: string;
  tenantId: string;
  organiserName: string;
  /** import_runs.source: what was read, never a token. */
  source: string;
  status: 'completed' | 'failed';
  /** True when this run continued an interrupted one (after its last committed page). */
  resumed: boolean;
  /** meta.modified.after of an incremental run; null for a full run. */
  modifiedAfter: string | null;
  /** Why the run stopped before its end (source, guard or database), plain and without values; null when it ran to the end. */
  failure: string | null;
  counts: Record<Endpoint, EndpointCounts>;
  /** Document errors and, when it stopped early, the run's own (entity `Importkörning`). */
  errors: ImportError[];
  durationMs: number;
}

/** Imports one organiser from `source` into `database`; see the module comment for the semantics. */
export async function importSs12000(database: Database, source: Ss12000Source, options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const { db } = database;
  // PostgreSQL runs in processes of its own: a second connection writes a page beside the one before, and a page
  // COPYed straight into its indexed table beats staging it. PGlite runs in this thread on one connection: a second
  // page only queues (7 % slower) and its direct COPY is 30 % slower at 300,000 rows (bench/README.md, 2026-12-05).
  const separateServer = database.kind === 'postgres';
  const describe = source.describe();
  let begun: { organiser: Organiser; municipalityCodes: Set<string>; run: RunState };
  try {
    begun = await beginRun(db, source, describe);
  } catch (err) {
    throw safeError(err); // no run exists yet: nothing to close
  }
  const { organiser, municipalityCodes, run } = begun;
  const tenantId = organiser.id;
  const countsOf = (e: Endpoint) => (run.counts[e] ??= emptyCounts());
  const report = (status: ImportReport['status'], errors: ImportError[], failure: string | null): ImportReport => ({
    runId: run.id,
    tenantId,
    organiserName: organiser.name,
    source: describe,
    status,
    resumed: run.resumed,
    modifiedAfter: run.modifiedAfter,
    failure,
    counts: Object.fromEntries(importOrder.map((e) => [e, countsOf(e)])) as Record<Endpoint, EndpointCounts>,
    errors,
    durationMs: Date.now() - started,
  });
  let where = describe;
  /** Referenced ids found in the database during this run, shared by its pages (reference-checks.ts). */
  const knownReferences: KnownReferences = new Map();

  try {
    for (const endpoint of importOrder) {
      if (run.checkpoint[endpoint]?.done) continue;
      where = endpoint;
      const resumeFrom = run.checkpoint[endpoint]?.position;
      const pageOptions = {
        ...(run.modifiedAfter ? { modifiedAfter: run.modifiedAfter } : {}),
        ...(options.batchSize ? { pageSize: options.batchSize } : {}),
      };
      let pages = 0;
      // An organiser's first import of this endpoint: its pages' keys need no look-up (import-page.ts).
      const noneStored = await storesNoRows(db, tenantId, writers[endpoint].upsert.table);
      // Pipelined: a page is read and validated (CPU, and reference look-ups on another connection) while the pages
      // before it are written; two pages' writes may run at once, on two connections, committing in order (the second
      // writes its own rows meanwhile and the rest once the first has committed: import-page.ts).
      let writing: Promise<void> | undefined;
      let older: Promise<void> | undefined;
      let writingKeys: ReadonlySet<string> | null = null;
      try {
        for await (const page of source.pages(endpoint, typeof resumeFrom === 'string' ? resumeFrom : undefined, pageOptions)) {
          options.signal?.throwIfAborted();
          const job = {
            db,
            endpoint,
            page,
            run,
            counts: countsOf(endpoint),
            pageContext: { tenantId, municipalityCodes, locate: page.locate, knownReferences },
            rowContext: { runStartedAt: run.startedAt },
            noneStored,
            lookUp: separateServer,
          };
          const validation = await validateJob(job);
          const { keys } = validation;
          await older;
          // Side by side only on a separate server, and never two pages that write a row of the same key: they would
          // wait for each other, one in the database and one here.
          if (!separateServer || !keys || !writingKeys || [...keys].some((k) => writingKeys?.has(k))) await writing;
          options.signal?.throwIfAborted();
          const write = writeValidated({ ...job, after: writing }, validation).then(() =>
            options.onProgress?.({ endpoint, pages: ++pages, counts: countsOf(endpoint) }),
          );
          // Awaited before a later write or below; until then its failure must not count as unhandled.
          write.catch(() => undefined);
          [older, writing, writingKeys] = [writing, write, keys];
        }
        await older;
        await writing;
      } catch (err) {
        // Never leave a page's write running behind the run's failure; the first write that failed gives the reason.
        const failures = await Promise.all(
          [older, writing].map((w) =>
            w?.then(
              () => undefined,
              (writeError: unknown) => writeError,
            ),
          ),
        );
        throw failures.find((f) => f !== undefined && !(f instanceof EarlierPageFailed)) ?? err;
      }
      run.checkpoint[endpoint] = { ...run.checkpoint[endpoint], done: true };
      await saveProgress(db, tenantId, run);
    }
    if (!run.checkpoint.deletedEntities?.done) {
      where = 'deletedEntities';
      options.signal?.throwIfAborted();
      await applySourceDeletions(db, tenantId, source, run, countsOf);
      options.onProgress?.({ endpoint: 'deletedEntities', pages: 1, counts: emptyCounts() });
    }
    const errors = await loadErrors(db, tenantId, run.id);
    const status = errors.length > 0 ? 'failed' : 'completed';
    await finishRun(db, tenantId, run, status);
    if (options.analyze !== false)
      await analyzeAfterWrite(db, writtenTables(importOrder.filter((e) => countsOf(e).upserted + countsOf(e).deleted > 0)));
    return report(status, errors, null);
  } catch (err) {
    const failure = options.signal?.aborted ? 'importen avbröts (aborted)' : failureReason(err);
    const stopped: ImportError = { entity: RUN_ENTITY, documentId: null, location: where, field: '$', reason: failure };
    // When even this fails the database is gone; the run stays 'running' and the next run closes it (import-runs.ts).
    const closed = await failRun(db, tenantId, run, failure, where).then(
      () => true,
      () => false,
    );
    if (options.signal?.aborted && err === options.signal.reason) throw err;
    const errors = closed ? await loadErrors(db, tenantId, run.id).catch(() => [stopped]) : [stopped];
    return report('failed', errors, failure);
  }
}

/** Finds the organiser, registers it, and starts the run (or continues an interrupted one). */
async function beginRun(db: Db, source: Ss12000Source, describe: string) {
  const municipalityCodes = await loadMunicipalityCodes(db);
  const organiser = await findOrganiser(source, municipalityCodes);
  await upsertOrganiser(db, organiser);
  const previous = await findRunToResume(db, organiser.id, describe);
  const modifiedAfter = !previous && source.incremental ? await lastCompletedStart(db, organiser.id, describe) : null;
  const run = await createRun(db, organiser.id, describe, modifiedAfter, previous);
  return { organiser, municipalityCodes, run };
}

/** The source's deletedEntities, applied in one transaction with the checkpoint. */
async function applySourceDeletions(
  db: Db,
  tenantId: string,
  source: Ss12000Source,
  run: RunState,
  countsOf: (e: Endpoint) => EndpointCounts,
): Promise<void> {
  const deleted = source.deleted ? await source.deleted(run.modifiedAfter ?? undefined) : {};
  const before = Object.fromEntries(importOrder.map((e) => [e, countsOf(e).deleted]));
  try {
    await db.transaction(async (tx) => {
      for (const [endpoint, n] of Object.entries(await applyDeletions(tx, tenantId, deleted)) as [Endpoint, number][]) {
        countsOf(endpoint).deleted += n;
      }
      run.checkpoint.deletedEntities = { done: true };
      await saveProgress(tx, tenantId, run);
    });
  } catch (err) {
    for (const e of importOrder) countsOf(e).deleted = before[e] ?? 0;
    delete run.checkpoint.deletedEntities;
    throw err;
  }
}

/** The tables the writers of `endpoints` write: each endpoint's own and its child collections' (for `analyzeAfterWrite`). */
function writtenTables(endpoints: readonly Endpoint[]) {
  return endpoints.flatMap((e) => {
    const writer = writers[e] as { upsert: { table: PgTable }; children?: { table: PgTable }[] };
    return [writer.upsert.table, ...(writer.children ?? []).map((c) => c.table)];
  });
}
