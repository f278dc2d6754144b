/**
 * Coverage at a glance (youth-register.read): per half-year, how many young people were in the target group, were
 * reached by a contact, were in a measure, had the outcome of an ended measure recorded, and left the group by reason.
 * Counts only, through the disclosure helper: a count of 1–4 is null ('small'), and so is one that could be worked out
 * by subtraction ('complementary'). The same shape serves a region's figures (docs/kaa-report.md).
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';
import { halfYear } from './report.ts';

const label = z.object({ sv: z.string(), en: z.string() });
export const coverageCell = z.object({ value: z.number().int().nullable(), suppressed: z.enum(['small', 'complementary']).nullable() });
export type CoverageCell = z.output<typeof coverageCell>;

export const coverageFigureNames = ['inGroup', 'contacted', 'inMeasure', 'measureEnded', 'outcomeKnown', 'deregistered'] as const;
export type CoverageFigureName = (typeof coverageFigureNames)[number];

export const coverageFigureLabels: Record<CoverageFigureName, { sv: string; en: string }> = {
  inGroup: { sv: 'I målgruppen', en: 'In the target group' },
  contacted: { sv: 'Har fått kontakt', en: 'Contacted' },
  inMeasure: { sv: 'I en åtgärd', en: 'In a measure' },
  measureEnded: { sv: 'Avslutade en åtgärd', en: 'Ended a measure' },
  outcomeKnown: { sv: 'Känt resultat efter åtgärden', en: 'Outcome known after the measure' },
  deregistered: { sv: 'Lämnade målgruppen', en: 'Left the target group' },
};

export const coverageHalf = z.object({
  half: z.string(),
  name: label,
  figures: z.object(
    Object.fromEntries(coverageFigureNames.map((n) => [n, coverageCell])) as Record<CoverageFigureName, typeof coverageCell>,
  ),
  deregisteredBy: z.array(z.object({ reason: label, cell: coverageCell })),
});
export type CoverageHalf = z.output<typeof coverageHalf>;

export const coverage = z.object({
  area: z.string(),
  asOf: z.string(),
  halves: z.array(coverageHalf),
});
export type Coverage = z.output<typeof coverage>;

export const coverageQuery = z.strictObject({ from: halfYear().optional(), to: halfYear().optional() });

export const coverageApi = {
  read: endpoint({
    method: 'GET',
    path: '/api/kaa/coverage',
    query: coverageQuery,
    response: coverage,
    labels: { from: { sv: 'Från halvår', en: 'From half-year' }, to: { sv: 'Till halvår', en: 'To half-year' } },
  }),
};
