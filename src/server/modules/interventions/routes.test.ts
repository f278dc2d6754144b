import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  accessLogRows,
  accountId,
  fixtureClock,
  friskola,
  kommun,
  signIn,
  students,
  type Session,
} from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import {
  enrol,
  removeCase,
  removeEnrolment,
  setEnrolmentEnd,
  setRoleUnits,
  updateRecord,
  updateRisk,
} from '../../../../test/support/factories/index.ts';
import { queryRows } from '../../db/client.ts';
import { cases, roleAssignments } from '../../db/schema/index.ts';
import { buildApp } from '../../app.ts';
import { refreshTenant } from '../early-warning/refresh.ts';
import { loadScenario, scenarioDate } from '../early-warning/test-scenario.ts';
import { exempelgymnasiet, followUpDates, openAlvaCase, plainNoteText, sensitiveNoteText } from './test-fixtures.ts';

const database = await createTestDatabase();
await loadScenario(database);
await database.db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
const fixture = await openAlvaCase(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const sessions = new Map<string, Session>();
const as = async (username: string) => sessions.get(username) ?? sessions.set(username, await signIn(app, username)).get(username)!;
const ids = {
  kurator: await accountId(database, 'kurator'),
  psykolog: await accountId(database, 'psykolog'),
  rektor: await accountId(database, 'rektor'),
  mentor: await accountId(database, 'mentor'),
  friKurator: await accountId(database, 'fri-kurator'),
};
const anonymous = { 'x-fullfolj-csrf': '1' };
const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, who?: string | Record<string, string>, payload?: unknown) => {
  const headers = typeof who === 'string' ? (await as(who)).headers : (who ?? {});
  return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
};
const lastLog = async () => (await accessLogRows(database)).at(-1);
const fieldsOf = (res: { json: () => { fields?: { field: string }[] } }) => res.json().fields?.map((f) => f.field);
const today = scenarioDate;

/** A fingerprint of every case table, to show that a refused request changed nothing. */
const caseTables = async () =>
  await queryRows<{ t: string; n: number; h: string | null }>(
    database.db,
    sql`
  SELECT 'cases' AS t, count(*)::int AS n, md5(string_agg(x::text, ',' ORDER BY x.id)) AS h FROM cases x
  UNION ALL SELECT 'case_interventions', count(*)::int, md5(string_agg(x::text, ',' ORDER BY x.id)) FROM case_interventions x
  UNION ALL SELECT 'intervention_follow_ups', count(*)::int, md5(string_agg(x::text, ',' ORDER BY x.id)) FROM intervention_follow_ups x
  UNION ALL SELECT 'case_notes', count(*)::int, md5(string_agg(x::text, ',' ORDER BY x.id)) FROM case_notes x
  UNION ALL SELECT 'case_events', count(*)::int, md5(string_agg(x::text, ',' ORDER BY x.id)) FROM case_events x`,
  );

/** Opens a case for `studentId` as the kurator and returns its id. */
async function openFor(studentId: string, openedFrom: 'flag' | 'manual' = 'manual') {
  const res = await call('POST', '/api/interventions/cases', 'kurator', {
    studentId,
    reason: 'Test',
    level: 'preventing',
    responsibleId: ids.kurator,
    openedFrom,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

test('GET /api/methods: 401, 400, 403 for a teacher (logged), 200 the nine published methods', async () => {
  assert.equal((await call('GET', '/api/methods')).statusCode, 401);
  assert.deepEqual(fieldsOf(await call('GET', '/api/methods?x=1', 'mentor')), ['x'], 'an unknown parameter is named');
  assert.equal((await call('GET', '/api/methods', 'larare')).statusCode, 403);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['interventions.read', 'denied']);
  const res = await call('GET', '/api/methods', 'mentor');
  assert.equal(res.statusCode, 200);
  const items = res.json().items as { slug: string; name: { sv: string; en: string } }[];
  assert.equal(items.length, 9);
  assert.ok(items.some((m) => m.slug === 'check-and-connect' && m.name.sv && m.name.en));
});

test("POST /api/interventions/cases: 401, 400 naming the field, 403 mentor, 404 another organiser's student, 201 from a flag with the snapshot, 409 naming the open case", async () => {
  const body = {
    studentId: students.eva,
    reason: 'Tio dagars ogiltig frånvaro',
    level: 'remedying',
    responsibleId: ids.kurator,
    openedFrom: 'flag',
  };
  assert.equal((await call('POST', '/api/interventions/cases', anonymous, body)).statusCode, 401);
  assert.deepEqual(fieldsOf(await call('POST', '/api/interventions/cases', 'kurator', { ...body, level: 'urgent' })), ['level']);
  assert.deepEqual(fieldsOf(await call('POST', '/api/interventions/cases', 'kurator', { ...body, reason: '' })), ['reason']);
  assert.equal((await call('POST', '/api/interventions/cases', 'mentor', body)).statusCode, 403);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['interventions.write', 'denied']);
  assert.equal((await call('POST', '/api/interventions/cases', 'larare', body)).statusCode, 403);
  const before = await caseTables();
  const other = await call('POST', '/api/interventions/cases', 'kurator', { ...body, studentId: students.dana });
  assert.equal(other.statusCode, 404);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.case.open', 'denied', [students.dana]],
  );
  assert.deepEqual(fieldsOf(await call('POST', '/api/interventions/cases', 'kurator', { ...body, responsibleId: ids.mentor })), [
    'responsibleId',
  ]);
  assert.deepEqual(
    fieldsOf(await call('POST', '/api/interventions/cases', 'kurator', { ...body, teamIds: [ids.psykolog, ids.friKurator] })),
    ['teamIds.1'],
  );
  assert.deepEqual(await caseTables(), before, 'nothing written by a refusal');

  const res = await call('POST', '/api/interventions/cases', 'kurator', { ...body, teamIds: [ids.psykolog] });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().version, 1);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.case.open', 'allowed', [students.eva]],
  );
  const [stored] = await queryRows<{
    status: string;
    school_unit_id: string;
    tier_at_opening: number;
    indicators_at_opening: { flags: string[]; onset: string };
    opened_on: string;
  }>(
    database.db,
    sql`
    SELECT status, school_unit_id, tier_at_opening, indicators_at_opening, opened_on::text FROM cases WHERE id = ${res.json().id}::uuid`,
  );
  assert.equal(stored?.status, 'opened');
  assert.equal(stored?.school_unit_id, exempelgymnasiet);
  assert.equal(stored?.tier_at_opening, 3);
  const [risk] = await queryRows<{ flags: string[] }>(
    database.db,
    sql`SELECT flags FROM student_risk WHERE student_id = ${students.eva}::uuid`,
  );
  assert.ok(risk && risk.flags.includes('attendance'));
  assert.deepEqual(stored?.indicators_at_opening.flags, risk.flags, 'the flags as early detection had them');
  assert.equal(stored?.indicators_at_opening.onset, scenarioDate);
  assert.equal(stored?.opened_on, today);

  const again = await call('POST', '/api/interventions/cases', 'psykolog', { ...body, openedFrom: 'manual' });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().caseId, res.json().id);
  assert.match(again.json().error, /redan ett öppet ärende/);
});

