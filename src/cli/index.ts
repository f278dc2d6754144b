/**
 * `fullfolj <command>`: every command lives in ./commands/<name>.ts, registers itself on the
 * program and takes --json for machine-readable output.
 */
import { Command } from 'commander';
import { registerEarlyWarning } from './commands/early-warning.ts';
import { registerImport } from './commands/import.ts';
import { registerInterventions } from './commands/interventions.ts';
import { registerKnowledge } from './commands/knowledge.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerModel } from './commands/model.ts';
import { registerSeed } from './commands/seed.ts';
import { registerStart } from './commands/start.ts';

const program = new Command('fullfolj')
  .description('Fullfölj — plattform för fullföljda studier (platform for completed upper secondary studies)')
  .showHelpAfterError();

registerMigrate(program);
registerImport(program);
registerSeed(program);
registerStart(program);
registerModel(program);
registerEarlyWarning(program);
registerInterventions(program);
registerKnowledge(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`Fel: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
