import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, accountId, fixtureClock, kommun, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addRisk, addRiskModel, createCase, removeRisks, updateCase, updateRisk } from '../../../../test/support/factories/index.ts';
import { queryRows } from '../../db/client.ts';
import { buildApp } from '../../app.ts';
import { refreshTenant } from './refresh.ts';
import { loadScenario, scenarioDate } from './test-scenario.ts';

const database = await createTestDatabase();
await loadScenario(database);
await database.db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const kurator = await signIn(app, 'kurator');
const mentor = await signIn(app, 'mentor');
const admin = await signIn(app, 'admin');
const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string> = {}, payload?: unknown) =>
  app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const lastLog = async () => (await accessLogRows(database)).at(-1);

test('GET /api/early-warning/worklist: 401, 400 naming the field, 403 for a teacher (logged), 200 ranked with reasons (logged with the ids)', async () => {
  assert.equal((await call('GET', '/api/early-warning/worklist')).statusCode, 401);
  const bad = await call('GET', '/api/early-warning/worklist?minTier=9', kurator.headers);
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    bad.json().fields.map((f: { field: string }) => f.field),
    ['minTier'],
  );
  for (const [query, field] of [
    ['minTier=0x2', 'minTier'],
    ['page=0x10', 'page'],
    ['pageSize=2e1', 'pageSize'],
    ['page=%201', 'page'],
  ]) {
    const refused = await call('GET', `/api/early-warning/worklist?${query}`, kurator.headers);
    assert.equal(refused.statusCode, 400, query);
    assert.deepEqual(
      refused.json().fields.map((f: { field: string }) => f.field),
      [field],
      query,
    );
  }
  const teacher = await signIn(app, 'larare');
  assert.equal((await call('GET', '/api/early-warning/worklist', teacher.headers)).statusCode, 403);
  // The route wrapper refuses a missing permission and logs it under the permission's name.
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['early-warning.read', 'denied']);

  const res = await call('GET', '/api/early-warning/worklist', kurator.headers);
  assert.equal(res.statusCode, 200);
  const body = res.json();
  // Tier 3 first (Alva, Eva), then tier 2 (Bo, from his grades); Cem (tier 1) is not on the list.
  assert.deepEqual(body.items.map((i: { id: string }) => i.id).slice(2), [students.bo]);
  assert.deepEqual(new Set(body.items.slice(0, 2).map((i: { id: string }) => i.id)), new Set([students.alva, students.eva]));
  const alva = body.items.find((i: { id: string }) => i.id === students.alva);
  assert.equal(alva.tier, 3);
  assert.deepEqual(alva.flags, ['attendance', 'csn-invalid-absence']);
  assert.equal(alva.onset, scenarioDate);
  assert.deepEqual(alva.probability, { status: 'no-model' }, 'no model is active yet');
  assert.equal(alva.withinCapacity, true);
  assert.equal(body.asOf, scenarioDate);
  assert.deepEqual([alva.programmeCode, alva.programmeName], ['NA', 'Naturvetenskapsprogrammet'], 'the programme by name');
  const bo = body.items.find((i: { id: string }) => i.id === students.bo);
  assert.deepEqual(bo.probability, { status: 'insufficient' });
  const log = await lastLog();
  assert.deepEqual([log?.action, log?.outcome, log?.tenant_id], ['early-warning.worklist', 'allowed', kommun]);
  assert.deepEqual(log?.subject_ids, body.items.map((i: { id: string }) => i.id).sort());
  assert.equal(log?.account_id, await accountId(database, 'kurator'));

  const all = await call('GET', '/api/early-warning/worklist?minTier=1', kurator.headers);
  assert.equal(all.json().total, 4);
  assert.deepEqual(
    all.json().items.map((i: { rank: number }) => i.rank),
    [1, 2, 3, 4],
  );
  // Eva counted at another school unit: the place in the list is still the order shown (1, 2, 3 — not each unit's
  // own count restarting, 1, 1, 2), while capacity is counted per unit.
  await updateRisk(database.db, { tenantId: kommun, studentId: students.eva }, { schoolUnitId: 'a0000000-0000-4000-8000-000000000003' });
  try {
    const mixed = (await call('GET', '/api/early-warning/worklist', kurator.headers)).json();
    assert.deepEqual(
      mixed.items.map((i: { id: string; rank: number }) => [i.id, i.rank]),
      [
        [students.alva, 1],
        [students.eva, 2],
        [students.bo, 3],
      ],
    );
    assert.equal(new Set(mixed.items.map((i: { schoolUnit: { id: string } }) => i.schoolUnit.id)).size, 2);
  } finally {
    await updateRisk(database.db, { tenantId: kommun, studentId: students.eva }, { schoolUnitId: 'a0000000-0000-4000-8000-000000000002' });
  }
  const second = await call('GET', '/api/early-warning/worklist?minTier=1&pageSize=2&page=2', kurator.headers);
  assert.deepEqual(
    second.json().items.map((i: { rank: number }) => i.rank),
    [3, 4],
    'the place continues on the next page',
  );
  const mentorList = await call('GET', '/api/early-warning/worklist', mentor.headers);
  assert.ok(!mentorList.json().items.some((i: { id: string }) => i.id === students.eva), "Eva is in no group: outside the mentor's scope");
});

