/** The SS 12000 list envelope `{ "data": [...], "pageToken": null }`, as files and the API carry it. */
import { Ss12000SourceError } from './failure.ts';
import { validatorFor } from './schema-validation.ts';

export interface Envelope {
  data: unknown[];
  pageToken: string | null;
}

/** Parses a page envelope; throws a Swedish message (never the content) when it is not one. */
export function parseEnvelope(text: string): Envelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Ss12000SourceError('är inte giltig JSON (invalid JSON)');
  }
  const e = parsed as { data?: unknown; pageToken?: unknown };
  if (!e || typeof e !== 'object' || !Array.isArray(e.data)) {
    throw new Ss12000SourceError('saknar listan "data" (not an SS 12000 page: { "data": [...] })');
  }
  if (e.pageToken !== undefined && e.pageToken !== null && typeof e.pageToken !== 'string') {
    throw new Ss12000SourceError('"pageToken" ska vara text eller null (pageToken must be a string or null)');
  }
  return { data: e.data, pageToken: (e.pageToken as string | null | undefined) ?? null };
}

/** Parses a DeletedEntities envelope, validated against the spec's DeletedEntities schema. */
export function parseDeletedEntities(text: string): { data: Record<string, unknown>; pageToken: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Ss12000SourceError('deletedEntities är inte giltig JSON (invalid JSON)');
  }
  const validate = validatorFor('DeletedEntities');
  if (!validate(parsed))
    throw new Ss12000SourceError('deletedEntities följer inte SS 12000-schemat DeletedEntities (invalid DeletedEntities document)');
  const d = parsed as { data: Record<string, unknown>; pageToken?: string | null };
  return { data: d.data, pageToken: d.pageToken ?? null };
}
