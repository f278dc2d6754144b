/**
 * Validators compiled once per process from SIS's OpenAPI for SS 12000 v2.1 (vendored at
 * assets/ss12000/), with the errata of spec-errata.ts applied and Fullfölj's Certificate
 * extension added. One precompiled ajv function per endpoint.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { parse } from 'yaml';
import { certificateSchema } from './certificate-schema.ts';
import type { Endpoint } from './documents.ts';
import { applyErrata, type SchemaMap } from './spec-errata.ts';
import { describeAjvError, type FieldIssue } from './validation-messages.ts';

/** The vendored spec; the project must run without ../shared. */
export const specPath = new URL('../../../assets/ss12000/openapi_ss12000_version2_1_0.yaml', import.meta.url);

/** The component each endpoint's documents are validated against. */
export const schemaByEndpoint: Record<Endpoint, string> = {
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

const ROOT = 'https://fullfolj.se/schemas/ss12000-2.1.json';
const MAX_ISSUES_PER_DOCUMENT = 20;

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
  options: { mode: 'fast' | 'full' },
) => Ajv;

/** The spec's components.schemas with errata applied and the Certificate extension added. */
export function loadPatchedSchemas(): SchemaMap {
  const spec = parse(readFileSync(specPath, 'utf8')) as { components: { schemas: SchemaMap } };
  const schemas = applyErrata(spec.components.schemas);
  schemas.Certificate = structuredClone(certificateSchema) as unknown as Record<string, unknown>;
  return schemas;
}

function compileAll(): { ajv: Ajv; validators: Map<string, ValidateFunction> } {
  // OpenAPI 3.0 refs point at #/components/schemas/…; as plain JSON Schema they live under definitions.
  const definitions = JSON.parse(JSON.stringify(loadPatchedSchemas()).replaceAll('"#/components/schemas/', '"#/definitions/')) as SchemaMap;
  // strictTypes off: the spec's allOf fragments add properties without repeating `type: object`.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
  ajv.addKeyword('example'); // OpenAPI annotation; `nullable` and `readOnly` are known to ajv
  // 'fast' formats are ~4× faster on attendance-sized volumes; calendar dates keep the full check
  // (the fast one accepts 2024-02-31), date-times are still checked for shape and time zone.
  addFormats(ajv, { mode: 'fast' });
  ajv.addFormat('date', fullFormats.date);
  ajv.addSchema({ $id: ROOT, definitions });
  const validators = new Map<string, ValidateFunction>();
  return { ajv, validators };
}

let compiled: ReturnType<typeof compileAll> | undefined;

/** The precompiled validator for a component, e.g. 'Person' or 'DeletedEntities'. */
export function validatorFor(component: string): ValidateFunction {
  compiled ??= compileAll();
  let validate = compiled.validators.get(component);
  if (!validate) {
    validate = compiled.ajv.getSchema(`${ROOT}#/definitions/${component}`);
    if (!validate) throw new Error(`Okänt SS 12000-schema: ${component}`);
    compiled.validators.set(component, validate);
  }
  return validate;
}

/** Validates one document of `endpoint` against the (patched) spec; returns its issues, none when valid. */
export function validateAgainstSpec(endpoint: Endpoint, document: unknown): FieldIssue[] {
  const validate = validatorFor(schemaByEndpoint[endpoint]);
  if (validate(document)) return [];
  return (validate.errors ?? []).slice(0, MAX_ISSUES_PER_DOCUMENT).map(describeAjvError);
}
