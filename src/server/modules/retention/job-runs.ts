/**
 * `job_runs`: every nightly job writes one row — started, then finished with its outcome and counts (never contents;
 * on failure the error's kind, never its message) — so an administrator sees each job's last run.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { jobRuns } from '../../db/schema/index.ts';

/** Starts a run of `job`; returns its id. */
export async function startJobRun(db: DbOrTx, job: string): Promise<string> {
  const [row] = await db.insert(jobRuns).values({ job }).returning({ id: jobRuns.id });
  return row!.id;
}

/** The kind of an error, for the row: its code (SQLSTATE or Node's) or its class name, never its message. */
export function errorKind(err: unknown): string {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{1,40}$/i.test(code)) return code;
  return err instanceof Error ? err.constructor.name : 'unknown';
}

/** Ends a run: succeeded with its counts, or failed with the error's kind. */
export async function finishJobRun(
  db: DbOrTx,
  id: string,
  outcome: { counts: Record<string, unknown> } | { error: unknown },
): Promise<void> {
  const set =
    'error' in outcome
      ? { outcome: 'failed' as const, errorKind: errorKind(outcome.error), finishedAt: sql`now()` }
      : { outcome: 'succeeded' as const, counts: outcome.counts, finishedAt: sql`now()` };
  await db.update(jobRuns).set(set).where(eq(jobRuns.id, id));
}

/** The last run of each job, newest first. */
export async function lastJobRuns(db: DbOrTx): Promise<(typeof jobRuns.$inferSelect)[]> {
  const rows = await db.selectDistinctOn([jobRuns.job]).from(jobRuns).orderBy(jobRuns.job, desc(jobRuns.startedAt));
  return rows.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
