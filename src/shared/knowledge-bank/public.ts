/**
 * The knowledge bank's public read API in zod, one contract for the routes, the OpenAPI document and any client: the
 * querystrings the routes validate (a 400 names the field by its label, in the request's language), the answers they
 * give, and the JSON endpoints. The OpenAPI document (server: openapi.ts) is generated from these, and every JSON
 * answer is parsed with its schema before it leaves, so the document cannot drift from the API.
 *
 * Facet parameters (`focus`, `age`) take several values either repeated (`focus=parents&focus=motivation`, OpenAPI
 * `style: form, explode: true`) or comma-separated (`focus=parents,motivation`); a record matches any of them.
 * Every querystring is strict (an unknown parameter is a 400), the search text one line of at most 200 characters,
 * page numbers decimal digits only (`page=0x10` is a 400), through the shared input blocks (src/shared/input).
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { optionalLine, pageNumber, pageSize } from '../input/index.ts';
import { contactAnswer, evidenceAnswer, placeAnswer, sourceAnswer } from './answers.ts';
import { activityStatuses, ageGroups, focusAreas, preventionLevels, recordKinds } from './vocabulary.ts';

/** Repeated or comma-separated values of one parameter, each one of `values`. */
function listOf<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  // At most twice the values, repeated or comma-separated; a raw value no longer than all of them written twice.
  const raw = z.string().max(2 * (values.join(',').length + 1));
  return z
    .union([raw, z.array(raw).max(values.length * 2)])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((x) => x.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).max(values.length * 2))
    .optional()
    .describe(`${description} Flera värden upprepade (focus=a&focus=b) eller kommaseparerade (focus=a,b); en post matchar något av dem.`);
}

const filterShape = {
  q: optionalLine(200)
    .optional()
    .describe('Fritext på svenska (webbsökningssyntax: "fras", -uteslut, or). Delord hittas också (\'psyk\').'),
  kind: z.enum(recordKinds).optional().describe('Typ: lokalt exempel eller metod.'),
  focus: listOf(focusAreas, 'Fokusområden.'),
  age: listOf(ageGroups, 'Åldersgrupper.'),
  level: z.enum(preventionLevels).optional().describe('Preventionsnivå.'),
  municipality: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .describe('SCB-kommunkod (fyra siffror).'),
  evidence: z
    .stringbool({ truthy: ['true'], falsy: ['false'] })
    .optional()
    .describe('true: bara poster med evidensgradering; false: bara utan.'),
};

/** The filtered view without paging (exports, the feed). */
export const exportQuery = z.strictObject(filterShape);

/** One page of the filtered view. */
export const searchQuery = z.strictObject({
  ...filterShape,
  page: pageNumber(10_000).describe('Sidan (från 1, högst 10 000).'),
  pageSize: pageSize(20, 100).describe('Poster per sida (högst 100).'),
});

export const slugParams = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/)
    .describe('Postens id i adresser, t.ex. check-and-connect.'),
});

export const municipalitiesQuery = z.strictObject({
  kind: z
    .enum([...recordKinds, 'all'])
    .default('example')
    .describe('Vilka poster som räknas (standard: lokala exempel).'),
});

// Answers.
const place = placeAnswer;
const evidence = evidenceAnswer;
const bilingual = z.object({ sv: z.string(), en: z.string() });
const counts = <T extends readonly [string, ...string[]]>(values: T) =>
  z.object(Object.fromEntries(values.map((v) => [v, z.number().int()])) as Record<T[number], z.ZodNumber>);

export const recordSummaryAnswer = z.object({
  slug: z.string(),
  kind: z.enum(recordKinds),
  name: bilingual,
  summary: bilingual,
  url: z.url().describe('Postens publika sida.'),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  places: z.array(place),
  organisation: z.string().nullable(),
  focusAreas: z.array(z.enum(focusAreas)),
  ageGroups: z.array(z.enum(ageGroups)),
  preventionLevel: z.enum(preventionLevels).nullable(),
  evidence: evidence.nullable(),
  activityStatus: z.enum(activityStatuses).nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  publishedAt: z.string().nullable().describe('RFC 3339.'),
  lastReviewedOn: z.string().nullable(),
});