test('POST /api/interventions/cases: two at once for one student — one 201, one 409 (the open-case index is the last guard)', async () => {
  const body = {
    studentId: students.bo,
    reason: 'Saknad rapportering',
    level: 'preventing',
    responsibleId: ids.kurator,
    openedFrom: 'manual',
  };
  const [a, b] = await Promise.all([
    call('POST', '/api/interventions/cases', 'kurator', body),
    call('POST', '/api/interventions/cases', 'psykolog', body),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [201, 409]);
  const created = [a, b].find((r) => r.statusCode === 201)?.json().id;
  assert.equal([a, b].find((r) => r.statusCode === 409)?.json().caseId, created);
  const [n] = await queryRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM cases WHERE student_id = ${students.bo}::uuid`,
  );
  assert.equal(n?.n, 1);
});

test("a race the check cannot see: another transaction's uncommitted open case makes the opening a 409 once it commits (on PostgreSQL through the open-case index)", async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let inserted!: (id: string) => void;
  const insertedId = new Promise<string>((resolve) => {
    inserted = resolve;
  });
  const other = database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cases)
      .values({
        tenantId: kommun,
        studentId: students.cem,
        schoolUnitId: exempelgymnasiet,
        level: 'preventing',
        reason: 'Samtidigt',
        openedFrom: 'manual',
        responsibleId: ids.psykolog,
        openedOn: today,
        openedBy: ids.psykolog,
      })
      .returning({ id: cases.id });
    inserted(row!.id);
    await held;
  });
  const id = await insertedId;
  const opening = call('POST', '/api/interventions/cases', 'kurator', {
    studentId: students.cem,
    reason: 'Test',
    level: 'preventing',
    responsibleId: ids.kurator,
    openedFrom: 'manual',
  });
  // On PostgreSQL, release only once the opening is blocked behind the uncommitted row (a lock that is not granted);
  // PGlite has one connection, so the opening simply queues behind the held transaction and needs no wait.
  if (database.kind === 'postgres') {
    const waiting = async () =>
      (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`))[0]?.n ?? 0;
    for (const until = Date.now() + 30_000; Date.now() < until && (await waiting()) === 0;)
      await new Promise((resolve) => setImmediate(resolve));
  }
  release();
  await other;
  const res = await opening;
  assert.equal(res.statusCode, 409, res.body);
  assert.equal(res.json().caseId, id);
  await removeCase(database.db, { tenantId: kommun, caseId: id });
});

test('opening from a flag needs a flag: 400 naming openedFrom for a student without one', async () => {
  await updateRisk(database.db, { tenantId: kommun, studentId: students.cem }, { tier: 1, flags: [] });
  const res = await call('POST', '/api/interventions/cases', 'kurator', {
    studentId: students.cem,
    reason: 'Test',
    level: 'promoting',
    responsibleId: ids.kurator,
    openedFrom: 'flag',
  });
  assert.deepEqual(fieldsOf(res), ['openedFrom']);
});

test("the case belongs to the student's current unit among the actor's, not a later enrolment elsewhere", async () => {
  const later = await enrol(database.db, {
    tenantId: kommun,
    personId: students.cem,
    schoolUnitId: 'a0000000-0000-4000-8000-000000000003',
    schoolType: 'GR',
    schoolYear: 9,
    startDate: '2024-09-20',
  });
  const id = await openFor(students.cem);
  const [row] = await queryRows<{ school_unit_id: string }>(database.db, sql`SELECT school_unit_id FROM cases WHERE id = ${id}::uuid`);
  assert.equal(row?.school_unit_id, exempelgymnasiet);
  await removeEnrolment(database.db, { tenantId: kommun, personId: students.cem, ordinal: later });
  const closed = await call('PATCH', `/api/interventions/cases/${id}`, 'kurator', { version: 1, status: 'closed', closingReason: 'other' });
  assert.equal(closed.statusCode, 200, closed.body);
});

