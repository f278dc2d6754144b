/**
 * Every nightly job writes `job_runs` (start, end, outcome; counts where the job gives them): for the jobs below the
 * CLI does it around the command — a row when the command starts, its outcome when it ends or fails — so the
 * commands themselves need not know. `retention` writes its own row, with its counts.
 */
import type { Command } from 'commander';
import { finishJobRun, startJobRun } from '../server/modules/retention/job-runs.ts';
import { withDatabase } from './database.ts';

/** The nightly jobs the timers in deploy/systemd run (docs/operations.md), by their command path. */
export const trackedJobs = ['early-warning refresh', 'interventions digest', 'kaa refresh', 'knowledge review-reminders', 'report monthly'];

let running: string | null = null;

function pathOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Hooks the program so that each tracked job's run is recorded. */
export function trackJobRuns(program: Command): void {
  program.hook('preAction', async (_program, action) => {
    const job = pathOf(action);
    if (!trackedJobs.includes(job)) return;
    running = await withDatabase((d) => startJobRun(d.db, job));
  });
  program.hook('postAction', async () => {
    if (running === null) return;
    const id = running;
    running = null;
    await withDatabase((d) => finishJobRun(d.db, id, { counts: {} }));
  });
}

/** Records the failure of the tracked job that was running, if any (the error's kind only); never throws. */
export async function failRunningJob(err: unknown): Promise<void> {
  if (running === null) return;
  const id = running;
  running = null;
  await withDatabase((d) => finishJobRun(d.db, id, { error: err })).catch(() => undefined);
}
