/**
 * The coverage table as CSV for Excel: a byte-order mark, `;` between cells, headings in the page's language, a
 * hidden count as «dolt». Counts only: the page has no names.
 */
import { coverageFigureLabels, coverageFigureNames, type Coverage, type CoverageCell } from '../../../shared/kaa/coverage.ts';
import { csvCell } from '../interventions/dashboard-csv.ts';

export function coverageCsv(c: Coverage, language: 'sv' | 'en', hidden: string, halfYearHeading: string): string {
  const cell = (x: CoverageCell) => (x.value === null ? hidden : String(x.value));
  const reasons = c.halves[0]?.deregisteredBy.map((r) => r.reason[language]) ?? [];
  const header = [halfYearHeading, ...coverageFigureNames.map((n) => coverageFigureLabels[n][language]), ...reasons];
  const rows = c.halves.map((h) => [
    h.name[language],
    ...coverageFigureNames.map((n) => cell(h.figures[n])),
    ...h.deregisteredBy.map((r) => cell(r.cell)),
  ]);
  return `\ufeff${[header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
