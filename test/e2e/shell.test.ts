// The web shell in a real browser: every role signs in and sees exactly its scope, every look is in the
// access log, and axe-core finds no WCAG 2.1 AA violation on any page. Skips itself without Chromium
// outside CI (under CI=true a missing browser fails).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/server/db/client.ts';
import { accessLogRows, accountId, kommun, students } from '../support/access.ts';
import { demoPassword } from '../../src/server/modules/auth/demo-accounts.ts';
import { assertAccessible, browserUnavailable, newPage, signInAs, startBrowserApp } from '../support/browser.ts';

const skip = browserUnavailable();
const env = skip ? null : await startBrowserApp();

/** The names in the student list, sorted. */
async function listedNames(page: import('playwright-core').Page): Promise<string[]> {
  await page.getByRole('table').waitFor();
  return (await page.getByRole('table').getByRole('link').allTextContents()).sort();
}

/** The listed names once they equal `expected` (the list updates after the URL does), or the last seen after 10 s. */
async function namesSettledTo(page: import('playwright-core').Page, expected: string[]): Promise<string[]> {
  // Waits in the page for the table's links to read `expected` (no polling with sleeps), then reads them.
  await page
    .waitForFunction(
      (want) => {
        const links = [...document.querySelectorAll('main table a')].map((a) => a.textContent ?? '').sort();
        return JSON.stringify(links) === JSON.stringify(want);
      },
      expected,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  return listedNames(page);
}

test('the sign-in page is accessible, refuses a wrong password in Swedish, and switches to English', { skip: skip ?? false }, async () => {
  const page = await newPage(env!);
  await page.goto('/');
  await page.waitForURL('**/logga-in');
  await assertAccessible(page, 'logga in');
  await page.getByLabel('Användarnamn').fill('mentor');
  await page.getByLabel('Lösenord').fill('fel-lösenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await assert.doesNotReject(page.getByRole('alert').waitFor());
  assert.match(await page.getByRole('alert').innerText(), /[Ff]el användarnamn eller lösenord|inte/);
  await assertAccessible(page, 'logga in, fel lösenord');
  await page.getByRole('link', { name: /English/ }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await assertAccessible(page, 'sign in (English)');
  // A refused field is named in English, at the field.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#username-error').waitFor();
  assert.match(await page.locator('#username-error').innerText(), /Username/);
  // The public knowledge bank is one link away, without signing in (a server-rendered page, not this app).
  await page.getByRole('link', { name: /knowledge bank of good examples/ }).click();
  await page.waitForURL(/\/kunskapsbank/);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Logga in' }).count(), 0);
  await page.context().close();
});

test(
  'a page asked for before signing in is where the user lands after signing in, and the app remembers English',
  { skip: skip ?? false },
  async () => {
    const page = await newPage(env!);
    await page.goto('/elever');
    await page.waitForURL('**/logga-in?till=%2Felever');
    await page.getByRole('link', { name: /English/ }).click();
    await page.getByLabel('Username').fill('mentor');
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/elever');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.context().close();
  },
);

const scopes: { username: string; expected: string[] }[] = [
  { username: 'mentor', expected: ['Exempel, Cem', 'Provsson, Bo', 'Testsson, Alva'] },
  { username: 'larare', expected: ['Exempel, Cem', 'Provsson, Bo', 'Testsson, Alva'] },
  { username: 'kurator', expected: ['Exempel, Cem', 'Provsson, Bo', 'Testsson, Alva', 'Utanför, Eva'] },
  // The student-health team and the principal: their school unit.
  ...['rektor', 'skolskoterska', 'specialpedagog', 'psykolog', 'syv'].map((username) => ({
    username,
    expected: ['Exempel, Cem', 'Provsson, Bo', 'Testsson, Alva', 'Utanför, Eva'],
  })),
  { username: 'fri-kurator', expected: ['Dana'] },
];

for (const { username, expected } of scopes) {
  test(`${username} sees exactly their students, and each look is logged`, { skip: skip ?? false }, async () => {
    const page = await newPage(env!);
    await signInAs(page, username);
    await assertAccessible(page, `${username}: start`);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Elever' }).click();
    const names = await listedNames(page);
    if (username.startsWith('fri-')) assert.equal(names.length, 1);
    else assert.deepEqual(names, expected);
    await assertAccessible(page, `${username}: elevlistan`);
    const account = await accountId(env!.database, username);
    const listed = (await accessLogRows(env!.database)).filter((r) => r.account_id === account && r.action === 'students.list');
    assert.ok(listed.length > 0 && listed.every((r) => r.outcome === 'allowed'), 'the list is logged');
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Inskrivningar' }).waitFor();
    await assertAccessible(page, `${username}: elevsidan`);
    const read = (await accessLogRows(env!.database)).filter((r) => r.account_id === account && r.action === 'students.read');
    assert.equal(read.at(-1)?.outcome, 'allowed', 'the student page is logged');
    await page.context().close();
  });
}

test("a student's page: chart and grades for the mentor; no contact details for the teacher", { skip: skip ?? false }, async () => {
  const page = await newPage(env!);
  await signInAs(page, 'mentor');
  await page.goto(`/elever/${students.alva}`);
  await page.getByRole('heading', { name: 'Alva Testsson' }).waitFor();
  await page
    .getByRole('img', { name: /närvaro och frånvaro/ })
    .locator('svg')
    .waitFor();
  await page.getByRole('heading', { name: 'Betyg' }).waitFor();
  await page.getByRole('heading', { name: 'Kontaktuppgifter' }).waitFor();
  // The address, e-mail and guardian the register holds (a defect once showed "Inga kontaktuppgifter" for everyone).
  await page.getByText('Testgatan 1, 41101 Göteborg').first().waitFor();
  await page.getByText('alva@example.invalid').waitFor();
  await page.getByRole('heading', { name: 'Vårdnadshavare' }).waitFor();
  assert.equal(await page.getByText('Inga vårdnadshavare registrerade.').count(), 0);
  assert.equal(await page.getByText('GY', { exact: true }).count(), 0, 'the school form by name, not its code');
  await assertAccessible(page, 'elevsidan med diagram');
  await page.context().close();

  const teacher = await newPage(env!);
  await signInAs(teacher, 'larare');
  await teacher.goto(`/elever/${students.alva}`);
  await teacher.getByRole('heading', { name: 'Betyg' }).waitFor();
  assert.equal(await teacher.getByRole('heading', { name: 'Kontaktuppgifter' }).count(), 0);
  await teacher.goto(`/elever/${students.eva}`);
  await teacher.getByRole('alert').waitFor();
  assert.match(await teacher.getByRole('alert').innerText(), /Hittades inte/);
  await teacher.context().close();
});

for (const username of ['analytiker', 'kaa', 'redaktor', 'admin', 'dataskydd']) {
  test(`${username} has no student list: not in the menu, and the address shows no names`, { skip: skip ?? false }, async () => {
    const page = await newPage(env!);
    await signInAs(page, username);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    assert.equal(await nav.getByRole('link', { name: 'Elever' }).count(), 0);
    await assertAccessible(page, `${username}: start`);
    await page.goto('/elever');
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /Du saknar behörighet/);
    assert.equal(await page.getByText('Testsson').count(), 0);
    await assertAccessible(page, `${username}: ingen behörighet`);
    await page.context().close();
  });
}

test('the data protection officer reviews the access log and downloads a register extract', { skip: skip ?? false }, async () => {
  const page = await newPage(env!);
  await signInAs(page, 'dataskydd');
  // More rows than one page holds (50): the DPO's own refused looks at the student list are logged too.
  const [counted] = await queryRows<{ rows: number }>(
    env!.database.db,
    sql`SELECT count(*)::int AS rows FROM access_log WHERE tenant_id = ${kommun}::uuid`,
  );
  for (let i = counted?.rows ?? 0; i < 60; i++) await page.request.get('/api/students');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Åtkomstlogg' }).click();
  const table = page.getByRole('table', { name: 'Loggrader, senaste först' });
  await table.waitFor();
  await assertAccessible(page, 'åtkomstloggen');
  // Readable: names and labels, never an id or a code.
  await table.getByRole('cell', { name: 'Läste elevlistan' }).first().waitFor();
  await table.getByRole('cell', { name: 'Nekad' }).first().waitFor();
  await table.getByRole('cell', { name: 'Dataskyddsombud' }).first().waitFor();
  const text = await table.innerText();
  assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-/i, 'no uuid');
  assert.doesNotMatch(text, /\b(auth|students|access-log|dpo|allowed|denied)\b/, 'no code');

  // Paged, the page in the URL.
  const firstRow = await table.locator('tbody tr').first().textContent();
  await page.getByRole('button', { name: 'Nästa' }).click();
  await page.waitForURL('**/atkomstlogg?sida=2');
  await page.getByText(/^Sida 2 av \d+$/).waitFor();
  await page.waitForFunction((before) => document.querySelector('tbody tr')?.textContent !== before, firstRow);
  await assertAccessible(page, 'åtkomstloggen, sida 2');

  // The CSV: a BOM, semicolons and Swedish headings.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Exportera som CSV (Excel)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^atkomstlogg-2024-10-01\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.equal(csv.split('\r\n')[0], '\ufeffLoggrad-id;Tid;Användare;Användarnamn;Roller;Enheter;Åtgärd;Elever;Ändamål;Utfall;IP-adress');

  // Printed: the table without the filter and the navigation.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('search').isVisible(), false);
  assert.equal(await page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible(), false);
  assert.equal(await table.isVisible(), true);
  await page.emulateMedia({ media: 'screen' });

  await page.getByLabel('Elevens personnummer', { exact: true }).fill('20080105-2382');
  const [filtered] = await Promise.all([
    page.waitForResponse((r) => r.url().includes(`subjectId=${students.bo}`)),
    page.getByRole('button', { name: 'Visa', exact: true }).click(),
  ]);
  assert.equal(filtered.status(), 200);
  await page.getByText('Visar loggrader om Bo Provsson.').waitFor();
  assert.ok(
    !page.url().includes('2382') && !page.url().includes('sida='),
    'the personnummer never enters the address; a new filter starts at page 1',
  );
  await page.getByLabel('Elevens personnummer', { exact: true }).fill('20080105-2383');
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await page.getByText('Elevens personnummer: är inte ett giltigt personnummer.').waitFor();
  await assertAccessible(page, 'åtkomstloggen, fel vid fältet');

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Registerutdrag' }).click();
  // The page loads lazily: wait for it, and match the label exactly (the access log has "Elevens personnummer").
  await page.getByRole('heading', { name: /Registerutdrag \(GDPR/ }).waitFor();
  await page.getByLabel('Personnummer', { exact: true }).fill('20080105-2382');
  await page.getByRole('button', { name: 'Sök person' }).click();
  await page.getByRole('heading', { name: 'Hittade: Bo Provsson' }).waitFor();
  await assertAccessible(page, 'registerutdrag');
  const [extract] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hämta som PDF' }).click()]);
  assert.match(extract.suggestedFilename(), /^registerutdrag-2024-10-01\.pdf$/);
  const logged = await accessLogRows(env!.database);
  assert.deepEqual([logged.at(-1)?.action, logged.at(-1)?.subject_ids], ['register-extract.create', [students.bo]]);
  await page.context().close();
});

test('search follows typing into the URL, and back restores the list and the search box', { skip: skip ?? false }, async () => {
  const page = await newPage(env!);
  await signInAs(page, 'kurator');
  await page.goto('/elever');
  assert.equal((await listedNames(page)).length, 4);
  await page.getByLabel('Sök på namn').fill('alv');
  await page.waitForURL('**/elever?q=alv');
  assert.deepEqual(await namesSettledTo(page, ['Testsson, Alva']), ['Testsson, Alva']);
  await page.goBack();
  await page.waitForURL((url) => !url.search.includes('q='));
  await page.getByRole('table').getByRole('link', { name: 'Utanför, Eva' }).waitFor();
  assert.equal(await page.getByLabel('Sök på namn').inputValue(), '');
  await page.selectOption('#filter-year', '1');
  await page.waitForURL('**/elever?arskurs=1');
  await page.getByRole('table').getByRole('link', { name: 'Exempel, Cem' }).waitFor();
  await page.context().close();
});
