import type { Command } from 'commander';
import { recordsDueForReview, reviewIntervalMonths } from '../../server/modules/knowledge-bank/review-reminders.ts';
import { withDatabase } from '../database.ts';
import { printResult } from '../output.ts';
import { todayOption } from './model.ts';

/** `fullfolj knowledge review-reminders`: the knowledge bank's published records due for an editor's review. */
export function registerKnowledge(program: Command): void {
  const cmd = program.command('knowledge').description('Kunskapsbanken (the knowledge bank)');
  cmd
    .command('review-reminders')
    .description(`Publicerade poster som inte granskats på ${reviewIntervalMonths} månader, eller aldrig (records due for review)`)
    .option('--today <date>', 'dagen att räkna från, ÅÅÅÅ-MM-DD (default: i dag i svensk tid)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { today?: string; json?: boolean }) => {
      const today = todayOption(opts.today);
      const records = await withDatabase(({ db }) => recordsDueForReview(db, today));
      printResult(opts, { today, months: reviewIntervalMonths, records }, () =>
        records.length === 0
          ? `Inga poster behöver granskas ${today}.`
          : [
              `${records.length} poster behöver granskas ${today} (senast granskade för ${reviewIntervalMonths} månader sedan eller mer, eller aldrig):`,
              ...records.map(
                (r) =>
                  `  ${r.nameSv} (${r.slug}): ${r.lastReviewedOn ? `granskad ${r.lastReviewedOn}, skulle granskas ${r.dueOn}` : `aldrig granskad, publicerad ${r.dueOn}`}`,
              ),
            ].join('\n'),
      );
    });
}
