// The knowledge bank's moderation in a real browser, the issue's "an editor takes a submission from queue to
// published": a user (the demo mentor) suggests an example — an empty form is refused with the server's messages at
// each field — the editor (`redaktor`) comments and rejects it with a reason, the user sees the reason and the comment,
// changes it and sends it again, the editor approves it and it is public at /kunskapsbank/:slug. A record not reviewed
// for 12 months is in the editor's queue and is marked reviewed; records never reviewed by an editor are listed too. axe on every page and state.
// The tester's defects stay fixed: every message names the field by the form's label (also in English), municipalities
// are chosen by name, each checkbox sits beside its label at a phone's width, and the queue shows the method's name, the
// contact as labelled lines and the description rendered from Markdown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { queryRows } from '../../src/server/db/client.ts';
import { knowledgeRecords } from '../../src/server/db/schema/index.ts';
import { seedKnowledgeBank } from '../../src/ingest/knowledge-bank/seed.ts';
import { loadAccessFixtures } from '../support/access.ts';
import { assertAccessible, browserUnavailable, newPage, signInAs, startBrowserApp } from '../support/browser.ts';

const skip = browserUnavailable();
const env = skip
  ? null
  : await startBrowserApp(async (database) => {
      await loadAccessFixtures(database);
      await seedKnowledgeBank(database.db);
      // Reviewed long before the fixture date (2024-10-01): due for review.
      await database.db
        .update(knowledgeRecords)
        .set({ lastReviewedOn: '2023-06-01' })
        .where(eq(knowledgeRecords.slug, 'improve-skaraborg'));
    });

const name = 'Läxhjälp med mentorer i Skövde (testexempel)';

/**
 * Every visible checkbox in the form with its width, the gap to its label's text and the difference in height, in px
 * (a checkbox stretched to an input's minimum width draws its box in the middle, far from the text).
 */
async function checkboxGaps(page: Page): Promise<{ label: string; width: number; gap: number; drift: number }[]> {
  return page.locator('form.kb-form label.check').evaluateAll((labels) =>
    labels.flatMap((label) => {
      const box = label.querySelector('input')!.getBoundingClientRect();
      const text = label.querySelector('span')!.getBoundingClientRect();
      if (!box.width) return [];
      return [{ label: label.textContent ?? '', width: box.width, gap: text.left - box.right, drift: Math.abs(text.top - box.top) }];
    }),
  );
}

