/**
 * The property-based route walk: every route in the route table, signed in with a role that holds its permission,
 * gets generated hostile query strings, path parameters and bodies (test/support/hostile-input.ts). No answer is a
 * 500; a 400 names a field; no refused value (they all carry a marker) comes back in a body or reaches the log.
 * A new route is covered without a new test. FULLFOLJ_WALK_RUNS sets the runs per route and part (default 12).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { fixtureClock, loadAccessFixtures, signIn, type Session } from '../../test/support/access.ts';
import { captureStderr } from '../../test/support/captured-stderr.ts';
import { createTestDatabase } from '../../test/support/database.ts';
import { hostileBody, hostileQuery, hostileUrl, marker } from '../../test/support/hostile-input.ts';
import { queryRows } from './db/client.ts';
import { roles, type Role } from '../shared/access/roles.ts';
import { buildApp, type CatalogEntry } from './app.ts';
import { demoUsernames } from './modules/auth/demo-accounts.ts';

const runs = Number(process.env.FULLFOLJ_WALK_RUNS ?? 12);
const database = await createTestDatabase();
await loadAccessFixtures(database);

// Everything the server logs during this file, to show that no submitted value reaches the log.
const logged = captureStderr();

const app = await buildApp({ database, config: { logLevel: 'warn', auth: { signInPerIpPerMinute: 100_000 } }, clock: fixtureClock });
await app.ready();

const existing = new Set((await queryRows<{ username: string }>(database.db, sql`SELECT username FROM accounts`)).map((r) => r.username));
/** A demo account whose role holds `permission` (in the kommun organiser), or null for public routes. */
function usernameFor(permission: string): string | null {
  if (permission === 'public') return null;
  const role = (Object.keys(roles) as Role[]).find(
    (r) => (roles[r].permissions as readonly string[]).includes(permission) && existing.has(demoUsernames[r]),
  );
  assert.ok(role, `no demo account holds ${permission}`);
  return demoUsernames[role];
}

/** A fresh session per route, so that a route that ends sessions (sign-out) cannot spoil the next. */
async function headersFor(permission: string): Promise<Record<string, string>> {
  const username = usernameFor(permission);
  if (!username) return { 'x-fullfolj-csrf': '1' };
  const session: Session = await signIn(app, username);
  return session.headers;
}

interface Answer {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
}

/** The promises every answer keeps. */
function check(route: CatalogEntry, res: Answer, hostile: boolean, what: string): void {
  const where = `${route.method} ${route.url} (${what})`;
  assert.ok(res.statusCode < 500, `${where} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  if (hostile)
    assert.ok(!res.body.toLowerCase().includes(marker.toLowerCase()), `${where} echoed a refused value: ${res.body.slice(0, 300)}`);
  if (res.statusCode === 400 && String(res.headers['content-type']).startsWith('application/json')) {
    const fields = (JSON.parse(res.body) as { fields?: { field?: unknown }[] }).fields;
    assert.ok(
      fields?.length && fields.every((f) => typeof f.field === 'string' && f.field.length > 0),
      `${where}: a 400 names a field: ${res.body.slice(0, 300)}`,
    );
  }
}

/** Runs a property and, on failure, throws a short message: the route's own assertion, not a megabyte of input. */
async function holds<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>): Promise<void> {
  const result = await fc.check(fc.asyncProperty(arbitrary, predicate), { numRuns: runs });
  if (!result.failed) return;
  const cause = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  throw new Error(`${cause.slice(0, 600)} [seed ${result.seed}, counterexample ${JSON.stringify(result.counterexample).slice(0, 300)}]`);
}

const routes = app.routeCatalog.filter((r) => r.method !== 'HEAD' && !r.url.includes('*'));

test('the walk covers the route table', () => {
  assert.ok(routes.length > 40, `routes: ${routes.length}`);
});

for (const route of routes) {
  test(`${route.method} ${route.url}: hostile input never gets a 500, an echo or a log line with the value`, async () => {
    const headers = await headersFor(route.permission ?? 'public');
    const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    const url = hostileUrl(route.url);
    const bodyless = method === 'GET' || method === 'DELETE';
    await holds(fc.tuple(url, hostileQuery(route.schema?.querystring)), async ([path, query]) => {
      const res = await app.inject({ method, url: `${path.path}?${query}`, headers, ...(bodyless ? {} : { payload: {} }) });
      check(route, res, true, `query ${query.slice(0, 120)}`);
    });
    if (bodyless) return;
    await holds(fc.tuple(url, hostileBody(route.schema?.body)), async ([path, body]) => {
      const res = await app.inject({
        method,
        url: path.path,
        headers: { ...headers, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      check(route, res, true, `body ${JSON.stringify(body).slice(0, 120)}`);
    });
  });
}

test('nothing refused reached the log', () => {
  const line = logged.find((l) => l.toLowerCase().includes(marker.toLowerCase()));
  assert.equal(line, undefined, `a log line holds a refused value: ${line?.slice(0, 300)}`);
});
