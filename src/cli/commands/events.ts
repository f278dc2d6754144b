import type { Command } from 'commander';
import { defaultRetentionDays, pruneSignups } from '../../server/modules/events/retention.ts';
import { withDatabase } from '../database.ts';
import { printResult } from '../output.ts';

/**
 * `fullfolj events prune [--days N] [--json]`: the sign-ups' retention rule (docs/region-network.md) — names, e-mail
 * addresses and written organisations of sign-ups to events that ended more than N days ago (30 by default) are
 * deleted; the organiser and role stay for the participation counts. Suitable for a nightly timer.
 */
export function registerEvents(program: Command): void {
  const events = program.command('events').description('Regionens evenemang (network events)');
  events
    .command('prune')
    .description('Radera anmälningarnas personuppgifter efter evenemanget (delete sign-ups’ personal data after the event)')
    .option('--days <n>', 'dagar efter evenemangets slut', String(defaultRetentionDays))
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { days: string; json?: boolean }) => {
      const days = Number(opts.days);
      if (!Number.isInteger(days) || days < 1 || days > 3650)
        throw new Error('--days ska vara ett heltal 1–3650 (days must be an integer 1–3650).');
      const result = await withDatabase(({ db }) => pruneSignups(db, new Date(), days));
      printResult(
        opts,
        { status: 'ok', days, ...result },
        () => `${result.anonymised} anmälningar rensade (evenemang som slutade före ${result.before}).`,
      );
    });
}
