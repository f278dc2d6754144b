import type { Command } from 'commander';
import { demoReport, generateDemoRegion, seedDemoRegion, writeDemoRegion } from '../../ingest/demo/index.ts';
import { summarizeDatabase } from '../../server/platform/summary.ts';
import type { DbOrTx } from '../../server/db/client.ts';
import { withDatabase } from '../database.ts';
import { printResult, progress } from '../output.ts';
import { bootstrapEarlyWarning } from '../../server/modules/early-warning/bootstrap.ts';
import { dateOf } from '../../server/platform/dates.ts';
import { createDemoAccounts } from '../../server/modules/auth/demo-accounts.ts';
import { seedDemoInterventions } from '../../ingest/demo/interventions.ts';
import { seedDemoKaa } from '../../ingest/demo/kaa.ts';
import { seedDemoHandovers } from '../../ingest/demo/handovers.ts';
import { seedKnowledgeBank } from '../../ingest/knowledge-bank/seed.ts';
import { seedDemoGoals, seedDemoRegionGoals } from '../../ingest/demo/follow-up.ts';
import { seedDemoChallenges } from '../../ingest/demo/challenges.ts';
import { seedDemoEvents } from '../../ingest/demo/events.ts';
import { seedDemoPlans } from '../../ingest/demo/plans.ts';
import { seedDemoRegionReports } from '../../ingest/demo/region-reports.ts';

interface SeedOptions {
  scale: string;
  seed: string;
  today?: string;
  out?: string;
  report?: boolean;
  json?: boolean;
  knowledgeBank?: boolean;
}

function parseNumber(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} ska vara ett tal, inte "${value}"`);
  return n;
}

/**
 * The rest of what npm start seeds in the background (ingest/demo/background.ts), by the same functions and in its
 * order: the organisers' completion goals, the network, the year of monthly reports, then the region's goals (set
 * today, so the reports before it do not show them). Returns what was seeded, for `--json`.
 */
export async function seedGoalsNetworkAndReports(db: DbOrTx, today: string) {
  const organisers = await seedDemoGoals(db, today);
  const network = {
    challenges: await seedDemoChallenges(db, today),
    events: await seedDemoEvents(db, today),
    implementationPlans: await seedDemoPlans(db, today),
  };
  const monthlyReports = await seedDemoRegionReports(db, today);
  return { completionGoals: { organisers, region: await seedDemoRegionGoals(db, today) }, network, monthlyReports };
}

/**
 * `fullfolj seed`: the demo region. `--report` generates only and prints the figures beside the
 * published ones; `--out` writes SS 12000 files; otherwise it loads an EMPTY database through the importer.
 */
export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Skapa demoregionen Skaraborg (generate and load the demo region)')
    .option('--scale <n>', 'storlek; 1 = en tiondel av Skaraborg (size; 1 = a tenth of Skaraborg)', '1')
    .option('--seed <n>', 'slumpfrö (random seed)', '1')
    .option('--today <date>', 'datum regionen byggs kring, ÅÅÅÅ-MM-DD (default: today)')
    .option('--out <dir>', 'skriv SS 12000-filer i stället för att ladda databasen (write files instead)')
    .option('--report', 'visa genererade nyckeltal bredvid publicerade (figures beside targets; no database)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .option(
      '--knowledge-bank',
      'bara kunskapsbankens källbelagda poster, i vilken databas som helst (only the knowledge bank seed; any database)',
    )
    .action(async (opts: SeedOptions) => {
      if (opts.knowledgeBank) {
        const knowledgeBank = await withDatabase((database) => seedKnowledgeBank(database.db));
        printResult(
          opts,
          knowledgeBank,
          () =>
            `Kunskapsbanken: ${knowledgeBank.inserted} nya, ${knowledgeBank.updated} uppdaterade, ${knowledgeBank.unchanged} oförändrade, ` +
            `${knowledgeBank.keptEdited} ändrade av redaktör (lämnade orörda)`,
        );
        return;
      }
      const options = {
        seed: parseNumber(opts.seed, 'seed'),
        scale: parseNumber(opts.scale, 'scale'),
        ...(opts.today ? { today: opts.today } : {}),
      };
      if (opts.report || opts.out) {
        const region = generateDemoRegion(options);
        const folders = opts.out ? writeDemoRegion(opts.out, region) : [];
        const figures = demoReport(region);
        printResult(opts, opts.report ? { figures } : { folders }, () =>
          [
            ...(opts.out ? [`Skrev ${folders.length} huvudmäns SS 12000-filer till ${opts.out}`] : []),
            ...figures.map((f) => `${f.name}: ${(f.generated * 100).toFixed(1)} % (publicerat ${(f.target * 100).toFixed(1)} %)`),
          ].join('\n'),
        );
        return;
      }
      const summary = await withDatabase(async (database) => {
        const before = await summarizeDatabase(database.db);
        if (before.organisers > 0) {
          throw new Error(
            `Databasen har redan ${before.organisers} huvudmän; demoregionen laddas bara i en tom databas. Riktiga data läses in ` +
              `med \`fullfolj import\`, som tål att köras om (the database is not empty; real data comes in with \`fullfolj import\`, which is idempotent).`,
          );
        }
        const seeded = await seedDemoRegion(database, { ...options, onProgress: (m) => progress(m) });
        const today = options.today ?? dateOf(new Date());
        const earlyWarning = await bootstrapEarlyWarning(database.db, today, { onProgress: progress });
        // The student-health history needs the demo accounts (responsible persons), so they are made here too.
        await createDemoAccounts(database, { asOf: today });
        const interventions = await seedDemoInterventions(database, { today, seed: options.seed, onProgress: progress });
        // The KAA register (population files, notices, a year of work) as on npm start: after the accounts.
        const kaa = await seedDemoKaa(database, { today, seed: options.seed, onProgress: progress });
        const handovers = await seedDemoHandovers(database.db, { today, seed: options.seed });
        const { completionGoals, network, monthlyReports } = await seedGoalsNetworkAndReports(database.db, today);
        const knowledgeBank = await seedKnowledgeBank(database.db);
        return { ...seeded, earlyWarning, interventions, kaa, handovers, completionGoals, network, monthlyReports, knowledgeBank };
      });
      printResult(
        opts,
        summary,
        () =>
          `Demoregionen är laddad: ${summary.organisers} huvudmän, ${summary.schoolUnits} skolenheter, ${summary.students} elevposter, ` +
          `${summary.documents} dokument på ${(summary.durationMs / 1000).toFixed(1)} s; mål för fullföljande hos ` +
          `${summary.completionGoals.organisers} huvudmän och ${summary.completionGoals.region} för regionen, ` +
          `${summary.monthlyReports} publicerade månadsrapporter`,
      );
    });
}
