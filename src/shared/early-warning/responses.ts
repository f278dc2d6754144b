/**
 * What the early-detection routes answer: the worklist, a student's page, the overview (counts without names) and
 * the administrators' settings and model versions. Codes (tiers, indicators, stages) are for the pages to name
 * (labels.ts); reasons arrive named in both languages.
 */
import { z } from 'zod';
import { probability } from './probability.ts';
import { thresholdNames, type ThresholdName } from './thresholds.ts';

const date = z.string();
const tier = z.number().int().min(1).max(3);
const unit = z.object({ id: z.uuid(), name: z.string().nullable() });

export const reason = z.object({ feature: z.string(), sv: z.string(), en: z.string(), contribution: z.number() });
export type Reason = z.output<typeof reason>;

export const trendPoint = z.object({ asOf: date, attendance: z.number().nullable(), probability: z.number().nullable(), tier });
export type TrendPoint = z.output<typeof trendPoint>;

export const worklistItem = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  schoolUnit: unit,
  schoolYear: z.number().int().nullable(),
  programmeCode: z.string().nullable(),
  /** The programme's name where the organiser's programmes name it. */
  programmeName: z.string().nullable(),
  tier,
  flags: z.array(z.string()),
  probability,
  reasons: z.array(reason),
  onset: date.nullable(),
  trend: z.array(trendPoint),
  attendance: z.number().nullable(),
  /** The position in the list as shown: 1 … total, across pages. */
  rank: z.number().int().min(1),
  /** Among the first `capacity` students of the student's own school unit: the ones its team can act on. */
  withinCapacity: z.boolean(),
  openCaseId: z.uuid().nullable(),
});
export type WorklistItem = z.output<typeof worklistItem>;

export const worklist = z.object({
  items: z.array(worklistItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  asOf: date.nullable(),
  /** The chosen school unit's capacity; null when the list spans several units (each has its own). */
  capacity: z.number().int().nullable(),
});

export const indicatorEpisode = z.object({
  indicator: z.string(),
  onset: date,
  lastSeen: date,
  status: z.enum(['active', 'resolved']),
  resolvedOn: date.nullable(),
  severity: z.enum(['caution', 'flag', 'severe']),
  counts: z.boolean(),
  value: z.number().nullable(),
  details: z.record(z.string(), z.unknown()),
  expiresOn: date,
});
export type IndicatorEpisode = z.output<typeof indicatorEpisode>;

export const studentEarlyWarning = z.object({
  current: z
    .object({
      asOf: date,
      tier,
      flags: z.array(z.string()),
      schoolUnit: unit,
      schoolYear: z.number().int().nullable(),
      programmeCode: z.string().nullable(),
      probability,
      reasons: z.array(reason),
      measures: z.record(z.string(), z.number().nullable()),
    })
    .nullable(),
  indicators: z.array(indicatorEpisode),
  history: z.array(trendPoint),
  student: z.object({ givenName: z.string(), familyName: z.string() }).nullable(),
  openCaseId: z.uuid().nullable(),
});
export type StudentEarlyWarning = z.output<typeof studentEarlyWarning>;

/** Why a count is null: fewer than 5, or hidden so that a small count beside it cannot be worked out by subtraction. */
const suppressed = z.enum(['small', 'complementary']).nullable();
const count = { count: z.number().int().nullable(), suppressed };
export const overview = z.object({
  asOf: date.nullable(),
  units: z.array(z.object({ schoolUnitId: z.uuid(), name: z.string().nullable(), tier, ...count })),
  indicators: z.array(z.object({ indicator: z.string(), ...count })),
  years: z.array(z.object({ schoolType: z.string(), schoolYear: z.number().int().nullable(), tier, ...count })),
  programmes: z.array(z.object({ programmeCode: z.string().nullable(), programmeName: z.string().nullable(), tier, ...count })),
});
export type Overview = z.output<typeof overview>;

export const ratingSaved = z.object({ id: z.uuid(), ratedOn: date });

const thresholdValues = z.object(Object.fromEntries(thresholdNames.map((n) => [n, z.number()])) as Record<ThresholdName, z.ZodNumber>);
const capacities = z.record(z.string(), z.number().int());
export const settings = z.object({
  thresholds: thresholdValues,
  capacities,
  defaultCapacity: z.number().int(),
  /** The organiser's school units by name, for the capacity fields. */
  units: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type Settings = z.output<typeof settings>;
export const settingsSaved = z.object({ thresholds: thresholdValues, capacities });

export const modelVersion = z.object({
  id: z.uuid(),
  version: z.number().int(),
  stage: z.enum(['GY', 'GR']),
  kind: z.enum(['logistic', 'forest']),
  status: z.enum(['candidate', 'active', 'retired']),
  trainedAsOf: date,
  testAuc: z.number(),
  rulesAuc: z.number(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
});
export type ModelVersion = z.output<typeof modelVersion>;
export const modelList = z.object({ items: z.array(modelVersion) });
/** Per stage: the new version, or why none could be trained (a Swedish sentence). */
export const trainResult = z.object({
  results: z.array(z.object({ stage: z.enum(['GY', 'GR']), model: modelVersion.nullable(), refused: z.string().nullable() })),
});
export const activation = z.object({
  model: modelVersion,
  refresh: z.object({ asOf: date, students: z.number().int(), scored: z.number().int(), insufficient: z.number().int() }),
});
