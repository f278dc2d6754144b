import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, accountId, fixtureClock, friskola, kommun, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addRisk, addStudent, setEpisodeOnset, setRoleUnits } from '../../../../test/support/factories/index.ts';
import { queryRows } from '../../db/client.ts';
import { caseEvents, caseInterventions } from '../../db/schema/index.ts';
import { buildApp } from '../../app.ts';
import { refreshTenant } from '../early-warning/refresh.ts';
import { loadScenario, scenarioDate } from '../early-warning/test-scenario.ts';
import { addCase } from './reporting-fixtures.ts';

// The scenario on 2024-10-01: Alva and Eva in tier 3, Bo in tier 2, Cem in tier 1, all at Exempelgymnasiet with
// indicators that started today. Alva has an open case (an intervention that ended on 20 September without an
// evaluation, one follow-up overdue and one ahead); Cem's case is in follow-up; Dana's (the other organiser) is open.
const unit = 'a0000000-0000-4000-8000-000000000002';
const otherUnit = 'a0000000-0000-4000-8000-000000000003';
const friUnit = 'a1000000-0000-4000-8000-000000000002';
const database = await createTestDatabase();
await loadScenario(database);
await database.db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
const kuratorId = await accountId(database, 'kurator');
const alvaCase = await addCase(database.db, {
  tenantId: kommun,
  studentId: students.alva,
  schoolUnitId: unit,
  responsibleId: kuratorId,
  openedOn: '2024-09-02',
  onset: '2024-08-30',
  interventions: [
    {
      methodSlug: 'check-and-connect',
      startDate: '2024-09-05',
      endDate: '2024-09-20',
      followUps: [{ dueOn: '2024-09-25' }, { dueOn: '2024-10-10' }],
    },
  ],
});
const cemCase = await addCase(database.db, {
  tenantId: kommun,
  studentId: students.cem,
  schoolUnitId: unit,
  responsibleId: kuratorId,
  openedOn: '2024-09-01',
  status: 'follow-up',
});
const friKurator = await accountId(database, 'fri-kurator');
await addCase(database.db, {
  tenantId: friskola,
  studentId: students.dana,
  schoolUnitId: friUnit,
  responsibleId: friKurator,
  openedOn: '2024-09-02',
  interventions: [{ title: 'Samtal', startDate: '2024-09-02', endDate: '2024-09-10', followUps: [{ dueOn: '2024-09-12' }] }],
});

const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const kurator = await signIn(app, 'kurator');
const mentor = await signIn(app, 'mentor');
const teacher = await signIn(app, 'larare');
const outsider = await signIn(app, 'fri-kurator');
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string> = {}, payload?: unknown) =>
  app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const lastLog = async () => (await accessLogRows(database)).at(-1);