test('GET /api/early-warning/students/:id: 401, 400, 404 out of scope (logged), 200 with indicators, onset and history', async () => {
  assert.equal((await call('GET', `/api/early-warning/students/${students.alva}`)).statusCode, 401);
  assert.equal((await call('GET', '/api/early-warning/students/nope', kurator.headers)).statusCode, 400);
  const other = await call('GET', `/api/early-warning/students/${students.dana}`, kurator.headers);
  assert.equal(other.statusCode, 404);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['early-warning.student', 'denied', [students.dana]],
  );
  const res = await call('GET', `/api/early-warning/students/${students.alva}`, kurator.headers);
  assert.equal(res.statusCode, 200);
  const page = res.json();
  assert.equal(page.current.tier, 3);
  assert.deepEqual(
    page.indicators.map((i: { indicator: string; onset: string; status: string }) => [i.indicator, i.onset, i.status]),
    [
      ['attendance', scenarioDate, 'active'],
      ['csn-invalid-absence', scenarioDate, 'active'],
    ],
  );
  assert.deepEqual(
    page.history.map((h: { asOf: string }) => h.asOf),
    [scenarioDate],
  );
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['early-warning.student', 'allowed', [students.alva]],
  );
});

test('GET /api/early-warning/overview: counts without names, small counts suppressed; 403 for the student-health team', async () => {
  assert.equal((await call('GET', '/api/early-warning/overview')).statusCode, 401);
  assert.equal((await call('GET', '/api/early-warning/overview?x=1', (await signIn(app, 'analytiker')).headers)).statusCode, 400);
  assert.equal((await call('GET', '/api/early-warning/overview', kurator.headers)).statusCode, 403);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['statistics.read', 'denied']);
  const res = await call('GET', '/api/early-warning/overview', (await signIn(app, 'analytiker')).headers);
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.ok(!JSON.stringify(body).includes('Alva'), 'no names');
  assert.ok(
    body.units.length > 0 && body.units.every((u: { count: number | null }) => u.count === null),
    'every cell has fewer than five students',
  );
  assert.ok(
    body.units.every((u: { suppressed: string }) => u.suppressed === 'small'),
    'each labelled as fewer than five',
  );
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['early-warning.overview', 'allowed', []],
  );
});

