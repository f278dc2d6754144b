/**
 * Completion against goals (the follow-up module, #15): per municipality its organisers' latest cohort with a 4-year
 * figure — starters and those with a diploma (or a diploma or study certificate) — protected as one grid with the
 * region's total, and the organisers' goals on and off track. As of the month's last day.
 */
import { completionAgainstGoals, completionGoalsGrid, goalStatusTable } from '../../follow-up/region-completion.ts';
import { both, protectGrid } from '../grid.ts';
import type { SectionProvider } from './section.ts';

export const completionSection: SectionProvider = {
  key: 'completion',
  title: both('Fullföljda studier mot målen', 'Completion against goals'),
  async build(scope) {
    const rows = await completionAgainstGoals(scope.db, scope.municipalities, scope.to);
    if (rows.every((r) => r.cohort === null && r.goals.length === 0)) return { tables: [] };
    const goals = goalStatusTable(rows);
    return {
      tables: [protectGrid(completionGoalsGrid(rows)), ...(goals.rows.length > 0 ? [goals] : [])],
      note: both(
        'Gymnasieskolan: elever som började i årskurs 1, räknade vid månadens slut. Målen är huvudmännens egna.',
        "Upper-secondary school: students who started year 1, counted at the month's end. The goals are the organisers' own.",
      ),
    };
  },
};
