import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/db/client.ts';
import { completionCohorts } from '../../server/modules/follow-up/completion.ts';
import { runKoladaFetch } from '../../server/modules/follow-up/kolada-store.ts';
import { sideBySide, workersFor } from '../../server/platform/side-by-side.ts';
import { withDatabase } from '../database.ts';
import { printResult, progress } from '../output.ts';
import { todayOption } from './model.ts';

interface KoladaOpts {
  baseUrl?: string;
  from?: string;
  to?: string;
  timeout?: string;
  json?: boolean;
}

/** Fetches Kolada's completion figures for every municipality with an organiser in the installation, and Riket. */
async function koladaAction(opts: KoladaOpts): Promise<void> {
  const thisYear = new Date().getUTCFullYear();
  const from = Number(opts.from ?? 2015);
  const to = Number(opts.to ?? thisYear);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 2000 || to > 2100 || from > to)
    throw new Error('--from och --to ska vara år, 2000–2100, från före till (years).');
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const summary = await withDatabase(async ({ db }) => {
    const rows = await queryRows<{ code: string }>(db, sql`SELECT DISTINCT municipality_code AS code FROM organisers ORDER BY 1`);
    progress(`Hämtar Kolada för ${rows.length} kommuner och riket, ${from}–${to} …`);
    return runKoladaFetch(db, {
      municipalities: rows.map((r) => r.code),
      years,
      now: () => new Date(),
      options: { baseUrl: opts.baseUrl, timeoutMs: opts.timeout ? Number(opts.timeout) * 1000 : undefined },
    });
  });
  printResult(opts, summary, () =>
    summary.status === 'ok'
      ? `Kolada: ${summary.stored} värden sparade (${summary.requests} anrop).` +
        (summary.missingYears.length ? ` Inga värden för ${summary.missingYears.join(', ')}.` : '')
      : `Kolada: hämtningen misslyckades — ${summary.message} Senast hämtade data finns kvar.`,
  );
  if (summary.status !== 'ok') process.exitCode = 1;
}

const koladaOptions = (cmd: Command) =>
  cmd
    .option('--base-url <url>', 'Koladas adress (default https://api.kolada.se)')
    .option('--from <year>', 'första året (default 2015)')
    .option('--to <year>', 'sista året (default i år)')
    .option('--timeout <seconds>', 'tidsgräns per anrop i sekunder (default 30)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(koladaAction);

/** `fullfolj follow-up kolada|report` and `fullfolj kolada fetch`: the national comparison and the completion figures. */
export function registerFollowUp(program: Command): void {
  const cmd = program.command('follow-up').description('Uppföljning: fullföljande, mål, Kolada (follow-up)');
  koladaOptions(cmd.command('kolada').description('Hämta Koladas siffror om fullföljande (fetch Kolada, run nightly)'));
  koladaOptions(program.command('kolada').command('fetch').description('Samma som follow-up kolada (fetch Kolada)'));
  cmd
    .command('report')
    .description('Andel med examen inom 3, 4 och 5 år per huvudman och årskull, små tal dolda (completion report)')
    .option('--today <date>', 'dagen att räkna per, ÅÅÅÅ-MM-DD (default: i dag)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { today?: string; json?: boolean }) => {
      const today = todayOption(opts.today);
      const organisers = await withDatabase(async ({ db, kind }) => {
        const list = await queryRows<{ id: string; name: string }>(db, sql`SELECT id, name FROM organisers WHERE active ORDER BY name`);
        // One organiser per core side by side on PostgreSQL; the report keeps the name order.
        const reports = await sideBySide(list, workersFor(kind), async (org) => ({
          name: org.name,
          cohorts: (await completionCohorts(db, org.id, 'all', today)).map((c) => {
            const all = c.groups.find((g) => g.dimension === 'all')!;
            return {
              startYear: c.startYear,
              starters: all.starters,
              within: all.within.map((w) => ({ years: w.years, examen: w.share.examen, examenOrStudiebevis: w.share.examenOrStudiebevis })),
            };
          }),
        }));
        return reports.filter((o) => o.cohorts.length > 0);
      });
      const pct = (x: number | null) => (x === null ? 'dolt' : `${(x * 100).toFixed(1).replace('.', ',')} %`);
      printResult(opts, { today, organisers }, () =>
        organisers
          .map((o) =>
            [
              o.name,
              ...o.cohorts.map(
                (c) =>
                  `  började ${c.startYear} (${c.starters ?? 'dolt'} elever): ` +
                  (c.within.map((w) => `examen inom ${w.years} år ${pct(w.examen)}`).join(', ') || 'inte mätt än'),
              ),
            ].join('\n'),
          )
          .join('\n'),
      );
    });
}
