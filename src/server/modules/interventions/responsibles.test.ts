// Who may be responsible (docs/interventions.md, "Who may be responsible"): the unit's student-health staff and principal
// for a case; for an intervention also the student's own mentor — the list and the commands agree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogRows, accountId, fixtureClock, kommun, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';
import { refreshTenant } from '../early-warning/refresh.ts';
import { loadScenario, scenarioDate } from '../early-warning/test-scenario.ts';
import { exempelgymnasiet, openAlvaCase } from './test-fixtures.ts';

const database = await createTestDatabase();
await loadScenario(database);
await database.db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
const fixture = await openAlvaCase(database);
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const kurator = await signIn(app, 'kurator');
const mentor = await accountId(database, 'mentor');
const kuratorId = await accountId(database, 'kurator');
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: kurator.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const list = async (query: string) =>
  (await call('GET', `/api/interventions/responsibles?schoolUnitId=${exempelgymnasiet}${query}`)).json().items as {
    accountId: string;
    roles: string[];
    forCase: boolean;
  }[];
const intervention = (studentCase: string, responsibleId: string) =>
  call('POST', `/api/interventions/cases/${studentCase}/interventions`, {
    title: 'Mentorssamtal varje vecka',
    goal: 'Närvaro över 90 %',
    actions: 'Mentorn träffar eleven varje måndag',
    responsibleId,
    startDate: scenarioDate,
    followUpDates: ['2024-10-08'],
  });

test("the responsibles list: the unit's team for a case; with the student, also their mentor (for an intervention only)", async () => {
  const forCase = await list('');
  assert.ok(forCase.some((p) => p.accountId === kuratorId && p.forCase));
  assert.ok(!forCase.some((p) => p.accountId === mentor), 'a mentor never leads a case');
  const forAlva = await list(`&studentId=${students.alva}`);
  assert.deepEqual(
    forAlva.find((p) => p.accountId === mentor),
    { accountId: mentor, displayName: 'Demo: Mentor', roles: ['mentor'], forCase: false },
  );
  const log = (await accessLogRows(database)).at(-1);
  assert.deepEqual([log?.action, log?.outcome, log?.subject_ids], ['interventions.responsibles', 'allowed', [students.alva]]);
  assert.ok(!(await list(`&studentId=${students.eva}`)).some((p) => p.accountId === mentor), "Eva is in none of the mentor's groups");
  const outside = await call('GET', `/api/interventions/responsibles?schoolUnitId=${exempelgymnasiet}&studentId=${students.dana}`);
  assert.equal(outside.statusCode, 404, "another organiser's student");
  assert.deepEqual((await accessLogRows(database)).at(-1)?.outcome, 'denied');
});

test("the commands agree: Alva's mentor may be responsible for her intervention, not for her case nor Eva's intervention", async () => {
  const added = await intervention(fixture.caseId, mentor);
  assert.equal(added.statusCode, 201, added.body);
  const view = (await call('GET', `/api/interventions/cases/${fixture.caseId}`)).json();
  const mine = view.interventions.find((i: { id: string }) => i.id === added.json().id);
  assert.equal(mine.responsible.id, mentor);
  assert.equal(mine.followUps[0].responsible.id, mentor, 'the mentor is reminded of its follow-ups');

  const caseNow = view.version as number;
  const asCaseResponsible = await call('PATCH', `/api/interventions/cases/${fixture.caseId}`, { version: caseNow, responsibleId: mentor });
  assert.equal(asCaseResponsible.statusCode, 400);
  assert.deepEqual(
    asCaseResponsible.json().fields.map((f: { field: string }) => f.field),
    ['responsibleId'],
  );
  assert.equal(
    asCaseResponsible.json().error,
    'Ansvarig: personen arbetar inte med elevhälsan på elevens skolenhet.',
    "named by the form's label",
  );

  const evaCase = await call('POST', '/api/interventions/cases', {
    studentId: students.eva,
    reason: 'Frånvaro',
    level: 'preventing',
    responsibleId: kuratorId,
    openedFrom: 'manual',
  });
  assert.equal(evaCase.statusCode, 201, evaCase.body);
  const notHers = await intervention(evaCase.json().id, mentor);
  assert.equal(notHers.statusCode, 400);
  assert.deepEqual(
    notHers.json().fields.map((f: { field: string }) => f.field),
    ['responsibleId'],
  );
});

test("a 400 names the field as the form does, in the request's language, never its key or the value", async () => {
  const body = { studentId: students.cem, reason: ' ', level: 'preventing', responsibleId: kuratorId, openedFrom: 'manual' };
  const sv = await call('POST', '/api/interventions/cases', body);
  assert.equal(sv.statusCode, 400);
  assert.deepEqual([sv.json().error, sv.json().fields[0].field], ['Anledning: får inte vara tom.', 'reason']);
  const en = await app.inject({
    method: 'POST',
    url: '/api/interventions/cases',
    headers: { ...kurator.headers, 'accept-language': 'en' },
    payload: body,
  });
  assert.equal(en.json().error, 'Reason: must not be empty.');
  const refused = await app.inject({
    method: 'POST',
    url: `/api/interventions/cases/${fixture.caseId}/interventions`,
    headers: { ...kurator.headers, 'accept-language': 'en' },
    payload: {
      title: 'Samtal',
      goal: 'Mål',
      actions: 'Kurator',
      responsibleId: kuratorId,
      startDate: scenarioDate,
      followUpDates: ['2024-10-08', '2024-09-01'],
    },
  });
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(refused.json().fields, [
    {
      field: 'followUpDates.1',
      label: 'Follow-up date 2',
      message: 'Follow-up date 2: the date has passed; choose today or a later date.',
    },
  ]);
  assert.doesNotMatch(refused.body, /2024-09-01|followUpDates\b(?!\.1)/);
});
