/**
 * A submission's content (a proposed knowledge-bank record, or the whole new text of an edit): the zod schema, then
 * the checks that need the database (known municipality codes, linked methods) and the map (places inside Sweden and
 * inside one of the record's municipalities). Every error is a 400 whose fields name the path inside the content
 * (`places.0.lat`), in Swedish. The description is Markdown; raw HTML in it is kept as text and never rendered
 * (markdown.ts escapes it), so it is not refused here. Texts come from the shared input blocks (src/shared/input): trimmed,
 * no control characters, one line unless the form has a text area, each with its maximum (docs/knowledge-bank.md,
 * "Input limits"); dates exist (1900–2100).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDate, line, optionalLine, optionalParagraph, paragraph, safeText } from '../../../shared/input/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { activityStatuses, ageGroups, focusAreas, knowledgeRecords, municipalities, preventionLevels, recordKinds, workLevels } from '../../db/schema/index.ts';
import { HttpError } from '../../platform/errors.ts';
import { municipalityAt } from './municipality-geometry.ts';

/** Sweden's bounding box (WGS 84), a first check before the municipality boundaries. */
export const swedenBox = { latMin: 55.0, latMax: 69.1, lonMin: 10.9, lonMax: 24.2 } as const;

/** One line of `min`–`max` characters. */
const text = (min: number, max: number) => safeText({ min, max });
/** One line (or several, `multiline`) that may be absent or blank: null. */
const optionalText = (max: number, multiline = false) =>
  (multiline ? optionalParagraph(max) : optionalLine(max)).nullish().transform((v) => (v ? v : null));
/** An empty or blank form field counts as not given. */
const blankAsNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema);
const blankAsUndefined = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);
const unique = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max).default([]).refine((a) => new Set(a).size === a.length, { message: 'får inte innehålla samma värde två gånger' });

/** Only http(s) addresses: no javascript:, data: or relative links. */
export const httpUrl = line(2000).refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
}, { message: 'måste vara en webbadress som börjar med http:// eller https://' });

const isoDate = calendarDate();

const place = z.strictObject({
  name: line(200),
  lat: z.number().refine((v) => v >= swedenBox.latMin && v <= swedenBox.latMax, { message: `måste ligga inom Sverige (latitud ${swedenBox.latMin}–${swedenBox.latMax})` }),
  lon: z.number().refine((v) => v >= swedenBox.lonMin && v <= swedenBox.lonMax, { message: `måste ligga inom Sverige (longitud ${swedenBox.lonMin}–${swedenBox.lonMax})` }),
});

/** The content of a submission, as the form sends it; the names are the record's (knowledge_records) in camelCase. */
export const submissionContent = z.strictObject({
  kind: z.enum(recordKinds),
  nameSv: text(3, 200),
  nameEn: optionalText(200).transform((v) => v ?? ''),
  summarySv: paragraph(600, 20),
  summaryEn: optionalText(600, true).transform((v) => v ?? ''),
  descriptionSv: optionalParagraph(20_000).default(''),
  municipalityCodes: unique(z.string().regex(/^\d{4}$/, { message: 'måste vara en kommunkod med fyra siffror (SCB)' }), 290),
  places: z.array(place).max(50).default([]),
  organisation: optionalText(200),
  focusAreas: unique(z.enum(focusAreas), focusAreas.length),
  subChallenges: unique(text(1, 200), 20),
  ageGroups: unique(z.enum(ageGroups), ageGroups.length),
  targetGroup: optionalText(500),
  preventionLevel: blankAsNull(z.enum(preventionLevels).nullish().transform((v) => v ?? null)),
  levels: unique(z.enum(workLevels), workLevels.length),
  plugInFactors: unique(text(1, 200), 20),
  periodStart: blankAsNull(isoDate.nullish().transform((v) => v ?? null)),
  periodEnd: blankAsNull(isoDate.nullish().transform((v) => v ?? null)),
  activityStatus: blankAsNull(z.enum(activityStatuses).nullish().transform((v) => v ?? null)),
  costPerParticipant: z.number().int().min(0).max(10_000_000).nullish().transform((v) => v ?? null),
  outcomesMeasured: optionalText(2000, true),
  evidence: z.strictObject({ rating: text(1, 500), source: text(1, 300), url: httpUrl.optional(), tier: text(1, 100).optional() }).nullish().transform((v) => v ?? null),
  sources: z.array(z.strictObject({ title: text(1, 300), url: httpUrl })).max(30).default([]),
  contact: z.strictObject({
    name: blankAsUndefined(text(1, 200).optional()),
    organisation: blankAsUndefined(text(1, 200).optional()),
    email: blankAsUndefined(z.email({ message: 'måste vara en e-postadress' }).max(320).optional()),
    phone: blankAsUndefined(z.string().trim().regex(/^\+?[0-9 ()-]{5,20}$/, { message: 'måste vara ett telefonnummer' }).optional()),
    url: blankAsUndefined(httpUrl.optional()),
  }).nullish().transform((v) => {
    // Blank fields left out; a contact with nothing in it is no contact.
    const kept = Object.fromEntries(Object.entries(v ?? {}).filter(([, x]) => x !== undefined)) as Partial<NonNullable<typeof v>>;
    return Object.keys(kept).length ? kept : null;
  }),
  /** For an example: the methods it uses (published records of kind 'method'). */
  methodIds: unique(z.uuid({ message: 'måste vara ett giltigt id (uuid)' }), 30),
}).superRefine((c, ctx) => {
  if (c.periodStart && c.periodEnd && c.periodEnd < c.periodStart) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'får inte ligga före periodens start' });
  if (c.kind === 'example' && c.municipalityCodes.length === 0) ctx.addIssue({ code: 'custom', path: ['municipalityCodes'], message: 'behöver minst en kommun för ett lokalt exempel' });
  if (c.kind === 'method' && c.methodIds.length > 0) ctx.addIssue({ code: 'custom', path: ['methodIds'], message: 'kan bara anges för ett lokalt exempel (en metod länkas från exemplen)' });
});

