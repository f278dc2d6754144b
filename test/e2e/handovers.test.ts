// Issue #14's "Done when" in a real browser, with axe and the readable scan on every page: Ylva leaves year 9 with an
// åtgärdsprogram and absence that rose in the spring. Before she is admitted, her mentor has no draft and the
// upper-secondary principal sees nothing; once the independent organiser admits her (a factory, as SS 12000 would),
// the mentor opens the pre-filled draft, is refused at the field for a text too long, completes and sends it (a second
// send is refused in plain Swedish). The principal sees it, confirms receipt and holds the transition meeting; four
// weeks after the start (the server's clock moved, no sleep) the follow-up records that the adaptations continued and
// shows her attendance since the start; the municipality's overview shows the receipt.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actionProgrammes, handovers } from '../../src/server/db/schema/index.ts';
import { queryRows } from '../../src/server/db/client.ts';
import { emptyContent, emptyFacts } from '../../src/server/modules/handovers/facts.ts';
import { accountId, friskola, kommun, loadAccessFixtures } from '../support/access.ts';
import { assertAccessible, browserUnavailable, startBrowserApp, type BrowserApp } from '../support/browser.ts';
import { addStudent, createCase, recordLessons, setRoleUnits } from '../support/factories/index.ts';
import { openHandoverList, signedIn } from '../support/handover-pages.ts';
import { assertReadable } from '../support/readable.ts';

const skolan79 = 'a0000000-0000-4000-8000-000000000003';
const friGymnasium = 'a1000000-0000-4000-8000-000000000002';
/** Skatteverket's test personnummer. */
const ylvaCivic = '200801012386';

/** The server's clock: late May, when the admissions come; moved to four weeks after the start for the follow-up. */
let now = new Date('2025-05-20T10:00:00+02:00');
let ylva = '';

/** Weekdays from `from` to `to`, two lessons each Tuesday and Thursday. */
function lessonDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() === 2 || d.getUTCDay() === 4) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

async function load(database: BrowserApp['database']): Promise<void> {
  await loadAccessFixtures(database);
  const db = database.db;
  // Ylva in year 9 at Exempelskolan, in the class 9B whose mentor is the demo mentor.
  ylva = await addStudent(db, {
    tenantId: kommun,
    givenName: 'Ylva',
    familyName: 'Ytterström',
    schoolUnitId: skolan79,
    schoolType: 'GR',
    schoolYear: 9,
    startDate: '2024-08-15',
    endDate: '2025-06-14',
  });
  await db.execute(
    sql`UPDATE persons SET civic_no = ${ylvaCivic}, civic_no_kind = 'personnummer' WHERE tenant_id = ${kommun}::uuid AND id = ${ylva}::uuid`,
  );
  const group = '9b000000-0000-4000-8000-000000000001';
  await db.execute(sql`INSERT INTO groups (tenant_id, id, display_name, group_type, organisation_id, start_date, end_date, source_modified)
                       VALUES (${kommun}::uuid, ${group}::uuid, '9B', 'Klass', ${skolan79}::uuid, '2024-08-15', '2025-06-14', now())`);
  await db.execute(sql`INSERT INTO group_memberships (tenant_id, group_id, person_id, start_date, end_date)
                       VALUES (${kommun}::uuid, ${group}::uuid, ${ylva}::uuid, '2024-08-15', '2025-06-14')`);
  await db.execute(sql`INSERT INTO duty_assignments (tenant_id, duty_id, group_id, assignment_role_type, start_date, end_date)
                       SELECT d.tenant_id, d.id, ${group}::uuid, 'Mentor', '2024-08-15', '2025-06-14'
                         FROM duties d JOIN role_assignments ra ON ra.tenant_id = d.tenant_id AND ra.person_id = d.person_id
                         JOIN accounts a ON a.id = ra.account_id AND a.username = 'mentor' LIMIT 1`);
  // The åtgärdsprogram decided in February, and absence that rose: one lesson in ten missed in the autumn, four in the spring.
  const specialpedagog = await accountId(database, 'specialpedagog');
  const caseId = await createCase(db, {
    tenantId: kommun,
    studentId: ylva,
    schoolUnitId: skolan79,
    responsibleId: specialpedagog,
    openedOn: '2025-01-20',
  });
  await db.insert(actionProgrammes).values({
    tenantId: kommun,
    caseId,
    studentId: ylva,
    needs: 'Struktur i matematik och stöd att komma i gång på morgonen.',
    studentViews: 'Vill ha en veckoplanering.',
    guardianViews: 'Stöttar morgnarna.',
    decidedOn: '2025-02-10',
    decidedBy: 'Rektor',
    evaluationOn: '2025-05-30',
    updatedBy: specialpedagog,
  });
  await recordLessons(db, {
    tenantId: kommun,
    studentId: ylva,
    lessons: [
      ...lessonDays('2024-09-02', '2024-12-19').map((date, i) => (i % 10 === 0 ? { date, invalid: 80 } : { date })),
      ...lessonDays('2025-01-09', '2025-05-16').map((date, i) => (i % 10 < 4 ? { date, valid: 80 } : { date })),
    ],
  });
  // Four handovers Exempelskolan sent and had confirmed earlier this spring: with Ylva's the fifth, the count is shown.
  for (const n of [1, 2, 3, 4])
    await db.insert(handovers).values({
      tenantId: kommun,
      direction: 'sent',
      status: 'confirmed',
      route: 'year9-to-upper-secondary',
      civicNo: '20080101238' + String(n),
      givenName: `Elev ${n}`,
      familyName: 'Tidigare',
      fromOrganiserId: kommun,
      fromOrganiserName: 'Exempel kommun',
      fromUnitId: skolan79,
      fromUnitName: 'Exempelskolan 7–9',
      toOrganiserId: friskola,
      toOrganiserName: 'Friskolan',
      toUnitId: friGymnasium,
      toUnitName: 'Friskolans gymnasium',
      facts: emptyFacts(),
      content: emptyContent(),
      sentAt: '2025-04-10T10:00:00Z',
      confirmedAt: '2025-04-14T10:00:00Z',
      dedupeKey: `earlier-${n}`,
    });
  await setRoleUnits(db, { tenantId: friskola, accountId: await accountId(database, 'fri-rektor'), unitIds: [friGymnasium] });
}

