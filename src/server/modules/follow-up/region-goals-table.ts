/**
 * The region's goals as a table of the monthly report (docs/follow-up.md): per goal its baseline, target year, latest
 * value, the path's value that year and whether it is on track, written out in both languages (shares with a decimal
 * comma in Swedish). Goals are not people and the shares come suppressed from `regionCompletionAgainstGoals`, so no
 * count is shown here.
 */
import type { GoalProgress } from '../../../shared/follow-up/goals.ts';
import type { Cell, FigureTable, RegionLabel } from '../../../shared/region/contract.ts';

const both = (sv: string, en: string): RegionLabel => ({ sv, en });

/** A share (0.336) as "33,6 %" / "33.6 %"; a dash when unknown. */
export function shareText(x: number | null): RegionLabel {
  if (x === null) return both('–', '–');
  const en = (Math.round(x * 1000) / 10).toFixed(1);
  return both(`${en.replace('.', ',')} %`, `${en} %`);
}

const text = (label: RegionLabel): Cell => ({ value: null, suppressed: null, text: label });

const status: Record<GoalProgress['status'], RegionLabel> = {
  'on-track': both('Ja', 'Yes'),
  'off-track': both('Nej', 'No'),
  unknown: both('Inget värde än', 'No figure yet'),
};

/** The region's goals, one row each: baseline, target year, latest value (its year), the path then, on track. */
export function regionGoalsTable(goals: readonly GoalProgress[]): FigureTable {
  return {
    caption: both('Regionens mål: andel utan fullföljd utbildning', "The region's goals: share not completing"),
    columns: [
      both('Utgångsvärde', 'Baseline'),
      both('Målår', 'Target year'),
      both('Mål', 'Target'),
      both('Senaste värde', 'Latest value'),
      both('Vägen till målet samma år', 'The path to the goal that year'),
      both('I fas', 'On track'),
    ],
    rows: goals.map((g) => {
      const latest = g.latest ? shareText(g.latest.actual) : both('–', '–');
      const year = g.latest ? ` (${g.latest.year})` : '';
      return {
        label: both(g.name, g.name),
        total: false,
        cells: [
          text(
            g.baseline === null
              ? both('–', '–')
              : { sv: `${shareText(g.baseline).sv} (${g.baselineYear})`, en: `${shareText(g.baseline).en} (${g.baselineYear})` },
          ),
          text(both(String(g.targetYear), String(g.targetYear))),
          text(shareText(g.targetShare)),
          text({ sv: latest.sv + year, en: latest.en + year }),
          text(g.latest ? shareText(g.latest.path) : both('–', '–')),
          text(status[g.status]),
        ],
      };
    }),
  };
}

/** The note when the region has set no goals. */
export const noRegionGoals = both('Regionens mål: inga mål satta.', "The region's goals: no goals set.");
