import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pdfText } from '../../../../test/support/pdf-text.ts';
import { sql } from 'drizzle-orm';
import { accessLogRows, fixtureClock, friskola, kommun, loadAccessFixtures, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { updateCase } from '../../../../test/support/factories/index.ts';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../app.ts';
import { openAlvaCase, plainNoteText, sensitiveNoteText } from './test-fixtures.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const fixture = await openAlvaCase(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const kurator = await signIn(app, 'kurator');
const lastLog = async () => (await accessLogRows(database)).at(-1);
const programmeUrl = `/api/interventions/cases/${fixture.caseId}/action-programme`;
const programme = {
  needs: 'Alva behöver stöd att komma till skolan och att planera sina studier.',
  studentViews: 'Alva vill börja senare på måndagar och träffa kuratorn varje vecka.',
  guardianViews: 'Vårdnadshavarna deltog på mötet och vill bli kontaktade vid frånvaro.',
  decidedOn: '2024-10-01',
  decidedBy: 'Rektor Demo',
  evaluationOn: '2024-12-13',
};
const put = (headers: Record<string, string>, payload: Record<string, unknown>) =>
  app.inject({ method: 'PUT', url: programmeUrl, headers, payload });
const get = async (url: string, username?: string) =>
  app.inject({ method: 'GET', url, headers: username ? (await signIn(app, username)).headers : {} });

test('PUT action-programme: 401, 400 naming the field, 403, 404 for the other organiser (logged, nothing saved), 200 with an event; stale version 409', async () => {
  assert.equal((await get(`${programmeUrl}.pdf`, 'kurator')).statusCode, 404, 'no programme yet');
  assert.equal((await put({ 'x-fullfolj-csrf': '1' }, programme)).statusCode, 401);
  const empty = await put(kurator.headers, { ...programme, needs: ' ' });
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(
    empty.json().fields.map((f: { field: string }) => f.field),
    ['needs'],
  );
  const order = await put(kurator.headers, { ...programme, evaluationOn: '2024-09-01' });
  assert.equal(order.statusCode, 400);
  assert.deepEqual(
    order.json().fields.map((f: { field: string }) => f.field),
    ['evaluationOn'],
  );
  for (const [change, field] of [
    [{ decidedOn: '2024-02-30' }, 'decidedOn'],
    [{ evaluationOn: '0001-01-01' }, 'evaluationOn'],
    [{ decidedBy: 'Rektor\nDemo' }, 'decidedBy'],
    [{ decidedBy: 'a'.repeat(201) }, 'decidedBy'],
    [{ needs: 'a'.repeat(10_001) }, 'needs'],
    [{ version: 2 ** 31 }, 'version'],
  ] as const) {
    const refused = await put(kurator.headers, { ...programme, ...change });
    assert.equal(refused.statusCode, 400, field);
    assert.deepEqual(
      refused.json().fields.map((f: { field: string }) => f.field),
      [field],
    );
  }
  assert.equal(
    (await put((await signIn(app, 'mentor')).headers, programme)).statusCode,
    403,
    'a mentor reads cases but does not write them',
  );
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['interventions.write', 'denied']);
  const outsider = await put((await signIn(app, 'fri-kurator')).headers, programme);
  assert.equal(outsider.statusCode, 404);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.tenant_id],
    ['interventions.action-programme.save', 'denied', friskola],
  );
  assert.equal((await queryRows(database.db, sql`SELECT 1 FROM action_programmes`)).length, 0, 'nothing saved');

  const created = await put(kurator.headers, programme);
  assert.equal(created.statusCode, 200, created.body);
  assert.deepEqual(created.json(), { version: 1 });
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.action-programme.save', 'allowed', [students.alva]],
  );
  const updated = await put(kurator.headers, { ...programme, version: 1, evaluationOn: '2024-12-20' });
  assert.deepEqual(updated.json(), { version: 2 });
  const stale = await put(kurator.headers, { ...programme, version: 1 });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.json().error, /Demo: Kurator/);
  assert.equal((await put(kurator.headers, programme)).statusCode, 409, 'an existing programme needs the version read');
  const events = await queryRows<{ kind: string; changes: Record<string, [unknown, unknown]> }>(
    database.db,
    sql`
    SELECT kind, changes FROM case_events WHERE case_id = ${fixture.caseId}::uuid AND kind = 'action-programme-saved' ORDER BY at, id`,
  );
  assert.equal(events.length, 2);
  assert.ok(events.some((e) => JSON.stringify(e.changes.evaluationOn) === JSON.stringify(['2024-12-13', '2024-12-20'])));
});

