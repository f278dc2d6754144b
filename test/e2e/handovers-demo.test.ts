// Issue #14's "Done when" in the demo region itself, in a real browser with axe and the readable scan on every page. The
// demo (seed 3, scale 0.1, as on 3 December 2026) keeps one year-9 leaver for it: an åtgärdsprogram decided in March,
// absence that rose in the spring, and a pre-filled draft nobody has sent; `mentor-ak9` was her mentor until the term
// ended (12 June, before her enrolment ended 30 June), `rektor-gy` is the principal of her upper-secondary unit. The
// server's clock walks the transition (no sleeps): on 22 June the receiving organiser's SS 12000 delivery of her
// placement has not come yet (the walk holds it back and delivers it with the factory, as the importer would write it),
// so sending is refused and the principal sees nothing; once placed, the mentor completes and sends it; the principal
// confirms receipt, holds the transition meeting three days into the term, and four weeks later records the follow-up
// with her attendance since the start from the demo's lessons; the municipality's overview counts the receipt (below
// five, so not shown as a number) and the mentor's list shows it confirmed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { seedDemoHandovers } from '../../src/ingest/demo/handovers.ts';
import { seedDemoRegion } from '../../src/ingest/demo/index.ts';
import { queryRows } from '../../src/server/db/client.ts';
import { createDemoAccounts } from '../../src/server/modules/auth/demo-accounts.ts';
import { assertAccessible, browserUnavailable, startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { enrol, removeEnrolment } from '../support/factories/index.ts';
import { openHandoverList, overviewRow, signedIn } from '../support/handover-pages.ts';
import { assertReadable } from '../support/readable.ts';

const seededOn = '2026-12-03';
/** The server's clock: after the spring term, before the admission reaches Fullfölj; moved through the autumn. */
let now = new Date('2026-06-22T10:00:00+02:00');

interface Walker extends Record<string, unknown> {
  name: string;
  from_unit: string;
  to_tenant: string;
  to_person: string;
  to_unit: string;
  school_type: string;
  school_year: number | null;
  start_date: string;
  end_date: string | null;
  ordinal: number;
}
let walker: Walker;

async function load(database: BrowserApp['database']): Promise<void> {
  await seedDemoRegion(database, { seed: 3, scale: 0.1, today: seededOn });
  await createDemoAccounts(database, { asOf: seededOn });
  await seedDemoHandovers(database.db, { today: seededOn, seed: 3 });
  // The walk's student, and her placement at the upper-secondary unit, held back until the walk delivers it.
  const [w] = await queryRows<Walker>(
    database.db,
    sql`SELECT h.given_name || ' ' || h.family_name AS name, h.from_unit_name AS from_unit, h.to_organiser_id AS to_tenant,
               q.id AS to_person, n.school_unit_id AS to_unit, n.school_type, n.school_year, n.start_date::text, n.end_date::text,
               n.ordinal
          FROM handovers h JOIN action_programmes ap ON ap.tenant_id = h.tenant_id AND ap.student_id = h.student_id
          JOIN persons q ON q.tenant_id = h.to_organiser_id AND q.civic_no = h.civic_no
          JOIN enrolments n ON n.tenant_id = q.tenant_id AND n.person_id = q.id AND n.school_unit_id = h.to_unit_id
         WHERE h.direction = 'sent' AND h.status = 'draft' AND ap.needs LIKE 'Stöd att komma i gång%'`,
  );
  assert.ok(w, 'the demo has the walk’s student');
  walker = w;
  await removeEnrolment(database.db, { tenantId: w.to_tenant, personId: w.to_person, ordinal: w.ordinal });
}

const skip = browserUnavailable();
const env = skip ? null : await startBrowserApp(load, { clock: () => now });

test(
  "the issue's walk on the demo region: the year-9 mentor's pre-filled draft sent after admission, receipt, meeting, follow-up, overview",
  { skip: skip ?? false },
  async () => {
    const open = `Öppna överlämningen för ${walker.name}`;
    const title = `Överlämning för ${walker.name}`;
    // The municipality's overview before: nothing sent from her school yet.
    let analyst = await signedIn(env!, 'analytiker', now);
    const before = await overviewRow(analyst, walker.from_unit);
    assert.equal(before[0], '0', `sent before the walk: ${before.join(' | ')}`);

    // 22 June, before admission: the upper-secondary principal sees nothing.
    let principal = await signedIn(env!, 'rektor-gy', now);
    await openHandoverList(principal, 'Mottagna');
    await principal.getByText('Inga överlämningar.').waitFor();
    await assertAccessible(principal, 'Demo: mottagna, tom');
    await assertReadable(principal, 'mottagna, tom');

    // Her year-9 mentor (the mentor duty ended 12 June) opens the pre-filled draft.
    const mentor = await signedIn(env!, 'mentor-ak9', now);
    await openHandoverList(mentor, 'Att skicka');
    const item = mentor.locator('.handover-list li').filter({ hasText: walker.name });
    await item.waitFor();
    assert.match(await item.innerText(), /Varför: Åtgärdsprogram/);
    await assertAccessible(mentor, 'Demo: att skicka');
    await assertReadable(mentor, 'att skicka');
    await mentor.getByRole('link', { name: open }).click();
    await mentor.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.match(await mentor.getByLabel('Särskilt stöd och åtgärdsprogram').inputValue(), /Åtgärdsprogram beslutat 2026-03-10/);
    assert.match(await mentor.getByLabel('Kunskapsutveckling, betyg och behörighet').inputValue(), /Frånvaro senaste året: \d+ %/);
    await assertAccessible(mentor, 'Demo: utkast');
    await assertReadable(mentor, 'utkast');
    await mentor.getByLabel('Styrkor och intressen').fill('Tycker om slöjd och idrott; arbetar bra med en tydlig veckoplanering.');
    await mentor
      .getByLabel('Vad eleven och vårdnadshavarna har fått veta')
      .fill('Eleven och vårdnadshavarna fick veta vad som lämnas över vid utvecklingssamtalet i maj.');
    // The admission wall: no placement at the receiving unit yet, so sending is refused, naming why.
    await mentor.getByRole('button', { name: 'Skicka till den mottagande skolan' }).click();
    await mentor.getByText(/eleven är inte placerad eller antagen vid skolenheten/).waitFor();
    await assertAccessible(mentor, 'Demo: skickas inte före antagningen');

    // The receiving organiser's SS 12000 delivers her placement: now the mentor sends it.
    await enrol(env!.database.db, {
      tenantId: walker.to_tenant,
      personId: walker.to_person,
      schoolUnitId: walker.to_unit,
      schoolType: walker.school_type,
      schoolYear: walker.school_year,
      startDate: walker.start_date,
      endDate: walker.end_date,
      ordinal: walker.ordinal,
    });
    await mentor.reload();
    await mentor.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.match(await mentor.getByLabel('Styrkor och intressen').inputValue(), /slöjd och idrott/, 'saved with the refused send');
    await mentor.getByRole('button', { name: 'Skicka till den mottagande skolan' }).click();
    await mentor.getByText('Överlämningen är skickad.').waitFor();
    assert.match(await mentor.locator('main').innerText(), /Läge: Skickad, inte bekräftad/);
    await assertAccessible(mentor, 'Demo: skickad');
    await assertReadable(mentor, 'skickad');

    // After admission the principal sees it and confirms receipt.
    await openHandoverList(principal, 'Mottagna');
    await principal.getByRole('link', { name: open }).click();
    await principal.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.match(await principal.locator('main').innerText(), /slöjd och idrott/);
    await principal.getByRole('button', { name: 'Bekräfta mottagandet' }).click();
    await principal.getByText('Mottagandet är bekräftat.').waitFor();
    await assertAccessible(principal, 'Demo: mottagen');
    const handoverPath = new URL(principal.url()).pathname;

    // Three days into the term: the transition meeting.
    now = new Date('2026-08-21T10:00:00+02:00');
    principal = await signedIn(env!, 'rektor-gy', now);
    await principal.goto(handoverPath);
    await principal.getByRole('heading', { level: 1, name: title }).waitFor();
    await principal.getByLabel('Datum för övergångsmötet').fill('2026-08-21');
    await principal.getByLabel('Deltagare').fill('Eleven, vårdnadshavare, mentor, specialpedagog');
    await principal.getByLabel('Anteckningar').fill('Gick igenom åtgärdsprogrammet och veckoplaneringen.');
    await principal
      .getByLabel('Vad den mottagande skolan gör')
      .fill('Mentorn gör en veckoplanering med eleven; stöd i matematik från start.');
    await principal.getByRole('button', { name: 'Spara mötet' }).click();
    await principal.getByText('Sparat.').waitFor();
    await assertAccessible(principal, 'Demo: möte');
    await assertReadable(principal, 'möte');

    // Four weeks later: the follow-up, with her attendance since the start from the demo's lessons.
    now = new Date('2026-09-18T10:00:00+02:00');
    principal = await signedIn(env!, 'rektor-gy', now);
    await principal.goto(handoverPath);
    await principal.getByRole('heading', { level: 1, name: title }).waitFor();
    await principal.getByLabel('Fortsatte anpassningarna?').selectOption({ label: 'Ja, anpassningarna fortsatte' });
    await principal.getByLabel('Uppföljning', { exact: true }).fill('Veckoplaneringen används.');
    await principal.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await principal.getByText('Sparat.').waitFor();
    await principal.getByText(/Närvaro sedan starten: \d+/).waitFor();
    await assertAccessible(principal, 'Demo: uppföljning');
    await assertReadable(principal, 'uppföljning');
    await openHandoverList(principal, 'Mottagna');
    assert.match(
      await principal.locator('.handover-list li').filter({ hasText: walker.name }).innerText(),
      /Mottagandet bekräftat · Övergångsmöte hållet · Uppföljning gjord/,
    );

    // The sending side sees the receipt: the mentor's list, and the municipality's overview (one, so not as a number).
    const mentorAgain = await signedIn(env!, 'mentor-ak9', now);
    await openHandoverList(mentorAgain, 'Att skicka');
    assert.match(await mentorAgain.locator('.handover-list li').filter({ hasText: walker.name }).innerText(), /Mottagandet bekräftat/);
    analyst = await signedIn(env!, 'analytiker', now);
    const after = await overviewRow(analyst, walker.from_unit);
    assert.deepEqual([after[0], after[2]], ['visas inte', 'visas inte'], `sent and confirmed after: ${after.join(' | ')}`);
    await assertAccessible(analyst, 'Demo: översikt');
    await assertReadable(analyst, 'översikt');
  },
);
