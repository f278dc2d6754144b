/**
 * The handover walks' page helpers (test/e2e/handovers*.test.ts), in one place: a page signed in with the browser's
 * clock at the server's, the handover list in one direction, and the municipality's overview row of a sending unit.
 */
import type { Page } from 'playwright-core';
import { newPage, signInAs, type BrowserApp } from './browser.ts';

/** A new page signed in as `username`, its clock fixed at `now` (the server's clock in the walk). */
export async function signedIn(env: BrowserApp, username: string, now: Date): Promise<Page> {
  const page = await newPage(env);
  await page.clock.setFixedTime(now);
  await signInAs(page, username);
  return page;
}

/** Opens the handover list showing one direction, and waits for its rows or its empty state. */
export async function openHandoverList(page: Page, direction: 'Att skicka' | 'Mottagna'): Promise<void> {
  await page.goto('/overlamningar');
  await page.getByRole('heading', { level: 1, name: 'Överlämningar' }).waitFor();
  await page.getByRole('combobox', { name: 'Visa' }).selectOption({ label: direction });
  // The list's rows or its empty state, whichever the answer brings.
  await page.locator('main .handover-list').or(page.getByText('Inga överlämningar.')).first().waitFor();
}

/** The overview's row for a sending unit (by the start of its name): its cells as shown. */
export async function overviewRow(page: Page, unit: string): Promise<string[]> {
  await page.goto('/overlamningar/oversikt');
  const row = page.getByRole('row', { name: new RegExp(`^${unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await row.waitFor();
  return row.getByRole('cell').allInnerTexts();
}