export const facetsAnswer = z
  .object({
    kind: counts(recordKinds),
    focus: counts(focusAreas),
    age: counts(ageGroups),
    level: counts(preventionLevels),
    municipality: z.record(z.string(), z.number().int()).describe('Per SCB-kod.'),
    evidence: z.object({ true: z.number().int(), false: z.number().int() }),
  })
  .describe('Antal per värde, var och en räknad med de andra filtren tillämpade.');

export const searchAnswer = z.object({
  items: z.array(recordSummaryAnswer),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: facetsAnswer,
});

export const listAnswer = z.object({ items: z.array(recordSummaryAnswer), total: z.number().int() });

export const recordAnswer = recordSummaryAnswer.extend({
  description: z.object({ markdown: z.string(), html: z.string().describe('Säker HTML: ingen rå HTML, bara http(s)/mailto-länkar.') }),
  subChallenges: z.array(z.string()),
  targetGroup: z.string().nullable(),
  levels: z.array(z.string()),
  plugInFactors: z.array(z.string()),
  costPerParticipant: z.number().int().nullable(),
  outcomesMeasured: z.string().nullable(),
  sources: z.array(sourceAnswer),
  contact: contactAnswer.nullable(),
  linked: z.array(
    z.object({ slug: z.string(), kind: z.enum(recordKinds), nameSv: z.string(), nameEn: z.string(), summarySv: z.string(), url: z.url() }),
  ),
});

export const municipalitiesAnswer = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), total: z.number().int(), focus: counts(focusAreas) })),
});

export const geoJsonAnswer = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({
        type: z.literal('Point'),
        coordinates: z.tuple([z.number(), z.number()]).describe('[longitud, latitud], WGS 84.'),
      }),
      properties: z.object({
        slug: z.string(),
        name: z.string(),
        place: z.string(),
        kind: z.enum(recordKinds),
        focusAreas: z.array(z.enum(focusAreas)),
        url: z.url(),
      }),
    }),
  ),
});

export const errorAnswer = z.object({
  error: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** The parameters as the public pages' search form names them (every public route's 400 uses them). */
export const publicLabels: FieldLabels = {
  q: { sv: 'Sök', en: 'Search' },
  kind: { sv: 'Typ', en: 'Kind' },
  focus: { sv: 'Inriktning', en: 'Focus area' },
  age: { sv: 'Åldersgrupp', en: 'Age group' },
  level: { sv: 'Preventionsnivå', en: 'Prevention level' },
  municipality: { sv: 'Kommun', en: 'Municipality' },
  evidence: { sv: 'Evidensgradering', en: 'Evidence rating' },
  page: { sv: 'Sida', en: 'Page' },
  pageSize: { sv: 'Poster per sida', en: 'Records per page' },
  slug: { sv: 'Post', en: 'Record' },
};

export type RecordSummary = z.output<typeof recordSummaryAnswer>;
export type PublicRecord = z.output<typeof recordAnswer>;

/** The public JSON endpoints (the exports, the feed and the OpenAPI document are files, not endpoints). */
export const publicKnowledgeApi = {
  examples: endpoint({ method: 'GET', path: '/api/public/examples', query: searchQuery, response: searchAnswer, labels: publicLabels }),
  record: endpoint({ method: 'GET', path: '/api/public/records/:slug', params: slugParams, response: recordAnswer, labels: publicLabels }),
  municipalities: endpoint({
    method: 'GET',
    path: '/api/public/municipalities',
    query: municipalitiesQuery,
    response: municipalitiesAnswer,
    labels: publicLabels,
  }),
};