test('GET /api/interventions/cases/:id: 401, 400, 403 teacher, 404 out of scope (logged), 200 with interventions, follow-ups, notes and history by name', async () => {
  const url = `/api/interventions/cases/${fixture.caseId}`;
  assert.equal((await call('GET', url)).statusCode, 401);
  assert.deepEqual(fieldsOf(await call('GET', '/api/interventions/cases/nope', 'kurator')), ['id']);
  assert.equal((await call('GET', url, 'larare')).statusCode, 403);
  assert.equal((await call('GET', `/api/interventions/cases/${randomUUID()}`, 'kurator')).statusCode, 404);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.case', 'denied', []],
  );

  const res = await call('GET', url, 'kurator');
  assert.equal(res.statusCode, 200);
  const view = res.json();
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.case', 'allowed', [students.alva]],
  );
  assert.equal(view.status, 'in-progress');
  assert.equal(view.openedFrom, 'flag');
  assert.deepEqual(view.student, {
    id: students.alva,
    name: 'Alva Testsson',
    schoolUnit: { id: exempelgymnasiet, name: 'Exempelgymnasiet' },
  });
  assert.equal(view.atOpening.tier, 3);
  assert.deepEqual(view.responsible, { id: ids.kurator, name: 'Demo: Kurator' });
  assert.deepEqual(view.team, [{ id: ids.psykolog, name: 'Demo: Skolpsykolog' }]);
  const [intervention] = view.interventions;
  assert.equal(intervention.method.slug, 'check-and-connect');
  assert.equal(intervention.status, 'active');
  assert.deepEqual(
    intervention.followUps.map((f: { dueOn: string; overdue: boolean }) => [f.dueOn, f.overdue]),
    [
      [followUpDates.overdue, true],
      [followUpDates.upcoming, false],
      [followUpDates.later, false],
    ],
  );
  assert.deepEqual(
    view.events.map((e: { kind: string }) => e.kind),
    ['case-opened', 'intervention-added', 'case-updated', 'intervention-updated', 'case-updated', 'note-added', 'note-added'],
  );
  assert.deepEqual(view.events.at(-1).by, { id: ids.psykolog, name: 'Demo: Skolpsykolog' });
  // The history as a person reads it: labels and names, never keys, codes or ids.
  assert.deepEqual(view.events[2].changes, [
    {
      field: 'status',
      label: { sv: 'Status', en: 'Status' },
      before: { kind: 'label', label: { sv: 'Öppnat', en: 'Opened' } },
      after: { kind: 'label', label: { sv: 'Planerat', en: 'Planned' } },
    },
  ]);
  assert.deepEqual(view.events[0].kindLabel, { sv: 'Ärendet öppnades', en: 'The case was opened' });
  const opened = Object.fromEntries(
    view.events[0].changes.map((c: { field: string; label: { sv: string }; after: unknown }) => [c.label.sv, c.after]),
  );
  assert.deepEqual(opened.Team, { kind: 'people', people: [{ id: ids.psykolog, name: 'Demo: Skolpsykolog' }] });
  assert.deepEqual(opened.Ansvarig, { kind: 'people', people: [{ id: ids.kurator, name: 'Demo: Kurator' }] });
  assert.deepEqual(opened['Öppnat från'], { kind: 'label', label: { sv: 'Flagga i tidig upptäckt', en: 'Early-detection flag' } });
  assert.deepEqual(opened.Skolenhet, { kind: 'text', text: 'Exempelgymnasiet' });
  const added = Object.fromEntries(view.events[1].changes.map((c: { field: string; after: unknown }) => [c.field, c.after]));
  assert.deepEqual(added.methodId, { kind: 'label', label: { sv: 'Check & Connect', en: 'Check & Connect' } });
  assert.equal(added.followUpDates.kind, 'dates');
  assert.deepEqual(view.can, { write: true, readSensitive: true });
  assert.equal(view.actionProgramme, null);
});

test('sensitive notes: the body for the student-health roles; rektor and mentor see that a note exists, never its text; never in the history', async () => {
  const url = `/api/interventions/cases/${fixture.caseId}`;
  for (const username of ['kurator', 'skolskoterska', 'specialpedagog', 'psykolog', 'syv']) {
    const res = await call('GET', url, username);
    assert.equal(res.statusCode, 200, username);
    const note = res.json().notes.find((n: { id: string }) => n.id === fixture.noteIds.sensitive);
    assert.equal(note.body, sensitiveNoteText, username);
  }
  for (const username of ['rektor', 'mentor']) {
    const res = await call('GET', url, username);
    assert.equal(res.statusCode, 200, username);
    const body = res.json();
    const note = body.notes.find((n: { id: string }) => n.id === fixture.noteIds.sensitive);
    assert.deepEqual(
      { sensitive: note.sensitive, restricted: note.restricted, body: note.body },
      { sensitive: true, restricted: true, body: undefined },
      username,
    );
    assert.equal(body.notes.find((n: { id: string }) => n.id === fixture.noteIds.plain).body, plainNoteText, username);
    assert.ok(!res.body.includes(sensitiveNoteText), `${username}: the text is nowhere in the answer`);
    assert.equal(body.can.readSensitive, false);
  }
  assert.equal((await call('GET', url, 'mentor')).json().can.write, false, 'the mentor reads but does not write');
  const [events] = await queryRows<{ all: string }>(database.db, sql`SELECT string_agg(changes::text, ' ') AS all FROM case_events`);
  assert.ok(!events?.all.includes('oro hemma'), 'no sensitive text in case_events');
});

