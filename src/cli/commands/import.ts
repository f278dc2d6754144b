/**
 * `fullfolj import ss12000`: one SS 12000 import per organiser directory, or one from a live API.
 * It always ends with one result — `--json`: exactly one object on stdout, also on failure — and
 * exits non-zero unless every import completed. Nothing it prints carries a document's values:
 * errors are reduced to plain reasons (src/ingest/ss12000/failure.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  apiSource,
  fileSource,
  importSs12000,
  isOrganiserDirectory,
  type ImportProgress,
  type ImportReport,
  type Ss12000Source,
} from '../../ingest/ss12000/index.ts';
import { safeMessage } from '../../ingest/ss12000/failure.ts';
import { formatReport } from '../../ingest/ss12000/report-text.ts';
import { decimalInteger } from '../../shared/input/numbers.ts';
import { withDatabase } from '../database.ts';
import { printResult, progress } from '../output.ts';
import { refreshAll, refreshWorkersFor } from '../../server/modules/early-warning/refresh.ts';
import { dateOf } from '../../server/platform/dates.ts';

interface ImportOptions {
  url?: string;
  token?: string;
  batchSize?: string;
  json?: boolean;
  maxPages?: string;
  maxResponseMb?: string;
  timeout?: string;
}

/** The command's one result. */
export interface ImportCommandResult {
  status: 'completed' | 'failed';
  /** Why it failed, plain and without values; null when completed. */
  reason: string | null;
  reports: ImportReport[];
}

/** A mistake in the command line: its message is the command's own. */
class UsageError extends Error {}

/** A whole number option in [1, max], or undefined when not given. */
function wholeNumber(flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = decimalInteger(1, max).safeParse(value);
  if (!parsed.success) throw new UsageError(`${flag} ska vara ett heltal från 1 till ${max} (a whole number from 1 to ${max})`);
  return parsed.data;
}

/** One organiser per directory: `dir` itself when it has organisations, else each subdirectory that has. */
function organiserDirectories(dir: string): string[] {
  const root = resolve(dir);
  if (isOrganiserDirectory(root)) return [root];
  const dirs = readdirSync(root)
    .sort()
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isDirectory() && isOrganiserDirectory(path));
  if (dirs.length === 0)
    throw new UsageError(`${root} har varken organisations.json, organisations/ eller undermappar med dem (no SS 12000 documents found)`);
  return dirs;
}

function sources(dir: string | undefined, opts: ImportOptions): Ss12000Source[] {
  if (dir && opts.url) throw new UsageError('Ange antingen en mapp eller --url, inte båda (give a directory or --url)');
  if (opts.url) {
    const token = opts.token ?? process.env.SS12000_TOKEN;
    if (!token) throw new UsageError('--url kräver --token eller miljövariabeln SS12000_TOKEN (a Bearer token is required)');
    const maxResponseMb = wholeNumber('--max-response-mb', opts.maxResponseMb, 4096);
    const timeout = wholeNumber('--timeout', opts.timeout, 3600);
    return [
      apiSource({
        baseUrl: opts.url,
        token,
        ...(maxResponseMb ? { maxResponseBytes: maxResponseMb * 1024 * 1024 } : {}),
        ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
        maxPages: wholeNumber('--max-pages', opts.maxPages, 10_000_000),
      }),
    ];
  }
  if (!dir) throw new UsageError('Ange en mapp med SS 12000-dokument eller --url (give a directory or --url)');
  return organiserDirectories(dir).map(fileSource);
}

/** Progress lines to stderr, at most one per endpoint every two seconds. */
function progressReporter(): (p: ImportProgress) => void {
  let last = 0;
  let lastEndpoint = '';
  return (p) => {
    const now = Date.now();
    if (p.endpoint === lastEndpoint && now - last < 2000) return;
    last = now;
    lastEndpoint = p.endpoint;
    progress(
      `  ${p.endpoint}: ${p.pages} sidor, ${p.counts.upserted} nya/ändrade, ${p.counts.unchanged} oförändrade, ${p.counts.rejected} avvisade`,
    );
  };
}

/** Why a report did not complete, in one line. */
const reportProblem = (r: ImportReport) =>
  `${r.source}: ${r.failure ?? `${r.errors.length} fel i dokumenten, se rapporten (document errors)`}`;

/** Runs every import of the command; never throws. */
export async function runImportCommand(dir: string | undefined, opts: ImportOptions): Promise<ImportCommandResult> {
  const reports: ImportReport[] = [];
  const problems: string[] = [];
  try {
    const list = sources(dir, opts);
    const batchSize = wholeNumber('--batch-size', opts.batchSize, 100_000);
    await withDatabase(async (database) => {
      for (const source of list) {
        progress(`Importerar ${source.describe()} …`);
        try {
          const report = await importSs12000(database, source, { ...(batchSize ? { batchSize } : {}), onProgress: progressReporter() });
          reports.push(report);
          if (report.status !== 'completed') problems.push(reportProblem(report));
        } catch (err) {
          problems.push(`${source.describe()}: ${safeMessage(err)}`);
        }
      }
      // Indicators follow the data: recomputed after every import that completed (later the same day: only the students it changed).
      if (reports.some((r) => r.status === 'completed')) {
        try {
          const summaries = await refreshAll(database.db, dateOf(new Date()), undefined, {
            changedOnly: true,
            workers: refreshWorkersFor(database.kind),
          });
          progress(`Tidig upptäckt uppdaterad: ${summaries.reduce((s, x) => s + x.students, 0)} elever.`);
        } catch (err) {
          problems.push(`tidig upptäckt kunde inte uppdateras (early warning not refreshed): ${safeMessage(err)}`);
        }
      }
    });
  } catch (err) {
    problems.push(err instanceof UsageError ? err.message : safeMessage(err));
  }
  const status = problems.length === 0 ? 'completed' : 'failed';
  return { status, reason: problems.length > 0 ? problems.join('; ') : null, reports };
}

/** `fullfolj import ss12000 <dir>` or `fullfolj import ss12000 --url <base> --token <token>`. */
export function registerImport(program: Command): void {
  const command = program.command('import').description('Importera data (import data)');
  command
    .command('ss12000')
    .description('Importera SS 12000 v2.1-dokument från en mapp eller ett SS 12000-API (import SS 12000 documents)')
    .argument('[dir]', 'mapp med en huvudmans dokument, eller en mapp med en undermapp per huvudman')
    .option('--url <base>', 'SS 12000-API:ts bas-URL (base URL of a live SS 12000 API)')
    .option('--token <token>', 'Bearer-token för API:t; eller miljövariabeln SS12000_TOKEN')
    .option('--batch-size <n>', 'dokument per sida och transaktion (documents per page/transaction)')
    .option('--max-pages <n>', 'API: högst så många sidor per endpoint, standard 100000 (most pages per endpoint)')
    .option('--max-response-mb <n>', 'API: största svar i MiB, standard 50 (largest response)')
    .option('--timeout <seconds>', 'API: tidsgräns per anrop i sekunder, standard 30 (per-request timeout)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (dir: string | undefined, opts: ImportOptions) => {
      const result = await runImportCommand(dir, opts);
      if (result.reason) progress(`Fel: ${result.reason}`);
      printResult(opts, result, () =>
        [...result.reports.map((r) => formatReport(r)), ...(result.reason ? [`Importen misslyckades: ${result.reason}`] : [])].join('\n\n'),
      );
      if (result.status !== 'completed') process.exitCode = 1;
    });
}
