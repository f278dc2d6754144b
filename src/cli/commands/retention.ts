/**
 * `fullfolj retention [--dry-run] [--today] [--organiser] [--json]`: what each retention rule deletes today, per rule
 * and organiser (counts only). The real run deletes it, one transaction per rule, and writes its counts to `job_runs`;
 * a dry run deletes nothing and writes nothing. docs/retention.md.
 */
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/db/client.ts';
import { finishJobRun, startJobRun } from '../../server/modules/retention/job-runs.ts';
import { runRetention, type RuleRun } from '../../server/modules/retention/run.ts';
import { retentionRuleInfo } from '../../shared/retention/rules.ts';
import { withDatabase } from '../database.ts';
import { printResult } from '../output.ts';
import { todayOption } from './model.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unitSv = { years: 'år', days: 'dagar' } as const;

/** The job's counts for `job_runs`: rows per rule and organiser (null: the installation). */
export function countsOf(runs: readonly RuleRun[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of runs) (out[r.rule] ??= {})[r.tenantId ?? 'installation'] = r.total;
  return out;
}

function humanLines(runs: readonly (RuleRun & { organiser: string | null })[], today: string, dryRun: boolean): string {
  if (runs.length === 0) return `Gallring ${today}: ingen regel är satt; inget ${dryRun ? 'skulle tas' : 'togs'} bort.`;
  const verb = dryRun ? 'skulle ta bort' : 'tog bort';
  const lines = runs.map((r) => {
    const label = retentionRuleInfo.find((i) => i.key === r.rule)!.label.sv;
    return `  ${label} — ${r.organiser ?? 'hela installationen'} (${r.keep} ${unitSv[r.unit]}, före ${r.cutoff}): ${r.total} rader`;
  });
  return [`Gallring ${today}${dryRun ? ' (provkörning, inget tas bort)' : ''}: reglerna ${verb}`, ...lines].join('\n');
}

/** Registers `fullfolj retention`. */
export function registerRetention(program: Command): void {
  program
    .command('retention')
    .description('Gallra enligt varje huvudmans regler; --dry-run visar bara vad som skulle tas bort (apply the retention rules)')
    .option('--dry-run', 'räkna bara, ta inte bort något (count only, delete nothing)')
    .option('--today <date>', 'datum att räkna från, ÅÅÅÅ-MM-DD (default: i dag i svensk tid)')
    .option('--organiser <id>', 'bara denna huvudman (organiser id)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { dryRun?: boolean; today?: string; organiser?: string; json?: boolean }) => {
      const today = todayOption(opts.today);
      const dryRun = opts.dryRun === true;
      if (opts.organiser !== undefined && !uuidPattern.test(opts.organiser))
        throw new Error(`--organiser ska vara en huvudmans id (uuid), inte "${opts.organiser}".`);
      const runs = await withDatabase(async (database) => {
        const jobId = dryRun ? null : await startJobRun(database.db, 'retention');
        try {
          const done = await runRetention(database, { today, dryRun, ...(opts.organiser ? { tenantId: opts.organiser } : {}) });
          if (jobId) await finishJobRun(database.db, jobId, { counts: countsOf(done) });
          const names = await queryRows<{ id: string; name: string }>(database.db, sql`SELECT id, name FROM organisers`);
          return done.map((r) => ({ ...r, organiser: names.find((n) => n.id === r.tenantId)?.name ?? null }));
        } catch (err) {
          if (jobId) await finishJobRun(database.db, jobId, { error: err });
          throw err;
        }
      });
      const total = runs.reduce((s, r) => s + r.total, 0);
      printResult(opts, { today, dryRun, total, rules: runs }, () => humanLines(runs, today, dryRun));
    });
}