test('the mentor reads the cases of their mentees and no others; cannot write (403)', async () => {
  const list = await call('GET', '/api/interventions/cases?status=all', 'mentor');
  assert.equal(list.statusCode, 200);
  const students_ = list.json().items.map((i: { student: { id: string } }) => i.student.id);
  assert.ok(students_.includes(students.alva));
  assert.ok(!students_.includes(students.eva), 'Eva is not a mentee');
  const [eva] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM cases WHERE student_id = ${students.eva}::uuid`);
  assert.equal((await call('GET', `/api/interventions/cases/${eva?.id}`, 'mentor')).statusCode, 404);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.case', 'denied', [students.eva]],
  );
  const before = await caseTables();
  assert.equal((await call('PATCH', `/api/interventions/cases/${fixture.caseId}`, 'mentor', { version: 1, reason: 'x' })).statusCode, 403);
  assert.equal(
    (await call('POST', `/api/interventions/cases/${fixture.caseId}/notes`, 'mentor', { body: 'x', sensitive: false })).statusCode,
    403,
  );
  assert.deepEqual(await caseTables(), before);
});

test("GET /api/interventions/cases: 401, 400, 403 teacher, 200 scoped and filtered, logged with the page's students", async () => {
  assert.equal((await call('GET', '/api/interventions/cases')).statusCode, 401);
  assert.deepEqual(fieldsOf(await call('GET', '/api/interventions/cases?status=maybe', 'kurator')), ['status']);
  assert.equal((await call('GET', '/api/interventions/cases', 'larare')).statusCode, 403);
  const res = await call('GET', '/api/interventions/cases', 'kurator');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  const alva = body.items.find((i: { id: string }) => i.id === fixture.caseId);
  assert.deepEqual(
    {
      status: alva.status,
      interventions: alva.interventions,
      next: alva.nextFollowUp,
      overdue: alva.overdueFollowUps,
      tier: alva.tier,
      name: alva.student.name,
    },
    { status: 'in-progress', interventions: 1, next: followUpDates.upcoming, overdue: 1, tier: 3, name: 'Alva Testsson' },
  );
  assert.equal(body.items[0].id, fixture.caseId, 'a case with an overdue follow-up comes first');
  assert.deepEqual((await lastLog())?.subject_ids, body.items.map((i: { student: { id: string } }) => i.student.id).sort());
  const mine = (await call('GET', '/api/interventions/cases?mine=true', 'psykolog')).json();
  assert.ok(
    mine.items.some((i: { id: string }) => i.id === fixture.caseId),
    "psykolog is in Alva's team",
  );
  const searched = (await call('GET', '/api/interventions/cases?q=alva', 'kurator')).json();
  assert.deepEqual(
    searched.items.map((i: { id: string }) => i.id),
    [fixture.caseId],
  );
  const closed = (await call('GET', '/api/interventions/cases?status=closed', 'kurator')).json();
  assert.ok(closed.total >= 1 && closed.items.every((i: { status: string }) => i.status === 'closed'), 'only closed cases');
  assert.ok(
    body.items.every((i: { status: string }) => i.status !== 'closed'),
    'open cases by default',
  );
  const outsider = (await call('GET', '/api/interventions/cases?status=all', 'fri-kurator')).json();
  assert.equal(outsider.total, 0);
});

test('PATCH /api/interventions/cases/:id: optimistic locking — the second of two editors is refused, told who changed it and when, and nothing is overwritten', async () => {
  const url = `/api/interventions/cases/${fixture.caseId}`;
  const { version } = (await call('GET', url, 'kurator')).json();
  assert.deepEqual(fieldsOf(await call('PATCH', url, 'kurator', { reason: 'Utan version' })), ['version']);
  const first = await call('PATCH', url, 'kurator', { version, reason: 'Kuratorns formulering' });
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.case.update', 'allowed', [students.alva]],
  );
  assert.equal(first.json().version, version + 1);
  const second = await call('PATCH', url, 'psykolog', { version, reason: 'Psykologens formulering', level: 'remedying' });
  assert.equal(second.statusCode, 409);
  assert.match(second.json().error, /Demo: Kurator 2024-10-01 kl\. 10:00/);
  assert.equal(second.json().version, version + 1);
  const after = (await call('GET', url, 'kurator')).json();
  assert.equal(after.reason, 'Kuratorns formulering');
  assert.equal(after.level, 'preventing');
  assert.deepEqual(
    after.events.at(-1).changes.map((c: { field: string; before: unknown; after: unknown }) => [c.field, c.before, c.after]),
    [['reason', { kind: 'text', text: 'Hög ogiltig frånvaro sedan skolstarten.' }, { kind: 'text', text: 'Kuratorns formulering' }]],
  );

  // Both at once from the same version: exactly one is saved.
  const [a, b] = await Promise.all([
    call('PATCH', url, 'kurator', { version: version + 1, reason: 'A' }),
    call('PATCH', url, 'psykolog', { version: version + 1, reason: 'B' }),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
  const saved = (await call('GET', url, 'kurator')).json();
  assert.equal(saved.reason, a.statusCode === 200 ? 'A' : 'B');
  assert.equal(saved.version, version + 2);
});

test('PATCH /api/interventions/cases/:id: the status ladder — nonsense refused naming status, closing needs a reason, reopening only without another open case', async () => {
  const id = await openFor(students.cem);
  const url = `/api/interventions/cases/${id}`;
  const version = async () => (await call('GET', url, 'kurator')).json().version as number;
  assert.equal((await call('PATCH', url)).statusCode, 401);
  assert.deepEqual(fieldsOf(await call('PATCH', url, 'kurator', { version: await version(), status: 'in-progress' })), ['status']);
  assert.deepEqual(
    fieldsOf(await call('PATCH', url, 'kurator', { version: await version(), status: 'planned' })),
    ['status'],
    'planned needs an intervention',
  );
  assert.deepEqual(fieldsOf(await call('PATCH', url, 'kurator', { version: await version(), status: 'wild' })), ['status']);
  assert.deepEqual(fieldsOf(await call('PATCH', url, 'kurator', { version: await version(), closingReason: 'moved' })), ['closingReason']);
  assert.deepEqual(fieldsOf(await call('PATCH', url, 'kurator', { version: await version(), responsibleId: ids.friKurator })), [
    'responsibleId',
  ]);
  assert.deepEqual(fieldsOf(await call('PATCH', url, 'kurator', { version: await version(), meetingId: randomUUID() })), ['meetingId']);
  assert.deepEqual(fieldsOf(await call('PATCH', url, 'kurator', { version: await version(), status: 'closed' })), ['closingReason']);

  const closed = await call('PATCH', url, 'kurator', {
    version: await version(),
    status: 'closed',
    closingReason: 'no-longer-needed',
    closingNote: 'Löst sig',
  });
  assert.equal(closed.statusCode, 200, closed.body);
  let view = (await call('GET', url, 'kurator')).json();
  assert.deepEqual(
    [view.status, view.closedOn, view.closingReason, view.events.at(-1).kind],
    ['closed', today, 'no-longer-needed', 'case-closed'],
  );
  assert.equal(
    (await call('PATCH', url, 'kurator', { version: view.version, reason: 'Ändrad' })).statusCode,
    409,
    'a closed case is not edited',
  );

  const reopened = await call('PATCH', url, 'kurator', { version: view.version, status: 'opened' });
  assert.equal(reopened.statusCode, 200, reopened.body);
  view = (await call('GET', url, 'kurator')).json();
  assert.deepEqual([view.status, view.closedOn, view.closingReason, view.events.at(-1).kind], ['opened', null, null, 'case-reopened']);

  await call('PATCH', url, 'kurator', { version: view.version, status: 'closed', closingReason: 'other' });
  const newer = await openFor(students.cem);
  const refused = await call('PATCH', url, 'kurator', { version: await version(), status: 'opened' });
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().caseId, newer);
});

test('POST /api/interventions/cases/:id/interventions: bad input named (followUpDates.N, endDate, responsibleId, methodId, title); 201 plans the case', async () => {
  const [eva] = await queryRows<{ id: string }>(
    database.db,
    sql`SELECT id FROM cases WHERE student_id = ${students.eva}::uuid AND status <> 'closed'`,
  );
  const id = eva?.id;
  const url = `/api/interventions/cases/${id}/interventions`;
  const body = {
    title: 'Anpassat schema',
    goal: 'Tillbaka i skolan varje dag',
    actions: 'Mentorn och kuratorn lägger schemat',
    responsibleId: ids.kurator,
    startDate: today,
    endDate: '2024-11-30',
    followUpDates: ['2024-10-15', '2024-10-29'],
  };
  assert.equal((await call('POST', url, anonymous, body)).statusCode, 401);
  assert.equal((await call('POST', url, 'mentor', body)).statusCode, 403);
  assert.deepEqual(fieldsOf(await call('POST', url, 'kurator', { ...body, followUpDates: ['2024-10-15', '2024-09-30'] })), [
    'followUpDates.1',
  ]);
  assert.deepEqual(fieldsOf(await call('POST', url, 'kurator', { ...body, followUpDates: ['2024-13-45'] })), ['followUpDates.0']);
  assert.deepEqual(fieldsOf(await call('POST', url, 'kurator', { ...body, endDate: '2024-09-01' })), ['endDate']);
  assert.deepEqual(fieldsOf(await call('POST', url, 'kurator', { ...body, responsibleId: ids.mentor })), ['responsibleId']);
  assert.deepEqual(fieldsOf(await call('POST', url, 'kurator', { ...body, methodId: randomUUID() })), ['methodId']);
  assert.deepEqual(fieldsOf(await call('POST', url, 'kurator', { ...body, title: undefined })), ['title']);
  await updateRecord(database.db, { slug: 'mentoring' }, { status: 'retired' });
  const [retired] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM knowledge_records WHERE slug = 'mentoring'`);
  assert.deepEqual(fieldsOf(await call('POST', url, 'kurator', { ...body, methodId: retired?.id })), ['methodId']);
  await updateRecord(database.db, { slug: 'mentoring' }, { status: 'published' });

  const res = await call('POST', url, 'kurator', { ...body, title: undefined, methodId: fixture.methodId });
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.intervention.add', 'allowed', [students.eva]],
  );
  const view = (await call('GET', `/api/interventions/cases/${id}`, 'kurator')).json();
  assert.equal(view.status, 'planned', 'the first intervention plans the case');
  const added = view.interventions.find((i: { id: string }) => i.id === res.json().id);
  assert.equal(added.title, 'Check & Connect');
  assert.deepEqual(
    added.followUps.map((f: { dueOn: string }) => f.dueOn),
    ['2024-10-15', '2024-10-29'],
  );
  assert.deepEqual(
    view.events.slice(-2).map((e: { kind: string }) => e.kind),
    ['intervention-added', 'case-updated'],
  );
});

