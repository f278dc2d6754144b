/**
 * Turns ajv's errors into the importer's field + reason, in plain Swedish with English in
 * parentheses. Built only from the keyword and the schema's parameters — never from the
 * document's value, which may be a personnummer.
 */
import type { ErrorObject } from 'ajv';

export interface FieldIssue {
  /** JSON path of the field in the document, e.g. `enrolments[0].startDate`; `$` for the document itself. */
  field: string;
  reason: string;
}

/** `/enrolments/0/startDate` → `enrolments[0].startDate`. */
export function pointerToPath(pointer: string, child?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (child !== undefined) parts.push(child);
  let path = '';
  for (const raw of parts) {
    // A property name comes from the document (an unknown property): shown only when it is a plain identifier.
    const part = /^\d+$/.test(raw) || /^[A-Za-z_$][\w$-]{0,63}$/.test(raw) ? raw : '?';
    path += /^\d+$/.test(part) ? `[${part}]` : path ? `.${part}` : part;
  }
  return path || '$';
}

const typeNames: Record<string, string> = {
  string: 'text (string)',
  integer: 'heltal (integer)',
  number: 'tal (number)',
  boolean: 'sant/falskt (boolean)',
  object: 'objekt (object)',
  array: 'lista (array)',
  null: 'null',
};

const formatNames: Record<string, string> = {
  uuid: 'ett UUID (uuid)',
  date: 'ett datum ÅÅÅÅ-MM-DD (date)',
  'date-time': 'en tidpunkt enligt RFC 3339 med tidszon (date-time)',
  email: 'en e-postadress (email)',
  uri: 'en URI (uri)',
};

/** One ajv error → field and reason. */
export function describeAjvError(error: ErrorObject): FieldIssue {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        field: pointerToPath(error.instancePath, String(p.missingProperty)),
        reason: 'obligatoriskt fält saknas (required field missing)',
      };
    case 'type': {
      const t = String(p.type)
        .split(',')
        .map((x) => typeNames[x] ?? x)
        .join(' eller ');
      return { field: pointerToPath(error.instancePath), reason: `ska vara ${t} (wrong type)` };
    }
    case 'format':
      return {
        field: pointerToPath(error.instancePath),
        reason: `ska vara ${formatNames[String(p.format)] ?? String(p.format)} (invalid format)`,
      };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const list = allowed.length <= 12 ? `: ${allowed.join(', ')}` : '';
      return { field: pointerToPath(error.instancePath), reason: `okänd kod, tillåtna värden${list} (unknown code)` };
    }
    case 'minItems':
      return { field: pointerToPath(error.instancePath), reason: `ska ha minst ${String(p.limit)} element (too few items)` };
    case 'uniqueItems':
      return { field: pointerToPath(error.instancePath), reason: 'innehåller dubbletter (duplicate items)' };
    case 'minimum':
    case 'maximum':
      return {
        field: pointerToPath(error.instancePath),
        reason: `ska vara ${error.keyword === 'minimum' ? 'minst' : 'högst'} ${String(p.limit)} (out of range)`,
      };
    case 'pattern':
      return { field: pointerToPath(error.instancePath), reason: 'har fel format (does not match pattern)' };
    case 'additionalProperties':
      return { field: pointerToPath(error.instancePath, String(p.additionalProperty)), reason: 'okänt fält (unknown property)' };
    default:
      return { field: pointerToPath(error.instancePath), reason: `uppfyller inte schemat: ${error.keyword} (schema violation)` };
  }
}
