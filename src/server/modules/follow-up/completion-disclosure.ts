/**
 * Suppression of the completion counts of one cohort (platform/disclosure.ts), in two steps. First the total row
 * alone: per horizon its four statuses add up to its starters. Then each breakdown (programme type with the national
 * programmes, programme, school unit, home municipality, sex) on its own, with the total's counts known to the reader
 * (shown: never chosen to hide; hidden in the first step: unknown): per group and horizon the statuses add up to the
 * group's starters, and each count adds up over the groups to the total's; the national programmes are the two national
 * programme types. The breakdowns share only the total, which the reader already knows, so protecting them one by one
 * keeps every small count from being worked out — and keeps the headline figures shown unless they are small
 * themselves. The starters are one cell per group, shared by every horizon.
 */
import { protectTable, type CellInput, type Line, type Suppression } from '../../platform/disclosure.ts';
import { completionHorizons, type CompletionHorizon } from '../../../shared/follow-up/vocabulary.ts';
import { statuses, type CohortCounts, type Dimension, type GroupCounts, type Status } from './cohorts.ts';

export interface GroupSuppression {
  starters: Suppression | null;
  within: Partial<Record<CompletionHorizon, Record<Status, Suppression | null>>>;
}

interface Indexed {
  starters: number;
  within: Partial<Record<CompletionHorizon, Record<Status, number>>>;
}

/** A table of the given groups' cells; `total` (if any) enters with what the first step decided about it. */
function table(groups: readonly GroupCounts[], total?: { group: GroupCounts; why: GroupSuppression }) {
  const cells: CellInput[] = [];
  const lines: Line[] = [];
  const add = (value: number, why?: Suppression | null) =>
    cells.push(why === undefined ? { value } : why === null ? { value, fixed: true } : { value, hidden: true }) - 1;
  const index = (g: GroupCounts, why?: GroupSuppression): Indexed => ({
    starters: add(g.starters, why?.starters),
    within: Object.fromEntries(
      completionHorizons.flatMap((y) => {
        const c = g.within[y];
        return c ? [[y, Object.fromEntries(statuses.map((s) => [s, add(c[s], why ? (why.within[y]?.[s] ?? null) : undefined)]))]] : [];
      }),
    ) as Indexed['within'],
  });
  const at = groups.map((g) => index(g));
  const totalAt = total ? index(total.group, total.why) : undefined;
  for (const g of [...at, ...(totalAt ? [totalAt] : [])])
    for (const y of completionHorizons) {
      const c = g.within[y];
      if (c) lines.push({ parts: statuses.map((s) => c[s]), total: g.starters });
    }
  const sum = (parts: Indexed[], whole: Indexed) => {
    if (parts.length === 0) return;
    lines.push({ parts: parts.map((p) => p.starters), total: whole.starters });
    for (const y of completionHorizons) {
      const t = whole.within[y];
      if (t) for (const s of statuses) lines.push({ parts: parts.map((p) => p.within[y]![s]), total: t[s] });
    }
  };
  return { cells, lines, at, totalAt, sum };
}

const read = (status: (Suppression | null)[], g: Indexed): GroupSuppression => ({
  starters: status[g.starters]!,
  within: Object.fromEntries(
    Object.entries(g.within).map(([y, c]) => [y, Object.fromEntries(statuses.map((s) => [s, status[c[s]]!]))]),
  ) as GroupSuppression['within'],
});

const breakdowns: Dimension[][] = [['programme-type', 'national'], ['programme'], ['school-unit'], ['home-municipality'], ['sex']];

/** Why each count of each group (same order as `cohort.groups`) is not shown, if it is not. */
export function protectCohort(cohort: CohortCounts): GroupSuppression[] {
  const out: GroupSuppression[] = cohort.groups.map(() => ({ starters: null, within: {} }));
  const k = cohort.groups.findIndex((g) => g.dimension === 'all');
  if (k < 0) return out;
  const all = cohort.groups[k]!;
  const first = table([all]);
  out[k] = read(protectTable(first.cells, first.lines), first.at[0]!);
  for (const dims of breakdowns) {
    const members = cohort.groups.flatMap((g, i) => (dims.includes(g.dimension) ? [i] : []));
    if (members.length === 0) continue;
    const groups = members.map((i) => cohort.groups[i]!);
    const t = table(groups, { group: all, why: out[k]! });
    const parts = (pick: (g: GroupCounts) => boolean) => t.at.filter((_, j) => pick(groups[j]!));
    t.sum(
      parts((g) => g.dimension === dims[0]),
      t.totalAt!,
    );
    const national = groups.findIndex((g) => g.dimension === 'national');
    if (national >= 0)
      t.sum(
        parts((g) => g.dimension === 'programme-type' && (g.key === 'higher-education-preparatory' || g.key === 'vocational')),
        t.at[national]!,
      );
    const status = protectTable(t.cells, t.lines);
    members.forEach((i, j) => (out[i] = read(status, t.at[j]!)));
  }
  return out;
}