test('PATCH /api/interventions/interventions/:id: stale version 409 naming who; status ladder; starting it puts the case in progress; follow-ups added and done', async () => {
  const [eva] = await queryRows<{ id: string }>(
    database.db,
    sql`SELECT id FROM cases WHERE student_id = ${students.eva}::uuid AND status <> 'closed'`,
  );
  const caseUrl = `/api/interventions/cases/${eva?.id}`;
  const view = (await call('GET', caseUrl, 'kurator')).json();
  const intervention = view.interventions[0];
  const url = `/api/interventions/interventions/${intervention.id}`;
  assert.equal((await call('PATCH', url, anonymous, { version: 1 })).statusCode, 401);
  assert.equal((await call('PATCH', url, 'mentor', { version: 1 })).statusCode, 403);
  assert.deepEqual(fieldsOf(await call('PATCH', url, 'kurator', { version: intervention.version, status: 'completed' })), ['status']);
  assert.deepEqual(fieldsOf(await call('PATCH', url, 'kurator', { version: intervention.version, endDate: '2024-09-01' })), ['endDate']);
  assert.deepEqual(fieldsOf(await call('PATCH', url, 'kurator', { version: intervention.version, outcome: 'great' })), ['outcome']);
  const started = await call('PATCH', url, 'psykolog', { version: intervention.version, status: 'active' });
  assert.equal(started.statusCode, 200, started.body);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.intervention.update', 'allowed', [students.eva]],
  );
  const stale = await call('PATCH', url, 'kurator', { version: intervention.version, goal: 'Annat mål' });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.json().error, /insatsen.*Demo: Skolpsykolog/);
  const after = (await call('GET', caseUrl, 'kurator')).json();
  assert.equal(after.status, 'in-progress');
  assert.equal(after.interventions[0].goal, intervention.goal, 'the stale change was not written');

  const followUps = `${url}/follow-ups`;
  assert.equal((await call('POST', followUps, anonymous, { dueOn: '2024-10-03' })).statusCode, 401);
  assert.equal((await call('POST', followUps, 'mentor', { dueOn: '2024-10-03' })).statusCode, 403);
  assert.deepEqual(fieldsOf(await call('POST', followUps, 'kurator', { dueOn: '2024-09-30' })), ['dueOn']);
  const added = await call('POST', followUps, 'kurator', { dueOn: '2024-10-03' });
  assert.equal(added.statusCode, 201, added.body);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.follow-up.add', 'allowed', [students.eva]],
  );
  const done = `/api/interventions/follow-ups/${added.json().id}/done`;
  assert.equal((await call('POST', done, anonymous, { note: 'x' })).statusCode, 401);
  assert.equal((await call('POST', done, 'mentor', { note: 'x' })).statusCode, 403);
  assert.deepEqual(fieldsOf(await call('POST', done, 'kurator', { note: 'Bättre', doneOn: '2024-10-02' })), ['doneOn']);
  assert.deepEqual(fieldsOf(await call('POST', done, 'kurator', { note: '' })), ['note']);
  assert.equal((await call('POST', done, 'kurator', { note: 'Närvaron är bättre' })).statusCode, 200);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.follow-up.done', 'allowed', [students.eva]],
  );
  assert.equal((await call('POST', done, 'kurator', { note: 'Igen' })).statusCode, 409);
  const final = (await call('GET', caseUrl, 'kurator')).json();
  const followUp = final.interventions[0].followUps.find((f: { id: string }) => f.id === added.json().id);
  assert.deepEqual(
    [followUp.done, followUp.doneOn, followUp.doneBy.name, followUp.note],
    [true, today, 'Demo: Kurator', 'Närvaron är bättre'],
  );
  assert.deepEqual(
    final.events.slice(-2).map((e: { kind: string }) => e.kind),
    ['follow-up-added', 'follow-up-done'],
  );

  const completed = await call('PATCH', url, 'kurator', {
    version: final.interventions[0].version,
    status: 'completed',
    outcome: 'improved',
    evaluation: 'Närvaron 94 %',
  });
  assert.equal(completed.statusCode, 200, completed.body);
  assert.deepEqual(
    fieldsOf(await call('PATCH', url, 'kurator', { version: completed.json().version, status: 'active' })),
    ['status'],
    'a completed intervention stays completed',
  );
});

