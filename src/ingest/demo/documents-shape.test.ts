/**
 * A light check of the generated documents against SIS's OpenAPI for SS 12000 v2.1 (required keys,
 * enums, JSON types, recursively, after the importer's errata) without a database; the importer
 * validates in full (seed.test.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { certificateSchema } from '../ss12000/certificate-schema.ts';
import { applyErrata, type SchemaMap } from '../ss12000/spec-errata.ts';
import type { Endpoint } from '../ss12000/documents.ts';
import { generateDemoRegion } from './generate.ts';

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  required?: string[];
  enum?: unknown[];
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
}

const spec = parse(readFileSync(new URL('../../../assets/ss12000/openapi_ss12000_version2_1_0.yaml', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, Schema> };
};
// The importer's documented errata (docs/ss12000.md), e.g. Grade's `required` naming a property Grade does not have.
const schemas = { ...applyErrata(spec.components.schemas as SchemaMap), Certificate: certificateSchema } as unknown as Record<
  string,
  Schema
>;

/** $ref and allOf flattened into one schema. */
function resolve(schema: Schema): Schema {
  if (schema.$ref) return resolve(schemas[schema.$ref.replace('#/components/schemas/', '')] as Schema);
  if (!schema.allOf) return schema;
  const parts = schema.allOf.map(resolve);
  return {
    ...schema,
    allOf: undefined,
    type: parts.find((p) => p.type)?.type ?? schema.type,
    required: parts.flatMap((p) => p.required ?? []),
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})) as Record<string, Schema>,
  };
}

const jsonType = (v: unknown) => (Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);

function problems(value: unknown, raw: Schema, path: string): string[] {
  const schema = resolve(raw);
  const out: string[] = [];
  if (schema.enum && !schema.enum.includes(value)) out.push(`${path}: ${JSON.stringify(value)} is not one of the enum`);
  const type = jsonType(value);
  if (schema.type && schema.type !== type && !(schema.type === 'number' && type === 'integer'))
    out.push(`${path}: ${type}, expected ${schema.type}`);
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => out.push(...problems(v, schema.items as Schema, `${path}[${i}]`)));
  if (type === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) out.push(`${path}.${key}: required`);
    for (const [key, v] of Object.entries(obj)) {
      const sub = schema.properties?.[key];
      if (sub) out.push(...problems(v, sub, `${path}.${key}`));
    }
  }
  return out;
}

const schemaOf: Record<Endpoint, string> = {
  organisations: 'Organisation',
  programmes: 'Programme',
  syllabuses: 'Syllabus',
  persons: 'Person',
  groups: 'Group',
  duties: 'Duty',
  activities: 'Activity',
  calendarEvents: 'CalendarEvent',
  attendances: 'Attendance',
  aggregatedAttendance: 'AggregatedAttendance',
  grades: 'Grade',
  certificates: 'Certificate',
};

test('every generated document has the required fields, enums and types of its SS 12000 schema', () => {
  const region = generateDemoRegion({ seed: 5, scale: 0.1, today: '2027-02-15' });
  const seen = new Set<string>();
  for (const org of region.organisers) {
    for (const [endpoint, docs] of Object.entries(org.documents) as [Endpoint, unknown[]][]) {
      seen.add(endpoint);
      // Every document of the small endpoints, a sample of the large ones.
      const step = Math.max(1, Math.floor(docs.length / 2000));
      for (let i = 0; i < docs.length; i += step) {
        const found = problems(docs[i], { $ref: `#/components/schemas/${schemaOf[endpoint]}` }, `${endpoint}[${i}]`);
        assert.deepEqual(found, [], `${org.name}: ${found.slice(0, 3).join('; ')}`);
      }
    }
  }
  assert.deepEqual([...seen].sort(), Object.keys(schemaOf).sort());
});

test('the light check itself catches a missing required field and a value outside an enum', () => {
  const bad = { id: 'x', meta: {}, displayName: 'X', organisationType: 'Kommun' };
  const found = problems(bad, { $ref: '#/components/schemas/Organisation' }, 'o');
  assert.ok(
    found.some((p) => p.includes('organisationType')),
    found.join('; '),
  );
});
