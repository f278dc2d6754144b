/**
 * Completion goals (docs/follow-up.md): a goal says at most which share of a cohort may be without a diploma (or
 * without a diploma or study certificate) within 3, 4 or 5 years by a target year, from a baseline. The page shows
 * the actual series, the straight path from the baseline to the goal, and whether the latest figure is on it.
 * Years are the year a cohort's completion is measured: its start year plus the horizon.
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';
import { line } from '../input/index.ts';
import { completionOutcomes } from './vocabulary.ts';

const year = z.number().int().min(2000).max(2100);
const share = z.number().min(0).max(1);

export const goalInput = z.strictObject({
  id: z.uuid().optional(),
  name: line(200),
  outcome: z.enum(completionOutcomes),
  years: z.union([z.literal(3), z.literal(4), z.literal(5)]),
  baselineYear: year,
  /** The share not completing at the baseline; null: the organiser's own figure for that year. */
  baselineShare: share.nullable(),
  targetYear: year,
  targetShare: share,
});
export type GoalInput = z.output<typeof goalInput>;

export const goalSettingsBody = z.strictObject({ goals: z.array(goalInput).max(20) });

export const goal = z.object({
  id: z.uuid(),
  name: z.string(),
  outcome: z.enum(completionOutcomes),
  years: z.number().int(),
  baselineYear: z.number().int(),
  baselineShare: z.number().nullable(),
  targetYear: z.number().int(),
  targetShare: z.number(),
});
export type Goal = z.output<typeof goal>;

export const trajectoryPoint = z.object({
  year: z.number().int(),
  /** The straight path's share not completing; null before the baseline is known. */
  path: z.number().nullable(),
  /** The organiser's share not completing for the cohort measured that year; null when not yet measured or not shown. */
  actual: z.number().nullable(),
});

export const goalProgress = goal.extend({
  /** The baseline used: the stated one, or the organiser's own figure. */
  baseline: z.number().nullable(),
  trajectory: z.array(trajectoryPoint),
  latest: z.object({ year: z.number().int(), actual: z.number(), path: z.number() }).nullable(),
  /** on-track: the latest figure is at or below the path; off-track: above it; unknown: no baseline or no figure yet. */
  status: z.enum(['on-track', 'off-track', 'unknown']),
});
export type GoalProgress = z.output<typeof goalProgress>;

/** Goals as the seeds' programmes state them, offered as templates (sources in docs/follow-up.md). */
export const goalTemplates: readonly (Omit<Goal, 'id'> & { source: { sv: string; en: string } })[] = [
  {
    name: 'Färre än 10 % utan gymnasiebetyg',
    outcome: 'examen-or-studiebevis',
    years: 5,
    baselineYear: 2021,
    baselineShare: null,
    targetYear: 2030,
    targetShare: 0.1,
    source: { sv: 'EU:s mål för 2020 om tidiga skolavhopp', en: 'The EU 2020 target on early school leaving' },
  },
  {
    name: 'Avbrott under 9 %',
    outcome: 'examen-or-studiebevis',
    years: 4,
    baselineYear: 2021,
    baselineShare: null,
    targetYear: 2030,
    targetShare: 0.09,
    source: { sv: 'Skaraborgs mål om avbrott', en: "Skaraborg's dropout target" },
  },
  {
    name: 'Halvera andelen utan examen inom 4 år',
    outcome: 'examen',
    years: 4,
    baselineYear: 2014,
    baselineShare: 0.336,
    targetYear: 2030,
    targetShare: 0.168,
    source: {
      sv: 'Plug In: från 66,4 % med examen inom 4 år, hälften så många utan',
      en: 'Plug In: from 66.4 % with a diploma within 4 years, half as many without',
    },
  },
];

const goalLabels = {
  goals: { sv: 'Mål', en: 'Goals' },
  'goals.*.id': { sv: 'Mål', en: 'Goal' },
  'goals.*.name': { sv: 'Målets namn', en: "Goal's name" },
  'goals.*.outcome': { sv: 'Vad som räknas som fullföljt', en: 'What counts as completed' },
  'goals.*.years': { sv: 'Inom antal år', en: 'Within years' },
  'goals.*.baselineYear': { sv: 'Utgångsår', en: 'Baseline year' },
  'goals.*.baselineShare': { sv: 'Andel utan vid utgångsåret', en: 'Share without at the baseline' },
  'goals.*.targetYear': { sv: 'Målår', en: 'Target year' },
  'goals.*.targetShare': { sv: 'Högsta andel utan vid målåret', en: 'Highest share without by the target year' },
};

export const goalsApi = {
  progress: endpoint({
    method: 'GET',
    path: '/api/follow-up/goals',
    query: z.strictObject({}),
    response: z.object({ asOf: z.string(), goals: z.array(goalProgress) }),
    labels: {},
  }),
  settings: endpoint({
    method: 'GET',
    path: '/api/follow-up/goal-settings',
    query: z.strictObject({}),
    response: z.object({ goals: z.array(goal) }),
    labels: {},
  }),
  save: endpoint({
    method: 'PUT',
    path: '/api/follow-up/goal-settings',
    body: goalSettingsBody,
    response: z.object({ goals: z.array(goal) }),
    labels: goalLabels,
  }),
};
