/**
 * Validates one page: each document's strings and dates with the platform's shared input rules
 * and against the (patched) SS 12000 schema, then the domain checks, duplicate ids within the
 * page, the one-organiser rule and, for the documents still valid, their references. Returns the
 * errors and which documents they reject; the page's other documents may be written.
 */
import type { DbOrTx } from '../../server/db/client.ts';
import type { Endpoint } from './documents.ts';
import { checkDocument, type DomainContext } from './domain-checks.ts';
import { checkReferences, type KnownReferences } from './reference-checks.ts';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { schemaByEndpoint, validateAgainstSpec } from './schema-validation.ts';
import { checkText } from './text-checks.ts';
import type { FieldIssue } from './validation-messages.ts';

/** One rejected document. Never carries a field's value: it may be a personnummer. */
export interface ImportError {
  /** The SS 12000 entity, e.g. 'Person' (or 'Certificate' for the Fullfölj extension). */
  entity: string;
  /** The document's id when it has a usable one; AggregatedAttendance: student/activity/period. */
  documentId: string | null;
  /** Where in the source: e.g. `persons/page-2.json[3]`, `persons sida 2[3]`. */
  location: string;
  /** JSON path of the field, e.g. `enrolments[0].endDate`; `$` for the whole document. */
  field: string;
  /** Plain Swedish, English in parentheses. */
  reason: string;
}

export interface PageContext extends DomainContext {
  tenantId: string;
  locate(index: number): string;
  /** Referenced ids found earlier in the run (reference-checks.ts); a run shares one map across its pages. */
  knownReferences?: KnownReferences;
}

/** Documents validated between two turns of the event loop: a page being written meanwhile gets its replies handled. */
const YIELD_EVERY = 250;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const refId = (ref: unknown) => (ref as { id?: unknown } | undefined)?.id;

/** A document's id for the error report: only a well-formed uuid is echoed. */
export function documentIdOf(endpoint: Endpoint, doc: unknown): string | null {
  const d = doc as Record<string, unknown> | null;
  if (!d || typeof d !== 'object') return null;
  if (endpoint === 'aggregatedAttendance') {
    const parts = [refId(d.student), refId(d.activity)];
    return parts.every((p) => typeof p === 'string' && UUID.test(p))
      ? `${parts.join('/')}/${String(d.startDate)}..${String(d.endDate)}`.replace(/[^\w/.:-]/g, '')
      : null;
  }
  return typeof d.id === 'string' && UUID.test(d.id) ? d.id.toLowerCase() : null;
}

export interface PageValidation {
  /** One error per field problem, in document order. */
  errors: ImportError[];
  /** The indexes of the documents the errors reject. */
  rejected: ReadonlySet<number>;
  /** The keys of the documents not rejected (`documentIdOf`), or null when one of them has none. */
  keys: ReadonlySet<string> | null;
}

/** A field path as reported: only characters a path is made of (a property name comes from the document). */
const safeField = (field: string) => field.replace(/[^\w$.[\]?-]/g, '?').slice(0, 200);

/** The issues of one document on its own: text and dates, the schema, then the domain checks. */
function documentIssues(endpoint: Endpoint, doc: unknown, ctx: PageContext): FieldIssue[] {
  const text = checkText(doc);
  const schema = validateAgainstSpec(endpoint, doc);
  if (text.length === 0 && schema.length === 0) return checkDocument(endpoint, doc, ctx);
  // A field the schema already reports (e.g. an invalid date format) is reported once.
  return [...schema, ...text.filter((t) => !schema.some((s) => s.field === t.field))];
}

/** Validates `documents` of `endpoint`: the errors of every invalid document, and which they are. */
export async function validatePage(db: DbOrTx, endpoint: Endpoint, documents: unknown[], ctx: PageContext): Promise<PageValidation> {
  const entity = schemaByEndpoint[endpoint];
  const issuesByIndex = new Map<number, FieldIssue[]>();
  const schemaValid = new Map<number, unknown>();
  const seen = new Set<string>();
  const keyOf: (string | null)[] = [];
  for (const [index, doc] of documents.entries()) {
    if (index > 0 && index % YIELD_EVERY === 0) await nextTurn();
    const issues = documentIssues(endpoint, doc, ctx);
    const key = documentIdOf(endpoint, doc);
    keyOf.push(key);
    if (key !== null) {
      if (seen.has(key))
        issues.push({
          field: endpoint === 'aggregatedAttendance' ? '$' : 'id',
          reason: 'dubblett: samma id förekommer flera gånger i sidan (duplicate id in batch)',
        });
      seen.add(key);
    }
    const d = doc as { organisationType?: string; id?: string };
    if (endpoint === 'organisations' && d.organisationType === 'Huvudman' && d.id?.toLowerCase() !== ctx.tenantId) {
      issues.push({
        field: 'organisationType',
        reason: 'en import gäller en huvudman; källan har fler än en (more than one organiser in the source)',
      });
    }
    if (issues.length > 0) issuesByIndex.set(index, issues);
    else schemaValid.set(index, doc);
  }
  if (schemaValid.size > 0) {
    for (const [index, issues] of await checkReferences(db, ctx.tenantId, endpoint, schemaValid, ctx.knownReferences))
      issuesByIndex.set(index, issues);
  }
  const errors: ImportError[] = [];
  for (const [index, issues] of [...issuesByIndex].sort((a, b) => a[0] - b[0])) {
    const documentId = documentIdOf(endpoint, documents[index]);
    for (const issue of issues)
      errors.push({ entity, documentId, location: ctx.locate(index), field: safeField(issue.field), reason: issue.reason });
  }
  let keys: Set<string> | null = new Set<string>();
  for (const [index, key] of keyOf.entries()) {
    if (issuesByIndex.has(index)) continue;
    if (key === null) {
      keys = null;
      break;
    }
    keys.add(key);
  }
  return { errors, rejected: new Set(issuesByIndex.keys()), keys };
}
