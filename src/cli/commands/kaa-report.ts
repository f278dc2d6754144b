import type { Command } from 'commander';
import { asc, eq, sql } from 'drizzle-orm';
import { organisers } from '../../server/db/schema/index.ts';
import { scbCodes, unverified } from '../../server/modules/kaa/report/codes.ts';
import { reportArea, reportFor } from '../../server/modules/kaa/report/load.ts';
import { withDatabase } from '../database.ts';
import { printResult } from '../output.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `fullfolj kaa report --half 2026H2 [--organiser <id>] [--json]`: the half-year report's summary and its failing
 * checks counted per part of the file and field, per municipal organiser. No names or civic numbers reach the
 * terminal (an operator reads it): the failures by name and the file itself are in the web app, behind the officer's
 * sign-in and the access log. Adds itself to the `kaa` command (created here when it does not exist yet).
 */
export function registerKaaReport(program: Command): void {
  const kaa = program.commands.find((c) => c.name() === 'kaa') ?? program.command('kaa').description('Kommunala aktivitetsansvaret (KAA)');
  kaa
    .command('report')
    .description('Halvårsrapporten till SCB: sammanställning och fel per fält, utan namn (the half-year report, no names)')
    .requiredOption('--half <half>', 'halvåret, till exempel 2026H2 (the half-year)')
    .option('--organiser <id>', 'bara denna huvudman (organiser id)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { half: string; organiser?: string; json?: boolean }) => {
      if (!/^(19|20|21)\d{2}H[12]$/.test(opts.half)) throw new Error(`--half ska vara ett halvår som 2026H2, inte "${opts.half}".`);
      if (opts.organiser !== undefined && !uuidPattern.test(opts.organiser))
        throw new Error(`--organiser ska vara en huvudmans id (uuid), inte "${opts.organiser}".`);
      const codes = scbCodes();
      const reports = await withDatabase(async ({ db }) => {
        const chosen = await db
          .select({ id: organisers.id, name: organisers.name })
          .from(organisers)
          .where(opts.organiser ? eq(organisers.id, opts.organiser) : sql`${organisers.kind} = 'municipal'`)
          .orderBy(asc(organisers.name));
        if (opts.organiser && chosen.length === 0) throw new Error(`Ingen huvudman har id ${opts.organiser}.`);
        const out = [];
        for (const o of chosen) {
          const area = await reportArea(db, o.id);
          if (!area) continue;
          const report = await reportFor(db, area, opts.half);
          const byField = new Map<string, { block: string; field: string; count: number }>();
          for (const f of report.failures) {
            const key = `${f.block.sv}|${f.field.sv}|${f.problem.sv}`;
            const entry = byField.get(key) ?? { block: f.block.sv, field: `${f.field.sv} ${f.problem.sv}`, count: 0 };
            entry.count++;
            byField.set(key, entry);
          }
          out.push({
            organiser: { id: o.id, name: o.name },
            municipality: area.municipality,
            summary: report.summary,
            failures: report.failures.length,
            youthsWithFailures: new Set(report.failures.map((f) => f.personId)).size,
            failuresByField: [...byField.values()],
            digest: report.digest,
          });
        }
        return out;
      });
      const ready = reports.filter((r) => r.failures === 0 && r.summary.youths > 0).length;
      printResult(
        opts,
        {
          status: 'ok',
          half: opts.half,
          codeListVersion: codes.version,
          codeListUnverified: unverified(codes),
          reports,
        },
        () =>
          [
            `Halvårsrapport ${opts.half} (kodlista ${codes.version}${unverified(codes) ? ', ej kontrollerad mot SCB:s instruktioner' : ''}):`,
            ...reports.map(
              (r) =>
                `  ${r.organiser.name}: ${r.summary.youths} unga, ${r.summary.rows} rader, ${r.summary.contacted} med kontakt, ` +
                `${r.summary.measuresStarted} åtgärder, ${r.summary.deregistered} avregistrerade; ` +
                (r.failures === 0 ? 'alla kontroller godkända' : `${r.failures} fel hos ${r.youthsWithFailures} unga`) +
                r.failuresByField.map((f) => `\n    ${f.block}: ${f.field} (${f.count})`).join(''),
            ),
            `${ready} av ${reports.length} kommuner är klara att rapportera. Exportera filen i webbappen (Halvårsrapport KAA).`,
          ].join('\n'),
      );
    });
}
