/**
 * The national comparison: Kolada's completion figures (SCB's, per home municipality) for the organiser's
 * municipality and Riket, beside the organiser's own; the last fetch and its date; the shipped reference series
 * when nothing has been fetched. Never an invented number presented as Kolada's.
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';

const label = z.object({ sv: z.string(), en: z.string() });

export const nationalSeries = z.object({
  kpi: z.string(),
  name: label,
  outcome: z.enum(['examen', 'examen-or-studiebevis']),
  years: z.number().int(),
  /** Whose figures: the organiser's municipality or the whole country. */
  area: z.enum(['municipality', 'riket']),
  areaName: z.string(),
  points: z.array(z.object({ year: z.number().int(), percent: z.number() })),
  source: label,
});
export type NationalSeries = z.output<typeof nationalSeries>;

export const national = z.object({
  series: z.array(nationalSeries),
  lastFetch: z
    .object({ at: z.string(), outcome: z.enum(['ok', 'failed']), message: z.string().nullable(), lastGoodAt: z.string().nullable() })
    .nullable(),
  /** What the organiser's own figure counts differently from Kolada's. */
  differences: z.array(label),
});
export type National = z.output<typeof national>;

export const nationalApi = {
  read: endpoint({ method: 'GET', path: '/api/follow-up/national', query: z.strictObject({}), response: national, labels: {} }),
};
