import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogRows, accountId, fixtureClock, kommun, loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addRisk, addRiskModel } from '../../../../test/support/factories/early-warning.ts';
import { createCase } from '../../../../test/support/factories/interventions.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';
import { buildApp } from '../../app.ts';
import { implementationPlanApi } from '../../../shared/implementation-plan/contract.ts';
import { buildSection, monthBounds } from '../region/report/section.ts';
import { regionBySlug, regionMunicipalitiesOf } from '../region/store.ts';
import { implementationPlanSection } from './report-section.ts';

// Ten tier-3 students at Exempelgymnasiet, seven of them with an open case; an active model.
const unit = 'a0000000-0000-4000-8000-000000000002';
const database = await createTestDatabase();
await loadAccessFixtures(database);
const responsible = await accountId(database, 'kurator');
for (let i = 0; i < 10; i++) {
  const studentId = await addRisk(database.db, { tenantId: kommun, asOf: '2024-09-30', schoolUnitId: unit, tier: 3 });
  if (i < 7) await createCase(database.db, { tenantId: kommun, studentId, schoolUnitId: unit, responsibleId: responsible });
}
await addRiskModel(database.db, { tenantId: kommun, version: 1, trainedAsOf: '2024-08-01', testAuc: 0.8, rulesAuc: 0.7, status: 'active' });

const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const analyst = await signIn(app, 'analytiker');
const rektor = await signIn(app, 'rektor');
const kurator = await signIn(app, 'kurator');
const friAnalyst = await signIn(app, 'fri-analytiker');

test('GET /api/implementation-plan: 401, 400, 403 for a role without figures, 200 with the platform’s own measurements (logged)', async () => {
  const get = (url: string, headers?: Record<string, string>) => app.inject({ method: 'GET', url, ...(headers ? { headers } : {}) });
  assert.equal((await get('/api/implementation-plan')).statusCode, 401);
  assert.equal((await get('/api/implementation-plan?x=1', analyst.headers)).statusCode, 400);
  assert.equal((await get('/api/implementation-plan', kurator.headers)).statusCode, 403);
  const res = await get('/api/implementation-plan', rektor.headers);
  assert.equal(res.statusCode, 200, res.body);
  const view = implementationPlanApi.read.response.parse(res.json());
  assert.equal(view.canEdit, false, 'the principal reads');
  const tier3 = view.answers.find((a) => a.itemKey === 'roles-tier3')!.measurement!;
  assert.equal(tier3.value, 0.7);
  assert.equal(tier3.suggestedLevel, 2);
  assert.equal(view.answers.find((a) => a.itemKey === 'data-tool')!.measurement!.value, 1);
  assert.equal(view.answers.find((a) => a.itemKey === 'follow-up-dates')!.measurement!.missing, 'no-data');
  const log = (await accessLogRows(database)).at(-1);
  assert.deepEqual([log?.action, log?.outcome, log?.subject_ids, log?.tenant_id], ['implementation-plan.read', 'allowed', [], kommun]);
});

