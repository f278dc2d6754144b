/**
 * Request schemas of the early-warning routes; unknown fields are refused, so a typo never widens a query. Dates are
 * calendar dates that exist (1900–2100), query numbers decimal digits, and every number in a body has its range.
 */
import { z } from 'zod';
import { calendarDate, decimalInteger, pageNumber, pageSize } from '../../../shared/input/index.ts';
import { connectednessLevels } from '../../db/schema/early-warning.ts';
import { thresholdsPatch } from './thresholds.ts';

/** Most school units one settings change may give a capacity (an organiser has far fewer). */
export const maxCapacityUnits = 1000;

export const worklistQuery = z.strictObject({
  schoolUnitId: z.uuid().optional(),
  minTier: decimalInteger(1, 3).default(2),
  page: pageNumber(10_000),
  pageSize: pageSize(25, 100),
});

export const studentParams = z.strictObject({ id: z.uuid() });
export const modelParams = z.strictObject({ id: z.uuid() });
export const emptyQuery = z.strictObject({});
export const reportQuery = z.strictObject({ format: z.enum(['json', 'html']).default('html') });

const level = z.enum(connectednessLevels, { error: 'ska vara green, yellow eller red' });
export const connectednessBody = z.strictObject({
  studentId: z.uuid(),
  ratedOn: calendarDate().optional(),
  academic: level,
  behavioural: level,
  social: level,
  affective: level,
});

export const trainBody = z.strictObject({
  asOf: calendarDate().optional(),
  stage: z.enum(['GY', 'GR'], { error: 'ska vara GY eller GR' }).optional(),
});

export const settingsBody = z.strictObject({
  /** Known thresholds only, each within its cited range (thresholds.ts); the order of the levels is checked after merging. */
  thresholds: thresholdsPatch.optional(),
  capacities: z
    .record(z.uuid(), z.number().int({ error: 'ska vara ett heltal' }).min(1, { error: 'ska vara minst 1' }).max(1000, { error: 'får vara högst 1000' }))
    .refine((value) => Object.keys(value).length <= maxCapacityUnits, { error: `högst ${maxCapacityUnits} skolenheter` })
    .optional(),
});
