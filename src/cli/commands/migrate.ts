import type { Command } from 'commander';
import { withDatabase } from '../database.ts';
import { printResult } from '../output.ts';

/** `fullfolj migrate`: applies the migration set (start does this too). */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Uppdatera databasens schema (apply database migrations)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { json?: boolean }) => {
      const kind = await withDatabase(async (d) => d.kind);
      printResult(opts, { migrated: true, database: kind }, () => `Databasen (${kind}) är uppdaterad.`);
    });
}
