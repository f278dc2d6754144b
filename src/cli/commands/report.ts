import type { Command } from 'commander';
import { generateDraft, publishDraft } from '../../server/modules/region/report/generate.ts';
import { regionBySlug } from '../../server/modules/region/store.ts';
import { withDatabase } from '../database.ts';
import { printResult } from '../output.ts';

/**
 * `fullfolj report monthly --region <slug> --month 2026-11 [--publish] [--json]`: generates the month's draft of the
 * region's steering report from live data (suitable for a monthly timer; the coordinator adds the commentary and
 * publishes in the web app, or `--publish` publishes at once). Aggregates only: no name reaches the terminal.
 */
export function registerReport(program: Command): void {
  const report = program.commands.find((c) => c.name() === 'report') ?? program.command('report').description('Rapporter (reports)');
  report
    .command('monthly')
    .description("Regionens månadsrapport till styrgruppen (the region's monthly steering report)")
    .requiredOption('--region <slug>', 'regionen, till exempel skaraborg')
    .option('--month <month>', 'månaden, till exempel 2026-11 (förra månaden om den saknas)')
    .option('--publish', 'publicera utkastet som en ny version (publish as a new version)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { region: string; month?: string; publish?: boolean; json?: boolean }) => {
      const now = new Date();
      const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
      const month = opts.month ?? lastMonth;
      if (!/^(20\d\d|2100)-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`--month ska vara en månad som 2026-11, inte "${month}".`);
      const result = await withDatabase(async ({ db }) => {
        const region = await regionBySlug(db, opts.region);
        if (!region) throw new Error(`Det finns ingen region som heter "${opts.region}" (se fullfolj region list).`);
        return db.transaction(async (tx) => {
          const draft = await generateDraft(tx, region, month, now);
          const published = opts.publish ? await publishDraft(tx, region.id, month, null, now) : null;
          return { draft, published };
        });
      });
      const { content } = result.draft;
      printResult(
        opts,
        { status: 'ok', region: opts.region, month, publishedVersion: result.published?.version ?? null, report: content },
        () =>
          [
            `Månadsrapport ${content.monthName.sv} för ${content.region.sv}${result.published ? ` (publicerad som version ${result.published.version})` : ' (utkast)'}:`,
            ...content.sections.map((s) => `  ${s.title.sv}: ${s.empty ? (s.note?.sv ?? '') : `${s.tables.length} tabeller`}`),
          ].join('\n'),
      );
    });
}
