// The retention rules on the administrator's settings page in a real browser: a value out of range is refused with
// the field named as the form names it, a valid one is saved and shown, and axe-core finds no WCAG 2.1 AA violation.
// Skips itself without Chromium outside CI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, browserUnavailable, newPage, signInAs, startBrowserApp } from '../support/browser.ts';

const skip = browserUnavailable();
const env = skip ? null : await startBrowserApp();

test('the administrator sets the access log’s retention rule; a wrong value names the field', { skip: skip ?? false }, async () => {
  const page = await newPage(env!);
  await signInAs(page, 'admin');
  await page.goto('/insatser/installningar');
  await page.getByRole('heading', { level: 2, name: 'Gallringsregler' }).waitFor();
  const field = page.getByLabel('Åtkomstloggen (antal år)');
  await field.fill('0');
  await page.getByRole('button', { name: 'Spara gallringsreglerna' }).click();
  await page
    .getByText(/Fel: Åtkomstloggen, år efter läsningen.*minst 1/)
    .first()
    .waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'gallringsregler med fel');
  await field.fill('3');
  await page.getByRole('button', { name: 'Spara gallringsreglerna' }).click();
  await page.getByText('Gallringsreglerna är sparade.').waitFor();
  await page.getByText(/Sparas: 3 år\./).waitFor();
  await page.getByText('Gallringsjobbet har inte körts ännu.').waitFor();
  await assertAccessible(page, 'gallringsregler');
});
