/**
 * Completion against goals for a set of municipalities (#15, for the region's monthly report, #16): per municipality
 * the organisers seated there, their starters of the latest cohort that has reached four years and how many of them
 * have a diploma (or a diploma or study certificate) within four years, summed over the organisers, and each
 * organiser's goals with whether the latest figure is on the goal's path. Counts are raw here: the report protects the
 * students' table as one grid (`completionGoalsGrid` is in the shape of the region module's `protectGrid` input).
 */
import type { DbOrTx } from '../../db/client.ts';
import type { GoalProgress } from '../../../shared/follow-up/goals.ts';
import type { CohortCounts } from './cohorts.ts';
import { completionCohorts } from './completion.ts';
import { actualsFor, goalsOf } from './goals-routes.ts';
import { cohortCountsByTenant } from './region-goals.ts';
import { goalProgress } from './trajectory.ts';

export interface MunicipalityCompletion {
  code: string;
  name: string;
  /** The latest cohort (start year) with a 4-year figure, null when none has reached it. */
  cohort: number | null;
  starters: number;
  examen: number;
  examenOrStudiebevis: number;
  goals: GoalProgress[];
}

const horizon = 4;

/**
 * Completion within four years and the goals' status for each municipality (its organisers summed) on `asOf`; `counts`
 * are the organisers' counts when the caller has them (`cohortCountsByTenant`), else they are counted here.
 */
export async function completionAgainstGoals(
  db: DbOrTx,
  municipalities: readonly { code: string; name: string; tenantIds: readonly string[] }[],
  asOf: string,
  counts?: ReadonlyMap<string, CohortCounts[]>,
): Promise<MunicipalityCompletion[]> {
  const byTenant = counts ?? (await cohortCountsByTenant(db, [...new Set(municipalities.flatMap((m) => m.tenantIds))], asOf));
  const latest = Number(asOf.slice(0, 4)) - (Number(asOf.slice(5, 7)) >= 7 ? 0 : 1) - horizon;
  const out: MunicipalityCompletion[] = [];
  for (const m of municipalities) {
    const row: MunicipalityCompletion = {
      code: m.code,
      name: m.name,
      cohort: null,
      starters: 0,
      examen: 0,
      examenOrStudiebevis: 0,
      goals: [],
    };
    for (const tenantId of new Set(m.tenantIds)) {
      const total = (byTenant.get(tenantId) ?? []).find((c) => c.startYear === latest)?.groups.find((g) => g.dimension === 'all');
      const counts = total?.within[horizon];
      if (total && counts) {
        row.cohort = latest;
        row.starters += total.starters;
        row.examen += counts.examen;
        row.examenOrStudiebevis += counts.examen + counts.studiebevis;
      }
      const goals = await goalsOf(db, tenantId);
      if (goals.length > 0) {
        const shown = await completionCohorts(db, tenantId, 'all', asOf);
        const firstYear = Number(asOf.slice(0, 4)) - 6;
        row.goals.push(...goals.map((g) => goalProgress(g, actualsFor(shown, g), firstYear)));
      }
    }
    out.push(row);
  }
  return out;
}

type Label = { sv: string; en: string };

/** The students' counts as a grid for the region's disclosure control (rows: municipalities, then the region's total). */
export function completionGoalsGrid(rows: readonly MunicipalityCompletion[]) {
  const cohort = rows.find((r) => r.cohort !== null)?.cohort;
  return {
    caption: {
      sv: `Examen inom 4 år, elever som började ${cohort ?? '–'}`,
      en: `Diploma within 4 years, students who started in ${cohort ?? '–'}`,
    },
    columns: [
      { sv: 'Började', en: 'Started' },
      { sv: 'Med examen inom 4 år', en: 'With a diploma within 4 years' },
      { sv: 'Med examen eller studiebevis inom 4 år', en: 'With a diploma or study certificate within 4 years' },
    ],
    rows: rows.map((r) => ({ label: { sv: r.name, en: r.name }, counts: [r.starters, r.examen, r.examenOrStudiebevis] })),
    total: { sv: 'Hela regionen', en: 'The whole region' },
    partOf: [
      [1, 0],
      [2, 0],
    ] as [number, number][],
  };
}

/** The goals on and off track per municipality with goals, as a table (goals are not people: nothing suppressed). */
export function goalStatusTable(rows: readonly MunicipalityCompletion[]): {
  caption: Label;
  columns: Label[];
  rows: { label: Label; total: boolean; cells: { value: number; suppressed: null }[] }[];
} {
  return {
    caption: { sv: 'Mål för fullföljande', en: 'Completion goals' },
    columns: [
      { sv: 'Mål i fas', en: 'Goals on track' },
      { sv: 'Mål inte i fas', en: 'Goals off track' },
      { sv: 'Mål utan utfall än', en: 'Goals without a figure yet' },
    ],
    rows: rows
      .filter((r) => r.goals.length > 0)
      .map((r) => ({
        label: { sv: r.name, en: r.name },
        total: false,
        cells: (['on-track', 'off-track', 'unknown'] as const).map((s) => ({
          value: r.goals.filter((g) => g.status === s).length,
          suppressed: null,
        })),
      })),
  };
}
