/**
 * The demo region on `fullfolj start`: seeded into an empty database (by default only the embedded
 * one). Seeding takes a minute or two; a marker file in the embedded database's folder makes a start
 * that was interrupted while seeding finish the job next time (the import is idempotent), instead of
 * leaving half a region that a non-empty database would never complete.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../server/db/client.ts';
import type { Config } from '../server/platform/config.ts';
import { summarizeDatabase, type DatabaseSummary } from '../server/platform/summary.ts';
import { createDemoAccounts, type DemoAccount } from '../server/modules/auth/demo-accounts.ts';
import { progress } from './output.ts';
import { dateOf } from '../server/platform/dates.ts';

/** Set when this process seeded the demo region: the demo accounts' step then adds the student-health history. */
let seededMarker: { path: string | undefined } | null = null;

/** The demo region the platform seeds (Skaraborg at scale 1, fixed seed, around today's date). */
export const demoRegionOptions = { seed: 1, scale: 1 } as const;

/**
 * Whether start seeds the demo region: into a database without organisers (or one whose seeding was
 * interrupted), by default only the embedded one; FULLFOLJ_SEED_DEMO=1 also PostgreSQL, =0 never.
 */
export function shouldSeedDemo(kind: Database['kind'], organisers: number, seedDemo: Config['seedDemo'], interrupted = false): boolean {
  if (seedDemo === false) return false;
  if (organisers > 0 && !interrupted) return false;
  return seedDemo ?? kind === 'pglite';
}

/** Seeds the demo region when `shouldSeedDemo` says so; returns the database's counts afterwards. */
export async function seedDemoIfEmpty(database: Database, config: Config): Promise<DatabaseSummary> {
  const before = await summarizeDatabase(database.db);
  // Only the embedded database has a folder of its own (locked by this process) to keep the marker in.
  const marker = database.kind === 'pglite' ? join(config.dataDir, 'demo-seed.incomplete') : undefined;
  const interrupted = marker !== undefined && existsSync(marker);
  if (!shouldSeedDemo(database.kind, before.organisers, config.seedDemo, interrupted)) return before;
  // Loaded only here: a start on a populated database never loads the generator.
  const { seedDemoRegion } = await import('../ingest/demo/index.ts');
  progress(
    interrupted
      ? 'Förra starten avbröts medan demoregionen skapades: gör klart (finishing the interrupted demo seeding)…'
      : 'Tom databas: skapar demoregionen (empty database: generating and importing the demo region)…',
  );
  if (marker) writeFileSync(marker, `${new Date().toISOString()}\n`);
  const started = Date.now();
  await seedDemoRegion(database, { ...demoRegionOptions, onProgress: (m) => progress(`  ${m}`) });
  const { bootstrapEarlyWarning } = await import('../server/modules/early-warning/bootstrap.ts');
  await bootstrapEarlyWarning(database.db, dateOf(new Date()), { onProgress: (m) => progress(`  ${m}`) });
  const { seedDemoGoals } = await import('../ingest/demo/follow-up.ts');
  progress(`  Mål för fullföljande: ${await seedDemoGoals(database.db, dateOf(new Date()))} huvudmän (completion goals)`);
  // The marker stays until the case history is in (ensureDemoAccounts), so an interruption there seeds again.
  seededMarker = { path: marker };
  progress(`Demoregionen klar på ${((Date.now() - started) / 1000).toFixed(1)} s (demo region ready).`);
  return summarizeDatabase(database.db);
}

/**
 * One demo account per role, scoped to the demo region's largest organiser: on the embedded default,
 * or with FULLFOLJ_SEED_DEMO=1; never otherwise (a real server gets no demo accounts unless asked).
 */
export async function ensureDemoAccounts(database: Database, config: Config): Promise<DemoAccount[]> {
  if (!(config.seedDemo ?? database.kind === 'pglite')) return [];
  const accounts = await createDemoAccounts(database);
  if (seededMarker) {
    // Cases need the demo accounts as responsible persons, so the history comes after them (only for a region seeded now).
    const { seedDemoInterventions } = await import('../ingest/demo/interventions.ts');
    await seedDemoInterventions(database, {
      today: dateOf(new Date()),
      seed: demoRegionOptions.seed,
      onProgress: (m) => progress(`  ${m}`),
    });
    // The KAA register (population files, notices, a year of work) records the demo `kaa` officer's work, so it comes after the accounts.
    const { seedDemoKaa } = await import('../ingest/demo/kaa.ts');
    await seedDemoKaa(database, { today: dateOf(new Date()), seed: demoRegionOptions.seed, onProgress: (m) => progress(`  ${m}`) });
    // The region's network (#16, docs/region-network.md): challenges, Skaraborg's events with sign-ups, two implementation plans.
    const today = dateOf(new Date());
    const { seedDemoChallenges } = await import('../ingest/demo/challenges.ts');
    const { seedDemoEvents } = await import('../ingest/demo/events.ts');
    const { seedDemoPlans } = await import('../ingest/demo/plans.ts');
    const network = [
      await seedDemoChallenges(database.db, today),
      await seedDemoEvents(database.db, today),
      await seedDemoPlans(database.db, today),
    ];
    progress(`  Nätverket: ${network[0]} utmaningar, ${network[1]} evenemang, ${network[2]} implementeringsplaner (network)`);
    // A year of Skaraborg's monthly reports (docs/region.md): ~15 s at scale 0.2, so in the background after start-up.
    const { seedDemoRegionReports } = await import('../ingest/demo/region-reports.ts');
    const reportsStarted = Date.now();
    void seedDemoRegionReports(database.db, today)
      .then((n) =>
        progress(`  Månadsrapporter: ${n} publicerade på ${((Date.now() - reportsStarted) / 1000).toFixed(1)} s (monthly reports)`),
      )
      .catch(() => progress('  Månadsrapporterna avbröts; skapa dem med fullfolj report monthly (monthly reports interrupted)'));
    if (seededMarker.path) rmSync(seededMarker.path, { force: true });
    seededMarker = null;
  }
  return accounts;
}
