// The public knowledge bank in a real browser, without signing in: a visitor with JavaScript off searches, filters and
// reads a record (server-rendered HTML); with JavaScript the map draws clustered markers and shaded municipalities
// while the list stays usable; keyboard only from the search field to a record; the exports carry the filtered rows;
// axe-core finds no WCAG 2.1 AA violation on any page. Skips itself without Chromium outside CI.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { insertTestRecords, testSlugs } from '../../src/server/modules/knowledge-bank/test-records.ts';
import { assertAccessible, browserUnavailable, newPage, startBrowserApp } from '../support/browser.ts';

const skip = browserUnavailable();
const env = skip ? null : await startBrowserApp(async (database) => void (await insertTestRecords(database)));

/** A page in a fresh context with JavaScript switched off. */
async function pageWithoutScripts(): Promise<Page> {
  const context = await env!.browser.newContext({ baseURL: env!.baseUrl, locale: 'sv-SE', javaScriptEnabled: false });
  return context.newPage();
}

/** The names of the listed results, in order. */
async function resultNames(page: Page): Promise<string[]> {
  return page.locator('.kb-results .kb-result h3 a').allTextContents();
}

test('without JavaScript a visitor searches, filters and reads a record; drafts never show', { skip: skip ?? false }, async () => {
  const page = await pageWithoutScripts();
  await page.goto('/kunskapsbank');
  await page.getByRole('heading', { level: 1, name: 'Kunskapsbanken' }).waitFor();
  // By name, in Swedish order (ö after z).
  assert.deepEqual(await resultNames(page), [
    'Framtidstro i Västervik',
    'Föräldrar som resurs i Testby',
    'Lässtrategier i alla ämnen',
    'Psykisk hälsa på schemat',
  ]);
  assert.equal(await page.locator('[data-kb-map-section]').isVisible(), false, 'no half-drawn map without JavaScript');

  await page.getByLabel('Sökord').fill('föräldrar');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.waitForURL(/q=f%C3%B6r%C3%A4ldrar/);
  assert.deepEqual(
    (await resultNames(page)).sort(),
    ['Framtidstro i Västervik', 'Föräldrar som resurs i Testby'],
    'the draft and rejected records never match',
  );
  assert.equal(await page.getByLabel('Sökord').inputValue(), 'föräldrar', 'the form keeps its state from the URL');

  await page.getByText('Avgränsa').click();
  await page.getByLabel('Kommun').selectOption({ label: 'Västervik' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await page.waitForURL(/kommun=0883/);
  assert.match(page.url(), /q=f%C3%B6r%C3%A4ldrar/, 'the search words stay in the URL');
  assert.deepEqual(await resultNames(page), ['Framtidstro i Västervik']);
  assert.match(await page.locator('#kb-results-heading').innerText(), /1 träffar/);

  // Facets from a hand-written URL: focus area and age group.
  await page.goto('/kunskapsbank?fokus=mental-health&alder=upper-secondary');
  assert.deepEqual(await resultNames(page), ['Psykisk hälsa på schemat']);
  assert.equal(await page.getByLabel(/^Psykisk hälsa/).isChecked(), true);

  await page.goto('/kunskapsbank?q=f%C3%B6r%C3%A4ldrar');
  await page.getByRole('link', { name: 'Föräldrar som resurs i Testby' }).click();
  await page.getByRole('heading', { level: 1, name: 'Föräldrar som resurs i Testby' }).waitFor();
  const facts = await page.locator('.kb-facts').innerText();
  assert.match(facts, /Kalmar/);
  assert.match(facts, /Grundskola 7–9/);
  assert.match(facts, /Universell/);
  // The description's Markdown is rendered, its raw HTML shown as text, never run.
  assert.equal(await page.locator('.kb-markdown strong').innerText(), 'bjuder in');
  assert.equal(await page.locator('.kb-markdown script').count(), 0);
  assert.match(await page.locator('.kb-markdown').innerText(), /<script>alert\(1\)<\/script>/);
  // Linked methods: the published one, not the retired one.
  const linked = await page.locator('section[aria-labelledby="kb-linked"] h3').allTextContents();
  assert.deepEqual(linked, ['Lässtrategier i alla ämnen']);

  for (const hidden of [testSlugs.draft, testSlugs.rejected, testSlugs.retired]) {
    const response = await page.goto(`/kunskapsbank/${hidden}`);
    assert.equal(response?.status(), 404, hidden);
    await page.getByRole('heading', { name: 'Sidan finns inte' }).waitFor();
  }

  await page.goto('/kunskapsbank/karta?fokus=parents');
  const kalmar = page.getByRole('row', { name: /Kalmar/ });
  assert.deepEqual(
    await kalmar.getByRole('cell').allTextContents(),
    ['2', '0', '2', '0', '1'],
    'Kalmar: two examples, both parents, one motivation',
  );
  await page.getByRole('link', { name: 'Västervik' }).click();
  await page.getByRole('heading', { level: 1, name: 'Västervik' }).waitFor();
  assert.deepEqual(await page.locator('.kb-result h3 a').allTextContents(), ['Framtidstro i Västervik']);
  await page.context().close();
});

test(
  'with JavaScript the map shows clustered markers and shaded municipalities, and the list stays usable',
  { skip: skip ?? false },
  async () => {
    const page = await newPage(env!);
    await page.goto('/kunskapsbank');
    await page.locator('[data-kb-map-section]').waitFor({ state: 'visible' });
    // Three published records with places (four places): markers or clusters, and the municipality outlines.
    await page.locator('.kb-map .kb-marker, .kb-map .kb-cluster').first().waitFor();
    await page.locator('.kb-map path:not([d="M0 0"])').first().waitFor();
    // The cluster layer animates its first layout: while it runs, a place can be both a marker and part of a cluster.
    // Wait for the map to settle (no animation classes) with every place shown once, instead of reading mid-animation.
    const placesShown = (expected: number | null) => {
      const map = document.querySelector('.kb-map');
      const animating = !map || map.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim') !== null;
      const clustered = [...(map?.querySelectorAll('.kb-cluster') ?? [])].reduce(
        (n, el) => n + Number(el.textContent?.match(/\d+/)?.[0] ?? 0),
        0,
      );
      const count = animating ? -1 : clustered + (map?.querySelectorAll('.kb-marker').length ?? 0);
      return expected === null ? count : count === expected;
    };
    await page.waitForFunction(placesShown, 4, { timeout: 15_000 }).catch(() => undefined);
    assert.equal(await page.evaluate(placesShown, null), 4, 'every place is on the map, once');
    await assertAccessible(page, 'kunskapsbanken med karta');

    // A marker's popup links to its record.
    await page.goto('/kunskapsbank?kommun=0883');
    await page.locator('.kb-map .kb-marker').first().click();
    const popupLink = page.locator('.leaflet-popup-content a');
    assert.equal(await popupLink.innerText(), 'Framtidstro i Västervik – Västerviks skola');
    assert.equal(await popupLink.getAttribute('href'), `/kunskapsbank/${testSlugs.motivation}`);

    // The list is still the way in.
    await page.goto('/kunskapsbank');
    await page.getByLabel('Sökord').fill('lässtrategier');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.waitForURL(/q=l%C3%A4sstrategier/);
    await page.getByRole('link', { name: 'Lässtrategier i alla ämnen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lässtrategier i alla ämnen' }).waitFor();
    assert.match(await page.locator('.kb-facts').innerText(), /Måttlig evidens \(Tier 2\)/);
    await assertAccessible(page, 'metodsida');

    await page.goto(`/kunskapsbank/${testSlugs.mentalHealth}`);
    await page.locator('.kb-map .kb-marker, .kb-map .kb-cluster').first().waitFor();
    await assertAccessible(page, 'exempelsida med karta');

    await page.goto('/kunskapsbank/karta?fokus=parents');
    await page.locator('.kb-map path.leaflet-interactive:not([d="M0 0"])').first().waitFor();
    assert.equal(await page.locator('.kb-map path.leaflet-interactive').count(), 290, 'every municipality is drawn');
    // Parents: Kalmar (2) and Västervik (1) are shaded, every other municipality has the zero colour.
    assert.equal(await page.locator('.kb-map path.leaflet-interactive:not([fill="#f1f5f9"])').count(), 2);
    await page.locator('.kb-legend').waitFor();
    await assertAccessible(page, 'regionkartan');

    await page.goto('/kunskapsbank/kommun/0880');
    await page.locator('.kb-map .kb-marker, .kb-map .kb-cluster').first().waitFor();
    await assertAccessible(page, 'kommunsidan');

    const embed = await page.goto('/kunskapsbank/inbaddning?kommun=0880&fokus=parents');
    assert.match(embed?.headers()['content-security-policy'] ?? '', /frame-ancestors \*/);
    assert.equal(embed?.headers()['x-frame-options'], undefined);
    assert.deepEqual(await page.locator('.kb-result h2 a').allTextContents(), ['Framtidstro i Västervik', 'Föräldrar som resurs i Testby']);
    await assertAccessible(page, 'inbäddning');
    const search = await page.goto('/kunskapsbank');
    assert.match(search?.headers()['content-security-policy'] ?? '', /frame-ancestors 'self'/, 'other pages keep the default');

    await page.goto('/kunskapsbank?lang=en');
    await page.getByRole('heading', { level: 1, name: 'The knowledge bank' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await assertAccessible(page, 'English');
    await page.context().close();
  },
);

test('keyboard only: tab to the search, type, submit, reach a result and open it', { skip: skip ?? false }, async () => {
  const page = await newPage(env!);
  await page.goto('/kunskapsbank');
  const focused = () =>
    page.evaluate(
      () =>
        `${document.activeElement?.tagName ?? ''}#${document.activeElement?.id ?? ''}:${document.activeElement?.textContent?.trim() ?? ''}`,
    );
  let presses = 0;
  while (!(await focused()).startsWith('INPUT#kb-q') && presses++ < 20) await page.keyboard.press('Tab');
  assert.ok(presses < 20, 'the search field is reached by Tab');
  await page.keyboard.type('psykisk hälsa');
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=psykisk/);
  presses = 0;
  while (!(await focused()).endsWith(':Psykisk hälsa på schemat') && presses++ < 40) await page.keyboard.press('Tab');
  assert.ok(presses < 40, 'the result link is reached by Tab before the map');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Psykisk hälsa på schemat' }).waitFor();
  await page.context().close();
});

test('the exports download the filtered rows', { skip: skip ?? false }, async () => {
  const page = await newPage(env!);
  await page.goto('/kunskapsbank?q=f%C3%B6r%C3%A4ldrar&kommun=0883');
  for (const format of ['CSV', 'GeoJSON', 'JSON']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: format, exact: true }).click()]);
    const text = await readFile((await download.path())!, 'utf8');
    assert.match(text, /Framtidstro i Västervik/, `${format} has the filtered record`);
    assert.doesNotMatch(text, /Föräldrar som resurs i Testby/, `${format} leaves out what the filter excludes`);
    assert.doesNotMatch(text, /hemligt utkast/i, `${format} has no draft`);
  }
  const feed = page.locator('link[rel="alternate"][type="application/atom+xml"]');
  assert.equal(await feed.getAttribute('href'), '/feed.atom');
  await page.context().close();
});
