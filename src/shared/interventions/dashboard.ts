/**
 * The interventions overview (statistics.read, no names): per school unit and for all units in scope, open cases,
 * overdue follow-ups, the median days from flag to first intervention, the tier-3 share with a case, and outcomes per
 * method. A count of 1–4 is null (`'small'`), and so is a count that would give one away by subtraction from a total
 * (`'complementary'`); `suppressed` says which (docs/interventions.md, "Dashboard").
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';
import { label } from './history.ts';

export const dashboardQuery = z.strictObject({ schoolUnitId: z.uuid().optional() });

export const suppression = z.enum(['small', 'complementary']).nullable();
export type Suppressed = z.output<typeof suppression>;

const count = z.number().int().nullable();

export const dashboardFigures = z.object({
  openCases: count,
  overdueFollowUps: count,
  medianDaysToFirstIntervention: z.number().nullable(),
  casesWithIntervention: count,
  tier3: z.object({ total: count, withCase: count, share: z.number().nullable() }),
  suppressed: z.object({
    openCases: suppression,
    overdueFollowUps: suppression,
    casesWithIntervention: suppression,
    tier3Total: suppression,
    tier3WithCase: suppression,
  }),
});
export type DashboardFigures = z.output<typeof dashboardFigures>;

export const methodOutcomes = z.object({
  method: z.object({ id: z.uuid(), slug: z.string(), name: label }).nullable(),
  outcomes: z.object({ improved: count, unchanged: count, worse: count }),
  suppressed: z.object({ improved: suppression, unchanged: suppression, worse: suppression }),
});
export type MethodOutcomes = z.output<typeof methodOutcomes>;

export const dashboard = z.object({
  asOf: z.string(),
  units: z.array(dashboardFigures.extend({ schoolUnit: z.object({ id: z.uuid(), name: z.string() }), outcomes: z.array(methodOutcomes) })),
  organiser: dashboardFigures,
  outcomes: z.array(methodOutcomes),
});
export type Dashboard = z.output<typeof dashboard>;

export const dashboardApi = {
  read: endpoint({
    method: 'GET',
    path: '/api/interventions/dashboard',
    query: dashboardQuery,
    response: dashboard,
    labels: { schoolUnitId: { sv: 'Skolenhet', en: 'School unit' } },
  }),
};
