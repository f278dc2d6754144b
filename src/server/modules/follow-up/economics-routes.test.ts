import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogRows, fixtureClock, kommun, loadAccessFixtures, signIn } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';
import { defaultParameters, defaultUncertainty } from '../../../shared/follow-up/economics.ts';
import { economicsApi } from '../../../shared/follow-up/economics-api.ts';
import { measuredMethods } from './economics-routes.ts';
import { nationalApi } from '../../../shared/follow-up/national.ts';
import { addFormerStudent } from './test-cohort.ts';

// The 2019 cohort: 24 with a diploma within four years, 6 who left — 6 non-completers measured in 2023.
const na = {
  tenantId: kommun,
  schoolUnitId: 'a0000000-0000-4000-8000-000000000002',
  programmeId: 'b0000000-0000-4000-8000-000000000001',
  programmeCode: 'NA',
  startDate: '2019-08-15',
};
const database = await createTestDatabase();
await loadAccessFixtures(database);
for (let i = 0; i < 24; i++) await addFormerStudent(database.db, { ...na, endDate: '2022-06-15', examen: '2022-06-10' });
for (let i = 0; i < 6; i++) await addFormerStudent(database.db, { ...na, endDate: '2020-12-31' });

const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const analyst = await signIn(app, 'analytiker');
const kurator = await signIn(app, 'kurator');
const lastLog = async () => (await accessLogRows(database)).at(-1);
const body = { parameters: defaultParameters, uncertainty: defaultUncertainty };
const post = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/follow-up/economics',
    headers: { 'x-fullfolj-csrf': '1', ...headers },
    payload: payload as object,
  });

test('GET /api/follow-up/economics: 401, 400, 403, 200 with the latest cohort’s non-completers (logged)', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/follow-up/economics' })).statusCode, 401);
  assert.equal((await app.inject({ method: 'GET', url: '/api/follow-up/economics?x=1', headers: analyst.headers })).statusCode, 400);
  assert.equal((await app.inject({ method: 'GET', url: '/api/follow-up/economics', headers: kurator.headers })).statusCode, 403);
  const res = await app.inject({ method: 'GET', url: '/api/follow-up/economics', headers: analyst.headers });
  assert.equal(res.statusCode, 200, res.body);
  const inputs = economicsApi.inputs.response.parse(res.json());
  assert.deepEqual(inputs.own, { startYear: 2019, years: 4, starters: 30, nonCompleters: 6 });
  assert.deepEqual(inputs.methods, [], 'no interventions measured here');
  assert.match(inputs.caveat.sv, /ingen randomiserad studie/);
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.subject_ids],
    ['follow-up.economics', 'allowed', []],
  );
});

test('POST /api/follow-up/economics: the Värmdö figure at the defaults; out-of-range parameters are 400s naming the parameter', async () => {
  assert.equal((await post(body)).statusCode, 401);
  assert.equal((await post(body, kurator.headers)).statusCode, 403);
  const ok = await post({ ...body, parameters: { ...defaultParameters, shareOutside: 1, nonCompleters: 75 } }, analyst.headers);
  assert.equal(ok.statusCode, 200, ok.body);
  const result = economicsApi.compute.response.parse(ok.json());
  assert.equal(result.atStake.total, 1_181_250_000);
  assert.equal(result.sensitivity.atStake.bars.length, 4);
  assert.equal(result.sensitivity.netMunicipality.bars.length, 8);
  assert.equal(result.intervention.cost, 600_000);
  for (const [over, label] of [
    [{ annualCost: -5 }, /Kostnad per person och år utanför arbete och studier: måste vara minst 0/],
    [{ discountRate: 0.3 }, /"field":"parameters.discountRate","label":"Diskonteringsränta"/],
    [{ shareOutside: 1.5 }, /"label":"Andel av dem som inte fullföljer som hamnar utanför"/],
    [{ payerShares: { ...defaultParameters.payerShares, state: 0.5 } }, /Vem betalar: andelarna får tillsammans vara högst 100 %/],
    [{ attendanceEffect: 2 }, /"label":"Insatsens effekt på närvaron"/],
  ] as const) {
    const res = await post({ ...body, parameters: { ...defaultParameters, ...over } }, analyst.headers);
    assert.equal(res.statusCode, 400, JSON.stringify(over));
    assert.match(res.body, label);
  }
  const reversed = await post({ ...body, uncertainty: { ...defaultUncertainty, attendanceEffect: [0.05, 0.01] } }, analyst.headers);
  assert.equal(reversed.statusCode, 400);
  assert.match(reversed.body, /Effekt på närvaron, lågt–högt: det höga värdet får inte vara lägre än det låga/);
  const english = await post(
    { ...body, parameters: { ...defaultParameters, discountRate: 0.3 } },
    { ...analyst.headers, 'accept-language': 'en' },
  );
  assert.match(english.body, /Discount rate/);
});

test('GET /api/follow-up/national: 401, 400, 403, 200 with the Riket reference and its source (logged)', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/follow-up/national' })).statusCode, 401);
  assert.equal((await app.inject({ method: 'GET', url: '/api/follow-up/national?x=1', headers: analyst.headers })).statusCode, 400);
  assert.equal((await app.inject({ method: 'GET', url: '/api/follow-up/national', headers: kurator.headers })).statusCode, 403);
  const res = await app.inject({ method: 'GET', url: '/api/follow-up/national', headers: analyst.headers });
  assert.equal(res.statusCode, 200, res.body);
  const national = nationalApi.read.response.parse(res.json());
  assert.equal(national.series[0]?.areaName, 'Riket');
  assert.ok(national.differences.length >= 3);
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['follow-up.national', 'allowed']);
});

test('measured methods: the matched difference with ± 1.96 standard errors; suppressed or unspread ones left out', () => {
  const method = { id: 'a', slug: 'mentorskap', name: { sv: 'Mentorskap', en: 'Mentoring' } };
  const none = { tooEarly: 0, noData: 0 };
  const change = { attendanceRate: 0.04, invalidAbsenceRate: -0.02 };
  const comparison = { n: 8, change: { attendanceRate: 0.01, invalidAbsenceRate: 0 } };
  const shown = measuredMethods([
    {
      method,
      n: 8,
      change,
      comparison,
      difference: { attendanceRate: 0.03, invalidAbsenceRate: -0.02 },
      differenceStandardError: 0.01,
      excluded: none,
    },
    { method, n: null, change: null, comparison, difference: null, differenceStandardError: null, excluded: none },
  ]);
  assert.deepEqual(shown, [{ name: method.name, n: 8, effect: 0.03, low: 0.03 - 1.96 * 0.01, high: 0.03 + 1.96 * 0.01 }]);
});
