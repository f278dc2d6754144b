/**
 * The demo region on `fullfolj start`: seeded into an empty database (by default only the embedded
 * one). Before the server listens: the region generated and imported, today's early detection by the indicator rules,
 * the demo accounts and the student-health cases; the rest in the background after listen, its progress on
 * `/api/health/ready` (../ingest/demo/background.ts). A marker file in the embedded database's folder makes a start
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
/** Set when the demo's background steps are due: started by `startDemoBackground` once the server listens. */
let pendingBackground: { marker: string | undefined } | null = null;

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
  const today = dateOf(new Date());
  await seedDemoRegion(database, { ...demoRegionOptions, today, onProgress: (m) => progress(`  ${m}`) });
  // Today's early detection by the indicator rules, so the worklists are there when the server listens; the models,
  // the weeks of history and the rest follow in the background (../ingest/demo/background.ts).
  const { refreshAll, refreshWorkersFor } = await import('../server/modules/early-warning/refresh.ts');
  const refreshed = await refreshAll(database.db, today, undefined, { workers: refreshWorkersFor(database.kind) });
  progress(`  Tidig upptäckt per ${today}: ${refreshed.reduce((n, r) => n + r.students, 0)} elever (early detection by the rules)`);
  // The marker stays until the background steps are done (ensureDemoAccounts), so an interruption there seeds again.
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
    // The rest — models, history, goals, KAA, network, monthly reports — once the server listens (startDemoBackground).
    pendingBackground = { marker: seededMarker.path };
    seededMarker = null;
  }
  return accounts;
}

/**
 * Starts the demo's background steps (../ingest/demo/background.ts) when this start seeded the region; call it after
 * `listen`: on the embedded database every query waits for the transaction in progress, so steps started earlier would
 * hold the server back. Progress on stderr and in `job_runs` (shown by `/api/health/ready`); the marker file is removed
 * when the last step is done. Returns at once; the steps' promise never rejects.
 */
export async function startDemoBackground(database: Database): Promise<void> {
  if (!pendingBackground) return;
  const { marker } = pendingBackground;
  pendingBackground = null;
  const { runDemoBackground } = await import('../ingest/demo/background.ts');
  progress('  Resten av demoregionen skapas i bakgrunden (the rest of the demo region is seeded in the background)…');
  void runDemoBackground(database, { today: dateOf(new Date()), seed: demoRegionOptions.seed, onProgress: (m) => progress(`  ${m}`) })
    .then((seconds) => {
      if (marker) rmSync(marker, { force: true });
      progress(`Demoregionen klar i bakgrunden på ${seconds.toFixed(1)} s (demo region complete).`);
    })
    .catch(() =>
      progress('  Demoregionens bakgrundssteg avbröts; nästa start gör klart (background seeding interrupted; the next start finishes it)'),
    );
}