test('GET /api/early-warning/overview: a count beside the only small one in a line is hidden too, so the tier total shown on the dashboard cannot be subtracted', async () => {
  // Nine tier-3 pupils in year 8 at the compulsory school, beside the gymnasium's two (Alva and Eva).
  const unit79 = 'a0000000-0000-4000-8000-000000000003';
  const extra: string[] = [];
  for (let n = 0; n < 9; n++) {
    extra.push(
      await addRisk(database.db, {
        tenantId: kommun,
        asOf: scenarioDate,
        schoolUnitId: unit79,
        schoolType: 'GR',
        schoolYear: 8,
        tier: 3,
        flags: ['attendance'],
      }),
    );
  }
  try {
    const analyst = await signIn(app, 'analytiker');
    const body = (await call('GET', '/api/early-warning/overview', analyst.headers)).json();
    const tier3 = body.units.filter((u: { tier: number }) => u.tier === 3);
    // The same analyst sees the tier-3 total (11) on the interventions dashboard.
    const dashboard = (await call('GET', '/api/interventions/dashboard', analyst.headers)).json();
    assert.equal(dashboard.organiser.tier3.total, 11);
    assert.deepEqual(
      dashboard.units.map((u: { tier3: { total: number | null } }) => u.tier3.total),
      [null, null],
      'the dashboard hides the same two',
    );
    // With primary suppression only, the compulsory school's 9 would be shown and 11 − 9 = 2 would give the gymnasium away.
    assert.deepEqual(
      tier3.map((u: { name: string; count: number | null; suppressed: string | null }) => [u.name, u.count, u.suppressed]),
      [
        ['Exempelgymnasiet', null, 'small'],
        ['Exempelskolan 7–9', null, 'complementary'],
      ],
    );
    assert.equal(tier3.filter((u: { count: number | null }) => u.count === null).length, 2, 'no single hidden unit to subtract');
    // Per year the same: GY's two would follow from 11 − the 9 in year 8, so year 8 is hidden as well.
    const years = body.years.filter((y: { tier: number }) => y.tier === 3);
    assert.deepEqual(
      years.map((y: { schoolType: string; schoolYear: number; count: number | null; suppressed: string | null }) => [
        y.schoolType,
        y.schoolYear,
        y.count,
        y.suppressed,
      ]),
      [
        ['GR', 8, null, 'complementary'],
        ['GY', 1, null, 'small'],
        ['GY', 2, null, 'small'],
      ],
    );
    assert.ok(body.units.every((u: { count: number | null; suppressed: string | null }) => (u.count === null) === (u.suppressed !== null)));
  } finally {
    await removeRisks(database.db, kommun, extra);
  }
});

test('POST /api/early-warning/connectedness: 401, 400 naming the field, 404 out of scope, 200 and the next refresh flags it', async () => {
  const rating = { studentId: students.cem, academic: 'red', behavioural: 'yellow', social: 'red', affective: 'green' };
  assert.equal((await call('POST', '/api/early-warning/connectedness', { 'x-fullfolj-csrf': '1' }, rating)).statusCode, 401);
  const bad = await call('POST', '/api/early-warning/connectedness', mentor.headers, { ...rating, social: 'purple' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    bad.json().fields.map((f: { field: string }) => f.field),
    ['social'],
  );
  assert.equal(bad.json().error, 'Relationer: har ett värde som inte finns bland valen.');
  // A dimension not rated ("Inte bedömd" on the form) is not saved as green: the rating needs all four.
  const { social: _notRated, ...partial } = rating;
  const missing = await call('POST', '/api/early-warning/connectedness', { ...mentor.headers, 'accept-language': 'en' }, partial);
  assert.equal(missing.statusCode, 400);
  assert.deepEqual(
    missing.json().fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    [['social', 'Relationships: is missing.']],
  );
  const badDate = await call('POST', '/api/early-warning/connectedness', mentor.headers, { ...rating, ratedOn: '2024-02-30' });
  assert.equal(badDate.statusCode, 400);
  assert.deepEqual(
    badDate.json().fields.map((f: { field: string }) => f.field),
    ['ratedOn'],
  );
  const out = await call('POST', '/api/early-warning/connectedness', mentor.headers, { ...rating, studentId: students.dana });
  assert.equal(out.statusCode, 404);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['early-warning.connectedness', 'denied']);
  const ok = await call('POST', '/api/early-warning/connectedness', mentor.headers, rating);
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().ratedOn, scenarioDate);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['early-warning.connectedness', 'allowed', [students.cem]],
  );
  await database.db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
  const [row] = await queryRows<{ tier: number; flags: string[] }>(
    database.db,
    sql`SELECT tier, flags FROM student_risk WHERE student_id = ${students.cem}::uuid`,
  );
  assert.deepEqual(row, { tier: 3, flags: ['introduction', 'connectedness'] }, 'three marks, two red: severe');
});