test('POST /api/interventions/cases/:id/notes: 401, 400, 403, 201; the event says a sensitive note was added, not what it says', async () => {
  const url = `/api/interventions/cases/${fixture.caseId}/notes`;
  assert.equal((await call('POST', url, anonymous, { body: 'x', sensitive: false })).statusCode, 401);
  assert.deepEqual(fieldsOf(await call('POST', url, 'kurator', { body: 'x' })), ['sensitive']);
  assert.deepEqual(fieldsOf(await call('POST', url, 'kurator', { body: '', sensitive: true })), ['body']);
  const secret = 'Hemlig uppgift om hälsan (syntetisk)';
  assert.equal((await call('POST', url, 'larare', { body: 'x', sensitive: false })).statusCode, 403);
  const res = await call('POST', url, 'skolskoterska', { body: secret, sensitive: true });
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['interventions.note.add', 'allowed', [students.alva]],
  );
  const [event] = await queryRows<{ kind: string; changes: unknown; entity_id: string }>(
    database.db,
    sql`
    SELECT kind, changes, entity_id FROM case_events WHERE entity_id = ${res.json().id}::uuid`,
  );
  assert.deepEqual(event, { kind: 'note-added', changes: { sensitive: [null, true] }, entity_id: res.json().id });
  const rektorView = await call('GET', `/api/interventions/cases/${fixture.caseId}`, 'rektor');
  assert.ok(!rektorView.body.includes(secret));
});

