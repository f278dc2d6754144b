/**
 * Completion against goals (the follow-up module, #15): per municipality its organisers' latest cohort with a 4-year
 * figure — starters and those with a diploma (or a diploma or study certificate) — protected as one grid with the
 * region's total, the organisers' goals on and off track, and the region's own goals (baseline, target year, latest
 * value, the path's value, on track) or a note that it has none. As of the month's last day.
 */
import { completionAgainstGoals, completionGoalsGrid, goalStatusTable } from '../../follow-up/region-completion.ts';
import { cohortCountsByTenant, regionCompletionAgainstGoals, regionGoalsOf } from '../../follow-up/region-goals.ts';
import { noRegionGoals, regionGoalsTable } from '../../follow-up/region-goals-table.ts';
import { both, protectGrid } from '../grid.ts';
import { tenantsOf, type SectionProvider } from './section.ts';

const note = both(
  'Gymnasieskolan: elever som började i årskurs 1, räknade vid månadens slut. Huvudmännens mål är deras egna.',
  "Upper-secondary school: students who started year 1, counted at the month's end. The organisers' goals are their own.",
);

export const completionSection: SectionProvider = {
  key: 'completion',
  title: both('Fullföljda studier mot målen', 'Completion against goals'),
  async build(scope) {
    // Each organiser is counted once; the municipalities' grid and the region's goals are built from the same counts.
    const counts = await cohortCountsByTenant(scope.db, tenantsOf(scope), scope.to);
    const hasRegionGoals = (await regionGoalsOf(scope.db, scope.region.id)).length > 0;
    const regionGoals = hasRegionGoals ? await regionCompletionAgainstGoals(scope.db, scope.region.id, scope.to, counts) : null;
    const rows = await completionAgainstGoals(scope.db, scope.municipalities, scope.to, counts);
    if (rows.every((r) => r.cohort === null && r.goals.length === 0) && !regionGoals?.goals.length) return { tables: [] };
    const goals = goalStatusTable(rows);
    return {
      tables: [
        protectGrid(completionGoalsGrid(rows)),
        ...(goals.rows.length > 0 ? [goals] : []),
        ...(regionGoals?.goals.length ? [regionGoalsTable(regionGoals.goals)] : []),
      ],
      note: regionGoals?.goals.length ? note : { sv: `${note.sv} ${noRegionGoals.sv}`, en: `${note.en} ${noRegionGoals.en}` },
    };
  },
};
