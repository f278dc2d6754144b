import type { Command } from 'commander';
import { asc, eq } from 'drizzle-orm';
import { organisers } from '../../server/db/schema/index.ts';
import { dashboardFigures, type DashboardFigures } from '../../server/modules/interventions/dashboard.ts';
import { runDigest } from '../../server/modules/interventions/digest.ts';
import { runRetention } from '../../server/modules/interventions/retention.ts';
import { withDatabase } from '../database.ts';
import { printResult } from '../output.ts';
import { todayOption } from './model.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A count as printed: '<5' when it is small, 'dolt' when it is hidden so that a small one cannot be worked out. */
const shown = (n: number | null, why: string | null | undefined) => (n !== null ? String(n) : why === 'complementary' ? 'dolt' : '<5');
const line = (label: string, f: DashboardFigures) =>
  `  ${label}: ${shown(f.openCases, f.suppressed.openCases)} öppna ärenden, ${shown(f.overdueFollowUps, f.suppressed.overdueFollowUps)} försenade uppföljningar, ` +
  `median ${f.medianDaysToFirstIntervention ?? '–'} dagar till första insats, ` +
  `${f.tier3.share === null ? '–' : `${Math.round(f.tier3.share * 100)} %`} av eleverna i stödnivå 3 har ett ärende`;

/**
 * `fullfolj interventions report|digest|retention`: the dashboard's figures without names, the daily follow-up digest
 * (in-app, and e-mail when FULLFOLJ_SMTP_URL is set) and the retention of closed cases.
 */
export function registerInterventions(program: Command): void {
  const cmd = program.command('interventions').description('Insatser: nyckeltal, påminnelser och gallring (interventions)');
  cmd
    .command('report')
    .description('Nyckeltal per skolenhet och huvudman, utan namn; antal under 5 visas inte (the dashboard figures)')
    .option('--organiser <id>', 'bara denna huvudman (organiser id)')
    .option('--today <date>', 'datum att räkna per, ÅÅÅÅ-MM-DD (default: i dag i svensk tid)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { organiser?: string; today?: string; json?: boolean }) => {
      const asOf = todayOption(opts.today);
      if (opts.organiser !== undefined && !uuidPattern.test(opts.organiser))
        throw new Error(`--organiser ska vara en huvudmans id (uuid), inte "${opts.organiser}".`);
      const result = await withDatabase(async ({ db }) => {
        const chosen = await db
          .select({ id: organisers.id, name: organisers.name })
          .from(organisers)
          .where(opts.organiser ? eq(organisers.id, opts.organiser) : undefined)
          .orderBy(asc(organisers.name));
        if (opts.organiser && chosen.length === 0) throw new Error(`Ingen huvudman har id ${opts.organiser}.`);
        const out = [];
        for (const o of chosen) {
          const d = await dashboardFigures(db, o.id, 'all', asOf);
          out.push({ id: o.id, name: o.name, total: d.organiser, units: d.units, outcomes: d.outcomes });
        }
        return out;
      });
      printResult(opts, { asOf, organisers: result }, () =>
        [
          `Insatser per ${asOf} (antal under 5 visas som <5; dolt = dolt för att skydda en liten grupp):`,
          ...result.flatMap((o) => [line(o.name, o.total), ...o.units.map((u) => line(`  ${u.schoolUnit.name}`, u))]),
        ].join('\n'),
      );
    });

  cmd
    .command('digest')
    .description('Dagens påminnelser om uppföljningar: i appen, och som e-post utan personuppgifter när FULLFOLJ_SMTP_URL är satt')
    .option('--today <date>', 'dagen påminnelserna gäller, ÅÅÅÅ-MM-DD (default: i dag i svensk tid)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { today?: string; json?: boolean }) => {
      const today = todayOption(opts.today);
      const env = process.env;
      const result = await withDatabase((d) =>
        runDigest(d, today, {
          smtpUrl: env.FULLFOLJ_SMTP_URL || undefined,
          from: env.FULLFOLJ_MAIL_FROM || undefined,
          publicUrl: env.FULLFOLJ_PUBLIC_URL || undefined,
        }),
      );
      printResult(
        opts,
        result,
        () =>
          `Påminnelser ${today}: ${result.accounts} personer, ${result.created} nya i appen` +
          (result.smtp
            ? `, ${result.emailed} e-post skickade, ${result.noAddress} utan adress, ${result.failed} misslyckades.`
            : ' (ingen e-post: FULLFOLJ_SMTP_URL är inte satt).'),
      );
      if (result.failed > 0) process.exitCode = 1;
    });

  cmd
    .command('retention')
    .description('Gallra avslutade ärenden äldre än huvudmannens regel (delete closed cases past the retention rule)')
    .option('--today <date>', 'datum att räkna från, ÅÅÅÅ-MM-DD (default: i dag i svensk tid)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { today?: string; json?: boolean }) => {
      const today = todayOption(opts.today);
      const results = await withDatabase((d) => runRetention(d, today));
      const cases = results.reduce((s, r) => s + r.deleted.cases, 0);
      printResult(opts, { today, cases, organisers: results }, () =>
        results.length === 0
          ? 'Ingen huvudman har en gallringsregel för ärenden; inget togs bort.'
          : `Gallring ${today}: ${cases} avslutade ärenden borttagna (${results.map((r) => `${r.tenantId}: ${r.deleted.cases}, stängda före ${r.closedBefore}`).join('; ')}).`,
      );
    });
}
