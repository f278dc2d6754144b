import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixtureClock, loadAccessFixtures, signIn } from '../../../test/support/access.ts';
import { captureStderr } from '../../../test/support/captured-stderr.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { buildApp } from '../app.ts';
import { defaultAuthConfig } from './config.ts';
import { defineRoute, mountRoutes } from './routes.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const marker = 'MARKER-19121212-1212';

// Everything the server logs during this file, to show that no submitted value reaches the log.
const logged = captureStderr();

const app = await buildApp({ database, config: { logLevel: 'error' }, clock: fixtureClock });
// Routes that fail inside the database with the marker as a bound value, as a buggy handler would.
mountRoutes(app, { database, auth: defaultAuthConfig, clock: fixtureClock }, [
  defineRoute({ method: 'GET', url: '/api/test/cast', permission: 'public', handler: ({ tx }) => tx.execute(sql`SELECT ${marker}::int`) }),
  defineRoute({
    method: 'GET',
    url: '/api/test/missing',
    permission: 'public',
    handler: ({ tx }) => tx.execute(sql`SELECT * FROM no_such_table WHERE x = ${marker}`),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/test/duplicate',
    permission: 'public',
    handler: ({ tx }) => tx.execute(sql`SELECT x FROM (VALUES (${marker})) AS v(x) WHERE x::int = 1`),
  }),
]);

const csrf = { 'x-fullfolj-csrf': '1' };
const noEcho = (body: string) => {
  assert.ok(!body.includes(marker), 'the value is never echoed');
  assert.ok(!/select|from |insert|update |params/i.test(body), `no SQL in the answer: ${body}`);
};

test("a database error that is the client's fault is a 400 that echoes nothing; the log keeps only its kind", async () => {
  const res = await app.inject({ method: 'GET', url: '/api/test/cast' });
  assert.equal(res.statusCode, 400);
  noEcho(res.body);
  assert.match(res.json().error, /kunde inte tas emot/);
  assert.equal(res.headers['cache-control'], 'no-store');
});

test("an unexpected error is a 500 with a request id, in the request's language, and nothing else", async () => {
  const res = await app.inject({ method: 'GET', url: '/api/test/missing' });
  assert.equal(res.statusCode, 500);
  noEcho(res.body);
  const body = res.json();
  assert.deepEqual(Object.keys(body).sort(), ['error', 'requestId']);
  assert.ok(body.error.includes(body.requestId));
  assert.match(body.error, /Något gick fel/);
  const english = await app.inject({ method: 'GET', url: '/api/test/missing', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
  assert.match(english.json().error, /Something went wrong/);
  const line = logged
    .map((l) => l.trim())
    .filter((l) => l.includes('request failed'))
    .map((l) => JSON.parse(l) as { err: { database?: { sqlState: string; queryShape?: string } } })
    .at(-1);
  assert.equal(line?.err.database?.sqlState, '42P01');
  assert.match(line?.err.database?.queryShape ?? '', /no_such_table/);
});

test('the triggers from the report answer 400 naming the field, echo nothing, and log nothing of the value', async () => {
  const cases: {
    name: string;
    res: () => Promise<{ statusCode: number; body: string; json: () => { fields?: { field: string }[] } }>;
    field: string;
  }[] = [
    { name: 'NUL in a public search', res: () => app.inject({ method: 'GET', url: `/api/public/examples?q=${marker}%00x` }), field: 'q' },
    { name: 'NUL in a public page path', res: () => app.inject({ method: 'GET', url: `/kunskapsbank/${marker}%00y` }), field: 'slug' },
    {
      name: 'NUL in the sign-in username',
      res: () =>
        app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: csrf, payload: { username: `${marker}\u0000`, password: 'x' } }),
      field: 'username',
    },
    {
      name: 'a lone surrogate in the sign-in username',
      res: () =>
        app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          headers: { ...csrf, 'content-type': 'application/json' },
          payload: `{"username":"${marker}\\ud800","password":"x"}`,
        }),
      field: 'username',
    },
  ];
  for (const c of cases) {
    const res = await c.res();
    assert.equal(res.statusCode, 400, `${c.name}: ${res.body}`);
    noEcho(res.body);
    assert.ok(
      res.json().fields?.some((f) => f.field === c.field),
      `${c.name} names ${c.field}: ${res.body}`,
    );
  }
  assert.ok(!logged.join('').includes(marker), 'no marker in the log');
});

test("malformed JSON and a body of the wrong type get our words, not the parser's", async () => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { ...csrf, 'content-type': 'application/json' },
    payload: `{"username": "${marker}`,
  });
  assert.equal(res.statusCode, 400);
  noEcho(res.body);
  assert.deepEqual(
    res.json().fields.map((f: { field: string }) => f.field),
    ['body'],
  );
});

test('personal data is served with Cache-Control: no-store; a public page is not', async () => {
  const kurator = await signIn(app, 'kurator');
  const list = await app.inject({ method: 'GET', url: '/api/students', headers: kurator.headers });
  assert.equal(list.statusCode, 200);
  assert.equal(list.headers['cache-control'], 'no-store');
  const health = await app.inject({ method: 'GET', url: '/api/health' });
  assert.notEqual(health.headers['cache-control'], 'no-store');
});

test('nesting deeper than any form is refused as a 400 naming the body', async () => {
  const kurator = await signIn(app, 'kurator');
  let deep: unknown = marker;
  for (let i = 0; i < 200; i++) deep = { a: deep };
  const res = await app.inject({
    method: 'POST',
    url: '/api/interventions/cases',
    headers: kurator.headers,
    payload: deep as Record<string, unknown>,
  });
  assert.equal(res.statusCode, 400);
  noEcho(res.body);
});