const fields = (res: { json(): { fields?: { field: string }[] } }) => res.json().fields?.map((f) => f.field);
const meetingCount = async () => (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM team_meetings`))[0]?.n;

let meetingId = '';

test('POST /api/interventions/meetings: 401, 400 naming the field, 403 without the permission, 403 naming schoolUnitId (logged), 201 with the agenda (logged with its students)', async () => {
  const body = { schoolUnitId: unit, heldOn: scenarioDate };
  assert.equal((await call('POST', '/api/interventions/meetings', { 'x-fullfolj-csrf': '1' }, body)).statusCode, 401);
  const bad = await call('POST', '/api/interventions/meetings', kurator.headers, { ...body, heldOn: '1 oktober' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(fields(bad), ['heldOn']);
  assert.deepEqual(
    fields(await call('POST', '/api/interventions/meetings', kurator.headers, { ...body, heldOn: '2026-02-30' })),
    ['heldOn'],
    'a day that does not exist',
  );
  assert.deepEqual(
    fields(await call('POST', '/api/interventions/meetings', kurator.headers, { ...body, heldOn: '0001-01-01' })),
    ['heldOn'],
    'year 1',
  );
  assert.equal(
    (await call('POST', '/api/interventions/meetings', mentor.headers, body)).statusCode,
    403,
    'a mentor reads cases but does not change them',
  );
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['interventions.write', 'denied']);
  const elsewhere = await call('POST', '/api/interventions/meetings', kurator.headers, { ...body, schoolUnitId: otherUnit });
  assert.equal(elsewhere.statusCode, 403);
  assert.deepEqual(fields(elsewhere), ['schoolUnitId']);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['interventions.meeting.create', 'denied']);
  const foreign = await call('POST', '/api/interventions/meetings', outsider.headers, body);
  assert.equal(foreign.statusCode, 403);
  assert.deepEqual(fields(foreign), ['schoolUnitId']);
  assert.equal(await meetingCount(), 0, 'no meeting was created by the refusals');

  const res = await call('POST', '/api/interventions/meetings', kurator.headers, body);
  assert.equal(res.statusCode, 201, res.body);
  meetingId = res.json().id;
  const [stored] = await queryRows<{ agenda: Record<string, { studentId: string }[]> }>(
    database.db,
    sql`SELECT agenda FROM team_meetings WHERE id = ${meetingId}::uuid`,
  );
  assert.ok(stored);
  // Only ids (and dates) are stored: no names.
  assert.ok(!JSON.stringify(stored.agenda).match(/Testsson|Provsson|Exempel|Utanför/));
  assert.deepEqual(
    stored.agenda.newFlags?.map((f) => f.studentId).sort(),
    [students.bo, students.eva].sort(),
    'tier 2–3 without a case; Alva has one, Cem is tier 1',
  );
  const log = await lastLog();
  assert.deepEqual(
    [log?.action, log?.outcome, log?.subject_ids],
    ['interventions.meeting.create', 'allowed', [students.alva, students.bo, students.cem, students.eva].sort()],
  );
});

test('GET /api/interventions/meetings/:id: the agenda with names and current state, decisions from case changes; 404 for another organiser (logged)', async () => {
  // Decisions taken at the meeting, recorded on the case with the meeting's id (as the case routes do).
  const [decided] = await database.db
    .insert(caseInterventions)
    .values({
      tenantId: kommun,
      caseId: cemCase.caseId,
      studentId: students.cem,
      title: 'Stödsamtal',
      goal: 'Må bättre',
      actions: 'Kurator varje vecka',
      responsibleId: kuratorId,
      startDate: '2024-10-02',
      meetingId,
      createdBy: kuratorId,
    })
    .returning({ id: caseInterventions.id });
  await database.db.insert(caseEvents).values({
    tenantId: kommun,
    caseId: alvaCase.caseId,
    studentId: students.alva,
    at: '2024-10-01T09:30:00Z',
    accountId: kuratorId,
    kind: 'case-updated',
    meetingId,
    changes: { status: ['in-progress', 'follow-up'] },
  });

  assert.equal((await call('GET', `/api/interventions/meetings/${meetingId}`)).statusCode, 401);
  const bad = await call('GET', '/api/interventions/meetings/nope', kurator.headers);
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(fields(bad), ['id']);
  assert.equal((await call('GET', `/api/interventions/meetings/${meetingId}`, teacher.headers)).statusCode, 403);
  const foreign = await call('GET', `/api/interventions/meetings/${meetingId}`, outsider.headers);
  assert.equal(foreign.statusCode, 404);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.tenant_id],
    ['interventions.meeting', 'denied', friskola],
  );

  const res = await call('GET', `/api/interventions/meetings/${meetingId}`, kurator.headers);
  assert.equal(res.statusCode, 200, res.body);
  const m = res.json();
  assert.deepEqual([m.schoolUnit.id, m.heldOn, m.status, m.version], [unit, scenarioDate, 'planned', 1]);
  const flags = Object.fromEntries(
    m.agenda.newFlags.map((f: { student: { id: string; name: string }; tier: number; onset: string }) => [
      f.student.name,
      [f.tier, f.onset],
    ]),
  );
  assert.deepEqual(flags, { 'Bo Provsson': [2, scenarioDate], 'Eva Utanför': [3, scenarioDate] });
  assert.deepEqual(
    m.agenda.overdueFollowUps.map((f: { followUpId: string; title: string; student: { name: string } }) => [
      f.followUpId,
      f.title,
      f.student.name,
    ]),
    [[alvaCase.followUpIds[0], 'Check & Connect', 'Alva Testsson']],
    'the follow-up of 25 September; the one on 10 October is not due',
  );
  assert.deepEqual(
    m.agenda.toEvaluate.map((e: { caseId: string; interventionId: string | null; reason: string }) => [
      e.caseId,
      e.interventionId,
      e.reason,
    ]),
    [
      [alvaCase.caseId, alvaCase.interventionIds[0], 'ended'],
      [cemCase.caseId, null, 'follow-up'],
    ],
  );
  assert.equal(m.agenda.hidden, 0);
  assert.deepEqual(
    m.decisions.map(
      (d: {
        student: { name: string };
        intervention: { title: string } | null;
        responsible: { id: string };
        date: string;
        kind: string;
      }) => [d.student.name, d.intervention?.title ?? null, d.responsible.id, d.date, d.kind],
    ),
    [
      ['Alva Testsson', null, kuratorId, scenarioDate, 'case-updated'],
      ['Cem Exempel', 'Stödsamtal', kuratorId, '2024-10-02', 'intervention-added'],
    ],
  );
  assert.equal(m.decisions[1].intervention.id, decided?.id);
  const log = await lastLog();
  assert.deepEqual(
    [log?.action, log?.outcome, log?.subject_ids],
    ['interventions.meeting', 'allowed', [students.alva, students.bo, students.cem, students.eva].sort()],
  );
});

test("GET /api/interventions/meetings/:id resolves names only for the reader's students: a mentor at the unit does not see Eva", async () => {
  const mentorAccount = await accountId(database, 'mentor');
  await setRoleUnits(database.db, { tenantId: kommun, accountId: mentorAccount, unitIds: [unit] });
  const mentorAtUnit = await signIn(app, 'mentor');
  const res = await call('GET', `/api/interventions/meetings/${meetingId}`, mentorAtUnit.headers);
  assert.equal(res.statusCode, 200);
  const m = res.json();
  assert.ok(!JSON.stringify(m).includes('Utanför') && !JSON.stringify(m).includes(students.eva), "Eva is in none of the mentor's groups");
  assert.equal(m.agenda.hidden, 1);
  assert.ok(!(await lastLog())?.subject_ids.includes(students.eva));
  await setRoleUnits(database.db, { tenantId: kommun, accountId: mentorAccount, unitIds: [] });
  assert.equal(
    (await call('GET', `/api/interventions/meetings/${meetingId}`, mentor.headers)).statusCode,
    404,
    'without the unit, no meeting',
  );
});

test("GET /api/interventions/meetings: the actor's units; 403 naming schoolUnitId for another unit (logged); the outsider sees none of them", async () => {
  assert.equal((await call('GET', '/api/interventions/meetings')).statusCode, 401);
  const bad = await call('GET', '/api/interventions/meetings?schoolUnitId=x', kurator.headers);
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(fields(bad), ['schoolUnitId']);
  assert.equal((await call('GET', '/api/interventions/meetings', teacher.headers)).statusCode, 403);
  const elsewhere = await call('GET', `/api/interventions/meetings?schoolUnitId=${otherUnit}`, kurator.headers);
  assert.equal(elsewhere.statusCode, 403);
  assert.deepEqual(fields(elsewhere), ['schoolUnitId']);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['interventions.meetings', 'denied']);
  const res = await call('GET', `/api/interventions/meetings?schoolUnitId=${unit}`, kurator.headers);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(
    res.json().items.map((i: { id: string; schoolUnit: { name: string }; status: string }) => [i.id, i.status]),
    [[meetingId, 'planned']],
  );
  assert.deepEqual((await call('GET', '/api/interventions/meetings', outsider.headers)).json().items, []);
  assert.equal((await call('GET', `/api/interventions/meetings?schoolUnitId=${unit}`, outsider.headers)).statusCode, 403);
});

test('PATCH /api/interventions/meetings/:id: minutes, attendees and status under the version; 409 when stale; 400 naming the attendee; outsider 404 changes nothing', async () => {
  const url = `/api/interventions/meetings/${meetingId}`;
  const rektorId = await accountId(database, 'rektor');
  assert.equal((await call('PATCH', url, { 'x-fullfolj-csrf': '1' }, { version: 1 })).statusCode, 401);
  const noVersion = await call('PATCH', url, kurator.headers, { minutes: 'x' });
  assert.equal(noVersion.statusCode, 400);
  assert.deepEqual(fields(noVersion), ['version']);
  assert.deepEqual(fields(await call('PATCH', url, kurator.headers, { version: 1e12 })), ['version'], 'beyond an integer column');
  assert.deepEqual(fields(await call('PATCH', url, kurator.headers, { version: 1, minutes: 'a'.repeat(20_001) })), ['minutes']);
  assert.deepEqual(
    fields(await call('PATCH', url, kurator.headers, { version: 1, attendeeIds: Array.from({ length: 41 }, () => rektorId) })),
    ['attendeeIds'],
  );
  const stranger = await call('PATCH', url, kurator.headers, { version: 1, attendeeIds: [rektorId, friKurator] });
  assert.equal(stranger.statusCode, 400);
  assert.deepEqual(fields(stranger), ['attendeeIds.1']);
  assert.equal((await call('PATCH', url, mentor.headers, { version: 1, minutes: 'x' })).statusCode, 403);
  const foreign = await call('PATCH', url, outsider.headers, { version: 1, minutes: 'Ändrat utifrån' });
  assert.equal(foreign.statusCode, 404);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['interventions.meeting.update', 'denied']);

  const ok = await call('PATCH', url, kurator.headers, {
    version: 1,
    minutes: 'Beslut: stödsamtal för Cem.',
    attendeeIds: [kuratorId, rektorId],
    status: 'held',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { id: meetingId, version: 2 });
  const stale = await call('PATCH', url, kurator.headers, { version: 1, minutes: 'Äldre text' });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().version, 2);
  const m = (await call('GET', url, kurator.headers)).json();
  assert.deepEqual(
    [m.minutes, m.status, m.version, m.attendees.map((a: { id: string }) => a.id)],
    ['Beslut: stödsamtal för Cem.', 'held', 2, [kuratorId, rektorId]],
  );
  assert.equal(m.attendees[1].name, 'Demo: Rektor');
});

test('the agenda keeps every tier-2/3 student without an open case until the team decides; "Sedan" is the worklist\'s onset', async () => {
  // Eva's indicators started long before (one in June, one now): she must not drop out of later agendas, and her onset
  // is the earliest active one, as the worklist shows it. A case of hers closed before her latest indicator is no
  // decision about it; Bo's case closed after his onset is one, so he leaves the agenda.
  const [first] = await queryRows<{ indicator: string }>(
    database.db,
    sql`
    SELECT indicator FROM indicator_episodes WHERE student_id = ${students.eva}::uuid AND status = 'active' AND counts ORDER BY indicator LIMIT 1`,
  );
  await setEpisodeOnset(database.db, { tenantId: kommun, studentId: students.eva, indicator: first!.indicator, onset: '2024-06-03' });
  await addCase(database.db, {
    tenantId: kommun,
    studentId: students.eva,
    schoolUnitId: unit,
    responsibleId: kuratorId,
    openedOn: '2024-03-01',
    status: 'closed',
    closedOn: '2024-05-01',
  });
  const agendaOf = async (id: string) => (await call('GET', `/api/interventions/meetings/${id}`, kurator.headers)).json().agenda;
  const onsets = (agenda: { newFlags: { student: { id: string }; onset: string }[] }) =>
    Object.fromEntries(agenda.newFlags.map((f) => [f.student.id, f.onset]));

  const next = await call('POST', '/api/interventions/meetings', kurator.headers, { schoolUnitId: unit, heldOn: '2024-11-15' });
  assert.equal(next.statusCode, 201);
  const later = await call('POST', '/api/interventions/meetings', kurator.headers, { schoolUnitId: unit, heldOn: '2024-12-31' });
  assert.deepEqual(onsets(await agendaOf(next.json().id)), { [students.bo]: scenarioDate, [students.eva]: '2024-06-03' });
  assert.deepEqual(
    onsets(await agendaOf(later.json().id)),
    { [students.bo]: scenarioDate, [students.eva]: '2024-06-03' },
    'no decision yet: they stay on every agenda, however long ago they were flagged',
  );
  const worklist = (await call('GET', `/api/early-warning/worklist?schoolUnitId=${unit}&minTier=2`, kurator.headers)).json();
  const eva = worklist.items.find((i: { id: string }) => i.id === students.eva);
  assert.equal(eva?.onset, '2024-06-03', 'the worklist shows the same onset');

  await addCase(database.db, {
    tenantId: kommun,
    studentId: students.bo,
    schoolUnitId: unit,
    responsibleId: kuratorId,
    openedOn: '2024-10-02',
    status: 'closed',
    closedOn: '2024-10-03',
  });
  const decided = await call('POST', '/api/interventions/meetings', kurator.headers, { schoolUnitId: unit, heldOn: '2025-01-15' });
  assert.deepEqual(Object.keys(onsets(await agendaOf(decided.json().id))), [students.eva], "Bo's case was closed after his flag: decided");
});

test('decisions taken through the case routes with meetingId: a case opened for Eva, an intervention, a note (its text never shown)', async () => {
  const held = await call('POST', '/api/interventions/meetings', kurator.headers, { schoolUnitId: unit, heldOn: scenarioDate });
  const id = held.json().id;
  const opened = await call('POST', '/api/interventions/cases', kurator.headers, {
    studentId: students.eva,
    reason: 'Lång ogiltig frånvaro',
    level: 'remedying',
    responsibleId: kuratorId,
    openedFrom: 'flag',
  });
  assert.equal(opened.statusCode, 201, opened.body);
  const caseId = opened.json().id;
  const added = await call('POST', `/api/interventions/cases/${caseId}/interventions`, kurator.headers, {
    title: 'Hembesök',
    goal: 'Eva tillbaka i skolan',
    actions: 'Kurator och mentor besöker hemmet',
    responsibleId: kuratorId,
    startDate: '2024-10-03',
    followUpDates: ['2024-10-17'],
    meetingId: id,
  });
  assert.equal(added.statusCode, 201, added.body);
  const note = await call('POST', `/api/interventions/cases/${caseId}/notes`, kurator.headers, {
    body: 'Oro hemma (syntetiskt).',
    sensitive: true,
    meetingId: id,
  });
  assert.equal(note.statusCode, 201, note.body);
  const m = (await call('GET', `/api/interventions/meetings/${id}`, kurator.headers)).json();
  const decisions = m.decisions.map(
    (d: { kind: string; student: { name: string }; intervention: { title: string } | null; responsible: { id: string }; date: string }) => [
      d.kind,
      d.student.name,
      d.intervention?.title ?? null,
      d.responsible.id,
      d.date,
    ],
  );
  assert.deepEqual(
    decisions.filter((d: string[]) => d[0] === 'intervention-added'),
    [['intervention-added', 'Eva Utanför', 'Hembesök', kuratorId, '2024-10-03']],
  );
  assert.ok(
    decisions.some((d: string[]) => d[0] === 'note-added' && d[1] === 'Eva Utanför'),
    JSON.stringify(decisions),
  );
  assert.ok(!JSON.stringify(m).includes('Oro hemma'), "a note's text is never a decision's");
  assert.ok(
    m.agenda.newFlags.some((f: { student: { id: string }; caseId: string | null }) => f.student.id === students.eva && f.caseId === caseId),
    'the agenda links the case opened since',
  );
});

test('the team records that no case is needed: a case opened from the flag and closed at once with its reason and the meeting; the student leaves later agendas and the decision is listed', async () => {
  // A tier-2 student of the unit with no case at all (the others here have cases by now).
  const ylva = await addStudent(database.db, { tenantId: kommun, givenName: 'Ylva', familyName: 'Beslutad', schoolUnitId: unit });
  await addRisk(database.db, { tenantId: kommun, studentId: ylva, asOf: scenarioDate, schoolUnitId: unit, tier: 2, flags: ['attendance'] });
  const onAgenda = async (id: string) =>
    (await call('GET', `/api/interventions/meetings/${id}`, kurator.headers))
      .json()
      .agenda.newFlags.some((f: { student: { id: string } }) => f.student.id === ylva);
  const meeting = (await call('POST', '/api/interventions/meetings', kurator.headers, { schoolUnitId: unit, heldOn: scenarioDate })).json();
  assert.equal(await onAgenda(meeting.id), true, 'flagged without a case: on the agenda');

  const opened = await call('POST', '/api/interventions/cases', kurator.headers, {
    studentId: ylva,
    reason: 'Flaggad för frånvaro; teamet bedömer att inget ärende behövs',
    level: 'preventing',
    responsibleId: kuratorId,
    openedFrom: 'flag',
  });
  assert.equal(opened.statusCode, 201, opened.body);
  const caseId = opened.json().id;
  const closed = await call('PATCH', `/api/interventions/cases/${caseId}`, kurator.headers, {
    version: 1,
    status: 'closed',
    closingReason: 'no-longer-needed',
    closingNote: 'Frånvaron förklarad av en planerad operation (syntetiskt).',
    meetingId: meeting.id,
  });
  assert.equal(closed.statusCode, 200, closed.body);
  assert.equal((await lastLog())?.outcome, 'allowed', 'the decision is logged');

  const decisions = (await call('GET', `/api/interventions/meetings/${meeting.id}`, kurator.headers)).json().decisions;
  assert.ok(
    decisions.some((d: { kind: string; caseId: string }) => d.kind === 'case-closed' && d.caseId === caseId),
    JSON.stringify(decisions),
  );
  const next = (await call('POST', '/api/interventions/meetings', kurator.headers, { schoolUnitId: unit, heldOn: '2024-10-15' })).json();
  assert.equal(await onAgenda(next.id), false, 'decided: not on the next agenda');
});
