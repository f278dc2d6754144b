/**
 * One page of an import: validated, then its valid documents, its errors and the run's checkpoint
 * written in ONE transaction. An invalid document rejects only itself. When the database still
 * refuses the page (a value no check caught), the page is written again document by document,
 * each under a savepoint, so that only the documents the database refuses are rejected — with
 * the database's kind and SQLSTATE as the reason, never its message (which lists the values).
 */
import type { Db } from '../../server/db/client.ts';
import type { DocumentByEndpoint, Endpoint } from './documents.ts';
import { databaseReason, isDataRejection, sqlStateOf } from './failure.ts';
import { insertErrors, saveProgress, type EndpointCounts, type RunState } from './import-runs.ts';
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
}

const add = (counts: EndpointCounts, result: PageWriteResult) => {
  counts.upserted += result.upserted;
  counts.unchanged += result.unchanged;
  counts.ignored += result.ignored;
};

/**
 * The page's checks (the first half of `importPage`): CPU, then the reference look-ups. Reads only what earlier
 * endpoints committed, so it may run while the previous page of the same endpoint is being written.
 */
export async function validateJob({ db, endpoint, page, pageContext }: PageJob): Promise<PageValidation> {
  if (!page.unreadable) return validatePage(db, endpoint, page.documents, pageContext);
  const { location, reason } = page.unreadable;
  return { errors: [{ entity: schemaByEndpoint[endpoint], documentId: null, location, field: '$', reason }], rejected: new Set() };
}

/** The whole page in one statement per table: the normal path. */
async function writeTogether(job: PageJob, validation: PageValidation): Promise<void> {
  const { db, endpoint, page, run, counts, pageContext, rowContext, noneStored } = job;
  const valid = page.documents.filter((_, i) => !validation.rejected.has(i));
  await db.transaction(async (tx) => {
    await insertErrors(tx, pageContext.tenantId, run.id, validation.errors);
    counts.rejected += validation.rejected.size;
    add(counts, await writePage(tx, pageContext.tenantId, endpoint, valid as DocumentByEndpoint[Endpoint][], rowContext, { noneStored }));
    await saveProgress(tx, pageContext.tenantId, run);
  });
}

/** The fallback: each valid document under its own savepoint; the ones the database refuses are reported. */
async function writeOneByOne(job: PageJob, validation: PageValidation): Promise<void> {
  const { db, endpoint, page, run, counts, pageContext, rowContext } = job;
  const { tenantId } = pageContext;
  await db.transaction(async (tx) => {
    const refused: ImportError[] = [];
    counts.rejected += validation.rejected.size;
    for (const [index, doc] of page.documents.entries()) {
      if (validation.rejected.has(index)) continue;
      try {
        add(
          counts,
          await tx.transaction((savepoint) =>
            writePage(savepoint, tenantId, endpoint, [doc] as DocumentByEndpoint[Endpoint][], rowContext),
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
    await saveProgress(tx, tenantId, run);
  });
}

/**
 * Imports one page and advances the run's checkpoint past it. Throws when the database cannot run
 * the page at all (connection lost, out of resources); counts and checkpoint are then as before the page.
 */
export async function importPage(job: PageJob): Promise<void> {
  await writeValidated(job, await validateJob(job));
}

/** The second half of `importPage`: the page's write, with `validation` from `validateJob`. */
export async function writeValidated(job: PageJob, validation: PageValidation): Promise<void> {
  const { endpoint, page, run, counts } = job;
  const before = { counts: { ...counts }, checkpoint: run.checkpoint[endpoint] };
  const restore = () => {
    Object.assign(counts, before.counts);
    if (before.checkpoint) run.checkpoint[endpoint] = before.checkpoint;
    else delete run.checkpoint[endpoint];
  };
  run.checkpoint[endpoint] = { done: false, position: page.position };
  try {
    await writeTogether(job, validation);
  } catch (err) {
    restore();
    if (!isDataRejection(err)) throw err;
    run.checkpoint[endpoint] = { done: false, position: page.position };
    try {
      await writeOneByOne(job, validation);
    } catch (retryErr) {
      restore();
      throw retryErr;
    }
  }
}
