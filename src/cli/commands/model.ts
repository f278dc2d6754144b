import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { parseCsv } from '../../server/modules/early-warning/evaluate/csv.ts';
import { buildDataset, parseRule, ruleScores } from '../../server/modules/early-warning/evaluate/dataset.ts';
import { evaluateDataset, type ModelKind } from '../../server/modules/early-warning/evaluate/protocol.ts';
import { formatEvaluation } from '../../server/modules/early-warning/evaluate/report.ts';
import { evaluateUci, type UciModelKind, type UciResult } from '../../server/modules/early-warning/uci/evaluate.ts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/db/client.ts';
import { activateModel, listModels, trainModel, type StoredModel } from '../../server/modules/early-warning/model-store.ts';
import { refreshTenant } from '../../server/modules/early-warning/refresh.ts';
import { TrainingRefused } from '../../server/modules/early-warning/train.ts';
import type { ModelStage } from '../../server/modules/early-warning/features.ts';
import { dateOf } from '../../server/platform/dates.ts';
import { withDatabase } from '../database.ts';
import { printResult, progress } from '../output.ts';

/** The --today option: a valid YYYY-MM-DD, or today in Swedish time. */
export function todayOption(value: string | undefined): string {
  if (value === undefined) return dateOf(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new Error(`Ogiltigt datum "${value}", ange ÅÅÅÅ-MM-DD (invalid --today).`);
  return value;
}

interface EvaluateOptions {
  dataset?: string;
  csv?: string;
  target?: string;
  positive?: string;
  nominal?: string;
  exclude?: string;
  rule?: string;
  minLevel: string;
  threshold: string;
  lang: string;
  runs: string;
  folds: string;
  model?: string;
  seed: string;
  json?: boolean;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** `model evaluate --csv`: the protocol on the user's own file, both models and the rule when given. */
function evaluateCsv(opts: EvaluateOptions): void {
  if (!opts.target) throw new Error('--target saknas: ange utfallskolumnen (--target is required with --csv)');
  if (opts.positive === undefined) throw new Error('--positive saknas: ange utfallets positiva värde (--positive is required with --csv)');
  if (opts.lang !== 'sv' && opts.lang !== 'en') throw new Error(`--lang måste vara sv eller en (--lang must be sv or en)`);
  const threshold = Number(opts.threshold);
  if (!(threshold > 0 && threshold < 1)) throw new Error('--threshold måste vara ett tal mellan 0 och 1 (--threshold must be in (0, 1))');
  let text: string;
  try {
    text = readFileSync(opts.csv as string, 'utf8');
  } catch {
    throw new Error(`Filen ${basename(opts.csv as string)} kan inte läsas (cannot read the file)`);
  }
  const table = parseCsv(text);
  const data = buildDataset(table, {
    target: opts.target,
    positive: opts.positive,
    nominal: list(opts.nominal),
    exclude: list(opts.exclude),
  });
  const rule = opts.rule ? ruleScores(table, parseRule(opts.rule), opts.target) : undefined;
  const models: ModelKind[] =
    opts.model === 'both'
      ? ['logistic', 'forest', 'forest-uncalibrated']
      : opts.model === 'logistic'
        ? ['logistic']
        : ['forest', 'forest-uncalibrated'];
  const result = evaluateDataset(data.rows, data.labels, data.specs, {
    runs: positiveInteger(opts.runs, 'runs', 1),
    folds: positiveInteger(opts.folds, 'folds', 2),
    seed: positiveInteger(opts.seed, 'seed', 0),
    minLevelCount: positiveInteger(opts.minLevel, 'min-level', 1),
    threshold,
    models,
    ...(rule ? { ruleScores: rule } : {}),
    onProgress: progress,
  });
  const described = {
    file: basename(opts.csv as string),
    target: opts.target,
    positive: opts.positive,
    numeric: data.numeric,
    nominal: data.nominal,
    ...(opts.rule ? { rule: opts.rule } : {}),
  };
  printResult(
    opts,
    {
      data: { ...described, rows: result.n, positives: result.positives, separator: table.separator },
      protocol: {
        runs: result.runs,
        folds: result.folds,
        seed: result.seed,
        minLevelCount: result.minLevelCount,
        threshold: result.threshold,
      },
      results: result.results.map(({ lastRun, ...r }) => ({ ...r, reliability: lastRun.calibration })),
    },
    () => formatEvaluation(result, described, opts.lang as 'sv' | 'en'),
  );
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
    .description('Utvärdera modellen med korsvalidering på en datamängd eller en egen CSV-fil (cross-validated evaluation)')
    .option('--dataset <name>', 'datamängd: uci (Cortez & Silva 2008)')
    .option('--csv <file>', 'egen CSV-fil (; , eller tabb; rubrikrad; docs/early-warning-model.md)')
    .option('--target <column>', 'utfallskolumnen (med --csv)')
    .option('--positive <value>', 'utfallets positiva värde, det som ska förutsägas (med --csv)')
    .option('--nominal <columns>', 'kolumner som är kategorier fast de ser ut som tal, kommaseparerade')
    .option('--exclude <columns>', 'kolumner som inte ska användas, kommaseparerade')
    .option('--rule <rule>', 'regel att jämföra med, "<kolumn> <op> <värde>" (op: >= > <= < = !=)')
    .option('--min-level <n>', 'kategorier med färre elever i träningsdelen slås ihop till övriga', '30')
    .option('--threshold <p>', 'sannolikhet där F1 och andel rätt läses', '0.5')
    .option('--lang <language>', 'rapportens språk: sv eller en', 'sv')
    .option('--runs <n>', 'antal upprepningar av korsvalideringen', '20')
    .option('--folds <k>', 'antal delar per korsvalidering', '10')
    .option('--model <kind>', 'logistic, forest eller (med --csv) both; förval logistic, med --csv both')
    .option('--seed <n>', 'startvärde för slumpen (seed)', '1')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action((opts: EvaluateOptions) => {
      if ((opts.dataset === undefined) === (opts.csv === undefined))
        throw new Error('ange antingen --dataset eller --csv (give either --dataset or --csv)');
      opts.model ??= opts.csv ? 'both' : 'logistic';
      if (opts.model !== 'logistic' && opts.model !== 'forest' && !(opts.csv && opts.model === 'both'))
        throw new Error(`--model måste vara logistic eller forest${opts.csv ? ' eller both' : ''} (got "${opts.model}")`);
      if (opts.csv) {
        evaluateCsv(opts);
        return;
      }
      if (opts.dataset !== 'uci') throw new Error(`okänd datamängd "${opts.dataset}" (unknown dataset; known: uci)`);
      const results = evaluateUci({
        runs: positiveInteger(opts.runs, 'runs', 1),
        folds: positiveInteger(opts.folds, 'folds', 2),
        seed: positiveInteger(opts.seed, 'seed', 0),
        minLevelCount: positiveInteger(opts.minLevel, 'min-level', 1),
        model: opts.model as UciModelKind,
        onProgress: progress,
      });
      printResult(opts, { results }, () => formatUciTable(results));
    });
  registerVersions(model);
}

const modelLine = (organiser: string, m: StoredModel) =>
  `${organiser} (${m.stage}): version ${m.version} (${m.status}) AUC ${m.testAuc.toFixed(3)}, indikatorreglerna ${m.rulesAuc.toFixed(3)} — id ${m.id}`;

/** The --stage option: gy, gr or all. */
function stagesOption(value: string): ModelStage[] {
  if (value === 'all') return ['GY', 'GR'];
  if (value === 'gy' || value === 'gr') return [value.toUpperCase() as ModelStage];
  throw new Error(`--stage måste vara gy, gr eller all (got "${value}")`);
}

/** `model train|list|activate`: versions on the organisers' own finished cohorts. */
function registerVersions(model: Command): void {
  model
    .command('train')
    .description('Träna en ny modellversion per huvudman på avslutade årskullar (train on finished cohorts)')
    .option('--organiser <name>', 'bara huvudmannen med detta namn')
    .option('--stage <stage>', 'gy (examen inom tre år), gr (behörighet efter åk 9) eller all', 'all')
    .option('--today <date>', 'datum att träna per, ÅÅÅÅ-MM-DD')
    .option('--activate', 'aktivera versionen om den slår indikatorreglerna')
    .option('--min-level <n>', 'kategorier med färre elever i träningsdata slås ihop till övriga', '30')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { organiser?: string; stage: string; today?: string; activate?: boolean; minLevel: string; json?: boolean }) => {
      const asOf = todayOption(opts.today);
      const minLevelCount = positiveInteger(opts.minLevel, 'min-level', 1);
      const stages = stagesOption(opts.stage);
      const results = await withDatabase(async (d) => {
        const organisers = await queryRows<{ id: string; name: string }>(d.db, sql`select id, name from organisers order by name`);
        const chosen = opts.organiser ? organisers.filter((o) => o.name === opts.organiser) : organisers;
        if (opts.organiser && chosen.length === 0) throw new Error(`Ingen huvudman heter "${opts.organiser}".`);
        const out: { organiser: string; stage: ModelStage; model?: StoredModel; refused?: string }[] = [];
        for (const o of chosen) {
          for (const stage of stages) {
            try {
              const m = await d.db.transaction(async (tx) => {
                const { model: trained } = await trainModel(tx, o.id, asOf, stage, { minLevelCount });
                if (!opts.activate || !(trained.testAuc > trained.rulesAuc)) return trained;
                const active = await activateModel(tx, o.id, trained.id, null);
                await refreshTenant(tx, o.id, asOf);
                return active;
              });
              progress(modelLine(o.name, m));
              out.push({ organiser: o.name, stage, model: m });
            } catch (error) {
              if (!(error instanceof TrainingRefused)) throw error;
              out.push({ organiser: o.name, stage, refused: `${error.sv} (${error.en})` });
            }
          }
        }
        return out;
      });
      printResult(opts, { asOf, results }, () =>
        results.map((r) => (r.model ? modelLine(r.organiser, r.model) : `${r.organiser} (${r.stage}): ${r.refused}`)).join('\n'),
      );
    });
  model
    .command('list')
    .description('Lista modellversioner (list versions)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { json?: boolean }) => {
      const results = await withDatabase(async (d) => {
        const organisers = await queryRows<{ id: string; name: string }>(d.db, sql`select id, name from organisers order by name`);
        const out: { organiser: string; models: StoredModel[] }[] = [];
        for (const o of organisers) out.push({ organiser: o.name, models: await listModels(d.db, o.id) });
        return out.filter((o) => o.models.length > 0);
      });
      printResult(
        opts,
        { results },
        () => results.flatMap((r) => r.models.map((m) => modelLine(r.organiser, m))).join('\n') || 'Inga modellversioner.',
      );
    });
  model
    .command('activate <id>')
    .description('Aktivera en modellversion (bara om den slår indikatorreglerna)')
    .option('--today <date>', 'datum att räkna om per, ÅÅÅÅ-MM-DD')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (id: string, opts: { today?: string; json?: boolean }) => {
      const asOf = todayOption(opts.today);
      const m = await withDatabase(async (d) => {
        const [row] = await queryRows<{ tenant_id: string }>(d.db, sql`select tenant_id from risk_models where id::text = ${id}`);
        if (!row) throw new Error(`Ingen modellversion har id ${id}.`);
        return d.db.transaction(async (tx) => {
          const active = await activateModel(tx, row.tenant_id, id, null);
          await refreshTenant(tx, row.tenant_id, asOf);
          return active;
        });
      });
      printResult(opts, { model: m }, () => `Version ${m.version} är aktiv.`);
    });
}