export type SubmissionContent = z.output<typeof submissionContent>;

export interface FieldError { field: string; message: string }

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'saknas' : `har fel typ (väntade ${issue.expected})`;
    case 'too_small':
      return issue.origin === 'string' ? `måste ha minst ${String(issue.minimum)} tecken` : issue.origin === 'array' ? `måste ha minst ${String(issue.minimum)} värden` : `måste vara minst ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `får ha högst ${String(issue.maximum)} tecken` : issue.origin === 'array' ? `får ha högst ${String(issue.maximum)} värden` : `får vara högst ${String(issue.maximum)}`;
    case 'invalid_value':
      return `måste vara ett av: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `innehåller okända fält: ${issue.keys.join(', ')}`;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? `har fel format (${issue.format})` : issue.message;
    default:
      return issue.message;
  }
}

/** A 400 naming each field, in Swedish. */
export function fieldErrors(fields: FieldError[]): HttpError {
  const full = fields.map((f) => ({ field: f.field, message: `Fältet '${f.field}' ${f.message}.` }));
  return new HttpError(400, full.map((f) => f.message).join(' '), { fields: full });
}

/** Parses the content, or throws a 400 naming every bad field. */
export function parseContent(raw: unknown): SubmissionContent {
  const result = submissionContent.safeParse(raw ?? {});
  if (result.success) return result.data;
  throw fieldErrors(result.error.issues.map((issue) => ({ field: issue.path.length ? issue.path.map(String).join('.') : 'content', message: describe(issue) })));
}

/**
 * The content, parsed and checked against the database and the municipality boundaries: every municipality code
 * exists, every place lies in Sweden and in one of the record's municipalities, every linked method is a published
 * method. Throws a 400 naming the fields.
 */
export async function validateContent(db: DbOrTx, raw: unknown): Promise<SubmissionContent> {
  const content = parseContent(raw);
  const errors: FieldError[] = [];
  const codes = content.municipalityCodes;
  const known = codes.length
    ? new Set((await db.select({ code: municipalities.code }).from(municipalities).where(inArray(municipalities.code, codes))).map((r) => r.code))
    : new Set<string>();
  codes.forEach((code, i) => {
    if (!known.has(code)) errors.push({ field: `municipalityCodes.${i}`, message: `är ingen känd kommunkod (${code})` });
  });
  content.places.forEach((p, i) => {
    if (!municipalityAt(p.lat, p.lon)) errors.push({ field: `places.${i}`, message: 'ligger inte inom Sverige (utanför kommungränserna)' });
    else if (codes.length && !municipalityAt(p.lat, p.lon, codes)) errors.push({ field: `places.${i}`, message: 'ligger inte i någon av postens kommuner' });
  });
  if (content.methodIds.length) {
    const methods = new Set((await db.select({ id: knowledgeRecords.id }).from(knowledgeRecords)
      .where(and(inArray(knowledgeRecords.id, content.methodIds), eq(knowledgeRecords.kind, 'method'), eq(knowledgeRecords.status, 'published')))).map((r) => r.id));
    content.methodIds.forEach((id, i) => {
      if (!methods.has(id)) errors.push({ field: `methodIds.${i}`, message: 'är ingen publicerad metod i kunskapsbanken' });
    });
  }
  if (errors.length) throw fieldErrors(errors);
  return content;
}
