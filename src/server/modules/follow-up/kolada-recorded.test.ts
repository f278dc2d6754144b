import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { koladaFetchedKpiIds } from '../../../shared/follow-up/vocabulary.ts';
import { loadRecordedKolada } from './kolada-recorded.ts';
import { nationalComparison, runKoladaFetch } from './kolada-store.ts';
import { riketReference } from './riket-reference.ts';

const database = await createTestDatabase();
const now = () => new Date('2026-12-03T09:00:00Z');

test('the recorded answer loads through the client once, shows a last fetch, and says it is not a Kolada fetch', async () => {
  const first = await loadRecordedKolada(database.db, ['1496', '1494'], now);
  assert.equal(first?.status, 'ok');
  assert.equal(first?.stored, riketReference.values.length, 'Riket’s published N17461 only');
  assert.equal(await loadRecordedKolada(database.db, ['1496'], now), null, 'not again once a fetch is recorded');
  const national = await nationalComparison(database.db, '1496');
  const riket = national.series.filter((s) => s.area === 'riket');
  assert.deepEqual(
    riket.map((s) => s.kpi),
    ['N17461'],
  );
  assert.deepEqual(
    riket[0]!.points.map((p) => [p.year, p.percent]),
    riketReference.values.map((v) => [v.period, v.value]),
  );
  assert.match(riket[0]!.source.sv, /inspelat svar.*inte en hämtning från Kolada/);
  assert.equal(national.series.filter((s) => s.area === 'municipality').length, 0, 'no municipality figures are made up');
  assert.equal(national.lastFetch?.outcome, 'ok');
  assert.equal(national.lastFetch?.at.slice(0, 10), '2026-12-03');
});

test('a fetch asks for the further key figures too (per programme type, introduktionsprogram); a bad answer keeps the recorded data', async () => {
  assert.deepEqual(
    ['N17462', 'N17463', 'N17549', 'N17550'].filter((k) => !koladaFetchedKpiIds.includes(k)),
    [],
  );
  const asked: string[] = [];
  const failed = await runKoladaFetch(database.db, {
    municipalities: ['1496'],
    years: [2025],
    now,
    options: {
      baseUrl: 'https://kolada.invalid',
      retries: 0,
      fetch: async (url) => {
        asked.push(String(url));
        return new Response(JSON.stringify({ rows: [] }), { status: 200 });
      },
    },
  });
  assert.equal(failed.status, 'failed');
  assert.match(asked[0]!, /N17445,N17441,N17461,N17457,N17462,N17463,N17549,N17550/);
  const national = await nationalComparison(database.db, '1496');
  assert.equal(national.lastFetch?.outcome, 'failed');
  assert.equal(national.series.find((s) => s.area === 'riket')?.points.length, riketReference.values.length, 'the last good data kept');
});