test("GET /api/interventions/responsibles: 400, 403 mentor, 404 a unit not the actor's (logged), 200 the unit's student-health staff and principal", async () => {
  assert.equal((await call('GET', `/api/interventions/responsibles?schoolUnitId=${exempelgymnasiet}`)).statusCode, 401);
  assert.deepEqual(fieldsOf(await call('GET', '/api/interventions/responsibles', 'kurator')), ['schoolUnitId']);
  assert.equal((await call('GET', `/api/interventions/responsibles?schoolUnitId=${exempelgymnasiet}`, 'mentor')).statusCode, 403);
  assert.equal(
    (await call('GET', '/api/interventions/responsibles?schoolUnitId=a1000000-0000-4000-8000-000000000002', 'kurator')).statusCode,
    404,
  );
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['interventions.responsibles', 'denied']);
  const res = await call('GET', `/api/interventions/responsibles?schoolUnitId=${exempelgymnasiet}`, 'kurator');
  assert.equal(res.statusCode, 200);
  const accounts = res.json().items.map((i: { accountId: string }) => i.accountId);
  assert.ok(accounts.includes(ids.kurator) && accounts.includes(ids.rektor) && accounts.includes(ids.psykolog));
  assert.ok(!accounts.includes(ids.mentor) && !accounts.includes(ids.friKurator));
});

test("GET /api/interventions/reminders: the actor's overdue and upcoming follow-ups, only for students still in scope, logged with their ids", async () => {
  assert.equal((await call('GET', '/api/interventions/reminders')).statusCode, 401);
  assert.deepEqual(fieldsOf(await call('GET', '/api/interventions/reminders?days=30', 'kurator')), ['days']);
  assert.equal((await call('GET', '/api/interventions/reminders', 'larare')).statusCode, 403);
  const res = await call('GET', '/api/interventions/reminders', 'kurator');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.deepEqual(
    body.overdue.map((r: { followUpId: string }) => r.followUpId),
    [fixture.followUpIds.overdue],
  );
  assert.deepEqual(body.overdue[0].student, { id: students.alva, name: 'Alva Testsson' });
  assert.equal(body.overdue[0].title, 'Check & Connect');
  const upcoming = body.upcoming.map((r: { followUpId: string; dueOn: string }) => r.dueOn);
  assert.ok(upcoming.includes(followUpDates.upcoming) && !upcoming.includes(followUpDates.later), 'within 14 days only');
  const subjects = [...new Set([...body.overdue, ...body.upcoming].map((r: { student: { id: string } }) => r.student.id))].sort();
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.subject_ids], ['interventions.reminders', subjects]);
  assert.ok(subjects.includes(students.eva), "Eva's follow-ups are the kurator's too");
  assert.deepEqual((await call('GET', '/api/interventions/reminders', 'psykolog')).json(), { overdue: [], upcoming: [] });

  // Eva leaves the school: her follow-ups drop out of the reminders.
  await setEnrolmentEnd(database.db, { tenantId: kommun, personId: students.eva, endDate: '2024-09-30' });
  const after = (await call('GET', '/api/interventions/reminders', 'kurator')).json();
  assert.ok(![...after.overdue, ...after.upcoming].some((r: { student: { id: string } }) => r.student.id === students.eva));
  await setEnrolmentEnd(database.db, { tenantId: kommun, personId: students.eva, endDate: null });
});

