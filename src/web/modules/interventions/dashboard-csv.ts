/**
 * The overview's tables as one CSV file that Excel opens as it is: a byte-order mark (UTF-8), `;` between cells,
 * headings and numbers in the page's language (Swedish: decimal comma), a hidden count as "dolt" and a line saying
 * why. No names of students — the overview has none. Text cells that a spreadsheet would read as a formula are quoted
 * with a leading apostrophe.
 */
import type { Dashboard, DashboardFigures, MethodOutcomes, Suppressed } from '../../../shared/interventions/dashboard.ts';
import type { MethodEffects } from '../../../shared/interventions/effect.ts';

export interface CsvTexts {
  /** The page's translations (`interventionMeetings.*`). */
  t: (key: string) => string;
  language: 'sv' | 'en';
}

const outcomeKinds = ['improved', 'unchanged', 'worse'] as const;

/** One cell: quoted when it holds `;`, a quote or a line break; a would-be formula made plain text. */
export function csvCell(value: string): string {
  const plain = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(plain) ? `"${plain.replace(/"/g, '""')}"` : plain;
}

/** A number as a spreadsheet in the language reads it: no thousands separator, the language's decimal sign. */
export function csvNumber(value: number, language: 'sv' | 'en', digits = 1): string {
  const rounded = String(Math.round(value * 10 ** digits) / 10 ** digits);
  return language === 'sv' ? rounded.replace('.', ',') : rounded;
}

/** The CSV text of the overview (figures per unit and in total, outcomes per method, effect per method). */
export function dashboardCsv(d: Dashboard, effects: MethodEffects | undefined, { t, language }: CsvTexts): string {
  const k = (key: string) => t(`interventionMeetings.${key}`);
  const hidden = k('hiddenCell');
  const count = (n: number | null | undefined, why?: Suppressed) => (n === null || why ? hidden : csvNumber(n ?? 0, language, 0));
  const number = (n: number | null, digits = 1) => (n === null ? hidden : csvNumber(n, language, digits));
  const figures = (name: string, f: DashboardFigures) => [
    name,
    count(f.openCases, f.suppressed.openCases),
    count(f.overdueFollowUps, f.suppressed.overdueFollowUps),
    f.medianDaysToFirstIntervention === null ? (f.casesWithIntervention === 0 ? '' : hidden) : number(f.medianDaysToFirstIntervention),
    count(f.tier3.total, f.suppressed.tier3Total),
    count(f.tier3.withCase, f.suppressed.tier3WithCase),
    f.tier3.total === 0 ? '' : f.tier3.share === null ? hidden : number(f.tier3.share * 100, 0),
  ];
  const methodName = (o: MethodOutcomes) => (o.method ? o.method.name[language] : k('freeText'));
  const rows: string[][] = [
    [`${k('figuresCaption')} (${d.asOf})`],
    [k('unit'), k('openCases'), k('overdueFollowUps'), k('medianDays'), k('csvTier3Total'), k('csvTier3WithCase'), k('csvTier3Share')],
    ...d.units.map((u) => figures(u.schoolUnit.name, u)),
    figures(k('organiser'), d.organiser),
    [],
    [k('outcomesCaption')],
    [k('method'), ...outcomeKinds.map((o) => k(`outcome_${o}`))],
    ...d.outcomes.map((o) => [methodName(o), ...outcomeKinds.map((kind) => count(o.outcomes[kind], o.suppressed[kind]))]),
  ];
  if (effects && effects.methods.length > 0) {
    const pp = (c: { attendanceRate: number } | null, n: number | null) =>
      c ? csvNumber(c.attendanceRate * 100, language) : n === 0 ? '' : hidden;
    rows.push(
      [],
      [k('effectsCaption')],
      [k('method'), k('measured'), k('withMethod'), k('comparisonN'), k('comparison'), k('difference')],
      ...effects.methods.map((m) => [
        m.method.name[language],
        count(m.n),
        pp(m.change, m.n),
        count(m.comparison.n),
        pp(m.comparison.change, m.comparison.n),
        pp(m.difference, m.n),
      ]),
      [],
      [typeof effects.caveat === 'string' ? effects.caveat : effects.caveat[language]],
    );
  }
  rows.push([], [k('csvHiddenNote')]);
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
