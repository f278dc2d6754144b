// The served public documents in a real browser: the accessibility statement and the record of processing, reached
// from the sign-in page's footer, in Swedish and English; axe-core finds no WCAG 2.1 AA violation and neither page
// scrolls sideways at 390 px. Skips itself without Chromium outside CI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, browserUnavailable, newPage, startBrowserApp } from '../support/browser.ts';

const skip = browserUnavailable();
const env = skip ? null : await startBrowserApp();

test(
  'both documents are linked from the sign-in page, readable at 390 px and pass axe in both languages',
  { skip: skip ?? false },
  async () => {
    const page = await newPage(env!);
    await page.goto('/logga-in');
    await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
    await assertAccessible(page, 'tillgänglighetsredogörelsen');
    await page.getByRole('link', { name: 'Register över behandlingar av personuppgifter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register över behandlingar av personuppgifter' }).waitFor();
    await assertAccessible(page, 'registret över behandlingar');
    for (const path of ['/tillganglighet?lang=en', '/behandlingar?lang=en']) {
      await page.goto(path);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await assertAccessible(page, path);
    }
    await page.setViewportSize({ width: 390, height: 800 });
    for (const path of ['/tillganglighet', '/behandlingar']) {
      await page.goto(path);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(wide <= 0, `${path} scrolls sideways by ${wide} px at 390 px`);
    }
  },
);
