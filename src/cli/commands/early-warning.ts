import type { Command } from 'commander';
import { refreshAll, refreshWorkersFor } from '../../server/modules/early-warning/refresh.ts';
import { withDatabase } from '../database.ts';
import { printResult, progress } from '../output.ts';
import { todayOption } from './model.ts';

/** `fullfolj early-warning refresh`: the nightly job — every organiser's indicators, tiers and probabilities. */
export function registerEarlyWarning(program: Command): void {
  const ew = program.command('early-warning').description('Tidig upptäckt (early detection)');
  ew.command('refresh')
    .description('Räkna om indikatorer, stödnivåer och sannolikheter för alla huvudmän (nightly refresh)')
    .option('--today <date>', 'datum att räkna per, ÅÅÅÅ-MM-DD (default: i dag i svensk tid)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { today?: string; json?: boolean }) => {
      const asOf = todayOption(opts.today);
      const started = performance.now();
      const summaries = await withDatabase((d) =>
        refreshAll(d.db, asOf, (s, organiser) => progress(`${organiser}: ${s.students} elever`), { workers: refreshWorkersFor(d.kind) }),
      );
      const totals = {
        organisers: summaries.length,
        students: summaries.reduce((s, x) => s + x.students, 0),
        durationMs: Math.round(performance.now() - started),
      };
      printResult(
        opts,
        { asOf, ...totals, organisers: summaries },
        () =>
          `Tidig upptäckt uppdaterad per ${asOf}: ${totals.organisers} huvudmän, ${totals.students} elever på ${(totals.durationMs / 1000).toFixed(1)} s.`,
      );
    });
}
