import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadPatchedSchemas } from './schema-validation.ts';
import { checkText, dateProperties, timestampProperties } from './text-checks.ts';

/** Every property name of the spec with the given string format. */
function propertiesWithFormat(format: string): string[] {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const properties = (node as { properties?: Record<string, { format?: string }> }).properties;
    for (const [name, schema] of Object.entries(properties ?? {})) if (schema.format === format) names.add(name);
    Object.values(node).forEach(walk);
  };
  walk(loadPatchedSchemas());
  return [...names].sort();
}

test('the date and date-time properties checked are exactly those the spec declares', () => {
  assert.deepEqual([...dateProperties].sort(), propertiesWithFormat('date'));
  assert.deepEqual([...timestampProperties].sort(), propertiesWithFormat('date-time'));
});

test('every string is checked, nested or in lists, and the report names the field, never the value', () => {
  const doc = {
    givenName: 'ok',
    notes: 'rad ett\nrad två\ttab',
    addresses: [{ streetAddress: 'Gata 1' }, { streetAddress: 'Gata\u0000 2', locality: 'Ort \udc00' }],
    enrolments: [{ startDate: '2024-02-30' }, { startDate: '2024-02-29', endDate: '1899-12-31' }],
    meta: { modified: '2101-01-01T00:00:00Z', created: 'not a time' },
    'bad\u0007key': 1,
  };
  assert.deepEqual(
    checkText(doc).map((i) => i.field),
    ['addresses[1].streetAddress', 'addresses[1].locality', 'enrolments[0].startDate', 'enrolments[1].endDate', 'meta.modified', '$[?]'],
  );
  assert.ok(checkText(doc).every((i) => !/Gata|Ort|bad/.test(i.reason)));
  assert.deepEqual(checkText({ name: 'Åsa Öberg-Ängström 😀' }), [], 'well-formed text, surrogate pairs included, passes');
});

test('a document shaped like many clean ones before it is still walked for its one bad value', () => {
  const clean = (i: number) => ({ id: `id-${i}`, meta: { modified: '2025-08-15T08:00:00Z' }, student: { id: 's' }, tags: ['a', 'b'] });
  for (let i = 0; i < 1000; i++) assert.deepEqual(checkText(clean(i)), []);
  const cases: [unknown, string][] = [
    [{ ...clean(0), student: { id: 's\u0000' } }, 'student.id'],
    [{ ...clean(0), meta: { modified: '2025-02-30T08:00:00Z' } }, 'meta.modified'],
    [{ ...clean(0), tags: ['a', '\ud800'] }, 'tags[1]'],
    [{ ...clean(0), ['n\u0001y']: 'x' }, '$[?]'],
  ];
  for (const [doc, field] of cases)
    assert.deepEqual(
      checkText(doc).map((i) => i.field),
      [field],
    );
});
