/**
 * Hostile values for the property-based route walk, generated from a route's declared zod schemas: control
 * characters, lone surrogates, huge strings, wrong types, extra fields, deep nesting, boundary numbers and
 * impossible dates. Every string that must be refused carries `marker`, so a test can show it is never echoed.
 */
import fc from 'fast-check';
import { z } from 'zod';

export const marker = 'HOSTILEMARK19121212';

/** The keys of an object schema, looking through optional/default/pipe/transform wrappers; [] otherwise. */
export function keysOf(schema: z.ZodType | undefined): string[] {
  let current: unknown = schema;
  for (let i = 0; i < 10 && current; i++) {
    if (current instanceof z.ZodObject) return Object.keys(current.shape);
    const def = (current as { _zod?: { def?: { innerType?: unknown; in?: unknown; schema?: unknown } } })._zod?.def;
    current = def?.innerType ?? def?.in ?? def?.schema;
  }
  return [];
}

/** Strings that every field must refuse; each carries the marker. */
const refusedInUrl = fc.oneof(
  fc.constant(`${marker}\u0000`),
  fc.constant(`\ud800${marker}`),
  fc.constant(`${marker}\udfff`),
  fc.constant(`${marker}\u0007bell`),
  fc.constant(`${marker}\u001b[31m`),
  fc.constant(`${marker}\u0085`),
  fc.constant(marker.repeat(500)),
  fc
    .integer({ min: 0, max: 31 })
    .filter((c) => c !== 9 && c !== 10 && c !== 13)
    .map((c) => `${marker}${String.fromCharCode(c)}`),
);

const refusedStrings = fc.oneof({ weight: 8, arbitrary: refusedInUrl }, { weight: 1, arbitrary: fc.constant(marker.repeat(30_000)) });

/** Values of a wrong or boundary kind, without the marker (a route may legitimately echo e.g. a number). */
const oddValues = fc.oneof(
  fc.constantFrom(
    '2026-02-30',
    '0001-01-01',
    '2026-13-01',
    '9999-12-31',
    '2026-1-1',
    '0x10',
    '1e3',
    ' 7',
    '-1',
    '+3',
    '99999999999999999999',
    'NaN',
    '',
  ),
  fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 0.5),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.uuid(),
);

/** A value nested `depth` levels deep. */
const nested = fc.integer({ min: 40, max: 200 }).map((depth) => {
  let value: unknown = `${marker}\u0000`;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
});

const jsonValue = fc.oneof(
  { weight: 4, arbitrary: refusedStrings },
  { weight: 3, arbitrary: oddValues },
  { weight: 1, arbitrary: fc.array(refusedStrings, { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: nested },
);

/** A plain identifier for an unknown field (the 400 may name it). */
const extraKey = fc.stringMatching(/^[a-z][a-zA-Z]{0,12}$/).map((k) => `x${k}`);

/** A JSON body for an object schema: each known field possibly hostile, possibly an unknown field. */
export function hostileBody(schema: z.ZodType | undefined): fc.Arbitrary<unknown> {
  const keys = keysOf(schema);
  const record = fc.record(Object.fromEntries(keys.map((k) => [k, jsonValue])), { requiredKeys: [] });
  const withExtra = fc
    .tuple(record, fc.option(fc.tuple(extraKey, jsonValue), { nil: undefined }))
    .map(([body, extra]) => (extra ? { ...body, [extra[0]]: extra[1] } : body));
  return fc.oneof({ weight: 6, arbitrary: withExtra }, { weight: 1, arbitrary: jsonValue });
}

/** Percent-encodes a string as a browser or an attacker would; lone surrogates become CESU-8 bytes. */
export function percentEncode(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(char);
  }
  return out;
}

const queryValue = fc.oneof(
  { weight: 4, arbitrary: refusedInUrl.map(percentEncode) },
  { weight: 1, arbitrary: fc.constantFrom('%00', '%FF', '%C0%80', '%ED%A0%80', `${marker}%`, `${marker}%E0%A4%A`) },
  {
    weight: 3,
    arbitrary: oddValues.filter((v) => typeof v === 'string' || typeof v === 'number').map((v) => encodeURIComponent(String(v))),
  },
);

/** A query string for a query schema: known fields with hostile values (some repeated), maybe an unknown one. */
export function hostileQuery(schema: z.ZodType | undefined): fc.Arbitrary<string> {
  const keys = [...keysOf(schema), 'lang'];
  const pair = fc.tuple(fc.oneof(fc.constantFrom(...keys), extraKey), queryValue);
  return fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
}

/** A URL with its `:params` filled: a hostile segment, an odd one or a well-formed uuid. */
export function hostileUrl(url: string): fc.Arbitrary<{ path: string; hostile: boolean }> {
  const names = url.match(/:[A-Za-z]+/g) ?? [];
  if (!names.length) return fc.constant({ path: url, hostile: false });
  const segment = fc.oneof(
    refusedInUrl.map((s) => ({ text: percentEncode(s), hostile: true })),
    fc.constantFrom('%00', '..%2F..', '%ED%A0%80', '0x10', '-1', 'null').map((text) => ({ text, hostile: false })),
    fc.uuid().map((text) => ({ text, hostile: false })),
  );
  return fc.array(segment, { minLength: names.length, maxLength: names.length }).map((segments) => {
    let path = url;
    names.forEach((name, i) => {
      path = path.replace(name, segments[i]!.text);
    });
    return { path, hostile: segments.some((s) => s.hostile) };
  });
}
