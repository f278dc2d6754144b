/** Test helpers of the register extract: the text a PDF shows, and what a person must never read in an extract. */

export { pdfText } from '../../../../test/support/pdf-text.ts';

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A column name (`absence_minutes`, `student_id`) or a code a person would not understand. */
const columnName = /\b[a-z]+_[a-z_]+\b/;
const codes = [
  'allowed',
  'denied',
  'in-progress',
  'preventing',
  'sensitive-note',
  'protected-contact',
  'withhold',
  'release',
  'pending',
  'Skolenhet:GY',
  'null',
  'undefined',
  '[object',
];

/** What is wrong with a text a person reads: an id, a column name or a code; null when nothing. */
export function unreadable(text: string): string | null {
  const id = uuid.exec(text);
  if (id) return `an id: ${id[0]}`;
  const column = columnName.exec(text);
  if (column) return `a column name: ${column[0]}`;
  const code = codes.find((c) => new RegExp(`(^|[^\\p{L}-])${c.replace(/[[\]]/g, '\\$&')}($|[^\\p{L}-])`, 'u').test(text));
  return code ? `a code: ${code}` : null;
}

/**
 * Every string a person reads in the JSON extract: all values except the machine fields — `ids`, the top-level ids, the
 * ISO time, a section's `key` and an entry's `secrecy` marker (its title says the same in words).
 */
export function readableStrings(value: unknown, key = ''): string[] {
  if (['ids', 'id', 'generatedAt', 'key', 'secrecy'].includes(key)) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => readableStrings(v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => readableStrings(v, k));
  return [];
}