test('settings: thresholds out of range refused naming the field, levels in order, and only administrators', async () => {
  assert.equal((await call('PUT', '/api/early-warning/settings', kurator.headers, { thresholds: {} })).statusCode, 403);
  const range = await call('PUT', '/api/early-warning/settings', admin.headers, { thresholds: { attendanceFlag: 0.3 } });
  assert.equal(range.statusCode, 400);
  assert.deepEqual(
    range.json().fields.map((f: { field: string }) => f.field),
    ['thresholds.attendanceFlag'],
  );
  assert.equal(range.json().error, 'Närvaro under denna nivå: kronisk frånvaro: måste vara minst 0,7.');
  const english = await call(
    'PUT',
    '/api/early-warning/settings',
    { ...admin.headers, 'accept-language': 'en' },
    { thresholds: { attendanceFlag: 0.3 } },
  );
  assert.equal(english.json().error, 'Attendance below this level: chronic absence: must be at least 0.7.');
  const refusedFields = async (body: unknown) => {
    const res = await call('PUT', '/api/early-warning/settings', admin.headers, body);
    assert.equal(res.statusCode, 400, JSON.stringify(body));
    return res.json().fields.map((f: { field: string }) => f.field);
  };
  assert.deepEqual(
    await refusedFields({ thresholds: { consecutiveAbsenceDays: 10.5 } }),
    ['thresholds.consecutiveAbsenceDays'],
    'a whole number',
  );
  assert.deepEqual(await refusedFields({ thresholds: { attendanceFlag: '0.9' } }), ['thresholds.attendanceFlag'], 'a number, not text');
  assert.deepEqual(await refusedFields({ thresholds: { attendanceFlagg: 0.9 } }), ['thresholds.attendanceFlagg'], 'an unknown threshold');
  assert.deepEqual(await refusedFields({ capacities: { 'a0000000-0000-4000-8000-000000000002': 1e9 } }), [
    'capacities.a0000000-0000-4000-8000-000000000002',
  ]);
  assert.deepEqual(await refusedFields({ capacities: { 'a0000000-0000-4000-8000-000000000002': 2.5 } }), [
    'capacities.a0000000-0000-4000-8000-000000000002',
  ]);
  const tooMany = await call('PUT', '/api/early-warning/settings', admin.headers, {
    capacities: Object.fromEntries(Array.from({ length: 1001 }, () => [randomUUID(), 5])),
  });
  assert.deepEqual(
    tooMany.json().fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    [['capacities', 'Kapacitet per skolenhet: får ha högst 1 000 skolenheter i en ändring.']],
  );
  const order = await call('PUT', '/api/early-warning/settings', admin.headers, { thresholds: { attendanceSevere: 0.93 } });
  assert.equal(order.statusCode, 400);
  assert.match(order.json().error, /Närvarogränserna/);
  const ok = await call('PUT', '/api/early-warning/settings', admin.headers, {
    thresholds: { attendanceFlag: 0.92 },
    capacities: { 'a0000000-0000-4000-8000-000000000002': 1 },
  });
  assert.equal(ok.statusCode, 200);
  const got = (await call('GET', '/api/early-warning/settings', admin.headers)).json();
  assert.equal(got.thresholds.attendanceFlag, 0.92);
  assert.equal(got.capacities['a0000000-0000-4000-8000-000000000002'], 1);
  assert.ok(
    got.units.some((u: { name: string }) => u.name === 'Exempelgymnasiet'),
    'the units by name, for the capacity fields',
  );
  const englishOrder = await call(
    'PUT',
    '/api/early-warning/settings',
    { ...admin.headers, 'accept-language': 'en' },
    { thresholds: { attendanceSevere: 0.93 } },
  );
  assert.match(englishOrder.json().error, /^The attendance levels must be in the order/);
  const list = (await call('GET', '/api/early-warning/worklist', kurator.headers)).json();
  assert.equal(list.items.filter((i: { withinCapacity: boolean }) => i.withinCapacity).length, 1, 'capacity 1: only the first is marked');
  // The unit's capacity is read in the page's statement, and on its own when the page is empty.
  const unit = 'a0000000-0000-4000-8000-000000000002';
  for (const page of [1, 50]) {
    const filtered = (await call('GET', `/api/early-warning/worklist?schoolUnitId=${unit}&page=${page}`, kurator.headers)).json();
    assert.equal(filtered.items.length > 0, page === 1);
    assert.equal(filtered.capacity, 1, `page ${page}: the unit's capacity`);
  }
});

