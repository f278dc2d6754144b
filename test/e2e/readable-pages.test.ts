// Every role's pages, read as a person would: no id, field key or code in the visible text, in Swedish and in
// English, no word of the other language in the page's own texts, the same for every CSV and PDF the pages offer,
// and no sideways scrolling at a phone's width (390 px). The pages are found from each role's own menu plus one
// detail page per list, so a new page is covered without a new test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { kommun } from '../support/access.ts';
import { browserUnavailable, newPage, signInAs, startBrowserApp } from '../support/browser.ts';
import { pageProblems, unreadableTokens } from '../support/readable.ts';
import { pdfText } from '../support/pdf-text.ts';
import { readFile } from 'node:fs/promises';
import { refreshTenant } from '../../src/server/modules/early-warning/refresh.ts';
import { loadScenario } from '../../src/server/modules/early-warning/test-scenario.ts';
import { openAlvaCase } from '../../src/server/modules/interventions/test-fixtures.ts';
import { addEventDirectly } from '../../src/server/modules/events/test-regions.ts';

const skip = browserUnavailable();
// The early-detection scenario with three weekly refreshes and Alva's case (with notes, an intervention and follow-ups):
// every list has rows, so every detail page is reached.
const env = skip
  ? null
  : await startBrowserApp(async (database) => {
      await loadScenario(database);
      for (const asOf of ['2024-09-17', '2024-09-24', '2024-10-01']) await database.db.transaction((tx) => refreshTenant(tx, kommun, asOf));
      await openAlvaCase(database);
      // A network meeting the region held, with sign-ups: the coordinator's events page shows its sign-up list.
      await addEventDirectly(database.db, 'vastra-gotaland', {
        title: 'Nätverksträff för elevhälsan',
        startsAt: '2024-09-24T07:00:00Z',
        signups: [
          ['Anna Testsson', 'Exempelkommun', 'principal'],
          ['Erik Exempelsson', 'Exempelkommun', 'student-health'],
        ],
      });
    });
const users = ['mentor', 'larare', 'kurator', 'rektor', 'analytiker', 'kaa', 'admin', 'dataskydd', 'redaktor', 'region', 'styrgrupp'];

/** Waits until the page has a heading and nothing is loading. */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(
    () =>
      !document.querySelector('main [role="status"]')?.textContent?.includes('Laddar') &&
      !document.querySelector('main [role="status"]')?.textContent?.includes('Loading'),
  );
  // The events page's sign-up lists (and their attendance checkboxes) load when opened: open them so they are read too.
  const signups = page.locator('main details.signups');
  for (let i = 0; i < (await signups.count()); i++) {
    const list = signups.nth(i);
    if ((await list.getAttribute('open')) === null) await list.locator('summary').click();
    await list.locator('table').waitFor();
  }
}

/** The menu's internal links and, for lists, the first row's link (a detail page). */
async function pagesOf(page: Page): Promise<string[]> {
  const menu = await page
    .getByRole('navigation', { name: /Huvudmeny|Main menu/ })
    .getByRole('link')
    .evaluateAll((links) =>
      links.map((a) => a.getAttribute('href') ?? '').filter((href) => href.startsWith('/') && !href.startsWith('/kunskapsbank')),
    );
  const details: string[] = [];
  for (const path of menu) {
    await page.goto(path);
    await settled(page);
    const first = await page
      .locator('main table a[href^="/"], main .handover-list a[href^="/"]')
      .first()
      .getAttribute('href', { timeout: 1000 })
      .catch(() => null);
    if (first) details.push(first);
  }
  return [...new Set(['/', ...menu, ...details])];
}

/** What a person reads in a downloaded file: a PDF's text, or a CSV's. */
function fileText(body: Buffer): string {
  return body.subarray(0, 5).toString('latin1') === '%PDF-' ? pdfText(body) : body.toString('utf8');
}

/** The CSV and PDF files a page offers: links fetched with the page's session, buttons clicked until the download arrives. */
async function downloadsOn(page: Page): Promise<{ name: string; text: string }[]> {
  const files: { name: string; text: string }[] = [];
  const offer = /CSV|PDF/;
  for (const link of await page.locator('main').getByRole('link', { name: offer }).all()) {
    const href = await link.getAttribute('href');
    if (!href?.startsWith('/')) continue;
    const res = await page.request.get(href);
    files.push({ name: (await link.innerText()).trim(), text: fileText(await res.body()) });
  }
  for (const button of await page.locator('main').getByRole('button', { name: offer }).all()) {
    if (!(await button.isEnabled())) continue;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
    const path = await download.path();
    files.push({ name: download.suggestedFilename(), text: fileText(await readFile(path)) });
  }
  return files;
}

/** The files each walk scanned (by name), so a walk that found no download fails rather than passes unseen. */
const scannedFiles: string[] = [];

async function problemsOn(page: Page, paths: string[], label: string, lang: 'sv' | 'en', files = false): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await settled(page);
    const { tokens, overflow, otherLanguage } = await pageProblems(page, lang);
    if (tokens.length) problems.push(`${label} ${path}: ${tokens.slice(0, 8).join(', ')}`);
    if (otherLanguage.length) problems.push(`${label} ${path}: the other language's words: ${otherLanguage.slice(0, 8).join(', ')}`);
    if (overflow > 1) problems.push(`${label} ${path}: scrolls sideways by ${overflow} px`);
    if (!files) continue;
    for (const file of await downloadsOn(page)) {
      scannedFiles.push(file.name);
      const found = unreadableTokens(file.text);
      if (found.length) problems.push(`${label} ${path}, file «${file.name}»: ${found.slice(0, 8).join(', ')}`);
    }
  }
  return problems;
}

for (const user of users) {
  test(`${user}: every page readable in Swedish and English, and usable at 390 px`, { skip: skip ?? false }, async () => {
    const page = await newPage(env!);
    await signInAs(page, user);
    const paths = await pagesOf(page);
    const problems = await problemsOn(page, paths, 'sv', 'sv', true);
    await page
      .getByRole('button', { name: 'English' })
      .click()
      .catch(() => undefined);
    problems.push(...(await problemsOn(page, paths, 'en', 'en')));
    await page.setViewportSize({ width: 390, height: 844 });
    problems.push(...(await problemsOn(page, paths, '390px', 'en')));
    await page.context().close();
    assert.deepEqual(problems, []);
    // The roles whose pages offer files: the worklist's CSV (kurator, rektor), the early-detection and interventions
    // overviews' (rektor, analytiker), the access log's (admin, dataskydd).
    if (['kurator', 'rektor', 'analytiker', 'admin', 'dataskydd'].includes(user))
      assert.ok(scannedFiles.length > 0, `${user}: the walk read no CSV or PDF`);
    scannedFiles.length = 0;
  });
}
