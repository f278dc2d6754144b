/**
 * The served documents match the running configuration: the installation's name and contact, the database engine,
 * e-mail and single sign-on as sub-processors, and the retention rules as the organisers have set them — change a
 * setting and the page changes. No ids, keys or table names reach the page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { fixtureClock, kommun, loadAccessFixtures } from '../../../test/support/access.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { unreadableTokens } from '../../../test/support/readable.ts';
import { buildApp } from '../app.ts';
import { organisers } from '../db/schema/index.ts';
import { saveRuleSettings } from '../modules/retention/settings.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const [kommunRow] = await database.db.select({ name: organisers.name }).from(organisers).where(eq(organisers.id, kommun));
const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200, url);
  assert.match(String(res.headers['content-type']), /text\/html/);
  return res.body;
};
/** The visible text of a page: tags and the inlined styles out. */
const visible = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const env = (values: Record<string, string | undefined>) => {
  for (const [k, v] of Object.entries(values))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
};

test('/tillganglighet names the installation, its address and contact as configured, in Swedish and English', async () => {
  env({ FULLFOLJ_INSTALLATION_NAME: undefined, FULLFOLJ_CONTACT_EMAIL: undefined, FULLFOLJ_PUBLIC_URL: undefined });
  const before = await get('/tillganglighet');
  assert.match(before, /Den organisation som driver installationen/);
  assert.match(before, /Kontaktuppgifter har inte angetts/);
  env({
    FULLFOLJ_INSTALLATION_NAME: 'Testby kommun',
    FULLFOLJ_CONTACT_EMAIL: 'fullfolj@testby.example',
    FULLFOLJ_PUBLIC_URL: 'https://fullfolj.testby.example',
  });
  const page = await get('/tillganglighet');
  assert.match(page, /Testby kommun står bakom/);
  assert.match(page, /mailto:fullfolj@testby.example/);
  assert.match(page, /https:\/\/www.digg.se\/tdosanmalan/);
  assert.match(page, /<html lang="sv">/);
  const english = await get('/tillganglighet?lang=en');
  assert.match(english, /<html lang="en">/);
  assert.match(english, /Testby kommun is responsible/);
  assert.deepEqual(unreadableTokens(visible(page).replace(/\S+@\S+|https?:\/\/\S+/g, '')), []);
  env({ FULLFOLJ_INSTALLATION_NAME: undefined, FULLFOLJ_CONTACT_EMAIL: undefined, FULLFOLJ_PUBLIC_URL: undefined });
});

test('/behandlingar shows the engine, the sub-processors that SMTP brings, and the retention rules as set now', async () => {
  env({ FULLFOLJ_SMTP_URL: undefined });
  const before = visible(await get('/behandlingar'));
  assert.match(before, database.kind === 'postgres' ? /PostgreSQL-server/ : /inbyggd PostgreSQL \(PGlite\)/);
  assert.match(before, /Underbiträden som inställningarna medför Inga\./);
  assert.match(before, /Åtkomstloggen Standard: sparas tills vidare Påminnelser/);
  assert.doesNotMatch(before, new RegExp(kommunRow!.name));

  await saveRuleSettings(database.db, kommun, '00000000-0000-4000-8000-000000000000', { 'access-log': 3 });
  env({ FULLFOLJ_SMTP_URL: 'smtps://user:hemligt@smtp.testby.example:465' });
  const page = await get('/behandlingar');
  const after = visible(page);
  assert.match(after, new RegExp(`Huvudmän med egen regel: ${kommunRow!.name}: 3 år \\(år efter läsningen`));
  assert.match(after, /E-postserver .*: smtp\.testby\.example/);
  assert.doesNotMatch(page, /hemligt|user:/, 'never the SMTP credentials');
  for (const key of ['access_log', 'retention_years', 'intervention_settings', 'access-log', 'tenant_id'])
    assert.ok(!page.includes(key), key);
  env({ FULLFOLJ_SMTP_URL: undefined });
});

test('the sign-in page links both documents', async () => {
  const page = await get('/logga-in');
  assert.match(page, /href="\/tillganglighet"/);
  assert.match(page, /href="\/behandlingar"/);
});
