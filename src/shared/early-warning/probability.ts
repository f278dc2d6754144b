/**
 * A student's probability of not completing, as the worklist, the student page and the CSV export show it: a value
 * with its 95 % band, "otillräckligt underlag" (too little reported attendance), "ingen modell" (no active model for
 * the student's stage) — or "osäker skattning" when the band is so wide that the value says nothing.
 */
import { z } from 'zod';

export const probability = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), value: z.number(), lower: z.number().nullable(), upper: z.number().nullable() }),
  z.object({ status: z.literal('insufficient') }),
  z.object({ status: z.literal('no-model') }),
]);
export type Probability = z.output<typeof probability>;

/**
 * A band at least this wide (half the scale) is uninformative: "100 % (0 %–100 %)" says only that the model does not
 * know, so the pages say that instead of printing the figures.
 */
export const UNINFORMATIVE_BAND_WIDTH = 0.5;

/** True when the probability has a value whose band is too wide to mean anything. */
export function isUncertain(p: Probability): boolean {
  if (p.status !== 'ok' || p.lower === null || p.upper === null) return false;
  return p.upper - p.lower >= UNINFORMATIVE_BAND_WIDTH;
}