test('GET action-programme.pdf: the sections the law asks for, with the student and the measures; 404 for the other organiser', async () => {
  assert.equal((await get(`${programmeUrl}.pdf`)).statusCode, 401);
  assert.equal((await get('/api/interventions/cases/nope/action-programme.pdf', 'kurator')).statusCode, 400);
  assert.equal((await get(`${programmeUrl}.pdf`, 'fri-kurator')).statusCode, 404);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['interventions.action-programme.pdf', 'denied']);
  const res = await get(`${programmeUrl}.pdf`, 'rektor');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const text = pdfText(res.rawPayload);
  for (const section of [
    'Åtgärdsprogram',
    'Uppgifter om eleven',
    'Elevens behov av särskilt stöd',
    'Mål',
    'Åtgärder',
    'Uppföljning och utvärdering',
    'Elevens delaktighet och synpunkter',
    'Vårdnadshavarnas delaktighet och synpunkter',
    'Beslut',
    'Hur man överklagar',
  ]) {
    assert.ok(text.includes(section), `section ${section}`);
  }
  assert.match(text, /Alva/);
  assert.match(text, /20070101-2395/, 'the civic number');
  assert.match(text, /Alva behöver stöd att komma till skolan/);
  assert.match(text, /Närvaro över 90 % till jullovet\./, "the intervention's goal");
  assert.match(text, /2024-10-08: uppföljning av Check & Connect/);
  assert.match(text, /Skolväsendets överklagandenämnd/);
  assert.match(text, /fattades 2024-10-01 av Rektor Demo/);
  assert.match(text.replace(/\s+/g, ' '), /Skolform, årskurs och program: Gymnasieskola, årskurs \d/, 'the school form by its name');
  assert.doesNotMatch(text, /\bGY\b/, "never SS 12000's code");
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.action-programme.pdf', 'allowed', [students.alva]],
  );
});

test('GET summary.pdf: a sensitive note only for the student-health team; the rektor sees that it exists', async () => {
  const forKurator = await get(`/api/interventions/cases/${fixture.caseId}/summary.pdf`, 'kurator');
  assert.equal(forKurator.statusCode, 200);
  const kuratorText = pdfText(forKurator.rawPayload);
  for (const section of ['Sammanfattning av ärende', 'Ärendet', 'Insatser (1)', 'Anteckningar (2)', 'Historik'])
    assert.ok(kuratorText.includes(section), section);
  assert.ok(kuratorText.includes(sensitiveNoteText) && kuratorText.includes(plainNoteText));
  assert.match(kuratorText, /Check & Connect/);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.summary.pdf', 'allowed', [students.alva]],
  );

  // No key, code or id reaches the page: fields and values of the history by their labels, indicators by name.
  await updateCase(
    database.db,
    { tenantId: kommun, caseId: fixture.caseId },
    {
      tierAtOpening: 3,
      indicatorsAtOpening: { flags: ['attendance', 'failed-grades', 'introduction'], onset: '2024-09-02', measures: {} },
    },
  );
  const labelled = pdfText((await get(`/api/interventions/cases/${fixture.caseId}/summary.pdf`, 'kurator')).rawPayload).replace(
    /\s+/g,
    ' ',
  );
  assert.match(labelled, /Samordnat stöd \(nivå 3\): Låg närvaro, F eller streck, Introduktionsprogram/);
  assert.match(
    labelled,
    /Åtgärdsprogrammet sparades \(Elevens behov av särskilt stöd; Elevens delaktighet och synpunkter; Vårdnadshavarnas delaktighet och synpunkter; Beslutsdatum: 2024-10-01; Beslutat av: Rektor Demo/,
  );
  assert.match(labelled, /Ansvarig: Demo: Kurator/, 'people by name');
  assert.doesNotMatch(labelled, /failed-grades|attendance|introduction/);
  assert.doesNotMatch(labelled, /\b[a-z]+[A-Z][A-Za-z]*\b/, 'no field key (decidedBy, studentViews, teamIds …)');
  assert.doesNotMatch(labelled, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'no id');

  const rektorText = pdfText((await get(`/api/interventions/cases/${fixture.caseId}/summary.pdf`, 'rektor')).rawPayload);
  assert.ok(!rektorText.includes(sensitiveNoteText) && !rektorText.includes('oro hemma'), "no part of the sensitive note's text");
  assert.ok(rektorText.includes(plainNoteText));
  assert.match(rektorText, /innehållet visas bara för elevhälsans personal/);

  assert.equal((await get(`/api/interventions/cases/${fixture.caseId}/summary.pdf`, 'fri-kurator')).statusCode, 404);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['interventions.summary.pdf', 'denied']);
  assert.equal((await get(`/api/interventions/cases/${fixture.caseId}/summary.pdf`, 'larare')).statusCode, 403);
});
