// The region in a real browser, with axe: the regional coordinator sees the region's KAA coverage per municipality
// without a single name (small counts hidden), generates November's monthly report, adds the steering group's
// commentary, publishes it, and the published version is read as a public page (Swedish and English) and as a PDF;
// then makes the reports members-only (the public pages go) and public again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/server/db/client.ts';
import { seedRegister } from '../../src/server/modules/kaa/report/test-fixtures.ts';
import { accountId, fixtureNow, loadAccessFixtures } from '../support/access.ts';
import { assertAccessible, browserUnavailable, newPage, signInAs, startBrowserApp } from '../support/browser.ts';
import { pdfText } from '../support/pdf-text.ts';
import { pageProblems } from '../support/readable.ts';

const skip = browserUnavailable();
let names: string[] = [];
const env = skip
  ? null
  : await startBrowserApp(async (database) => {
      await loadAccessFixtures(database);
      await seedRegister(database.db, await accountId(database, 'kaa'));
      const rows = await queryRows<{ n: string }>(
        database.db,
        sql`SELECT given_name AS n FROM persons UNION SELECT family_name FROM persons UNION SELECT given_name FROM kaa_youth UNION SELECT family_name FROM kaa_youth`,
      );
      names = rows.map((r) => r.n).filter((n) => n && n.length > 2);
    });

async function readable(page: Page, label: string, language: 'sv' | 'en' = 'sv'): Promise<void> {
  const wide = await pageProblems(page, language);
  assert.deepEqual(wide.tokens, [], `ids, keys or codes: ${label}`);
  const text = await page.locator('body').innerText();
  for (const n of names) assert.ok(!new RegExp(`\\b${n}\\b`).test(text), `${label}: the name ${n}`);
  await page.setViewportSize({ width: 390, height: 844 });
  const narrow = await pageProblems(page);
  assert.ok(narrow.overflow <= 0, `no sideways scrolling at 390 px: ${label} (${narrow.overflow} px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test(
  'the regional coordinator sees coverage without names, and generates, comments and publishes November',
  { skip: skip ?? false },
  async () => {
    const page = await newPage(env!);
    await page.clock.setFixedTime(fixtureNow);
    await signInAs(page, 'region');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Region och månadsrapport' }).click();
    const coverage = page.getByRole('table', { name: 'Aktivitetsansvaret per kommun' });
    await coverage.waitFor();
    assert.match(await coverage.getByRole('row').filter({ hasText: 'Göteborg' }).innerText(), /dolt/);
    await assertAccessible(page, 'Region: täckning');
    await readable(page, 'region');

    await page.getByLabel('Månad', { exact: true }).fill('2024-11');
    await page.getByRole('button', { name: 'Ta fram utkast' }).click();
    await page.getByRole('heading', { name: 'Utkast för november 2024' }).waitFor();
    await page.getByLabel('Styrgruppens kommentar (svenska)').fill('Styrgruppen ser att fler unga har fått kontakt.');
    await page.getByLabel('Styrgruppens kommentar (engelska)').fill('The steering group sees that more young people were contacted.');
    await page.getByRole('button', { name: 'Publicera' }).click();
    await page.getByText('Publicerad som version 1.').waitFor();
    await assertAccessible(page, 'Region: utkast');
    await readable(page, 'region: utkast');

    await page.getByRole('link', { name: 'Öppna november 2024, version 1' }).click();
    await page.getByRole('heading', { name: 'Månadsrapport november 2024 – Västra Götaland', level: 1 }).waitFor();
    assert.match(await page.locator('main').innerText(), /fler unga har fått kontakt/);
    await assertAccessible(page, 'Publik rapport');
    await readable(page, 'publik rapport');
    await page.goto(`${env!.baseUrl}/rapporter/vastra-gotaland/2024-11?version=1&lang=en`);
    await page.getByRole('heading', { name: 'Monthly report November 2024 – Västra Götaland', level: 1 }).waitFor();
    assert.match(await page.locator('main').innerText(), /more young people were contacted/);
    await assertAccessible(page, 'Public report');

    const pdf = await page.request.get(`${env!.baseUrl}/rapporter/vastra-gotaland/2024-11/pdf?version=1`);
    assert.equal(pdf.status(), 200);
    const text = pdfText(await pdf.body());
    assert.match(text, /Styrgruppens kommentar/);
    assert.match(text, /fler unga har fått kontakt/);
    for (const n of names) assert.ok(!new RegExp(`\\b${n}\\b`).test(text), `pdf: the name ${n}`);

    // Members only: the public pages go, the members' PDF stays; then public again.
    await page.goto(`${env!.baseUrl}/region`);
    await page.getByLabel('Vem får läsa de publicerade rapporterna').selectOption({ label: 'Bara regionens medlemmar, inloggade' });
    await page.getByRole('button', { name: 'Spara valet' }).click();
    await page.getByText('Valet är sparat.').waitFor();
    await page.getByText('Publicerade rapporter visas bara för regionens medlemmar.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Öppna november 2024, version 1' }).count(), 0);
    await page.getByRole('link', { name: 'PDF för november 2024, version 1' }).waitFor();
    await assertAccessible(page, 'Region: bara för medlemmar');
    assert.equal((await page.request.get(`${env!.baseUrl}/rapporter/vastra-gotaland`)).status(), 404);
    await page.getByLabel('Vem får läsa de publicerade rapporterna').selectOption({ label: 'Alla, på den öppna rapportsidan' });
    await page.getByRole('button', { name: 'Spara valet' }).click();
    await page.getByRole('link', { name: 'Öppna november 2024, version 1' }).waitFor();
    assert.equal((await page.request.get(`${env!.baseUrl}/rapporter/vastra-gotaland`)).status(), 200);
    await page.close();
  },
);
