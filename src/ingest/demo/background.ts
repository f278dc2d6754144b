/**
 * The demo's first start, second half (issue #17, item 7): what a first user does not need the moment the server
 * listens — the risk models, the six weeks of early-detection history, the completion goals, the KAA register's year of
 * work, the region's network and its year of monthly reports — runs after `listen`, step by step, each in transactions
 * of its own (on the embedded database a request waits for the transaction in progress, never for the whole job).
 * Its progress is a `job_runs` row, `demo seeding`, whose counts say how many steps are done of how many; the readiness
 * route (`/api/health/ready`) shows it. Every step is idempotent or starts from a clean slate, so a start interrupted
 * here seeds again on the next start (the marker file stays until the last step is done).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/db/client.ts';
import { queryRows } from '../../server/db/client.ts';
import { jobRuns } from '../../server/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { finishJobRun, startJobRun } from '../../server/modules/retention/job-runs.ts';

/** The job's name in `job_runs`. */
export const demoSeedingJob = 'demo seeding';

/** Weekly refreshes up to today that give the demo's early detection its onsets and trends. */
export const demoHistoryWeeks = 6;

export interface DemoBackgroundOptions {
  today: string;
  seed: number;
  onProgress?: (message: string) => void;
}

interface Step {
  /** What the step does, for the progress on stderr (Swedish, English in brackets). */
  name: string;
  run(database: Database, options: DemoBackgroundOptions): Promise<string>;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The early-detection history as the weekly nightly runs would have left it: for each organiser, in one transaction,
 * its current risk, episodes and history are cleared and refreshed week by week up to today (with the models trained
 * in the step before), so a reader sees either the state before or the finished one.
 */
async function refreshHistory(database: Database, options: DemoBackgroundOptions): Promise<string> {
  const { refreshTenant } = await import('../../server/modules/early-warning/refresh.ts');
  const tenants = await queryRows<{ id: string }>(database.db, sql`select id from organisers order by name`);
  let students = 0;
  for (const t of tenants) {
    students += await database.db.transaction(async (tx) => {
      for (const table of ['student_risk', 'indicator_episodes', 'student_risk_history'])
        await tx.execute(sql`delete from ${sql.identifier(table)} where tenant_id = ${t.id}::uuid`);
      let last = 0;
      for (let w = demoHistoryWeeks - 1; w >= 0; w--) last = (await refreshTenant(tx, t.id, addDays(options.today, -7 * w))).students;
      return last;
    });
  }
  return `${demoHistoryWeeks} veckor för ${tenants.length} huvudmän, ${students} elever (weeks of history)`;
}

/** The steps, in order: models before the history they score, the history before the KAA notices that read it. */
export const demoBackgroundSteps: Step[] = [
  {
    name: 'Riskmodeller (risk models)',
    async run(database, options) {
      const { bootstrapEarlyWarning } = await import('../../server/modules/early-warning/bootstrap.ts');
      const s = await bootstrapEarlyWarning(database.db, options.today, { weeks: 0 });
      return `${s.models.filter((m) => m.activated).length} av ${s.models.length} aktiverade (activated)`;
    },
  },
  { name: 'Tidig upptäckt: historik (early-detection history)', run: refreshHistory },
  {
    name: 'Mål för fullföljande (completion goals)',
    async run(database, options) {
      const { seedDemoGoals } = await import('./follow-up.ts');
      return `${await seedDemoGoals(database.db, options.today)} huvudmän`;
    },
  },
  {
    name: 'KAA-registret (the KAA register)',
    async run(database, options) {
      const { seedDemoKaa } = await import('./kaa.ts');
      const k = await seedDemoKaa(database, { today: options.today, seed: options.seed });
      return `${k.inGroup} i målgruppen, ${k.contacts} kontakter, ${k.measures} insatser`;
    },
  },
  {
    name: 'Överlämningar (handovers)',
    async run(database, options) {
      const { seedDemoHandovers } = await import('./handovers.ts');
      const h = await seedDemoHandovers(database.db, { today: options.today, seed: options.seed });
      return h.skipped ?? `${h.sent} skickade, ${h.confirmed} kvitterade, ${h.drafts} utkast`;
    },
  },
  {
    name: 'Nätverket (the network)',
    async run(database, options) {
      const { seedDemoChallenges } = await import('./challenges.ts');
      const { seedDemoEvents } = await import('./events.ts');
      const { seedDemoPlans } = await import('./plans.ts');
      const challenges = await seedDemoChallenges(database.db, options.today);
      const events = await seedDemoEvents(database.db, options.today);
      const plans = await seedDemoPlans(database.db, options.today);
      return `${challenges} utmaningar, ${events} evenemang, ${plans} implementeringsplaner`;
    },
  },
  {
    name: 'Månadsrapporter (monthly reports)',
    async run(database, options) {
      const { seedDemoRegionReports } = await import('./region-reports.ts');
      return `${await seedDemoRegionReports(database.db, options.today)} publicerade`;
    },
  },
  {
    // After the year of reports: the goal is set today, so the reports before it do not show it.
    name: "Regionens mål (the region's goals)",
    async run(database, options) {
      const { seedDemoRegionGoals } = await import('./follow-up.ts');
      return `${await seedDemoRegionGoals(database.db, options.today)} mål`;
    },
  },
];

/**
 * Runs the steps in order, recording the job's progress in `job_runs` (counts `{ done, total }` after each step) and
 * its outcome; resolves with the seconds it took, rejects with the step's error (the row then says failed).
 */
export async function runDemoBackground(database: Database, options: DemoBackgroundOptions, steps = demoBackgroundSteps): Promise<number> {
  const started = performance.now();
  const runId = await startJobRun(database.db, demoSeedingJob);
  const setProgress = (done: number) =>
    database.db
      .update(jobRuns)
      .set({ counts: { done, total: steps.length } })
      .where(eq(jobRuns.id, runId));
  await setProgress(0);
  try {
    for (const [i, step] of steps.entries()) {
      const stepStarted = performance.now();
      const summary = await step.run(database, options);
      await setProgress(i + 1);
      options.onProgress?.(
        `${i + 1}/${steps.length} ${step.name}: ${summary} (${((performance.now() - stepStarted) / 1000).toFixed(1)} s)`,
      );
    }
  } catch (error) {
    await finishJobRun(database.db, runId, { error }).catch(() => undefined);
    throw error;
  }
  await finishJobRun(database.db, runId, { counts: { done: steps.length, total: steps.length } });
  return (performance.now() - started) / 1000;
}
