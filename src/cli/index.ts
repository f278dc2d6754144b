/**
 * `fullfolj <command>`: every command lives in ./commands/<name>.ts, registers itself on the
 * program and takes --json for machine-readable output.
 */
import { Command } from 'commander';
import { cliErrorMessage } from './error-message.ts';
import { failRunningJob, trackJobRuns } from './job-runs.ts';
import { registerAccount } from './commands/account.ts';
import { registerBackup } from './commands/backup.ts';
import { registerRestore } from './commands/restore.ts';
import { registerRetention } from './commands/retention.ts';
import { registerEarlyWarning } from './commands/early-warning.ts';
import { registerFollowUp } from './commands/follow-up.ts';
import { registerImport } from './commands/import.ts';
import { registerInterventions } from './commands/interventions.ts';
import { registerKnowledge } from './commands/knowledge.ts';
import { registerKaa } from './commands/kaa.ts';
import { registerKaaReport } from './commands/kaa-report.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerModel } from './commands/model.ts';
import { registerEvents } from './commands/events.ts';
import { registerRegion } from './commands/region.ts';
import { registerReport } from './commands/report.ts';
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
registerKaa(program);
registerFollowUp(program);
// `kaa report`: joins the `kaa` command when it is registered above, creates it otherwise.
registerKaaReport(program);
registerEvents(program);
registerRegion(program);
registerReport(program);
registerAccount(program);
registerBackup(program);
registerRestore(program);
registerRetention(program);
trackJobRuns(program);

program.parseAsync(process.argv).catch(async (err: unknown) => {
  await failRunningJob(err);
  const message = cliErrorMessage(err);
  process.stderr.write(`Fel: ${message}\n`);
  // --json promises one machine-readable document on stdout, also when the command failed.
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ status: 'failed', error: message })}\n`);
  process.exitCode = 1;
});
