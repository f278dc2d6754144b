/**
 * The import_runs row of a run (status, checkpoint, counts) and its import_errors. The
 * checkpoint is saved in the same transaction as each page, so a crash never loses or
 * repeats a committed page. Every query filters on tenant_id.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../server/db/client.ts';
import { importErrors, importRuns, type ImportCheckpoint } from '../../server/db/schema/index.ts';
import type { Endpoint } from './documents.ts';
import type { ImportError } from './validate-page.ts';

export interface EndpointCounts {
  /** Documents whose rows were inserted or changed. */
  upserted: number;
  /** Valid documents not written: older than (or identical to) what is stored. */
  unchanged: number;
  /** Valid documents with nothing to store (a duty without a person). */
  ignored: number;
  /** Rows deleted because the source listed them in deletedEntities. */
  deleted: number;
  /** Documents not imported: invalid, or refused by the database. */
  rejected: number;
}

export type RunCounts = Partial<Record<Endpoint, EndpointCounts>>;

export interface RunState {
  id: string;
  startedAt: string;
  modifiedAfter: string | null;
  checkpoint: ImportCheckpoint;
  counts: RunCounts;
  resumed: boolean;
}

/** Zero counts. */
export const emptyCounts = (): EndpointCounts => ({ upserted: 0, unchanged: 0, ignored: 0, deleted: 0, rejected: 0 });

/** The entity of an error that concerns the run, not a document (why it stopped). */
export const RUN_ENTITY = 'Importkörning';

/** Why a run found `running` by the next run was closed: only a process that is gone leaves one behind. */
export const ABANDONED_REASON =
  'avbruten: processen avslutades innan körningen var klar, t.ex. dödad eller utan databasförbindelse; nästa körning fortsatte där den slutade (abandoned)';

/**
 * The run to continue, if the latest run of this tenant and source stopped before its end: a
 * `failed` run that did not reach its deletions, or a `running` one — an import always marks its
 * run completed or failed, so a run still `running` belongs to a process that is gone; it is
 * closed as failed here (it never blocks the next run) and continued.
 */
export async function findRunToResume(db: DbOrTx, tenantId: string, source: string): Promise<RunState | undefined> {
  const [run] = await db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.tenantId, tenantId), eq(importRuns.source, source)))
    .orderBy(desc(importRuns.startedAt), sql`${importRuns.finishedAt} DESC NULLS FIRST`)
    .limit(1);
  if (!run || run.status === 'completed' || run.checkpoint.deletedEntities?.done) return undefined;
  const state: RunState = {
    id: run.id,
    startedAt: run.startedAt,
    modifiedAfter: run.modifiedAfter,
    checkpoint: run.checkpoint,
    counts: run.counts as RunCounts,
    resumed: true,
  };
  if (run.status === 'running') await failRun(db, tenantId, state, ABANDONED_REASON, source);
  return state;
}

/** When the last completed run of this tenant and source started: the next incremental run's meta.modified.after. */
export async function lastCompletedStart(db: DbOrTx, tenantId: string, source: string): Promise<string | null> {
  const rows = await queryRows<{ started: string | null }>(
    db,
    sql`
    SELECT to_char(max(started_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS started FROM import_runs
     WHERE tenant_id = ${tenantId}::uuid AND source = ${source} AND status = 'completed'`,
  );
  return rows[0]?.started ?? null;
}

/**
 * Starts a new run, or one that continues `from` (an interrupted run): it takes over its checkpoint,
 * counts, incremental window and start time (what it already read was read from then on) and
 * its document errors, so that its report covers the whole import.
 */
export async function createRun(
  db: DbOrTx,
  tenantId: string,
  source: string,
  modifiedAfter: string | null,
  from?: RunState,
): Promise<RunState> {
  const id = randomUUID();
  const [run] = await db
    .insert(importRuns)
    .values({
      tenantId,
      id,
      source,
      status: 'running',
      modifiedAfter: from ? from.modifiedAfter : modifiedAfter,
      ...(from ? { startedAt: from.startedAt, checkpoint: from.checkpoint, counts: from.counts } : {}),
    })
    .returning();
  if (!run) throw new Error('Kunde inte skapa importkörningen (could not create the import run)');
  if (from) {
    await db.execute(sql`
      INSERT INTO import_errors (tenant_id, run_id, entity, document_id, location, field, reason, row_number)
      SELECT tenant_id, ${id}::uuid, entity, document_id, location, field, reason, row_number FROM import_errors
       WHERE tenant_id = ${tenantId}::uuid AND run_id = ${from.id}::uuid AND entity <> ${RUN_ENTITY} ORDER BY id`);
  }
  return {
    id,
    startedAt: run.startedAt,
    modifiedAfter: run.modifiedAfter,
    checkpoint: structuredClone(run.checkpoint),
    counts: structuredClone(run.counts as RunCounts),
    resumed: from !== undefined,
  };
}

/** Closes the run as failed, with its reason stored as a run error at `location` (where it stopped). */
export async function failRun(db: DbOrTx, tenantId: string, run: RunState, reason: string, location: string): Promise<void> {
  await db.transaction(async (tx) => {
    await insertErrors(tx, tenantId, run.id, [{ entity: RUN_ENTITY, documentId: null, location, field: '$', reason }]);
    await finishRun(tx, tenantId, run, 'failed');
  });
}

/** Saves checkpoint and counts; call inside the page's transaction. */
export async function saveProgress(db: DbOrTx, tenantId: string, run: RunState): Promise<void> {
  await db
    .update(importRuns)
    .set({ checkpoint: run.checkpoint, counts: run.counts })
    .where(and(eq(importRuns.tenantId, tenantId), eq(importRuns.id, run.id)));
}

/** Marks the run completed or failed. */
export async function finishRun(db: DbOrTx, tenantId: string, run: RunState, status: 'completed' | 'failed'): Promise<void> {
  await db
    .update(importRuns)
    .set({ status, checkpoint: run.checkpoint, counts: run.counts, finishedAt: sql`now()` })
    .where(and(eq(importRuns.tenantId, tenantId), eq(importRuns.id, run.id)));
}

/** Stores errors of the run (one statement). */
export async function insertErrors(db: DbOrTx, tenantId: string, runId: string, errors: ImportError[]): Promise<void> {
  if (errors.length === 0) return;
  const rows = errors.map((e) => ({ entity: e.entity, document_id: e.documentId, location: e.location, field: e.field, reason: e.reason }));
  await db.execute(sql`
    INSERT INTO import_errors (tenant_id, run_id, entity, document_id, location, field, reason)
    SELECT ${tenantId}::uuid, ${runId}::uuid, r.entity, r.document_id, r.location, r.field, r.reason
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(entity text, document_id text, location text, field text, reason text)`);
}

/** The run's errors in the order they were found. */
export async function loadErrors(db: DbOrTx, tenantId: string, runId: string): Promise<ImportError[]> {
  const rows = await db
    .select()
    .from(importErrors)
    .where(and(eq(importErrors.tenantId, tenantId), eq(importErrors.runId, runId)))
    .orderBy(importErrors.id);
  return rows.map((r) => ({ entity: r.entity, documentId: r.documentId, location: r.location, field: r.field, reason: r.reason }));
}