test('the analyst answers and plans actions; another organiser does not see them; a bad date names the field', async () => {
  const put = await app.inject({
    method: 'PUT',
    url: '/api/implementation-plan/answers/roles-tier3',
    headers: analyst.headers,
    payload: { level: 2, comment: 'Tre elever saknar ärende.' },
  });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(
    (
      await app.inject({
        method: 'PUT',
        url: '/api/implementation-plan/answers/roles-tier3',
        headers: rektor.headers,
        payload: { level: 2, comment: '' },
      })
    ).statusCode,
    403,
  );
  assert.equal(
    (
      await app.inject({
        method: 'PUT',
        url: '/api/implementation-plan/answers/okand',
        headers: analyst.headers,
        payload: { level: 2, comment: '' },
      })
    ).statusCode,
    400,
  );
  const action = {
    itemKey: 'roles-tier3',
    title: 'Öppna ärenden för alla på nivå 3',
    owner: 'Rektor, Exempelgymnasiet',
    dueOn: '2024-09-15',
  };
  const bad = await app.inject({
    method: 'POST',
    url: '/api/implementation-plan/actions',
    headers: analyst.headers,
    payload: { ...action, dueOn: '2024-02-30' },
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /Klart senast/);
  const added = await app.inject({ method: 'POST', url: '/api/implementation-plan/actions', headers: analyst.headers, payload: action });
  assert.equal(added.statusCode, 200, added.body);
  const view = implementationPlanApi.addAction.response.parse(added.json());
  assert.deepEqual([view.progress.actions, view.progress.overdue, view.progress.answered], [1, 1, 1]);
  const id = view.actions[0]!.id;
  const done = await app.inject({
    method: 'PUT',
    url: `/api/implementation-plan/actions/${id}`,
    headers: analyst.headers,
    payload: { ...action, status: 'done' },
  });
  const after = implementationPlanApi.updateAction.response.parse(done.json());
  assert.deepEqual([after.progress.done, after.progress.overdue, after.actions[0]!.doneOn], [1, 0, '2024-10-01']);
  const other = await app.inject({
    method: 'PUT',
    url: `/api/implementation-plan/actions/${id}`,
    headers: friAnalyst.headers,
    payload: action,
  });
  assert.equal(other.statusCode, 404);
  const theirs = implementationPlanApi.read.response.parse(
    (await app.inject({ method: 'GET', url: '/api/implementation-plan', headers: friAnalyst.headers })).json(),
  );
  assert.equal(theirs.actions.length, 0);
});

test('the plan as a PDF: 401, 400 naming the field, 403 for a role without figures, 200 with answers, figures and actions (logged)', async () => {
  const get = (url: string, headers?: Record<string, string>) => app.inject({ method: 'GET', url, ...(headers ? { headers } : {}) });
  assert.equal((await get('/api/implementation-plan/pdf')).statusCode, 401);
  const bad = await get('/api/implementation-plan/pdf?lang=de', analyst.headers);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /Språk/);
  assert.ok(!bad.body.includes('"de"'), 'the value is not echoed');
  assert.equal((await get('/api/implementation-plan/pdf', kurator.headers)).statusCode, 403);
  const res = await get('/api/implementation-plan/pdf', rektor.headers);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const text = pdfText(res.rawPayload);
  assert.match(text, /Implementeringsplan/);
  assert.match(text, /Andel elever på nivå 3 med ett öppet ärende: 70 %/);
  assert.match(text, /Tre elever saknar ärende/);
  assert.match(text, /Öppna ärenden för alla på nivå 3/);
  assert.match(text, /Klar/);
  assert.ok(!text.includes('roles-tier3'), 'no item keys');
  const log = (await accessLogRows(database)).at(-1);
  assert.deepEqual([log?.action, log?.outcome], ['implementation-plan.read', 'allowed']);
  const english = pdfText((await get('/api/implementation-plan/pdf?lang=en', rektor.headers)).rawPayload);
  assert.match(english, /Implementation plan/);
  assert.match(english, /Share of tier-3 students with an open case: 70 %/);
});

test("the plan's progress appears in the region's monthly report: the month the action was done counts it done", async () => {
  const region = (await regionBySlug(database.db, 'vastra-gotaland'))!;
  const municipalities = await regionMunicipalitiesOf(database.db, region.id);
  const build = (month: string) =>
    buildSection(implementationPlanSection, { db: database.db, region, municipalities, month, ...monthBounds(month) });
  const row = (section: Awaited<ReturnType<typeof build>>, label: string) =>
    section.tables[0]!.rows.find((r) => r.label.sv === label)?.cells.map((c) => c.value);
  // The analyst's self-assessment and one action, done on 1 October 2024 (the test above): Göteborg is the fixture kommun.
  const october = await build('2024-10');
  assert.deepEqual(row(october, 'Göteborg'), [1, 1, 1, 0], 'organisers with a self-assessment, actions, done, overdue');
  assert.deepEqual(
    october.tables[0]!.rows.find((r) => r.total)
      ?.cells.map((c) => c.value)
      ?.slice(1, 3),
    [1, 1],
  );
});
