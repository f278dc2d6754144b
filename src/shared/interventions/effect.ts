/**
 * Measured effect (docs/interventions.md, "Documents and effect"): one intervention's attendance in the four weeks
 * before its start against weeks 4–8 after, and per method across the actor's statistics scope against matched
 * comparison students. Rates and changes are fractions (0.032 = 3.2 percentage points); a count of 1–4 is null.
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';
import { emptyQuery, idParams } from './cases.ts';
import { label } from './history.ts';

export const change = z.object({ attendanceRate: z.number(), invalidAbsenceRate: z.number() });
export type Change = z.output<typeof change>;

export const effectWindow = z.object({
  from: z.string(),
  to: z.string(),
  reportedMinutes: z.number(),
  attendanceRate: z.number().nullable(),
  invalidAbsenceRate: z.number().nullable(),
});
export type EffectWindow = z.output<typeof effectWindow>;

export const interventionEffect = z.object({
  status: z.enum(['ok', 'too-early', 'no-data']),
  before: effectWindow,
  after: effectWindow,
  change: change.nullable(),
});
export type InterventionEffect = z.output<typeof interventionEffect>;

export const methodEffect = z.object({
  method: z.object({ id: z.uuid(), slug: z.string(), name: label }),
  n: z.number().int().nullable(),
  change: change.nullable(),
  comparison: z.object({ n: z.number().int().nullable(), change: change.nullable() }),
  difference: change.nullable(),
  /** The standard error of `difference.attendanceRate` (the follow-up's economic model turns it into a range). */
  differenceStandardError: z.number().nullable(),
  excluded: z.object({ tooEarly: z.number().int().nullable(), noData: z.number().int().nullable() }),
});
export type MethodEffect = z.output<typeof methodEffect>;

export const methodEffects = z.object({ methods: z.array(methodEffect), caveat: label });
export type MethodEffects = z.output<typeof methodEffects>;

export const effectApi = {
  intervention: endpoint({
    method: 'GET',
    path: '/api/interventions/interventions/:id/effect',
    params: idParams,
    query: emptyQuery,
    response: interventionEffect,
    labels: { id: { sv: 'Insats', en: 'Intervention' } },
  }),
  methods: endpoint({ method: 'GET', path: '/api/interventions/effects', query: emptyQuery, response: methodEffects, labels: {} }),
};
