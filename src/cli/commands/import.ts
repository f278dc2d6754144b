import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  apiSource, fileSource, importSs12000, isOrganiserDirectory, type ImportProgress, type ImportReport, type Ss12000Source,
} from '../../ingest/ss12000/index.ts';
import { formatReport } from '../../ingest/ss12000/report-text.ts';
import { withDatabase } from '../database.ts';
import { printResult, progress } from '../output.ts';
import { refreshAll } from '../../server/modules/early-warning/refresh.ts';
import { dateOf } from '../../server/platform/dates.ts';

interface ImportOptions { url?: string; token?: string; batchSize?: string; json?: boolean }

/** One organiser per directory: `dir` itself when it has organisations, else each subdirectory that has. */
function organiserDirectories(dir: string): string[] {
  const root = resolve(dir);
  if (isOrganiserDirectory(root)) return [root];
  const dirs = readdirSync(root).sort().map((name) => join(root, name))
    .filter((path) => statSync(path).isDirectory() && isOrganiserDirectory(path));
  if (dirs.length === 0) throw new Error(`${root} har varken organisations.json, organisations/ eller undermappar med dem (no SS 12000 documents found)`);
  return dirs;
}

function sources(dir: string | undefined, opts: ImportOptions): Ss12000Source[] {
  if (dir && opts.url) throw new Error('Ange antingen en mapp eller --url, inte båda (give a directory or --url)');
  if (opts.url) {
    const token = opts.token ?? process.env.SS12000_TOKEN;
    if (!token) throw new Error('--url kräver --token eller miljövariabeln SS12000_TOKEN (a Bearer token is required)');
    return [apiSource({ baseUrl: opts.url, token })];
  }
  if (!dir) throw new Error('Ange en mapp med SS 12000-dokument eller --url (give a directory or --url)');
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
    progress(`  ${p.endpoint}: ${p.pages} sidor, ${p.counts.upserted} nya/ändrade, ${p.counts.unchanged} oförändrade, ${p.counts.rejected} avvisade`);
  };
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
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (dir: string | undefined, opts: ImportOptions) => {
      const list = sources(dir, opts);
      const batchSize = opts.batchSize ? Number(opts.batchSize) : undefined;
      if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) throw new Error('--batch-size ska vara ett positivt heltal');
      const reports: ImportReport[] = await withDatabase(async (database) => {
        const done: ImportReport[] = [];
        for (const source of list) {
          progress(`Importerar ${source.describe()} …`);
          done.push(await importSs12000(database, source, { ...(batchSize ? { batchSize } : {}), onProgress: progressReporter() }));
        }
        // Indicators follow the data: recomputed after every import that completed.
        if (done.some((r) => r.status === 'completed')) {
          const summaries = await refreshAll(database.db, dateOf(new Date()));
          progress(`Tidig upptäckt uppdaterad: ${summaries.reduce((s, x) => s + x.students, 0)} elever.`);
        }
        return done;
      });
      const status = reports.every((r) => r.status === 'completed') ? 'completed' : 'failed';
      printResult(opts, { status, reports }, () => reports.map((r) => formatReport(r)).join('\n\n'));
      if (status !== 'completed') process.exitCode = 1;
    });
}
