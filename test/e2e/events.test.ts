// The network's public events in a real browser: a visitor finds the next webinar on /evenemang, signs up (a bad
// e-mail first: the message names the field), gets the confirmation and the event's .ics; axe-core finds no WCAG 2.1
// AA violation on the list or the event page. Skips itself without Chromium outside CI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadAccessFixtures } from '../support/access.ts';
import { assertAccessible, browserUnavailable, newPage, startBrowserApp } from '../support/browser.ts';
import { seedDemoEvents } from '../../src/ingest/demo/events.ts';

const skip = browserUnavailable();
const env = skip
  ? null
  : await startBrowserApp(async (database) => {
      await loadAccessFixtures(database);
      await seedDemoEvents(database.db, '2024-10-01');
    });

test('a visitor finds the next webinar, signs up and gets it in their calendar', { skip: skip ?? false }, async () => {
  const page = await newPage(env!);
  await page.goto('/evenemang');
  await page.getByRole('heading', { level: 1, name: 'Evenemang i nätverket' }).waitFor();
  await assertAccessible(page, 'the events list');
  await page.getByRole('link', { name: 'Webbinarium: föräldrar som resurs' }).click();
  await page.getByRole('heading', { level: 1, name: 'Webbinarium: föräldrar som resurs' }).waitFor();
  await assertAccessible(page, 'the event page');
  await page.getByLabel('Namn').fill('Test Testsson');
  await page.getByLabel('Organisation').fill('Exempelskolan AB');
  await page.getByLabel('E-postadress').fill('inte-en-adress');
  await page.getByLabel('Roll').selectOption({ label: 'Rektor' });
  await page.getByRole('button', { name: 'Skicka anmälan' }).click();
  await page.getByRole('status').getByText('E-postadress: är inte en e-postadress').waitFor();
  await page.getByLabel('E-postadress').fill('test.testsson@example.invalid');
  await page.getByRole('button', { name: 'Skicka anmälan' }).click();
  await page.getByText('Du är anmäld till Webbinarium: föräldrar som resurs.').waitFor();
  await assertAccessible(page, 'the event page after signing up');
  const href = await page.getByRole('link', { name: 'Lägg till i kalendern (.ics)' }).first().getAttribute('href');
  const ics = await page.request.get(href!);
  assert.equal(ics.status(), 200);
  const text = await ics.text();
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(text, /SUMMARY:Webbinarium: föräldrar som resurs\r\n/);
});
