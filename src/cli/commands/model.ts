import type { Command } from 'commander';
import { evaluateUci, type UciModelKind, type UciResult } from '../../server/modules/early-warning/uci/evaluate.ts';
import { printResult, progress } from '../output.ts';

interface EvaluateOptions {
  dataset: string;
  runs: string;
  folds: string;
  model: string;
  seed: string;
  json?: boolean;
}

function positiveInteger(value: string, name: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} måste vara ett heltal ≥ ${min} (got "${value}")`);
  return n;
}

const percent = (x: number) => (x * 100).toFixed(1);

/** The comparison table, ours beside the paper's best per row. */
export function formatUciTable(results: readonly UciResult[]): string {
  const first = results[0];
  const lines = [
    `Cortez & Silva (2008), godkänd om G3 ≥ 10: andel rätt klassificerade (PCC %), ${first?.runs ?? 0}×${first?.folds ?? 0}-faldig korsvalidering, modell ${first?.model ?? ''}`,
    'ämne  upplägg  vår PCC          AUC    artikelns bästa',
  ];
  for (const r of results) {
    lines.push(
      `${r.subject.padEnd(5)} ${r.setup.padEnd(8)} ${`${percent(r.accuracy)} ±${percent(r.accuracyHalfWidth)}`.padEnd(16)} ${r.auc.toFixed(3)}  ${percent(r.paperBest)} (${r.paperBestMethod})`,
    );
  }
  lines.push('A = med G1 och G2, B = utan G2, C = utan G1 och G2 (docs/early-warning-model.md)');
  return lines.join('\n');
}

/** `fullfolj model evaluate`: validates the risk model's pipeline on a public data set (for now: UCI). */
export function registerModel(program: Command): void {
  const model = program.command('model').description('Riskmodellen för tidig upptäckt (the early-warning risk model)');
  model
    .command('evaluate')
    .description('Utvärdera modellen med korsvalidering (cross-validated evaluation)')
    .requiredOption('--dataset <name>', 'datamängd: uci (Cortez & Silva 2008)')
    .option('--runs <n>', 'antal upprepningar av korsvalideringen', '20')
    .option('--folds <k>', 'antal delar per korsvalidering', '10')
    .option('--model <kind>', 'logistic eller forest', 'logistic')
    .option('--seed <n>', 'startvärde för slumpen (seed)', '1')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action((opts: EvaluateOptions) => {
      if (opts.dataset !== 'uci') throw new Error(`okänd datamängd "${opts.dataset}" (unknown dataset; known: uci)`);
      if (opts.model !== 'logistic' && opts.model !== 'forest') throw new Error(`--model måste vara logistic eller forest (got "${opts.model}")`);
      const results = evaluateUci({
        runs: positiveInteger(opts.runs, 'runs', 1),
        folds: positiveInteger(opts.folds, 'folds', 2),
        seed: positiveInteger(opts.seed, 'seed', 0),
        model: opts.model as UciModelKind,
        onProgress: progress,
      });
      printResult(opts, { results }, () => formatUciTable(results));
    });
}
