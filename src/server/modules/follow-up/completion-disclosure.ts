/**
 * Suppression of the completion counts of one cohort (platform/disclosure.ts). Per group and horizon the four
 * statuses add up to the starters; per breakdown (programme type, programme, school unit, home municipality, sex) each
 * count adds up over the groups to the total's; the national programmes are the two national programme types. The
 * starters are one cell per group, shared by every horizon, so no horizon can give away what another hides.
 */
import { protectTable, type CellInput, type Line, type Suppression } from '../../platform/disclosure.ts';
import { completionHorizons, type CompletionHorizon } from '../../../shared/follow-up/vocabulary.ts';
import { statuses, type CohortCounts, type Dimension, type Status } from './cohorts.ts';

export interface GroupSuppression {
  starters: Suppression | null;
  within: Partial<Record<CompletionHorizon, Record<Status, Suppression | null>>>;
}

const breakdowns: Dimension[] = ['programme-type', 'programme', 'school-unit', 'home-municipality', 'sex'];

/** Why each count of each group (same order as `cohort.groups`) is not shown, if it is not. */
export function protectCohort(cohort: CohortCounts): GroupSuppression[] {
  const cells: CellInput[] = [];
  const lines: Line[] = [];
  const add = (value: number) => cells.push({ value }) - 1;
  const at = cohort.groups.map((g) => ({
    starters: add(g.starters),
    within: Object.fromEntries(
      completionHorizons.flatMap((y) => {
        const counts = g.within[y];
        return counts ? [[y, Object.fromEntries(statuses.map((s) => [s, add(counts[s])])) as Record<Status, number>]] : [];
      }),
    ) as Partial<Record<CompletionHorizon, Record<Status, number>>>,
  }));
  at.forEach((g) => {
    for (const y of completionHorizons) {
      const c = g.within[y];
      if (c) lines.push({ parts: statuses.map((s) => c[s]), total: g.starters });
    }
  });
  const all = cohort.groups.findIndex((g) => g.dimension === 'all');
  const sumLines = (parts: number[], total: number) => {
    if (parts.length === 0 || total < 0) return;
    lines.push({ parts: parts.map((k) => at[k]!.starters), total: at[total]!.starters });
    for (const y of completionHorizons) {
      const t = at[total]!.within[y];
      if (!t) continue;
      for (const s of statuses) lines.push({ parts: parts.map((k) => at[k]!.within[y]![s]), total: t[s] });
    }
  };
  const indices = (pick: (d: Dimension, key: string) => boolean) => cohort.groups.flatMap((g, k) => (pick(g.dimension, g.key) ? [k] : []));
  for (const d of breakdowns)
    sumLines(
      indices((dimension) => dimension === d),
      all,
    );
  const national = cohort.groups.findIndex((g) => g.dimension === 'national');
  sumLines(
    indices((d, key) => d === 'programme-type' && (key === 'higher-education-preparatory' || key === 'vocational')),
    national,
  );
  const status = protectTable(cells, lines);
  return at.map((g) => ({
    starters: status[g.starters]!,
    within: Object.fromEntries(
      Object.entries(g.within).map(([y, c]) => [y, Object.fromEntries(statuses.map((s) => [s, status[c[s]]!]))]),
    ) as GroupSuppression['within'],
  }));
}
