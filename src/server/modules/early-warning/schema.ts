/** Request schemas of the early-warning routes; unknown fields are refused, so a typo never widens a query. */
import { z } from 'zod';
import { connectednessLevels } from '../../db/schema/early-warning.ts';

export const worklistQuery = z
  .object({
    schoolUnitId: z.uuid().optional(),
    minTier: z.coerce.number().int().min(1).max(3).default(2),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export const studentParams = z.object({ id: z.uuid() });
export const modelParams = z.object({ id: z.uuid() });
export const emptyQuery = z.object({}).strict();
export const reportQuery = z.object({ format: z.enum(['json', 'html']).default('html') }).strict();

const level = z.enum(connectednessLevels, { error: 'ska vara green, yellow eller red' });
export const connectednessBody = z
  .object({
    studentId: z.uuid(),
    ratedOn: z.iso.date({ error: 'ska vara ett datum ÅÅÅÅ-MM-DD' }).optional(),
    academic: level,
    behavioural: level,
    social: level,
    affective: level,
  })
  .strict();

export const trainBody = z
  .object({
    asOf: z.iso.date({ error: 'ska vara ett datum ÅÅÅÅ-MM-DD' }).optional(),
    stage: z.enum(['GY', 'GR'], { error: 'ska vara GY eller GR' }).optional(),
  })
  .strict();

export const settingsBody = z
  .object({
    thresholds: z.record(z.string(), z.unknown()).optional(),
    capacities: z.record(z.uuid(), z.number().int().min(1, { error: 'ska vara minst 1' }).max(1000, { error: 'får vara högst 1000' })).optional(),
  })
  .strict();
