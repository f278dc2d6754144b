/**
 * The OpenAPI 3.1 document of the knowledge bank's read-only public API, generated from the same zod schemas the
 * routes validate with and answer by (src/shared/knowledge-bank/public.ts) through zod 4's `z.toJSONSchema` (JSON Schema 2020-12, which
 * OpenAPI 3.1 uses as is). Served at GET /api/public/openapi.json.
 */
import { z } from 'zod';
import {
  errorAnswer,
  exportQuery,
  facetsAnswer,
  geoJsonAnswer,
  listAnswer,
  municipalitiesAnswer,
  municipalitiesQuery,
  recordAnswer,
  recordSummaryAnswer,
  searchAnswer,
  searchQuery,
  slugParams,
} from '../../../shared/knowledge-bank/public.ts';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** OpenAPI parameters from a zod object: one per field, its description lifted to the parameter. */
function parameters(schema: z.ZodObject, where: 'query' | 'path'): JsonSchema[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...fieldSchema } = jsonSchema(field as z.ZodType);
    const required = where === 'path' || !(field as z.ZodType).safeParse(undefined).success;
    const isList = fieldSchema.type === 'array';
    return {
      name,
      in: where,
      required,
      ...(description ? { description } : {}),
      schema: fieldSchema,
      ...(isList ? { style: 'form', explode: true } : {}),
    };
  });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema, description: string) => ({ description, content: { 'application/json': { schema } } });
const badRequest = json(
  ref('Error'),
  'Ogiltig parameter: fields[].field namnger parametern, meddelandet på svenska (eller engelska med Accept-Language: en).',
);
const tooMany = json(ref('Error'), 'För många anrop från samma IP-adress: försök igen om en stund.');

/** The document; `serverUrl` is the site's public address. */
export function openApiDocument(serverUrl: string): JsonSchema {
  const filter = parameters(exportQuery, 'query');
  const paged = parameters(searchQuery, 'query');
  return {
    openapi: '3.1.0',
    info: {
      title: 'Fullfölj kunskapsbank – öppet API',
      version: '1.0.0',
      description:
        'Läs publicerade lokala exempel och metoder i kunskapsbanken: sök, filtrera, exportera (JSON, CSV, GeoJSON) och ' +
        'följ nya poster (Atom). Utan inloggning, bara läsning, begränsat antal anrop per minut och IP-adress. ' +
        'Flervalsfilter (focus, age) anges upprepade (focus=a&focus=b) eller kommaseparerade (focus=a,b).',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/api/public/examples': {
        get: {
          summary: 'Sök och filtrera: en sida poster, totalen och antal per filtervärde',
          parameters: paged,
          responses: { 200: json(ref('SearchResult'), 'En sida av urvalet.'), 400: badRequest, 429: tooMany },
        },
      },
      '/api/public/examples.json': {
        get: {
          summary: 'Hela urvalet som JSON',
          parameters: filter,
          responses: { 200: json(ref('RecordList'), 'Alla poster i urvalet (högst 5000).'), 400: badRequest, 429: tooMany },
        },
      },
      '/api/public/examples.csv': {
        get: {
          summary: 'Hela urvalet som CSV (semikolon, UTF-8 med BOM för Excel)',
          parameters: filter,
          responses: {
            200: { description: 'CSV med rubrikrad.', content: { 'text/csv': { schema: { type: 'string' } } } },
            400: badRequest,
            429: tooMany,
          },
        },
      },
      '/api/public/examples.geojson': {
        get: {
          summary: 'Urvalets platser som GeoJSON (en punkt per plats)',
          parameters: filter,
          responses: {
            200: { description: 'RFC 7946 FeatureCollection.', content: { 'application/geo+json': { schema: ref('PlaceCollection') } } },
            400: badRequest,
            429: tooMany,
          },
        },
      },
      '/api/public/records/{slug}': {
        get: {
          summary: 'En publicerad post med beskrivning, källor, kontakt och länkade poster',
          parameters: parameters(slugParams, 'path'),
          responses: {
            200: json(ref('Record'), 'Posten.'),
            400: badRequest,
            404: json(ref('Error'), 'Ingen publicerad post med det id:t.'),
            429: tooMany,
          },
        },
      },
      '/api/public/municipalities': {
        get: {
          summary: 'Antal publicerade poster per kommun och fokusområde (regionkartan)',
          parameters: parameters(municipalitiesQuery, 'query'),
          responses: { 200: json(ref('MunicipalityCounts'), 'Kommuner med minst en post.'), 400: badRequest, 429: tooMany },
        },
      },
      '/feed.atom': {
        get: {
          summary: 'Atom-flöde med de 50 senast publicerade posterna i urvalet',
          parameters: filter,
          responses: {
            200: { description: 'Atom 1.0 (RFC 4287).', content: { 'application/atom+xml': { schema: { type: 'string' } } } },
            400: badRequest,
            429: tooMany,
          },
        },
      },
      '/api/public/openapi.json': {
        get: {
          summary: 'Det här dokumentet',
          responses: { 200: { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
    components: {
      schemas: {
        SearchResult: jsonSchema(searchAnswer),
        RecordList: jsonSchema(listAnswer),
        RecordSummary: jsonSchema(recordSummaryAnswer),
        Record: jsonSchema(recordAnswer),
        Facets: jsonSchema(facetsAnswer),
        MunicipalityCounts: jsonSchema(municipalitiesAnswer),
        PlaceCollection: jsonSchema(geoJsonAnswer),
        Error: jsonSchema(errorAnswer),
      },
    },
  };
}