test('input limits: dates that do not exist, numbers outside their range, text over its maximum or a line break in a one-line field are a 400 naming the field, and change nothing', async () => {
  const before = await caseTables();
  const long = (n: number) => 'a'.repeat(n);
  const caseUrl = `/api/interventions/cases/${fixture.caseId}`;
  const plan = { title: 'Plan', goal: 'Mål', actions: 'Steg', responsibleId: ids.kurator, startDate: today, followUpDates: ['2024-10-15'] };
  const refused: [string, 'GET' | 'POST' | 'PATCH', string, unknown, string][] = [
    [
      'reason over 2000',
      'POST',
      '/api/interventions/cases',
      { studentId: students.cem, reason: long(2001), level: 'preventing', responsibleId: ids.kurator, openedFrom: 'manual' },
      'reason',
    ],
    ['page in hex', 'GET', '/api/interventions/cases?page=0x10', undefined, 'page'],
    ['pageSize in exponent form', 'GET', '/api/interventions/cases?pageSize=1e1', undefined, 'pageSize'],
    ['search over 100', 'GET', `/api/interventions/cases?q=${long(101)}`, undefined, 'q'],
    ['version beyond an integer column', 'PATCH', caseUrl, { version: 1e12, reason: 'Ny' }, 'version'],
    ['closing note over 2000', 'PATCH', caseUrl, { version: 1, closingNote: long(2001) }, 'closingNote'],
    ['30 February', 'POST', `${caseUrl}/interventions`, { ...plan, followUpDates: ['2026-02-30'] }, 'followUpDates.0'],
    ['year 1', 'POST', `${caseUrl}/interventions`, { ...plan, startDate: '0001-01-01' }, 'startDate'],
    [
      '21 follow-up dates',
      'POST',
      `${caseUrl}/interventions`,
      { ...plan, followUpDates: Array.from({ length: 21 }, () => '2024-10-15') },
      'followUpDates',
    ],
    ['a title over 200', 'POST', `${caseUrl}/interventions`, { ...plan, title: long(201) }, 'title'],
    ['a line break in a title', 'POST', `${caseUrl}/interventions`, { ...plan, title: 'Två\nrader' }, 'title'],
    ['actions over 4000', 'POST', `${caseUrl}/interventions`, { ...plan, actions: long(4001) }, 'actions'],
    ['a note over 10 000', 'POST', `${caseUrl}/notes`, { body: long(10_001), sensitive: false }, 'body'],
    [
      'a follow-up note over 4000',
      'POST',
      `/api/interventions/follow-ups/${fixture.followUpIds.upcoming}/done`,
      { note: long(4001) },
      'note',
    ],
    [
      'a follow-up on a day that does not exist',
      'POST',
      `/api/interventions/interventions/${fixture.interventionId}/follow-ups`,
      { dueOn: '2025-02-29' },
      'dueOn',
    ],
  ];
  for (const [what, method, url, payload, field] of refused) {
    const res = await call(method, url, 'kurator', payload);
    assert.equal(res.statusCode, 400, what);
    assert.deepEqual(fieldsOf(res), [field], what);
  }
  assert.deepEqual(await caseTables(), before, 'nothing was written');
  const note = await call('POST', `${caseUrl}/notes`, 'kurator', { body: `  Två rader\n${long(9990)}  `, sensitive: false });
  assert.equal(note.statusCode, 201, 'line breaks in a note, and the maximum counted after trimming');
});

test("outsider: the other organiser's kurator gets 404 on every id (each logged as denied) and changes nothing", async () => {
  await as('fri-kurator');
  const before = await caseTables();
  const logBefore = (await accessLogRows(database)).length;
  const requests: [method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown][] = [
    ['GET', `/api/interventions/cases/${fixture.caseId}`],
    ['PATCH', `/api/interventions/cases/${fixture.caseId}`, { version: 1, reason: 'Kapat' }],
    [
      'POST',
      `/api/interventions/cases/${fixture.caseId}/interventions`,
      {
        title: 'x',
        goal: 'x',
        actions: 'x',
        responsibleId: ids.friKurator,
        startDate: today,
        followUpDates: [today],
      },
    ],
    ['POST', `/api/interventions/cases/${fixture.caseId}/notes`, { body: 'x', sensitive: false }],
    ['PATCH', `/api/interventions/interventions/${fixture.interventionId}`, { version: 1, goal: 'x' }],
    ['POST', `/api/interventions/interventions/${fixture.interventionId}/follow-ups`, { dueOn: today }],
    ['POST', `/api/interventions/follow-ups/${fixture.followUpIds.upcoming}/done`, { note: 'x' }],
    [
      'POST',
      '/api/interventions/cases',
      { studentId: students.alva, reason: 'x', level: 'preventing', responsibleId: ids.friKurator, openedFrom: 'manual' },
    ],
    ['GET', `/api/interventions/responsibles?schoolUnitId=${exempelgymnasiet}`],
  ];
  for (const [method, url, body] of requests) {
    const res = await call(method, url, 'fri-kurator', body);
    assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
    const log = await lastLog();
    assert.deepEqual([log?.outcome, log?.tenant_id], ['denied', friskola], `${method} ${url}`);
  }
  assert.equal((await accessLogRows(database)).length, logBefore + requests.length, 'one denied row each');
  assert.deepEqual((await call('GET', '/api/interventions/reminders', 'fri-kurator')).json(), { overdue: [], upcoming: [] });
  assert.deepEqual(await caseTables(), before, 'no case table changed');
});

test('a student-health role at another unit does not open sensitive notes of a unit where one is only principal', async () => {
  await database.db.insert(roleAssignments).values({
    tenantId: kommun,
    accountId: ids.rektor,
    role: 'kurator',
    unitIds: ['a0000000-0000-4000-8000-000000000003'],
  });
  const res = await call('GET', `/api/interventions/cases/${fixture.caseId}`, 'rektor');
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().can.readSensitive, false);
  assert.ok(!res.body.includes(sensitiveNoteText));
  await setRoleUnits(database.db, { tenantId: kommun, accountId: ids.rektor, role: 'kurator', unitIds: [exempelgymnasiet] });
  const asKurator = await call('GET', `/api/interventions/cases/${fixture.caseId}`, 'rektor');
  assert.equal(asKurator.json().can.readSensitive, true, "a kurator at the case's unit does");
  assert.ok(asKurator.body.includes(sensitiveNoteText));
});
