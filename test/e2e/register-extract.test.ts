// The register extract in a real browser: the data protection officer finds Alva, sees her sensitive note awaiting the
// secrecy review, is refused without a reason (the message at the field), withholds it with a reason and a ground,
// downloads the PDF and reads the extract on screen — the note's text nowhere in what is handed out; an administrator
// has no review. Axe on each state.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogRows, loadAccessFixtures, students } from '../support/access.ts';
import { assertAccessible, browserUnavailable, newPage, signInAs, startBrowserApp } from '../support/browser.ts';
import { openAlvaCase, sensitiveNoteText } from '../../src/server/modules/interventions/test-fixtures.ts';

const skip = browserUnavailable();
const env = skip
  ? null
  : await startBrowserApp(async (database) => {
      await loadAccessFixtures(database);
      await openAlvaCase(database);
    });

test(
  'the DPO withholds a sensitive note with a reason, then downloads and reads the extract without it',
  { skip: skip ?? false },
  async () => {
    const page = await newPage(env!);
    await signInAs(page, 'dataskydd');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Registerutdrag' }).click();
    await page.getByRole('heading', { name: /Registerutdrag \(GDPR/ }).waitFor();
    await page.getByLabel('Personnummer', { exact: true }).fill('20070101-2395');
    await page.getByRole('button', { name: 'Sök person' }).click();
    const review = page.getByRole('region', { name: 'Sekretessprövning' });
    const item = review.getByRole('article', { name: /Känslig anteckning i elevhälsoärende/ });
    await item.waitFor();
    assert.match(await item.innerText(), /oro hemma/, 'the DPO reads what they decide on');
    assert.match(await item.innerText(), /Väntar på prövning/);
    await assertAccessible(page, 'registerutdrag: sekretessprövning');

    await item.getByRole('button', { name: 'Lämna inte ut' }).click();
    const reason = item.getByLabel('Orsak', { exact: true });
    await item.getByText('Skriv orsaken till beslutet.').first().waitFor();
    assert.equal(await reason.getAttribute('aria-invalid'), 'true');
    assert.match(await item.innerText(), /Skriv orsaken till beslutet\./);
    assert.match(await item.innerText(), /Välj sekretessgrund när uppgiften inte ska lämnas ut\./);
    await assertAccessible(page, 'registerutdrag: fel vid fälten');

    await reason.fill('Uppgifter om en närstående.');
    await item.getByLabel('Sekretessgrund', { exact: true }).selectOption('harm-to-student');
    await item.getByRole('button', { name: 'Lämna inte ut' }).click();
    await review.getByRole('status').filter({ hasText: 'Beslutet är sparat.' }).waitFor();
    await item.getByText(/^Lämnas inte ut/).waitFor();
    const decision = (await accessLogRows(env!.database)).filter((r) => r.action === 'register-extract.secrecy-decision');
    assert.deepEqual(
      decision.map((r) => [r.outcome, r.subject_ids]),
      [['allowed', [students.alva]]],
    );

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hämta som PDF' }).click()]);
    assert.match(download.suggestedFilename(), /^registerutdrag-2024-10-01\.pdf$/);
    await page.getByRole('button', { name: 'Visa på skärmen' }).click();
    const view = page.getByRole('region', { name: 'Utdraget', exact: true });
    await view.getByRole('heading', { name: 'Vilka som har tagit del av uppgifterna och när' }).waitFor();
    const text = await view.innerText();
    assert.match(text, /Uppgift som omfattas av sekretess har inte lämnats ut/);
    assert.ok(!text.includes(sensitiveNoteText), 'the withheld note is not in the extract');
    assert.match(text, /Exempelgymnasiet/);
    await assertAccessible(page, 'registerutdrag: utdraget på skärmen');
    await page.context().close();
  },
);

test('an administrator downloads the extract but has no secrecy review', { skip: skip ?? false }, async () => {
  const page = await newPage(env!);
  await signInAs(page, 'admin');
  await page.goto('/registerutdrag');
  await page.getByLabel('Personnummer', { exact: true }).fill('20070101-2395');
  await page.getByRole('button', { name: 'Sök person' }).click();
  await page.getByRole('heading', { name: 'Hittade: Alva Testsson' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Sekretessprövning' }).count(), 0);
  await page.getByRole('button', { name: 'Visa på skärmen' }).click();
  const view = page.getByRole('region', { name: 'Utdraget', exact: true });
  await view.getByRole('heading', { name: 'Anteckningar', exact: true }).waitFor();
  assert.ok(!(await view.innerText()).includes('oro hemma'));
  await assertAccessible(page, 'registerutdrag: administratör');
  await page.context().close();
});
