/**
 * The half-year report to SCB (Kommunernas aktivitetsansvar, Block 1–5): the preview with its logical checks and a
 * summary that matches the file, and the export. The export carries the preview's digest: a file whose checks fail is
 * handed out only to an officer whose request proves they were shown every failure (docs/kaa-report.md).
 */
import { z } from 'zod';
import { endpoint, type Label } from '../contract/endpoint.ts';

/** A half-year as `2026H2`: the second half of 2026 (1 July – 31 December). */
export const halfYear = () =>
  z.string().refine((v) => /^(19|20|21)\d{2}H[12]$/.test(v), {
    params: { text: { sv: 'ska vara ett halvår, till exempel 2026H2', en: 'must be a half-year, for example 2026H2' } },
  });

/** The first and last day of a half-year. */
export function halfYearBounds(half: string): { from: string; to: string } {
  const year = half.slice(0, 4);
  return half.endsWith('H1') ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/** The half-year a date falls in. */
export function halfYearOf(date: string): string {
  return `${date.slice(0, 4)}H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** The half-year before. */
export function previousHalfYear(half: string): string {
  const year = Number(half.slice(0, 4));
  return half.endsWith('H2') ? `${year}H1` : `${year - 1}H2`;
}

/** A half-year as a person reads it: «andra halvåret 2026». */
export function halfYearName(half: string, language: 'sv' | 'en'): string {
  const year = half.slice(0, 4);
  const first = half.endsWith('H1');
  return language === 'sv' ? `${first ? 'första' : 'andra'} halvåret ${year}` : `${first ? 'first' : 'second'} half of ${year}`;
}

const label = z.object({ sv: z.string(), en: z.string() });

/** One failing check: the young person by name, the field by its label and what is wrong, in both languages. */
export const reportFailure = z.object({
  personId: z.uuid(),
  name: z.string(),
  block: label,
  field: label,
  problem: label,
});
export type ReportFailure = z.output<typeof reportFailure>;

const labelledCount = z.object({ label, count: z.number().int() });

/** What the file holds, counted from the file itself. */
export const reportSummary = z.object({
  youths: z.number().int(),
  rows: z.number().int(),
  registrationReasons: z.array(labelledCount),
  contacted: z.number().int(),
  measuresStarted: z.number().int(),
  measureKinds: z.array(labelledCount),
  measuresEnded: z.number().int(),
  deregistered: z.number().int(),
  endReasons: z.array(labelledCount),
});
export type ReportSummary = z.output<typeof reportSummary>;

export const reportPreview = z.object({
  half: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  municipality: z.object({ code: z.string(), name: z.string() }),
  codeListVersion: z.string(),
  /** The code list still holds values not checked against SCB's instructions for this half-year. */
  codeListUnverified: z.boolean(),
  summary: reportSummary,
  failures: z.array(reportFailure),
  /** Proof of this preview: the export must send it back. */
  digest: z.string(),
});
export type ReportPreview = z.output<typeof reportPreview>;

export const reportQuery = z.strictObject({ half: halfYear() });
export const reportExportBody = z.strictObject({ half: halfYear(), digest: z.string().regex(/^[0-9a-f]{64}$/) });

export const reportLabels: Record<string, Label> = {
  half: { sv: 'Halvår', en: 'Half-year' },
  digest: { sv: 'Förhandsgranskning', en: 'Preview' },
};

export const reportApi = {
  preview: endpoint({
    method: 'GET',
    path: '/api/kaa/report/preview',
    query: reportQuery,
    response: reportPreview,
    labels: reportLabels,
  }),
};

/** The export is a file (text/csv), not a JSON endpoint: POST /api/kaa/report/export with `reportExportBody`. */
export const reportExportPath = '/api/kaa/report/export';
