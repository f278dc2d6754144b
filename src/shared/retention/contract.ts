/**
 * The retention rules' settings (administrators): every rule an organiser sets, with its current value, and the last
 * run of the retention job. Saving takes any of the rules; a value is whole units in the rule's range, or null (keep).
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { tenantRuleInfo } from './rules.ts';

const text = z.object({ sv: z.string(), en: z.string() });

export const retentionRuleView = z.object({
  key: z.string(),
  label: text,
  counted: text,
  unit: z.enum(['years', 'days']),
  min: z.number().int(),
  max: z.number().int(),
  keep: z.number().int().nullable(),
  isDefault: z.boolean(),
  defaultKeep: z.number().int().nullable(),
});
export type RetentionRuleView = z.output<typeof retentionRuleView>;

export const lastRetentionRun = z
  .object({ startedAt: z.string(), finishedAt: z.string().nullable(), outcome: z.enum(['running', 'succeeded', 'failed']) })
  .nullable();

export const retentionSettings = z.object({ rules: z.array(retentionRuleView), lastRun: lastRetentionRun });

/** One optional field per rule the organiser sets: whole units within the rule's range, or null to keep. */
export const retentionSettingsBody = z.strictObject(
  Object.fromEntries(tenantRuleInfo.map((r) => [r.key, z.number().int().min(r.min).max(r.max).nullable().optional()])) as Record<
    (typeof tenantRuleInfo)[number]['key'],
    z.ZodOptional<z.ZodNullable<z.ZodNumber>>
  >,
);

const labels: FieldLabels = Object.fromEntries(
  tenantRuleInfo.map((r) => [r.key, { sv: `${r.label.sv}, ${r.counted.sv}`, en: `${r.label.en}, ${r.counted.en}` }]),
);

export const retentionApi = {
  read: endpoint({ method: 'GET', path: '/api/retention/rules', query: z.strictObject({}), response: retentionSettings, labels: {} }),
  save: endpoint({ method: 'PUT', path: '/api/retention/rules', body: retentionSettingsBody, response: retentionSettings, labels }),
};
