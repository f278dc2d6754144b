/**
 * One page of an import: validated, then its valid documents, its errors and the run's checkpoint
 * written in ONE transaction. An invalid document rejects only itself. When the database still
 * refuses the page (a value no check caught), the page is written again document by document,
 * each under a savepoint, so that only the documents the database refuses are rejected — with
 * the database's kind and SQLSTATE as the reason, never its message (which lists the values).
 */
import type { Db, Tx } from '../../server/db/client.ts';
import type { DocumentByEndpoint, Endpoint } from './documents.ts';
import { databaseReason, isDataRejection, sqlStateOf } from './failure.ts';
import { emptyCounts, insertErrors, saveProgress, type EndpointCounts, type RunState } from './import-runs.ts';
import { schemaByEndpoint } from './schema-validation.ts';
import type { SourcePage } from './source.ts';
import { documentIdOf, validatePage, type ImportError, type PageContext, type PageValidation } from './validate-page.ts';
import { writePage, type PageWriteResult } from './write-page.ts';
import type { RowContext } from './writer-types.ts';

export interface PageJob {
  db: Db;
  endpoint: Endpoint;
  page: SourcePage;
  run: RunState;
  counts: EndpointCounts;
  pageContext: PageContext;
  rowContext: RowContext;
  /**
   * The organiser stored no rows of the endpoint's table when the endpoint began in this process: the page's keys are
   * not looked up (bulk-upsert.ts, `noneStored`). A key written since fails the page, which is then written document by
   * document with the look-up.
   */
  noneStored?: boolean;
  /** With `noneStored`, the page COPYed straight into its table (bulk-upsert.ts, `lookUp`). */
  lookUp?: boolean;
  /**
   * The write of the page before, when it may still be running: this page's own rows are written meanwhile (on another
   * connection), and everything the two pages share — the change queue, the run's counts and checkpoint — only once
   * that page has committed. The caller never overlaps two pages with a document key in common.
   */
  after?: Promise<unknown>;
}

const add = (counts: EndpointCounts, result: PageWriteResult) => {
  counts.upserted += result.upserted;
  counts.unchanged += result.unchanged;
  counts.ignored += result.ignored;
};

/** Thrown by a page whose predecessor failed: the predecessor's own error is the run's reason (import-ss12000.ts). */
export class EarlierPageFailed extends Error {
  constructor() {
    super('en tidigare sida kunde inte skrivas (an earlier page failed)');
  }
}

/** Waits until the page before has committed; rejects when it failed. */
async function awaitTurn(job: PageJob): Promise<void> {
  if (!job.after) return;
  await job.after.then(
    () => undefined,
    () => {
      throw new EarlierPageFailed();
    },
  );
}

/**
 * One transaction of the page: `body` writes the page's own rows and reports its counts; then, once the page before has
 * committed, the counts and the checkpoint are added to the run and saved with it. When the transaction does not commit
 * the run is as before.
 */
async function inPageTransaction(job: PageJob, body: (tx: Tx, counts: EndpointCounts) => Promise<void>): Promise<void> {
  const { db, endpoint, page, run, counts, pageContext } = job;
  let undo: (() => void) | undefined;
  try {
    await db.transaction(async (tx) => {
      const delta = emptyCounts();
      await body(tx, delta);
      await awaitTurn(job);
      const before = { counts: { ...counts }, checkpoint: run.checkpoint[endpoint] };
      undo = () => {
        Object.assign(counts, before.counts);
        if (before.checkpoint) run.checkpoint[endpoint] = before.checkpoint;
        else delete run.checkpoint[endpoint];
      };
      add(counts, delta);
      counts.rejected += delta.rejected;
      run.checkpoint[endpoint] = { done: false, position: page.position };
      await saveProgress(tx, pageContext.tenantId, run);
    });
  } catch (err) {
    undo?.();
    throw err;
  }
}

/**
 * The page's checks (the first half of `importPage`): CPU, then the reference look-ups. Reads only what earlier
 * endpoints committed, so it may run while the previous page of the same endpoint is being written.
 */
export async function validateJob({ db, endpoint, page, pageContext }: PageJob): Promise<PageValidation> {
  if (!page.unreadable) return validatePage(db, endpoint, page.documents, pageContext);
  const { location, reason } = page.unreadable;
  return {
    errors: [{ entity: schemaByEndpoint[endpoint], documentId: null, location, field: '$', reason }],
    rejected: new Set(),
    keys: new Set(),
  };
}

/** The whole page in one statement per table: the normal path. */
function writeTogether(job: PageJob, validation: PageValidation): Promise<void> {
  const { endpoint, page, run, pageContext, rowContext, noneStored, lookUp } = job;
  const valid = page.documents.filter((_, i) => !validation.rejected.has(i));
  return inPageTransaction(job, async (tx, counts) => {
    await insertErrors(tx, pageContext.tenantId, run.id, validation.errors);
    counts.rejected += validation.rejected.size;
    const options = { noneStored, lookUp, turn: () => awaitTurn(job) };
    add(counts, await writePage(tx, pageContext.tenantId, endpoint, valid as DocumentByEndpoint[Endpoint][], rowContext, options));
  });
}

/** The fallback: each valid document under its own savepoint; the ones the database refuses are reported. */
function writeOneByOne(job: PageJob, validation: PageValidation): Promise<void> {
  const { endpoint, page, run, pageContext, rowContext } = job;
  const { tenantId } = pageContext;
  return inPageTransaction(job, async (tx, counts) => {
    const refused: ImportError[] = [];
    counts.rejected += validation.rejected.size;
    // The page before may not have committed yet: its change-queue rows would make this page wait for it.
    const options = { turn: () => awaitTurn(job) };
    for (const [index, doc] of page.documents.entries()) {
      if (validation.rejected.has(index)) continue;
      try {
        add(
          counts,
          await tx.transaction((savepoint) =>
            writePage(savepoint, tenantId, endpoint, [doc] as DocumentByEndpoint[Endpoint][], rowContext, options),
          ),
        );
      } catch (err) {
        if (!isDataRejection(err)) throw err;
        counts.rejected++;
        refused.push({
          entity: schemaByEndpoint[endpoint],
          documentId: documentIdOf(endpoint, doc),
          location: page.locate(index),
          field: '$',
          reason: `databasen kunde inte lagra dokumentet (database refused the document): ${databaseReason(sqlStateOf(err) ?? 'XX000')}`,
        });
      }
    }
    await insertErrors(tx, tenantId, run.id, [...validation.errors, ...refused]);
  });
}

/**
 * Imports one page and advances the run's checkpoint past it. Throws when the database cannot run
 * the page at all (connection lost, out of resources); counts and checkpoint are then as before the page.
 */
export async function importPage(job: PageJob): Promise<void> {
  await writeValidated(job, await validateJob(job));
}

/**
 * The second half of `importPage`: the page's write, with `validation` from `validateJob`. With `job.after` it may run
 * while the page before is still being written; it commits after that page, and fails when that page failed.
 */
export async function writeValidated(job: PageJob, validation: PageValidation): Promise<void> {
  try {
    await writeTogether(job, validation);
  } catch (err) {
    if (!isDataRejection(err)) throw err;
    await writeOneByOne(job, validation);
  }
}
