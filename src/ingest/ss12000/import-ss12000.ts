/**
 * The one way data comes in: imports one organiser's SS 12000 documents from a source.
 * Endpoints in dependency order; each page is validated and written in ONE transaction
 * together with the run's checkpoint. A page with an invalid document is rolled back as a
 * whole and reported; the run CONTINUES with the next pages (so one import reports every
 * problem at once) and ends 'failed'. A crash leaves the run 'running'; the next run of the
 * same source resumes after its last committed page.
 */
import type { Database } from '../../server/db/client.ts';
import { importOrder, type DocumentByEndpoint, type Endpoint } from './documents.ts';
import { applyDeletions } from './deletions.ts';
import {
  createRun, emptyCounts, findRunToResume, finishRun, insertErrors, lastCompletedStart, loadErrors, saveProgress,
  type EndpointCounts, type RunState,
} from './import-runs.ts';
import { findOrganiser, loadMunicipalityCodes, upsertOrganiser } from './organiser.ts';
import { schemaByEndpoint } from './schema-validation.ts';
import type { SourcePage, Ss12000Source } from './source.ts';
import { validatePage, type ImportError } from './validate-page.ts';
import { writePage } from './write-page.ts';

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
  /** Aborting stops after the current page; the run stays resumable. */
  signal?: AbortSignal;
}

export interface ImportReport {
  runId: string;
  tenantId: string;
  organiserName: string;
  /** import_runs.source: what was read, never a token. */
  source: string;
  status: 'completed' | 'failed';
  /** True when this call continued a crashed run. */
  resumed: boolean;
  /** meta.modified.after of an incremental run; null for a full run. */
  modifiedAfter: string | null;
  counts: Record<Endpoint, EndpointCounts>;
  errors: ImportError[];
  durationMs: number;
}

/** SQLSTATE classes that mean the database could not run the page, not that the page is bad. */
const TRANSIENT = ['08', '40', '53', '57', '58'];

function databaseRejection(err: unknown): string | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || TRANSIENT.includes(code.slice(0, 2))) return null;
  // The driver's message may quote a value (e.g. invalid input syntax): only the SQLSTATE is reported.
  return `databasen avvisade sidan (database rejected the page, SQLSTATE ${code})`;
}

/** Imports one organiser from `source` into `database`; see the module comment for the semantics. */
export async function importSs12000(database: Database, source: Ss12000Source, options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const { db } = database;
  const describe = source.describe();
  const municipalityCodes = await loadMunicipalityCodes(db);
  const organiser = await findOrganiser(source, municipalityCodes);
  const tenantId = organiser.id;
  await upsertOrganiser(db, organiser);

  const run: RunState = (await findRunToResume(db, tenantId, describe))
    ?? (await createRun(db, tenantId, describe, source.incremental ? await lastCompletedStart(db, tenantId, describe) : null));
  const countsOf = (e: Endpoint) => (run.counts[e] ??= emptyCounts());
  const ctx = { runStartedAt: run.startedAt };

  async function handlePage(endpoint: Endpoint, page: SourcePage): Promise<void> {
    const counts = countsOf(endpoint);
    const pageCtx = { tenantId, municipalityCodes, locate: page.locate };
    let errors: ImportError[] = page.unreadable
      ? [{ entity: schemaByEndpoint[endpoint], documentId: null, location: page.unreadable.location, field: '$', reason: page.unreadable.reason }]
      : [];
    try {
      await db.transaction(async (tx) => {
        if (errors.length === 0) errors = await validatePage(tx, endpoint, page.documents, pageCtx);
        if (errors.length > 0) {
          await insertErrors(tx, tenantId, run.id, errors);
          counts.rejected += page.documents.length;
        } else {
          const result = await writePage(tx, tenantId, endpoint, page.documents as DocumentByEndpoint[typeof endpoint][], ctx);
          counts.upserted += result.upserted;
          counts.unchanged += result.unchanged;
          counts.ignored += result.ignored;
        }
        run.checkpoint[endpoint] = { done: false, position: page.position };
        await saveProgress(tx, tenantId, run);
      });
    } catch (err) {
      const reason = databaseRejection(err);
      if (!reason) throw err;
      // The page's transaction rolled back: record the rejection and move on.
      const rejection: ImportError = { entity: schemaByEndpoint[endpoint], documentId: null, location: page.locate(0), field: '$', reason };
      counts.rejected += page.documents.length;
      run.checkpoint[endpoint] = { done: false, position: page.position };
      await db.transaction(async (tx) => {
        await insertErrors(tx, tenantId, run.id, [rejection]);
        await saveProgress(tx, tenantId, run);
      });
    }
  }

  for (const endpoint of importOrder) {
    if (run.checkpoint[endpoint]?.done) continue;
    const resumeFrom = run.checkpoint[endpoint]?.position;
    const pageOptions = { ...(run.modifiedAfter ? { modifiedAfter: run.modifiedAfter } : {}), ...(options.batchSize ? { pageSize: options.batchSize } : {}) };
    let pages = 0;
    for await (const page of source.pages(endpoint, typeof resumeFrom === 'string' ? resumeFrom : undefined, pageOptions)) {
      options.signal?.throwIfAborted();
      await handlePage(endpoint, page);
      options.onProgress?.({ endpoint, pages: ++pages, counts: countsOf(endpoint) });
    }
    run.checkpoint[endpoint] = { ...run.checkpoint[endpoint], done: true };
    countsOf(endpoint);
    await saveProgress(db, tenantId, run);
  }

  if (!run.checkpoint.deletedEntities?.done) {
    options.signal?.throwIfAborted();
    const deleted = source.deleted ? await source.deleted(run.modifiedAfter ?? undefined) : {};
    await db.transaction(async (tx) => {
      for (const [endpoint, n] of Object.entries(await applyDeletions(tx, tenantId, deleted)) as [Endpoint, number][]) {
        countsOf(endpoint).deleted += n;
      }
      run.checkpoint.deletedEntities = { done: true };
      await saveProgress(tx, tenantId, run);
    });
    options.onProgress?.({ endpoint: 'deletedEntities', pages: 1, counts: emptyCounts() });
  }

  const errors = await loadErrors(db, tenantId, run.id);
  const status = errors.length > 0 ? 'failed' : 'completed';
  await finishRun(db, tenantId, run, status);
  const counts = Object.fromEntries(importOrder.map((e) => [e, countsOf(e)])) as Record<Endpoint, EndpointCounts>;
  return {
    runId: run.id, tenantId, organiserName: organiser.name, source: describe, status, resumed: run.resumed,
    modifiedAfter: run.modifiedAfter, counts, errors, durationMs: Date.now() - started,
  };
}
