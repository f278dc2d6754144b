/**
 * Numbers that enter through a URL (paging, limits): strictly decimal digits, so `0x10`, `1e3`, ` 7` and `+3`
 * are refused rather than coerced, and bounded so no huge value reaches a query.
 */
import { z } from 'zod';

/** A whole number written in decimal digits within [min, max], from a query string or JSON. */
export function decimalInteger(min: number, max: number) {
  return z
    .union([z.number(), z.string()])
    .refine((value) => (typeof value === 'number' ? Number.isSafeInteger(value) : /^\d{1,15}$/.test(value)), {
      error: 'ska vara ett heltal (bara siffror)',
      params: { reason: 'integer' },
    })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { error: `måste vara minst ${min}` })
        .max(max, { error: `får vara högst ${max}` }),
    );
}

/** A page number, 1 … max (default 1). */
export const pageNumber = (max = 100_000) => decimalInteger(1, max).default(1);
/** A page size, 1 … max (default `preset`). */
export const pageSize = (preset: number, max: number) => decimalInteger(1, max).default(preset);