test('a suggestion goes from the form through rejection and a second try to published', { skip: skip ?? false }, async () => {
  const user = await newPage(env!);
  await signInAs(user, 'mentor');
  await user.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Föreslå ett exempel' }).click();
  await user.getByRole('heading', { level: 1, name: 'Föreslå ett exempel' }).waitFor();
  await user.getByRole('checkbox', { name: 'Check & Connect' }).waitFor();
  // At 390 px every checkbox sits right beside its label, on the same line.
  await user.setViewportSize({ width: 390, height: 844 });
  const gaps = await checkboxGaps(user);
  assert.ok(gaps.length > 20, `checkboxes measured: ${gaps.length}`);
  assert.deepEqual(
    gaps.filter((g) => g.width > 24 || g.gap < 0 || g.gap > 16 || g.drift > 6),
    [],
    'a checkbox far from its label',
  );
  await assertAccessible(user, 'användare: tomt förslagsformulär');
  await user.setViewportSize({ width: 1280, height: 900 });

  // Empty: the server refuses, naming each field by its label; the message sits at the field and in the summary.
  await user.getByRole('button', { name: 'Skicka förslaget' }).click();
  await user.getByRole('alert').filter({ hasText: 'Rätta fälten nedan' }).waitFor();
  const nameInput = user.getByLabel('Namn (obligatoriskt)');
  assert.equal(await nameInput.getAttribute('aria-invalid'), 'true');
  const describedBy = (await nameInput.getAttribute('aria-describedby')) ?? '';
  assert.equal(await user.locator(`#${describedBy}`).innerText(), 'Namn: måste ha minst 3 tecken.');
  const municipalities = user.getByRole('group', { name: 'Kommuner (obligatoriskt)' });
  assert.equal(await municipalities.getAttribute('aria-invalid'), 'true');
  await municipalities.getByText('Kommuner: behöver minst en kommun för ett lokalt exempel.').waitFor();
  const summary = await user.locator('#kb-error-summary').innerText();
  assert.match(summary, /Sammanfattning: måste ha minst 20 tecken\./);
  assert.doesNotMatch(summary, /nameSv|summarySv|municipalityCodes|content|Fältet/);
  await assertAccessible(user, 'användare: formulär med serverns fel');

  // In English the labels and the server's messages are English.
  await user.getByRole('button', { name: 'English' }).click();
  await user.getByRole('button', { name: 'Send the suggestion' }).click();
  await user.getByText('Name: must have at least 3 characters.').first().waitFor();
  assert.equal(await user.getByLabel('Name (required)').getAttribute('aria-invalid'), 'true');
  await user
    .getByRole('group', { name: 'Municipalities (required)' })
    .getByText('Municipalities: needs at least one municipality for a local example.')
    .waitFor();
  await user.getByRole('button', { name: 'Svenska' }).click();

  await nameInput.fill(name);
  await user.getByLabel('Sammanfattning (obligatoriskt)').fill('Mentorer ger läxhjälp två eftermiddagar i veckan på högstadiet.');
  await user.getByLabel('Beskrivning').fill('**Läxhjälp** två eftermiddagar i veckan:\n\n- måndag\n- torsdag');
  // Municipalities by name: the search narrows the list, the code never shows.
  await municipalities.getByRole('searchbox', { name: 'Sök kommun' }).fill('sköv');
  await municipalities.getByText('1 kommun visas').waitFor();
  await municipalities.getByRole('checkbox', { name: 'Skövde' }).check();
  await municipalities.getByRole('button', { name: 'Ta bort Skövde' }).waitFor();
  assert.doesNotMatch(await municipalities.innerText(), /1496/);
  await user.getByRole('checkbox', { name: 'Motivation och framtidstro' }).check();
  await user.getByRole('checkbox', { name: 'Grundskola 7–9' }).check();
  await user.getByRole('checkbox', { name: 'Check & Connect' }).check();
  const source = user.getByRole('group', { name: 'Källa 1' });
  await source.getByLabel('Titel på källa 1').fill('Skolans egen beskrivning (syntetisk)');
  await source.getByLabel('Webbadress till källa 1').fill('https://example.org/laxhjalp');
  const contact = user.getByRole('group', { name: 'Kontakt' });
  await contact.getByLabel('Kontaktens namn').fill('Kim Exempel');
  await contact.getByLabel('Kontaktens organisation').fill('Skövde kommun');
  await contact.getByLabel('Kontaktens e-post').fill('kim@skovde.example');
  await contact.getByLabel('Kontaktens telefon').fill('0500-49 80 00');
  await assertAccessible(user, 'användare: ifyllt formulär');
  await user.getByRole('button', { name: 'Skicka förslaget' }).click();
  await user.getByRole('heading', { level: 1, name: 'Mina förslag' }).waitFor();
  await user.getByText('Tack! Ditt förslag har skickats och väntar på granskning.').waitFor();
  const mine = user.getByRole('article', { name });
  assert.match(await mine.innerText(), /Väntar på granskning/);
  await assertAccessible(user, 'användare: mina förslag, väntande');

  // The editor: the queue shows the proposed content; a comment, then a rejection (the reason is required).
  const editor = await newPage(env!);
  await signInAs(editor, 'redaktor');
  await editor.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Granskningskö' }).click();
  const item = editor.getByRole('article', { name: `${name} (Nytt)` });
  await item.waitFor();
  const table = item.getByRole('table', { name: 'Föreslaget innehåll' });
  const proposed = await table.innerText();
  assert.match(proposed, /Kommuner\s+Skövde/);
  assert.match(proposed, /Motivation och framtidstro/);
  // The linked method by name, the contact as labelled lines, the description rendered from Markdown.
  assert.match(proposed, /Metoder som exemplet använder\s+Check & Connect/);
  assert.match(proposed, /Namn\s+Kim Exempel\s+Organisation\s+Skövde kommun\s+E-post\s+kim@skovde\.example\s+Telefon\s+0500-49 80 00/);
  await table.locator('.kb-markdown strong', { hasText: 'Läxhjälp' }).waitFor();
  assert.equal(await table.locator('.kb-markdown li').count(), 2);
  assert.doesNotMatch(proposed, /1496|[0-9a-f]{8}-[0-9a-f]{4}-|\*\*|name:|email:/);
  const due = editor.getByRole('listitem').filter({ hasText: 'IMprove i Skaraborg' });
  assert.match(await due.innerText(), /Senast granskad 1 juni 2023/);
  await assertAccessible(editor, 'redaktör: granskningskön');

  await item.getByRole('textbox', { name: 'Ny kommentar' }).fill('Finns det en utvärdering av läxhjälpen?');
  await item.getByRole('button', { name: 'Skicka kommentar' }).click();
  await item
    .getByRole('listitem')
    .filter({ hasText: 'Demo: Regional redaktör' })
    .filter({ hasText: 'Finns det en utvärdering av läxhjälpen?' })
    .waitFor();
  await item.getByRole('button', { name: `Avvisa: ${name}` }).click();
  const reason = item.getByLabel('Skäl till avvisningen (obligatoriskt)');
  await item.getByRole('alert').waitFor();
  assert.equal(await reason.getAttribute('aria-invalid'), 'true');
  await assertAccessible(editor, 'redaktör: avvisning utan skäl');
  await reason.fill('Källan beskriver inte läxhjälpen; lägg till en beskrivning av resultaten.');
  await item.getByRole('button', { name: `Avvisa: ${name}` }).click();
  await editor.getByText('Förslaget är avvisat.').waitFor();
  await editor.getByText('Inga förslag väntar.').waitFor();

  // The user sees why, and the comment; then changes the suggestion and sends it again.
  await user.reload();
  const rejected = user.getByRole('article', { name });
  await rejected.getByText('Avvisat').waitFor();
  const rejectedText = await rejected.innerText();
  assert.match(rejectedText, /Källan beskriver inte läxhjälpen/);
  assert.match(rejectedText, /Finns det en utvärdering av läxhjälpen\?/);
  await assertAccessible(user, 'användare: avvisat förslag med skäl');
  await rejected.getByRole('link', { name: `Ändra och skicka igen: ${name}` }).click();
  const outcomes = user.getByLabel('Vad som mätts (resultat)');
  await outcomes.waitFor();
  assert.equal(await user.getByLabel('Namn (obligatoriskt)').inputValue(), name);
  await outcomes.fill('Andelen elever med godkänt i matematik följs varje termin (syntetiskt).');
  await user.getByRole('button', { name: 'Skicka förslaget' }).click();
  await user.getByText('Tack! Ditt förslag har skickats och väntar på granskning.').waitFor();

  // The editor approves; the record is published and public.
  await editor.reload();
  const second = editor.getByRole('article', { name: `${name} (Nytt)` });
  await second.getByRole('button', { name: `Godkänn och publicera: ${name}` }).click();
  await editor.getByText(`Godkänt: ${name} är publicerad.`).waitFor();
  const [record] = await queryRows<{ slug: string; status: string; last_reviewed_on: string; outcomes_measured: string; methods: number }>(
    env!.database.db,
    sql`
    SELECT r.slug, r.status, r.last_reviewed_on::text AS last_reviewed_on, r.outcomes_measured,
           (SELECT count(*)::int FROM knowledge_links l WHERE l.example_id = r.id) AS methods
      FROM knowledge_records r WHERE r.name_sv = ${name}`,
  );
  assert.equal(record?.status, 'published');
  assert.equal(record?.last_reviewed_on, '2024-10-01');
  assert.match(record?.outcomes_measured ?? '', /matematik/);
  assert.equal(record?.methods, 1);

  // The record due for review is marked reviewed and leaves the list.
  await editor.getByRole('button', { name: 'Markera som granskad: IMprove i Skaraborg' }).click();
  await editor.getByText('IMprove i Skaraborg är markerad som granskad i dag.').waitFor();
  await editor.getByRole('button', { name: 'Markera som granskad: IMprove i Skaraborg' }).waitFor({ state: 'detached' });
  // The records built only on the seed list have never been reviewed by an editor: they stay in the list.
  assert.match(
    await editor.getByRole('listitem').filter({ hasText: 'Plug In-verkstad Emmaboda' }).innerText(),
    /Aldrig granskad av en redaktör/,
  );
  await assertAccessible(editor, 'redaktör: kön efter beslut');

  await user.reload();
  const approved = user.getByRole('article', { name }).filter({ hasText: 'Godkänt och publicerat' });
  await approved.getByRole('link', { name: `Visa den publicerade posten: ${name}` }).click();
  await user.waitForURL(`**/kunskapsbank/${record?.slug ?? ''}`);
  await user.getByRole('heading', { level: 1, name }).waitFor();
  const publicPage = await user.locator('main').innerText();
  assert.match(publicPage, /Mentorer ger läxhjälp/);
});
