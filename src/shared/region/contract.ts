/**
 * The region's contract (docs/region.md): its overview, its KAA coverage per municipality and half-year, and the
 * monthly steering report — aggregates only, every count through the disclosure helper (a count of 1–4, or one that
 * could be worked out from the others, is null with the reason). No name, no student id, ever.
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';
import { decimalInteger, optionalParagraph } from '../input/index.ts';
import { halfYear } from '../kaa/report.ts';

export const label = z.object({ sv: z.string(), en: z.string() });
export type RegionLabel = z.output<typeof label>;

/** A count, or null when suppressed (with why); `text`: a figure already written out (a share, a year, a yes), shown instead. */
export const cell = z.object({
  value: z.number().nullable(),
  suppressed: z.enum(['small', 'complementary']).nullable(),
  text: label.optional(),
});
export type Cell = z.output<typeof cell>;

/** A table of counts: rows (municipalities, tiers …; the last may be the total), columns (figures). */
export const figureTable = z.object({
  caption: label,
  columns: z.array(label),
  rows: z.array(z.object({ label, total: z.boolean(), cells: z.array(cell) })),
});
export type FigureTable = z.output<typeof figureTable>;

/** One section of the report; `empty` with `note` when the month has no data for it. */
export const reportSection = z.object({
  key: z.string(),
  title: label,
  empty: z.boolean(),
  note: label.nullable(),
  tables: z.array(figureTable),
});
export type ReportSection = z.output<typeof reportSection>;

export const reportContent = z.object({
  region: label,
  month: z.string(),
  monthName: label,
  asOf: z.string(),
  sections: z.array(reportSection),
});
export type ReportContent = z.output<typeof reportContent>;

export const reportView = z.object({
  month: z.string(),
  /** Null: the draft. */
  version: z.number().int().nullable(),
  content: reportContent,
  commentarySv: z.string(),
  commentaryEn: z.string(),
  generatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type ReportView = z.output<typeof reportView>;

/** Who reads a region's published reports: everyone, or only its signed-in members. */
export const reportsVisibilities = ['public', 'members'] as const;

export const regionOverview = z.object({
  name: label,
  kind: label,
  slug: z.string(),
  municipalities: z.array(z.string()),
  reportsPublic: z.boolean(),
  canWrite: z.boolean(),
});

export const regionCoverage = z.object({
  region: label,
  halves: z.array(z.object({ half: z.string(), name: label, table: figureTable })),
});
export type RegionCoverage = z.output<typeof regionCoverage>;

export const reportList = z.object({
  drafts: z.array(z.object({ month: z.string(), monthName: label, generatedAt: z.string() })),
  published: z.array(z.object({ month: z.string(), monthName: label, version: z.number().int(), publishedAt: z.string() })),
});
export type ReportList = z.output<typeof reportList>;

/** A month, `YYYY-MM` (2000–2100). */
export const month = () =>
  z.string().refine((v) => /^(20\d\d|2100)-(0[1-9]|1[0-2])$/.test(v), {
    params: { text: { sv: 'ska vara en månad, till exempel 2026-11', en: 'must be a month, for example 2026-11' } },
  });

const monthNames = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "november 2026" / "November 2026". */
export function monthName(month: string): RegionLabel {
  const index = Number(month.slice(5, 7)) - 1;
  const year = month.slice(0, 4);
  return { sv: `${monthNames.sv[index] ?? ''} ${year}`, en: `${monthNames.en[index] ?? ''} ${year}` };
}

const monthLabel = { sv: 'Månad', en: 'Month' };

export const regionApi = {
  overview: endpoint({ method: 'GET', path: '/api/region', response: regionOverview }),
  coverage: endpoint({
    method: 'GET',
    path: '/api/region/coverage',
    query: z.strictObject({ from: halfYear().optional(), to: halfYear().optional() }),
    response: regionCoverage,
    labels: { from: { sv: 'Från halvår', en: 'From half-year' }, to: { sv: 'Till halvår', en: 'To half-year' } },
  }),
  reports: endpoint({ method: 'GET', path: '/api/region/reports', response: reportList }),
  /** The region's published challenges by municipality and focus area (no personal data). */
  challenges: endpoint({ method: 'GET', path: '/api/region/challenges', response: figureTable }),
  generate: endpoint({
    method: 'POST',
    path: '/api/region/reports',
    body: z.strictObject({ month: month() }),
    response: reportView,
    labels: { month: monthLabel },
  }),
  read: endpoint({
    method: 'GET',
    path: '/api/region/reports/:month',
    params: z.strictObject({ month: month() }),
    query: z.strictObject({ version: decimalInteger(1, 10_000).optional() }),
    response: reportView,
    labels: { month: monthLabel, version: { sv: 'Version', en: 'Version' } },
  }),
  commentary: endpoint({
    method: 'PUT',
    path: '/api/region/reports/:month/commentary',
    params: z.strictObject({ month: month() }),
    body: z.strictObject({ commentarySv: optionalParagraph(8000), commentaryEn: optionalParagraph(8000) }),
    response: reportView,
    labels: {
      month: monthLabel,
      commentarySv: { sv: 'Styrgruppens kommentar (svenska)', en: "The steering group's commentary (Swedish)" },
      commentaryEn: { sv: 'Styrgruppens kommentar (engelska)', en: "The steering group's commentary (English)" },
    },
  }),
  publish: endpoint({
    method: 'POST',
    path: '/api/region/reports/:month/publish',
    params: z.strictObject({ month: month() }),
    response: reportView,
    labels: { month: monthLabel },
  }),
  /** The coordinator chooses who reads the published reports: everyone (the public report pages) or members only. */
  visibility: endpoint({
    method: 'PUT',
    path: '/api/region/visibility',
    body: z.strictObject({ reportsVisibility: z.enum(reportsVisibilities) }),
    response: regionOverview,
    labels: { reportsVisibility: { sv: 'Vem får läsa de publicerade rapporterna', en: 'Who may read the published reports' } },
  }),
};
