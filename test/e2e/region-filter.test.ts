// Two regions in a real browser, with axe: Västra Götaland and Skaraborg each hold an event and publish September's
// report. A visitor choosing a region on /evenemang (the page's region links, and `?region=` directly) sees only
// that region's events, and each region's published report counts only its own participants; Skaraborg's coordinator
// sees only Skaraborg's events and is answered 404 for Västra Götaland's sign-ups and attendance. Skips itself without
// Chromium outside CI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { accountId, fixtureNow, loadAccessFixtures } from '../support/access.ts';
import { assertAccessible, browserUnavailable, newPage, signInAs, startBrowserApp } from '../support/browser.ts';
import { generateDraft, publishDraft } from '../../src/server/modules/region/report/generate.ts';
import { regionBySlug } from '../../src/server/modules/region/store.ts';
import { addEventDirectly, addSkaraborgCoordinator, skaraborgCoordinator } from '../../src/server/modules/events/test-regions.ts';

const skip = browserUnavailable();
let gothenburgEvent = '';
const env = skip
  ? null
  : await startBrowserApp(async (database) => {
      await loadAccessFixtures(database);
      await addSkaraborgCoordinator(database.db);
      gothenburgEvent = await addEventDirectly(database.db, 'vastra-gotaland', {
        title: 'Nätverksträff i Göteborg',
        startsAt: '2024-09-10T07:00:00Z',
        signups: [
          ['Anna Testsson', 'Exempelkommun', 'principal'],
          ['Erik Exempelsson', 'Exempelkommun', 'teacher'],
          ['Maria Provén', 'Exempelkommun', 'teacher'],
        ],
        attended: true,
      });
      await addEventDirectly(database.db, 'skaraborg', {
        title: 'Nätverksträff i Skövde',
        startsAt: '2024-09-12T07:00:00Z',
        signups: [['Lars Demoberg', 'Skövde kommun', 'kaa']],
        attended: true,
      });
      for (const [slug, user] of [
        ['vastra-gotaland', 'region'],
        ['skaraborg', skaraborgCoordinator],
      ] as const) {
        const region = (await regionBySlug(database.db, slug))!;
        await generateDraft(database.db, region, '2024-09', fixtureNow);
        await publishDraft(database.db, region.id, '2024-09', await accountId(database, user), fixtureNow);
      }
    });

/** The events listed on the page, by title. */
const listed = async (page: Page) => (await page.locator('main .kb-list h3 a').allInnerTexts()).sort();

test(
  'a visitor choosing a region sees only its events, and each region’s report counts only its own',
  { skip: skip ?? false },
  async () => {
    const page = await newPage(env!);
    await page.goto('/evenemang');
    await page.getByRole('heading', { level: 1, name: 'Evenemang i nätverket' }).waitFor();
    assert.deepEqual(await listed(page), ['Nätverksträff i Göteborg', 'Nätverksträff i Skövde']);
    const byRegion = page.getByRole('navigation', { name: 'Evenemang per region' });
    await byRegion.getByRole('link', { name: 'Skaraborg' }).click();
    await page.waitForURL(/region=skaraborg/);
    await byRegion.getByRole('link', { name: 'Skaraborg' }).and(page.locator('[aria-current="page"]')).waitFor();
    assert.deepEqual(await listed(page), ['Nätverksträff i Skövde']);
    await assertAccessible(page, 'events filtered to Skaraborg');
    await byRegion.getByRole('link', { name: 'Västra Götaland' }).click();
    await page.waitForURL(/region=vastra-gotaland/);
    assert.deepEqual(await listed(page), ['Nätverksträff i Göteborg']);
    await page.goto('/evenemang?region=skaraborg&lang=en');
    await page.getByRole('heading', { level: 1, name: 'Network events' }).waitFor();
    assert.deepEqual(await listed(page), ['Nätverksträff i Skövde']);
    const feed = await page.request.get('/evenemang.ics?region=skaraborg');
    assert.match(await feed.text(), /SUMMARY:Nätverksträff i Skövde/);
    assert.doesNotMatch(await feed.text(), /Göteborg/);

    // Each region's published September report counts its own participants: three in Västra Götaland, one in Skaraborg.
    for (const [slug, total] of [
      ['vastra-gotaland', '3'],
      ['skaraborg', '1'],
    ] as const) {
      await page.goto(`/rapporter/${slug}/2024-09?version=1`);
      const table = page.getByRole('table', { name: 'Deltagare per roll' });
      await table.waitFor();
      assert.deepEqual(await table.getByRole('row').filter({ hasText: 'Deltagare totalt' }).getByRole('cell').allInnerTexts(), [
        total,
        total,
        '0',
      ]);
    }
    await assertAccessible(page, 'Skaraborg’s published report');
    await page.close();
  },
);

test(
  'Skaraborg’s coordinator sees only Skaraborg’s events and reaches none of Västra Götaland’s sign-ups',
  { skip: skip ?? false },
  async () => {
    const page = await newPage(env!);
    await page.clock.setFixedTime(fixtureNow);
    await signInAs(page, skaraborgCoordinator);
    await page.goto('/natverk/evenemang');
    await page.getByRole('heading', { level: 2, name: 'Evenemang', exact: true }).waitFor();
    assert.deepEqual(await page.locator('main .challenge-list h3').allInnerTexts(), ['Nätverksträff i Skövde']);
    await page.getByText('Anmälningar och närvaro').click();
    await page.getByRole('checkbox', { name: 'Deltog: Lars Demoberg' }).waitFor();
    assert.equal(await page.getByText('Anna Testsson').count(), 0);
    await assertAccessible(page, 'Skaraborg’s events');
    const csrf = (await page.context().cookies()).find((c) => c.name === 'fullfolj_csrf')?.value ?? '';
    const signups = await page.request.get(`/api/events/${gothenburgEvent}/signups`);
    assert.equal(signups.status(), 404);
    assert.doesNotMatch(await signups.text(), /Anna/);
    const mark = await page.request.put(`/api/events/${gothenburgEvent}/attendance`, {
      headers: { 'x-fullfolj-csrf': csrf },
      data: { marks: [{ signup: gothenburgEvent, attended: false }] },
    });
    assert.equal(mark.status(), 404);
    await page.close();
  },
);
