/**
 * A region's completion goals (docs/follow-up.md): the region coordinator sets them (`region-report.write`), the
 * coordinator and the steering group read the region's completion against them (`region-report.read`) — the region's municipalities' organisers
 * summed before any suppression, shares only, never a student. Goals have the organisers' shape (goals.ts).
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';
import { goal, goalProgress, goalSettingsBody, goalsApi } from './goals.ts';

export const regionCohort = z.object({
  startYear: z.number().int(),
  years: z.number().int(),
  /** Shares of the region's starters (0–1); null when the starters or those not completing number 1–4. */
  examen: z.number().nullable(),
  examenOrStudiebevis: z.number().nullable(),
});

export const regionGoalsResponse = z.object({
  region: z.object({ sv: z.string(), en: z.string() }),
  asOf: z.string(),
  cohorts: z.array(regionCohort),
  goals: z.array(goalProgress),
});
export type RegionGoals = z.output<typeof regionGoalsResponse>;

export const regionGoalsApi = {
  read: endpoint({
    method: 'GET',
    path: '/api/follow-up/region-goals',
    query: z.strictObject({}),
    response: regionGoalsResponse,
    labels: {},
  }),
  save: endpoint({
    method: 'PUT',
    path: '/api/follow-up/region-goals',
    body: goalSettingsBody,
    response: z.object({ goals: z.array(goal) }),
    labels: goalsApi.save.labels,
  }),
};
