import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { organisers } from '../../server/db/schema/index.ts';
import { runNightly } from '../../server/modules/kaa/nightly.ts';
import { workersFor } from '../../server/platform/side-by-side.ts';
import { importPopulation, problemMessage } from '../../server/modules/kaa/population-import.ts';
import { withDatabase } from '../database.ts';
import { printResult } from '../output.ts';
import { todayOption } from './model.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `fullfolj kaa refresh|import-population`: the nightly run (notices between organisers, then every municipality's
 * target group) and the population-file import for files larger than the web form takes (docs/kaa.md).
 */
export function registerKaa(program: Command): void {
  const cmd = program
    .command('kaa')
    .description('Kommunernas aktivitetsansvar: målgrupp och meddelanden (the municipal activity responsibility)');
  cmd
    .command('refresh')
    .description('Skicka meddelanden mellan huvudmän och räkna om varje kommuns målgrupp (nightly: notices, then target groups)')
    .option('--today <date>', 'datum att räkna per, ÅÅÅÅ-MM-DD (default: i dag i svensk tid)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { today?: string; json?: boolean }) => {
      const asOf = todayOption(opts.today);
      const result = await withDatabase(({ db, kind }) => runNightly(db, asOf, new Date(), workersFor(kind)));
      printResult(opts, result, () =>
        [
          `Aktivitetsansvaret per ${asOf}:`,
          `  meddelanden: ${result.notices.sent} skickade (${result.notices.delivered} levererade inom Fullfölj, ${result.notices.awaitingExport} väntar på fil), ${result.notices.proposed} frånvaroförslag till rektor`,
          ...result.municipalities.map(
            (m) =>
              `  ${m.name}: ${m.inGroup} i målgruppen (${m.registered} nya, ${m.deregistered} avregistrerade av ${m.evaluated} i folkbokföringen)`,
          ),
        ].join('\n'),
      );
    });
  cmd
    .command('import-population <file>')
    .description('Läs in en folkbokföringsfil (CSV, docs/kaa.md) för en kommun och räkna om målgruppen')
    .requiredOption('--organiser <id>', 'kommunens huvudman (organiser id)')
    .option('--today <date>', 'datum att räkna per, ÅÅÅÅ-MM-DD')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (file: string, opts: { organiser: string; today?: string; json?: boolean }) => {
      if (!uuidPattern.test(opts.organiser)) throw new Error(`--organiser ska vara en huvudmans id (uuid).`);
      const asOf = todayOption(opts.today);
      const text = readFileSync(file, 'utf8');
      const result = await withDatabase(async ({ db }) => {
        const [o] = await db.select({ kind: organisers.kind }).from(organisers).where(eq(organisers.id, opts.organiser));
        if (o?.kind !== 'municipal') throw new Error('Organisatören är ingen kommun i den här installationen.');
        return db.transaction((tx) => importPopulation(tx, opts.organiser, text, { asOf, importedBy: null }));
      });
      const problems = result.problems.map(problemMessage);
      printResult(opts, { ...result, problems }, () =>
        [
          `${result.rowsAccepted} av ${result.rowsTotal} rader inlästa, ${result.rowsRejected} avvisade; ${result.refresh.inGroup} i målgruppen.`,
          ...problems.map((p) => `  ${p}`),
        ].join('\n'),
      );
      if (result.rowsAccepted === 0 && result.rowsTotal >= 0 && problems.length > 0) process.exitCode = 1;
    });
}
