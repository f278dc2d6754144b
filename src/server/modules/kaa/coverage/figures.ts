/**
 * Coverage counts for one half-year from the register as plain data (load.ts reads it), and their protection: the
 * disclosure helper hides counts of 1–4 and whatever would give one away. Lines bind what adds up: each part with its
 * hidden rest equals its whole (contacted + not contacted = in the group; outcome known + unknown = ended a measure),
 * and the reasons for leaving add up to those who left. `combineAreas` sums several municipalities' counts before
 * protecting them, so a region's figures never pass through a single municipality's small cell.
 */
import { halfYearBounds } from '../../../../shared/kaa/report.ts';
import type { CoverageCell, CoverageFigureName } from '../../../../shared/kaa/coverage.ts';
import { coverageFigureNames } from '../../../../shared/kaa/coverage.ts';
import { protectTable, type CellInput, type Line } from '../../../platform/disclosure.ts';

/** One young person's register as coverage needs it. */
export interface CoverageYouth {
  periods: { registeredOn: string; deregisteredOn: string | null; deregistrationReason: string | null }[];
  /** Days of contacts that reached the young person. */
  reachedOn: string[];
  measures: { startDate: string; endDate: string | null; outcome: string | null }[];
}

export type CoverageCounts = Record<CoverageFigureName, number> & { deregisteredBy: Record<string, number> };

const overlaps = (start: string, end: string | null, from: string, to: string) => start <= to && (end === null || end >= from);

/** The counts of one half-year (a young person dismissed as a false positive was never in the group: pass none). */
export function countHalf(youths: readonly CoverageYouth[], half: string): CoverageCounts {
  const { from, to } = halfYearBounds(half);
  const counts: CoverageCounts = { inGroup: 0, contacted: 0, inMeasure: 0, measureEnded: 0, outcomeKnown: 0, deregistered: 0, deregisteredBy: {} };
  for (const y of youths) {
    const periods = y.periods.filter((p) => p.deregistrationReason !== 'dismissed' && overlaps(p.registeredOn, p.deregisteredOn, from, to));
    if (periods.length === 0) continue;
    counts.inGroup++;
    if (y.reachedOn.some((d) => d >= from && d <= to)) counts.contacted++;
    if (y.measures.some((m) => overlaps(m.startDate, m.endDate, from, to))) counts.inMeasure++;
    const ended = y.measures.filter((m) => m.endDate !== null && m.endDate >= from && m.endDate <= to);
    if (ended.length > 0) {
      counts.measureEnded++;
      if (ended.every((m) => m.outcome !== null)) counts.outcomeKnown++;
    }
    // Left the group during the half-year and not back in it by its end.
    const last = [...periods].sort((a, b) => b.registeredOn.localeCompare(a.registeredOn))[0]!;
    if (last.deregisteredOn !== null && last.deregisteredOn <= to) {
      counts.deregistered++;
      const reason = last.deregistrationReason ?? 'other';
      counts.deregisteredBy[reason] = (counts.deregisteredBy[reason] ?? 0) + 1;
    }
  }
  return counts;
}

/** Several areas' counts of one half-year summed (a region's municipalities), before any protection. */
export function combineAreas(areas: readonly CoverageCounts[]): CoverageCounts {
  const total: CoverageCounts = { inGroup: 0, contacted: 0, inMeasure: 0, measureEnded: 0, outcomeKnown: 0, deregistered: 0, deregisteredBy: {} };
  for (const a of areas) {
    for (const n of coverageFigureNames) total[n] += a[n];
    for (const [reason, n] of Object.entries(a.deregisteredBy)) total.deregisteredBy[reason] = (total.deregisteredBy[reason] ?? 0) + n;
  }
  return total;
}

export interface ProtectedCoverage {
  figures: Record<CoverageFigureName, CoverageCell>;
  deregisteredBy: { reason: string; cell: CoverageCell }[];
}

/** One half-year's counts with small and complementary suppression; `reasons` fixes the order of the reasons. */
export function protectCoverage(counts: CoverageCounts, reasons: readonly string[]): ProtectedCoverage {
  const cells: CellInput[] = [];
  const lines: Line[] = [];
  const add = (value: number, hidden = false) => cells.push({ value, hidden }) - 1;
  const at = Object.fromEntries(coverageFigureNames.map((n) => [n, add(counts[n])])) as Record<CoverageFigureName, number>;
  const restOf = (part: CoverageFigureName, whole: CoverageFigureName) =>
    lines.push({ parts: [at[part], add(counts[whole] - counts[part], true)], total: at[whole] });
  restOf('contacted', 'inGroup');
  restOf('inMeasure', 'inGroup');
  restOf('measureEnded', 'inGroup');
  restOf('deregistered', 'inGroup');
  restOf('outcomeKnown', 'measureEnded');
  const byReason = reasons.map((r) => add(counts.deregisteredBy[r] ?? 0));
  lines.push({ parts: byReason, total: at.deregistered });
  const status = protectTable(cells, lines);
  const cell = (index: number): CoverageCell => ({ value: status[index] ? null : cells[index]!.value, suppressed: status[index] ?? null });
  return {
    figures: Object.fromEntries(coverageFigureNames.map((n) => [n, cell(at[n])])) as Record<CoverageFigureName, CoverageCell>,
    deregisteredBy: reasons.map((reason, i) => ({ reason, cell: cell(byReason[i]!) })),
  };
}
