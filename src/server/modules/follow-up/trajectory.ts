/**
 * A goal's trajectory (pure): the straight path from the baseline share to the target share, year by year, the actual
 * series beside it, and whether the latest actual figure is on the path.
 */
import type { Goal, GoalProgress } from '../../../shared/follow-up/goals.ts';

/** The share not completing measured in each year (a cohort's start year + the goal's horizon). */
export type Actuals = ReadonlyMap<number, number>;

/** The path's value in `year`: linear from (baselineYear, baseline) to (targetYear, target), flat after it. */
export function pathAt(goal: Pick<Goal, 'baselineYear' | 'targetYear' | 'targetShare'>, baseline: number, year: number): number {
  if (year >= goal.targetYear || goal.targetYear <= goal.baselineYear) return goal.targetShare;
  if (year <= goal.baselineYear) return baseline;
  const t = (year - goal.baselineYear) / (goal.targetYear - goal.baselineYear);
  return baseline + (goal.targetShare - baseline) * t;
}

/** The goal with its trajectory from `firstYear` to the target year, and its status. */
export function goalProgress(goal: Goal, actuals: Actuals, firstYear: number): GoalProgress {
  const baseline = goal.baselineShare ?? actuals.get(goal.baselineYear) ?? null;
  const from = Math.min(firstYear, goal.baselineYear);
  const to = Math.max(goal.targetYear, ...actuals.keys());
  const trajectory = [];
  for (let year = from; year <= to; year++) {
    trajectory.push({
      year,
      path: baseline === null || year < goal.baselineYear ? null : pathAt(goal, baseline, year),
      actual: actuals.get(year) ?? null,
    });
  }
  const latestYear = Math.max(...[...actuals.keys()].filter((y) => y >= goal.baselineYear), -Infinity);
  const latest =
    baseline !== null && Number.isFinite(latestYear)
      ? { year: latestYear, actual: actuals.get(latestYear)!, path: pathAt(goal, baseline, latestYear) }
      : null;
  // A hair's tolerance so that a figure exactly on the path (computed in floating point) counts as on it.
  const status = latest === null ? 'unknown' : latest.actual <= latest.path + 1e-9 ? 'on-track' : 'off-track';
  return { ...goal, baseline, trajectory, latest, status };
}
