// The challenges map in a real browser: a principal records a challenge (a personnummer in the text is refused,
// naming the field), sees the two knowledge-bank examples that met the same sub-challenge, the regional editor
// publishes it, and the public challenges page shows it beside those examples; axe-core on every page. Skips itself
// without Chromium outside CI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knowledgeRecords } from '../../src/server/db/schema/index.ts';
import { loadAccessFixtures } from '../support/access.ts';
import { assertAccessible, browserUnavailable, newPage, signInAs, startBrowserApp } from '../support/browser.ts';

const skip = browserUnavailable();
const env = skip
  ? null
  : await startBrowserApp(async (database) => {
      await loadAccessFixtures(database);
      for (const [slug, name] of [
        ['lovnarvaro-testby', 'Lovnärvaro i Testby'],
        ['tillbaka-efter-lovet', 'Tillbaka efter lovet'],
      ] as const)
        await database.db.insert(knowledgeRecords).values({
          kind: 'example',
          slug,
          nameSv: name,
          summarySv: 'Ett lokalt exempel.',
          focusAreas: ['motivation'],
          subChallenges: ['skolfrånvaro efter lov'],
        });
    });

test(
  'a principal records a challenge and sees two examples that met it; published, it shows on the public page',
  { skip: skip ?? false },
  async () => {
    const page = await newPage(env!);
    await signInAs(page, 'rektor');
    await page.goto('/utmaningar');
    await page.getByRole('heading', { level: 1, name: 'Utmaningar' }).waitFor();
    await assertAccessible(page, 'the challenges page');
    await page.getByLabel('Inriktning').selectOption({ label: 'Motivation och framtidstro' });
    await page.getByLabel('Delutmaning').fill('Skolfrånvaro efter lov');
    await page.getByLabel('Kort beskrivning').fill('Eleven 19121212-1212 kommer inte tillbaka.');
    await page.getByRole('button', { name: 'Skicka för granskning' }).click();
    await page
      .getByRole('alert')
      .getByText(/Kort beskrivning: ser ut att innehålla ett personnummer/)
      .waitFor();
    await page.getByLabel('Kort beskrivning').fill('Många elever kommer inte tillbaka efter jullovet.');
    await page.getByRole('button', { name: 'Skicka för granskning' }).click();
    await page.getByText('Tack! Utmaningen granskas innan den publiceras.').waitFor();
    await page.getByRole('link', { name: 'Lovnärvaro i Testby' }).waitFor();
    await page.getByRole('link', { name: 'Tillbaka efter lovet' }).waitFor();
    await assertAccessible(page, 'the challenges page with a challenge');

    const editor = await newPage(env!);
    await signInAs(editor, 'redaktor');
    await editor.goto('/utmaningar/granska');
    await editor.getByRole('heading', { level: 1, name: 'Granska utmaningar' }).waitFor();
    await assertAccessible(editor, 'the review page');
    await editor.getByRole('button', { name: 'Publicera: Skolfrånvaro efter lov' }).click();
    await editor.getByText('Inget att granska.').waitFor();

    const visitor = await newPage(env!);
    await visitor.goto('/kunskapsbank/karta');
    await visitor.getByRole('link', { name: /Utmaningar i regionen/ }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Utmaningar i regionen' }).waitFor();
    await assertAccessible(visitor, 'the public challenges page');
    const item = visitor.locator('.kb-result', { hasText: 'Skolfrånvaro efter lov' });
    assert.deepEqual((await item.locator('ul a').allTextContents()).slice(0, 2), ['Lovnärvaro i Testby', 'Tillbaka efter lovet']);
  },
);
