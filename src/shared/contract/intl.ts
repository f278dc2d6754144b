/**
 * Intl formatters, kept per locale and options. Building one costs about 80 µs, and `toLocaleDateString`, `toLocaleString`
 * and `new Intl.NumberFormat(…).format` build one on every call; `format` on a kept one takes about 1 µs (docs/scaling.md,
 * *What a read costs the machine*). Server and web both take theirs from here. The keys are few — a handful of option sets in a few languages — and at most
 * `keepAtMost` are kept, so that a locale taken from a request cannot grow the map without bound.
 */
const kept = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
const keepAtMost = 500;

function keptFormat<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => F): F {
  const found = kept.get(key) as F | undefined;
  if (found) return found;
  const format = build();
  if (kept.size < keepAtMost) kept.set(key, format);
  return format;
}

/** `new Intl.NumberFormat(locale, options)`, built once. Throws RangeError for a locale Intl does not know, as it does. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return keptFormat(`n ${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

/** `new Intl.DateTimeFormat(locale, options)`, built once. Throws RangeError for a locale Intl does not know, as it does. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return keptFormat(`d ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}
