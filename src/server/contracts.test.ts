/**
 * The one contract, enforced: every JSON route is declared from a shared endpoint (src/shared/<module>/) with a
 * response schema, and every field of its query, path and body has a label in Swedish and English, so that a 400
 * names the field as the form does. Routes that answer files or HTML (PDF, CSV, feeds, the public pages) have no
 * response schema and are listed as such; routes not yet moved are listed too, and the list may only shrink.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { createTestDatabase } from '../../test/support/database.ts';
import { labelFor } from '../shared/contract/messages.ts';
import { buildApp } from './app.ts';

/** Routes whose answer is a file, a page or a redirect: no JSON contract. */
const fileOrPageRoutes = new Set<string>([
  // Liveness answers outside the request pipeline (no transaction, no database): { status: 'live' }.
  'GET /api/health/live',
  'GET /logga-in',
  'GET /tillganglighet',
  'GET /behandlingar',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'GET /api/access-log/export.csv',
  'POST /api/register-extract',
  'GET /api/early-warning/worklist.csv',
  'GET /api/early-warning/models/:id/report',
  'GET /api/interventions/cases/:id/action-programme.pdf',
  'GET /api/interventions/cases/:id/summary.pdf',
  'GET /api/handovers/:id/pdf',
  'GET /api/handovers/:id/attachments/:attachmentId',
  'GET /api/handovers/:id/grade-extract',
  'POST /api/handovers/:id/file',
  'POST /api/handovers/:id/receipt',
  'POST /api/kaa/report/export',
  'POST /api/kaa/letters.pdf',
  'GET /kunskapsbank',
  'GET /kunskapsbank/karta',
  'GET /kunskapsbank/kommun/:code',
  'GET /kunskapsbank/inbaddning',
  'GET /kunskapsbank/kommuner.geojson',
  'GET /kunskapsbank/:slug',
  'GET /api/public/examples.json',
  'GET /api/public/examples.csv',
  'GET /api/public/examples.geojson',
  'GET /api/public/openapi.json',
  'GET /feed.atom',
  'GET /kunskapsbank/utmaningar',
  'GET /evenemang',
  'GET /evenemang.ics',
  'GET /evenemang/anmalan.js',
  'GET /evenemang/:id',
  'GET /evenemang/:id/kalender.ics',
  'GET /rapporter/:slug',
  'GET /rapporter/:slug/:month',
  'GET /rapporter/:slug/:month/pdf',
  'GET /api/region/reports/:month/pdf',
  'GET /api/implementation-plan/pdf',
]);

/** Every field path of an object schema (nested objects and arrays of objects included), `*` for array items. */
function fieldPaths(schema: z.ZodType | undefined, prefix: string[] = []): string[][] {
  let current: unknown = schema;
  for (let i = 0; i < 10 && current; i++) {
    if (current instanceof z.ZodObject) {
      return Object.entries(current.shape as Record<string, z.ZodType>).flatMap(([key, child]) => [
        [...prefix, key],
        ...fieldPaths(child, [...prefix, key]),
      ]);
    }
    if (current instanceof z.ZodArray) return fieldPaths(current.element as z.ZodType, [...prefix, '*']);
    const def = (current as { _zod?: { def?: { innerType?: unknown; in?: unknown; schema?: unknown } } })._zod?.def;
    current = def?.innerType ?? def?.in ?? def?.schema;
  }
  return [];
}

const database = await createTestDatabase();
const app = await buildApp({ database, config: { logLevel: 'silent' } });
await app.ready();
const routes = app.routeCatalog.filter((r) => r.method !== 'HEAD' && !r.url.includes('*'));
const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

test('every JSON route comes from a shared endpoint, except the listed file and page routes', () => {
  const without = routes
    .filter((r) => !r.response)
    .map(key)
    .filter((k) => !fileOrPageRoutes.has(k));
  assert.deepEqual(without, [], 'a JSON route is declared with routeFor(endpoint)');
});

test('every field of a contract route has a Swedish and an English label', () => {
  const missing: string[] = [];
  for (const route of routes.filter((r) => r.response)) {
    for (const schema of [route.schema?.querystring, route.schema?.params, route.schema?.body]) {
      for (const path of fieldPaths(schema)) {
        const sv = labelFor(route.labels, path, 'sv');
        const en = labelFor(route.labels, path, 'en');
        if (!sv || !en) missing.push(`${key(route)}: ${path.join('.')}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});