test('models: training refuses without finished cohorts; a model that does not beat the rules cannot be activated', async () => {
  const train = await call('POST', '/api/early-warning/models', admin.headers, {});
  assert.equal(train.statusCode, 422);
  assert.match(
    train.json().error,
    /^Gymnasiet: Minst två avslutade årskullar.* Årskurs 7–9: Minst två avslutade årskullar/,
    'both stages refused, each named in words',
  );
  const badStage = await call('POST', '/api/early-warning/models', admin.headers, { stage: 'GYS' });
  assert.equal(badStage.statusCode, 400);
  assert.deepEqual(
    badStage.json().fields.map((f: { field: string }) => f.field),
    ['stage'],
  );
  for (const asOf of ['0001-01-01', '2026-02-30', '2026-2-3']) {
    const badDate = await call('POST', '/api/early-warning/models', admin.headers, { asOf });
    assert.equal(badDate.statusCode, 400, asOf);
    assert.deepEqual(
      badDate.json().fields.map((f: { field: string }) => f.field),
      ['asOf'],
      asOf,
    );
  }
  assert.equal((await call('POST', '/api/early-warning/models', kurator.headers, {})).statusCode, 403);
  const insert = (testAuc: number) =>
    addRiskModel(database.db, { tenantId: kommun, version: Math.round(testAuc * 100), trainedAsOf: scenarioDate, testAuc, rulesAuc: 0.8 });
  const weak = await insert(0.75);
  const refused = await call('POST', `/api/early-warning/models/${weak}/activate`, admin.headers);
  assert.equal(refused.statusCode, 409);
  assert.equal(
    refused.json().error,
    'Modellen kan inte aktiveras: dess AUC på testårskullen (0,750) är inte högre än indikatorreglernas (0,800).',
  );
  const english = await call('POST', `/api/early-warning/models/${weak}/activate`, { ...admin.headers, 'accept-language': 'en' });
  assert.equal(english.statusCode, 409);
  assert.equal(
    english.json().error,
    "The model cannot be activated: its AUC on the test cohort (0.750) is not above the indicator rules' (0.800).",
  );
  assert.equal((await call('POST', `/api/early-warning/models/${randomUUID()}/activate`, admin.headers)).statusCode, 404);
  const listed = (await call('GET', '/api/early-warning/models', admin.headers)).json();
  assert.deepEqual(
    listed.items.map((m: { status: string }) => m.status),
    ['candidate'],
  );
});

test("the worklist and the student page name the student's open intervention case, and not a closed one", async () => {
  const kuratorId = await accountId(database, 'kurator');
  const openCaseOf = async () => {
    const list = (await call('GET', '/api/early-warning/worklist', kurator.headers)).json();
    const page = (await call('GET', `/api/early-warning/students/${students.alva}`, kurator.headers)).json();
    return [list.items.find((i: { id: string }) => i.id === students.alva).openCaseId, page.openCaseId];
  };
  assert.deepEqual(await openCaseOf(), [null, null]);
  const caseId = await createCase(database.db, {
    tenantId: kommun,
    studentId: students.alva,
    schoolUnitId: 'a0000000-0000-4000-8000-000000000002',
    responsibleId: kuratorId,
    status: 'closed',
    openedOn: scenarioDate,
  });
  assert.deepEqual(await openCaseOf(), [null, null], 'a closed case is not offered as the open one');
  await updateCase(database.db, { tenantId: kommun, caseId }, { status: 'in-progress' });
  assert.deepEqual(await openCaseOf(), [caseId, caseId]);
  const page = (await call('GET', `/api/early-warning/students/${students.alva}`, kurator.headers)).json();
  assert.deepEqual(page.student, { givenName: 'Alva', familyName: 'Testsson' });
});
