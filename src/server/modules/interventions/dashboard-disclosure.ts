/**
 * The dashboard's counts with complementary suppression. Each measure is shown per school unit and for all units in
 * scope, so the units of a measure add up to its shown total; for the tier-3 students, with a case + without (never
 * shown, but total − with) = total, per unit and in all. Outcomes per method add up over the units the same way.
 * Measures of different things (open cases, overdue follow-ups, cases with an intervention) are not bound to each other.
 */
import { protectTable, type CellInput, type Line, type Suppression } from '../../platform/disclosure.ts';

/** The counts of one unit (or of all units). */
export interface Counts {
  openCases: number;
  overdueFollowUps: number;
  casesWithIntervention: number;
  tier3Total: number;
  tier3WithCase: number;
}
export type CountName = keyof Counts;
export type Suppressed = Record<CountName, Suppression | null>;

const simple = ['openCases', 'overdueFollowUps', 'casesWithIntervention', 'tier3Total', 'tier3WithCase'] as const;

/** Why each count of each unit (same order) and of the total is not shown, if it is not. */
export function protectFigures(units: readonly Counts[], total: Counts): { units: Suppressed[]; total: Suppressed } {
  const cells: CellInput[] = [];
  const lines: Line[] = [];
  const add = (value: number, hidden = false) => cells.push({ value, hidden }) - 1;
  const rows = [...units, total];
  // One cell per count per row; the tier-3 "with" cells come before the totals so that a tie picks "with".
  const at = rows.map((r) => Object.fromEntries(simple.map((name) => [name, add(r[name])])) as Record<CountName, number>);
  const without = rows.map((r) => add(r.tier3Total - r.tier3WithCase, true));
  const unitRows = at.slice(0, -1);
  const totalRow = at.at(-1)!;
  for (const name of simple) lines.push({ parts: unitRows.map((u) => u[name]), total: totalRow[name] });
  lines.push({ parts: without.slice(0, -1), total: without.at(-1)! });
  at.forEach((r, k) => lines.push({ parts: [r.tier3WithCase, without[k]!], total: r.tier3Total }));
  const status = protectTable(cells, lines);
  const read = (r: Record<CountName, number>) => Object.fromEntries(simple.map((name) => [name, status[r[name]]!])) as Suppressed;
  return { units: unitRows.map(read), total: read(totalRow) };
}

/** Why each unit's count (same order) and the total are not shown, for one figure that adds up over the units. */
export function protectSum(units: readonly number[]): { units: (Suppression | null)[]; total: Suppression | null } {
  const total = units.reduce((s, n) => s + n, 0);
  const status = protectTable(
    [...units, total].map((value) => ({ value })),
    [{ parts: units.map((_, i) => i), total: units.length }],
  );
  return { units: status.slice(0, -1), total: status.at(-1)! };
}