const skip = browserUnavailable();
const env = skip ? null : await startBrowserApp(load, { clock: () => now });

test(
  "the issue's walk: a pre-filled draft completed and sent after admission, receipt, the transition meeting, the follow-up four weeks on, the overview",
  { skip: skip ?? false },
  async () => {
    // Before admission: no draft for Ylva, and the upper-secondary principal sees nothing.
    let principal = await signedIn(env!, 'fri-rektor', now);
    await openHandoverList(principal, 'Mottagna');
    await principal.getByText('Inga överlämningar.').waitFor();
    await assertAccessible(principal, 'Överlämningar: mottagna, tom');
    await assertReadable(principal, 'mottagna, tom');
    const mentor = await signedIn(env!, 'mentor', now);
    await openHandoverList(mentor, 'Att skicka');
    assert.equal(await mentor.getByRole('link', { name: /Ylva/ }).count(), 0, 'no draft before a placement exists');

    // The independent organiser admits her (SS 12000 delivers the enrolment): now the mentor has a pre-filled draft.
    const admitted = await addStudent(env!.database.db, {
      tenantId: friskola,
      givenName: 'Ylva',
      familyName: 'Ytterström',
      schoolUnitId: friGymnasium,
      schoolType: 'GY',
      schoolYear: 1,
      startDate: '2025-08-18',
    });
    await env!.database.db.execute(
      sql`UPDATE persons SET civic_no = ${ylvaCivic} WHERE tenant_id = ${friskola}::uuid AND id = ${admitted}::uuid`,
    );
    await openHandoverList(mentor, 'Att skicka');
    const item = mentor.locator('.handover-list li').filter({ hasText: 'Ylva' });
    await item.waitFor();
    assert.match(await item.innerText(), /Varför: Åtgärdsprogram, Hög frånvaro senaste läsåret/);
    await assertAccessible(mentor, 'Överlämningar: att skicka');
    await assertReadable(mentor, 'att skicka');
    await mentor.getByRole('link', { name: 'Öppna överlämningen för Ylva Ytterström' }).click();
    await mentor.getByRole('heading', { level: 1, name: 'Överlämning för Ylva Ytterström' }).waitFor();
    assert.match(await mentor.getByLabel('Särskilt stöd och åtgärdsprogram').inputValue(), /Åtgärdsprogram beslutat 2025-02-10/);
    assert.match(await mentor.getByLabel('Kunskapsutveckling, betyg och behörighet').inputValue(), /Frånvaro senaste året: \d+ %/);
    await assertAccessible(mentor, 'Överlämning: utkast');
    await assertReadable(mentor, 'utkast');

    // A text too long: refused at its field, named as the form names it.
    const strengths = mentor.getByLabel('Styrkor och intressen');
    await strengths.fill('x'.repeat(4001));
    await mentor.getByRole('button', { name: 'Spara' }).click();
    await mentor.locator('#handover-strengths[aria-invalid="true"]').waitFor();
    assert.match(await mentor.locator('main').innerText(), /Styrkor och intressen/);
    await assertAccessible(mentor, 'Överlämning: fel vid fältet');

    await mentor.getByLabel('Styrkor och intressen').fill('Tycker om bild och musik; arbetar bra i mindre grupp.');
    await mentor
      .getByLabel('Vad eleven och vårdnadshavarna har fått veta')
      .fill('Eleven och vårdnadshavarna informerades vid utvecklingssamtalet i maj.');
    await mentor.getByRole('button', { name: 'Skicka till den mottagande skolan' }).click();
    await mentor.getByText('Överlämningen är skickad.').waitFor();
    assert.match(await mentor.locator('main').innerText(), /Läge: Skickad, inte bekräftad/);
    await assertAccessible(mentor, 'Överlämning: skickad');
    await assertReadable(mentor, 'skickad');
    // Sent twice: the second is refused in plain Swedish, and one handover is kept.
    const [sent] = await queryRows<{ id: string; version: number }>(
      env!.database.db,
      sql`SELECT id, version FROM handovers WHERE tenant_id = ${kommun}::uuid AND student_id = ${ylva}::uuid AND direction = 'sent'`,
    );
    const csrf = (await mentor.context().cookies()).find((c) => c.name === 'fullfolj_csrf')?.value ?? '';
    const twice = await mentor.request.post(`/api/handovers/${sent!.id}/send`, {
      data: { version: sent!.version },
      headers: { 'x-fullfolj-csrf': csrf },
    });
    assert.equal(twice.status(), 409);
    assert.match((await twice.json()).error, /Överlämningen är redan skickad; den skickas bara en gång\./);
    const [copies] = await queryRows<{ n: number }>(
      env!.database.db,
      sql`SELECT count(*)::int AS n FROM handovers WHERE civic_no = ${ylvaCivic} AND direction = 'received'`,
    );
    assert.equal(copies!.n, 1);

    // After admission the principal sees it, confirms receipt and holds the transition meeting.
    await openHandoverList(principal, 'Mottagna');
    await principal.getByRole('link', { name: 'Öppna överlämningen för Ylva Ytterström' }).click();
    await principal.getByRole('heading', { level: 1, name: 'Överlämning för Ylva Ytterström' }).waitFor();
    assert.match(await principal.locator('main').innerText(), /Tycker om bild och musik/);
    await principal.getByRole('button', { name: 'Bekräfta mottagandet' }).click();
    await principal.getByText('Mottagandet är bekräftat.').waitFor();
    await principal.getByLabel('Datum för övergångsmötet').fill('2025-05-20');
    await principal.getByLabel('Deltagare').fill('Ylva, vårdnadshavare, mentor, specialpedagog');
    await principal.getByLabel('Anteckningar').fill('Gick igenom åtgärdsprogrammet och veckoplaneringen.');
    await principal
      .getByLabel('Vad den mottagande skolan gör')
      .fill('Mentorn gör en veckoplanering med Ylva; stöd i matematik från start.');
    await principal.getByRole('button', { name: 'Spara mötet' }).click();
    await principal.getByText('Sparat.').waitFor();
    await assertAccessible(principal, 'Överlämning: mottagen, möte');
    await assertReadable(principal, 'mottagen, möte');

    // Four weeks after the start: her lessons at the new school, then the follow-up shows the attendance since the start.
    now = new Date('2025-09-16T10:00:00+02:00');
    await recordLessons(env!.database.db, {
      tenantId: friskola,
      studentId: admitted,
      lessons: lessonDays('2025-08-19', '2025-09-12').map((date, i) => (i % 10 === 0 ? { date, valid: 80 } : { date })),
    });
    // Months later the session has expired: the principal signs in again and opens the handover.
    const handoverPath = new URL(principal.url()).pathname;
    principal = await signedIn(env!, 'fri-rektor', now);
    await principal.goto(handoverPath);
    await principal.getByRole('heading', { level: 1, name: 'Överlämning för Ylva Ytterström' }).waitFor();
    await principal.getByLabel('Fortsatte anpassningarna?').selectOption({ label: 'Ja, anpassningarna fortsatte' });
    await principal.getByLabel('Uppföljning', { exact: true }).fill('Veckoplaneringen används; närvaron är god.');
    await principal.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await principal.getByText('Sparat.').waitFor();
    await principal.getByText(/Närvaro sedan starten: 8\d/).waitFor();
    await assertAccessible(principal, 'Överlämning: uppföljning');
    await assertReadable(principal, 'uppföljning');
    await openHandoverList(principal, 'Mottagna');
    assert.match(await principal.locator('.handover-list').innerText(), /Mottagandet bekräftat · Övergångsmöte hållet · Uppföljning gjord/);

    // The municipality's overview: Exempelskolan's five handovers, all confirmed (fewer than five would be hidden).
    const analyst = await signedIn(env!, 'analytiker', now);
    await analyst.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Överlämningar – översikt' }).click();
    const row = analyst.getByRole('row', { name: /^Exempelskolan 7–9/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.deepEqual([cells[0], cells[2]], ['5', '5'], `sent and confirmed: ${cells.join(' | ')}`);
    await assertAccessible(analyst, 'Överlämningar: översikt');
    await assertReadable(analyst, 'översikt');
  },
);
