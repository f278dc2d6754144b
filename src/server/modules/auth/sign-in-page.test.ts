// The server-rendered sign-in page: language, where it goes after sign-in (never another site), the identity
// provider's button, and a signed-in user sent on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp } from '../../app.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { safeNextPath } from './sign-in-page.ts';

test('after sign-in only a path of this site: other sites, protocol-relative and backslash tricks go to the start page', () => {
  assert.equal(safeNextPath('/insatser?vy=mina'), '/insatser?vy=mina');
  assert.equal(safeNextPath('/elever/abc#kontakt'), '/elever/abc#kontakt');
  for (const bad of [
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '',
    'elever',
    undefined,
    7,
    ['/a'],
  ])
    assert.equal(safeNextPath(bad), '/', String(bad));
  assert.equal(safeNextPath('/ elever'), '/', 'no whitespace');
  assert.equal(safeNextPath('/logga-in?till=/x'), '/', 'never back to the sign-in page');
  assert.equal(safeNextPath(`/${'a'.repeat(3000)}`), '/', 'a huge value');
});

const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' } });

test('GET /logga-in: an HTML form in Swedish by default, English by ?lang or the browser; the target path kept in the form and the language link', async () => {
  const sv = await app.inject({ method: 'GET', url: '/logga-in?till=%2Finsatser' });
  assert.equal(sv.statusCode, 200);
  assert.match(sv.headers['content-type'] as string, /^text\/html/);
  assert.equal(sv.headers['cache-control'], 'no-store');
  assert.match(sv.body, /<html lang="sv">/);
  assert.match(sv.body, /<label for="username">Användarnamn<\/label>/);
  assert.match(sv.body, /data-next="\/insatser"/);
  assert.match(sv.body, /href="\/logga-in\?lang=en&amp;till=%2Finsatser"/);
  const en = await app.inject({ method: 'GET', url: '/logga-in', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
  assert.match(en.body, /<html lang="en">/);
  assert.match(en.body, /<h1>Sign in<\/h1>/);
  assert.match(en.body, /data-next="\/"/);
  const evil = await app.inject({ method: 'GET', url: '/logga-in?till=%2F%2Fevil.example' });
  assert.match(evil.body, /data-next="\/"/);
  assert.doesNotMatch(evil.body, /evil/);
});

test('GET /logga-in: the identity provider failing is said in plain words; no provider button without OpenID Connect', async () => {
  const res = await app.inject({ method: 'GET', url: '/logga-in?fel=tillstand' });
  assert.match(res.body, /Inloggningen via identitetsleverantören misslyckades/);
  assert.doesNotMatch(res.body, /tillstand/);
  assert.doesNotMatch(res.body, /oidc\/start/);
});

test('GET /logga-in when signed in: straight on to the page asked for', async () => {
  const session = await signIn(app, 'mentor');
  const res = await app.inject({ method: 'GET', url: '/logga-in?till=%2Felever', headers: session.headers });
  assert.equal(res.statusCode, 302);
  assert.equal(res.headers.location, '/elever');
});

test.after(() => app.close());
