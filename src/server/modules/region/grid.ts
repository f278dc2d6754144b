/**
 * A region's table of counts, protected as one table: rows are the municipalities (and the region's total below
 * them), columns the figures. Each column's municipalities add up to its total, and where the figures are parts of a
 * whole (tiers of the students assessed) each row's parts add up to that whole — so the disclosure helper's
 * complementary suppression sees every way a reader could subtract a small count out of the others.
 */
import type { Cell, FigureTable, RegionLabel } from '../../../shared/region/contract.ts';
import { protectTable, type CellInput, type Line } from '../../platform/disclosure.ts';

export interface GridInput {
  caption: RegionLabel;
  columns: RegionLabel[];
  /** One row per municipality, counts in column order. */
  rows: { label: RegionLabel; counts: number[] }[];
  /** The region's total as a last row (the column sums). */
  total?: RegionLabel;
  /** Columns that are parts of another column in the same row (with a hidden rest): [part, whole] indices. */
  partOf?: [number, number][];
  /** Columns whose parts add up exactly to another column: [parts, whole]. */
  sumsTo?: [number[], number][];
}

/** The table with every count protected (1–4 and what would give one away: null). */
export function protectGrid(input: GridInput): FigureTable {
  const cells: CellInput[] = [];
  const lines: Line[] = [];
  const width = input.columns.length;
  const counts = input.rows.map((r) => r.counts);
  const totals = input.total ? Array.from({ length: width }, (_, c) => counts.reduce((sum, r) => sum + (r[c] ?? 0), 0)) : null;
  const all = totals ? [...counts, totals] : counts;
  const at = all.map((row) => row.map((value) => cells.push({ value }) - 1));
  for (const row of at.keys()) {
    for (const [part, whole] of input.partOf ?? []) {
      const rest = cells.push({ value: all[row]![whole]! - all[row]![part]!, hidden: true }) - 1;
      lines.push({ parts: [at[row]![part]!, rest], total: at[row]![whole]! });
    }
    for (const [parts, whole] of input.sumsTo ?? []) lines.push({ parts: parts.map((p) => at[row]![p]!), total: at[row]![whole]! });
  }
  if (totals) {
    for (let c = 0; c < width; c++) lines.push({ parts: counts.map((_, r) => at[r]![c]!), total: at[counts.length]![c]! });
  }
  const status = protectTable(cells, lines);
  const cell = (index: number): Cell => ({ value: status[index] ? null : cells[index]!.value, suppressed: status[index] ?? null });
  const labels = [...input.rows.map((r) => r.label), ...(input.total ? [input.total] : [])];
  return {
    caption: input.caption,
    columns: input.columns,
    rows: at.map((row, r) => ({ label: labels[r]!, total: totals !== null && r === counts.length, cells: row.map(cell) })),
  };
}

/** A label in both languages. */
export const both = (sv: string, en: string): RegionLabel => ({ sv, en });
