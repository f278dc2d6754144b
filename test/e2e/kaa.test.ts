// The municipal activity responsibility in a real browser, with axe on every page: the KAA officer sees the coverage
// (small counts hidden), prints the contact letters (a protected identity and a young person without an address left
// out and listed), previews the half-year report with its failure named by young person and field, cannot export it
// without confirming the failures, corrects the register, previews again and exports a file that passes every check.
// No page shows an id, key or code, and none scrolls sideways at 390 px.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { kaaOccupations } from '../../src/server/db/schema/index.ts';
import { seedRegister, youth } from '../../src/server/modules/kaa/report/test-fixtures.ts';
import { accessLogRows, accountId, fixtureNow, kommun, loadAccessFixtures } from '../support/access.ts';
import { assertAccessible, browserUnavailable, newPage, signInAs, startBrowserApp } from '../support/browser.ts';
import { pdfText } from '../support/pdf-text.ts';
import { pageProblems } from '../support/readable.ts';

const skip = browserUnavailable();
const env = skip
  ? null
  : await startBrowserApp(async (database) => {
      await loadAccessFixtures(database);
      await seedRegister(database.db, await accountId(database, 'kaa'));
    });

/** No id, key or code in the visible text; no sideways scrolling at a phone's width. */
async function readable(page: Page, label: string): Promise<void> {
  const wide = await pageProblems(page, 'sv');
  assert.deepEqual(wide.tokens, [], `ids, keys or codes: ${label}`);
  assert.deepEqual(wide.otherLanguage, [], `English in the Swedish page: ${label}`);
  await page.setViewportSize({ width: 390, height: 844 });
  const narrow = await pageProblems(page);
  assert.ok(narrow.overflow <= 0, `no sideways scrolling at 390 px: ${label} (${narrow.overflow} px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test(
  'the KAA officer sees coverage, prints the letters and exports a half-year file that passes the checks',
  { skip: skip ?? false },
  async () => {
    const page = await newPage(env!);
    // The browser's day is the fixtures' (the server's clock), so the page offers the fixtures' half-year.
    await page.clock.setFixedTime(fixtureNow);
    await signInAs(page, 'kaa');
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });

    // Coverage: three young people in the second half of 2024 — fewer than five, so hidden, with why.
    await menu.getByRole('link', { name: 'Täckning KAA' }).click();
    const coverage = page.getByRole('table', { name: /Täckning per halvår för/ });
    await coverage.waitFor();
    assert.match(await coverage.getByRole('row').filter({ hasText: 'andra halvåret 2024' }).innerText(), /dolt \(färre än 5\)/);
    await assertAccessible(page, 'KAA: täckning');
    await readable(page, 'täckning');

    // Letters: Ada gets one; Bea has no address and Cai a protected identity, both listed with the reason.
    await menu.getByRole('link', { name: 'Kontaktbrev KAA' }).click();
    const recipients = page.getByRole('table', { name: 'Unga som får ett utskrivet brev' });
    await recipients.waitFor();
    assert.match(await recipients.innerText(), /Ada Aktiv/);
    const skipped = page.getByRole('table', { name: 'Unga som inte får ett utskrivet brev, och varför' });
    assert.match(await skipped.getByRole('row').filter({ hasText: 'Cai Skyddad' }).innerText(), /Skatteverkets vidarebefordran/);
    assert.match(await skipped.getByRole('row').filter({ hasText: 'Bea Brist' }).innerText(), /Ingen adress i registret/);
    await page.getByLabel('Telefon i brevet').fill('031-123 45 67');
    await assertAccessible(page, 'KAA: kontaktbrev');
    await readable(page, 'kontaktbrev');
    const [letters] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Skriv ut brev (PDF)' }).click()]);
    const letterText = pdfText(await readFile(await letters.path()));
    assert.match(letterText, /Hej Ada!/);
    assert.match(letterText, /Telefon: 031-123 45 67/);
    assert.doesNotMatch(letterText, /Cai|Bea/);

    // The half-year report: Bea's contact lacks the occupation; the export waits until every failure is confirmed.
    await menu.getByRole('link', { name: 'Halvårsrapport KAA' }).click();
    assert.equal(await page.getByLabel('Halvår').inputValue(), '2024H2');
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const failures = page.getByRole('table', { name: 'Fel per ung person och fält' });
    await failures.waitFor();
    assert.match(
      await failures.getByRole('row').filter({ hasText: 'Bea Brist' }).innerText(),
      /Block 2 – kontakt med den unga\s+Sysselsättning vid kontakt\s+saknas/,
    );
    const exportButton = page.getByRole('button', { name: 'Exportera filen till SCB' });
    assert.equal(await exportButton.isDisabled(), true, 'no export before the failures are confirmed');
    await page.getByLabel('Jag har gått igenom alla 1 fel och vill ändå exportera filen').check();
    assert.equal(await exportButton.isDisabled(), false);
    assert.match(await page.getByRole('table', { name: 'Det filen innehåller' }).innerText(), /Unga i filen\s+3/);
    await assertAccessible(page, 'KAA: halvårsrapport med fel');
    await readable(page, 'halvårsrapport med fel');

    // The officer records Bea's occupation (here straight in the register), previews again: every check passes.
    await env!.database.db
      .insert(kaaOccupations)
      .values({ tenantId: kommun, youthId: youth.bea, timing: 'current', kind: 'none', recordedBy: await accountId(env!.database, 'kaa') });
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByText('Alla kontroller är godkända.').waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    assert.equal(file.suggestedFilename(), 'aktivitetsansvar-1480-2024H2.txt');
    const lines = (await readFile(await file.path(), 'utf8')).trim().split('\r\n');
    assert.equal(lines.length, 4, 'a header and a row per young person');
    assert.ok(lines.slice(1).every((l) => l.startsWith('1480;')));
    await page.getByText('Filen är sparad.').waitFor();
    await assertAccessible(page, 'KAA: halvårsrapport godkänd');
    await readable(page, 'halvårsrapport godkänd');

    const exported = (await accessLogRows(env!.database)).filter((r) => r.action === 'kaa.report.export' && r.outcome === 'allowed');
    assert.equal(exported.length, 1);
    assert.equal(exported[0]?.subject_ids.length, 3);
  },
);
