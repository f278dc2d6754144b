/**
 * Loads the demo-region seeder only when an empty database needs it: the generator is large and
 * a normal start never runs it. The signature is the demo module's (src/ingest/demo/index.ts).
 */
import type { Database } from '../server/db/client.ts';

/** Options of `seedDemoRegion`. */
export interface SeedDemoOptions {
  seed: number;
  scale: number;
  /** ISO date the region is generated around; default: today. */
  today?: string;
  onProgress?: (message: string) => void;
}

/** `seedDemoRegion(database, options)`, returning its summary of counts. */
export type SeedDemoRegion = (database: Database, options: SeedDemoOptions) => Promise<unknown>;

/** The demo module's seeder, or null when this checkout does not have the demo module yet. */
export async function loadDemoSeeder(): Promise<SeedDemoRegion | null> {
  // A computed specifier: the module is typed by SeedDemoRegion above until it lands (see start.ts).
  const specifier = new URL('../ingest/demo/index.ts', import.meta.url).href;
  try {
    const mod = (await import(specifier)) as { seedDemoRegion?: SeedDemoRegion };
    return mod.seedDemoRegion ?? null;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes('ingest/demo')) return null;
    throw err;
  }
}
