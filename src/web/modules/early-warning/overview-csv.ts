/**
 * The early-detection overview (counts without names) as one CSV file that Excel opens as it is: a byte-order mark,
 * `;` between cells, the page's headings and labels in its language, a hidden count in words saying why (as on the
 * page), and the page's note on suppression at the end. No names of students — the overview has none.
 */
import type { Overview } from '../../../shared/early-warning/responses.ts';
import { csvCell, csvNumber } from '../interventions/dashboard-csv.ts';

export interface OverviewCsvTexts {
  /** The app's translations (full keys, `earlyWarning.*`). */
  t: (key: string, options?: Record<string, string>) => string;
  language: 'sv' | 'en';
  /** A school type's name in the page's language. */
  schoolType: (code: string) => string;
}

type Count = { count: number | null; suppressed: 'small' | 'complementary' | null };

/** The CSV text of the overview's four tables. */
export function overviewCsv(o: Overview, { t, language, schoolType }: OverviewCsvTexts): string {
  const k = (key: string) => t(`earlyWarning.${key}`);
  const count = (c: Count) =>
    c.count !== null ? csvNumber(c.count, language, 0) : c.suppressed === 'complementary' ? k('protected') : k('fewer');
  const tier = (n: number) => k(`tier${n}`);
  const rows: string[][] = [
    [k('overviewTitle'), o.asOf ? t('earlyWarning.updated', { date: o.asOf }) : k('notRefreshed')],
    [],
    [k('perUnit')],
    [k('unit'), k('tier'), k('students')],
    ...o.units.map((u) => [u.name ?? '–', tier(u.tier), count(u)]),
    [],
    [k('perIndicator')],
    [k('indicator'), k('students')],
    ...o.indicators.map((i) => [t(`earlyWarning.ind.${i.indicator}`), count(i)]),
    [],
    [k('perYear')],
    [k('schoolType'), k('year'), k('tier'), k('students')],
    ...o.years.map((y) => [schoolType(y.schoolType), y.schoolYear === null ? '–' : String(y.schoolYear), tier(y.tier), count(y)]),
    [],
    [k('perProgramme')],
    [k('programme'), k('tier'), k('students')],
    ...o.programmes.map((p) => [p.programmeName ?? p.programmeCode ?? '–', tier(p.tier), count(p)]),
    [],
    [k('overviewIntro')],
  ];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
