/**
 * The overview's counts with complementary suppression. The overview shows the same students three ways per tier —
 * per school unit, per school type and year, per programme (upper secondary only) — so each breakdown's total can be
 * worked out from another shown in full, and the tier totals are shown outright elsewhere (the interventions dashboard
 * shows tier 3 per unit and in all). The table therefore binds, per tier: the units to the tier total, each school
 * type's years to that school type's total (hidden), the school types to the tier total, and the programmes to the
 * upper-secondary total (hidden). Indicators are not a breakdown (a student can have several): primary suppression only.
 */
import { isSmall, protectTable, type CellInput, type Line, type Suppression } from '../../platform/disclosure.ts';
import type { OverviewRows } from './queries.ts';

export interface OverviewSuppression {
  tiers: (Suppression | null)[];
  indicators: (Suppression | null)[];
  years: (Suppression | null)[];
  programmes: (Suppression | null)[];
}

export function protectOverview(rows: OverviewRows): OverviewSuppression {
  const cells: CellInput[] = [];
  const lines: Line[] = [];
  const add = (cell: CellInput) => cells.push(cell) - 1;
  const tiers = rows.tiers.map((r) => add({ value: r.n }));
  const years = rows.years.map((r) => add({ value: r.n }));
  const programmes = rows.programmes.map((r) => add({ value: r.n }));
  const sum = (indices: number[]) => indices.reduce((s, i) => s + cells[i]!.value, 0);
  for (const tier of new Set([...rows.tiers, ...rows.years, ...rows.programmes].map((r) => r.tier))) {
    const units = tiers.filter((_, k) => rows.tiers[k]!.tier === tier);
    const total = add({ value: sum(units), fixed: true });
    lines.push({ parts: units, total });
    const typeTotals: number[] = [];
    for (const type of new Set(rows.years.filter((y) => y.tier === tier).map((y) => y.school_type))) {
      const parts = years.filter((_, k) => rows.years[k]!.tier === tier && rows.years[k]!.school_type === type);
      const typeTotal = add({ value: sum(parts), hidden: true });
      typeTotals.push(typeTotal);
      lines.push({ parts, total: typeTotal });
      if (type === 'GY') lines.push({ parts: programmes.filter((_, k) => rows.programmes[k]!.tier === tier), total: typeTotal });
    }
    lines.push({ parts: typeTotals, total });
  }
  const status = protectTable(cells, lines);
  return {
    tiers: tiers.map((i) => status[i]!),
    indicators: rows.indicators.map((r) => (isSmall(r.n) ? 'small' : null)),
    years: years.map((i) => status[i]!),
    programmes: programmes.map((i) => status[i]!),
  };
}
