import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { queryRows } from '../../db/client.ts';
import { fetchKolada, KoladaError } from './kolada.ts';
import { nationalComparison, runKoladaFetch } from './kolada-store.ts';

// A local stand-in for api.kolada.se answering in v3's documented shape (recorded answers, not real figures).
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_req, res) => res.end('{}');
const requests: string[] = [];
const server = createServer((req, res) => {
  requests.push(req.url ?? '');
  handler(req, res);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => server.close());
const json = (res: ServerResponse, body: unknown, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const row = (kpi: string, municipality: string, period: number, value: number | null, extra: object = {}) => ({
  kpi,
  municipality,
  period,
  values: [
    { gender: 'T', status: '', value, count: 1, ...extra },
    { gender: 'K', status: '', value, count: 1 },
  ],
});
const options = { baseUrl, retryDelayMs: 0, timeoutMs: 2000 };

test('pages through next_url and next_page; at most 25 ids per list; deleted rows, unknown key figures and empty values left out', async () => {
  requests.length = 0;
  handler = (req, res) => {
    if (req.url?.includes('page=2'))
      return json(res, { values: [row('N17461', '1496', 2024, 74.5), row('X99999', '1496', 2024, 1)], next_page: null });
    if (req.url?.includes('page=3')) return json(res, { values: [row('N17461', '0000', 2024, 74)], next_url: null });
    const first = req.url!.split('/')[4]!.split(',').length;
    json(res, {
      values: [
        row('N17461', '1496', 2023, 73.1),
        { kpi: 'N00001', municipality: '1496', period: 2023, values: [{ gender: 'T', status: '', value: 60, isdeleted: true }] },
        { kpi: 'N00002', municipality: '1496', period: 2023, values: [{ gender: 'T', status: 'Saknas', value: null }] },
      ],
      next_url: first > 1 ? `${baseUrl}/v3/data/kpi/x?page=2` : '/v3/data/kpi/x?page=3',
    });
  };
  const kpis = Array.from({ length: 26 }, (_, i) => (i === 0 ? 'N17461' : `N${String(i).padStart(5, '0')}`));
  const result = await fetchKolada(kpis, ['1496'], [2023, 2024, 2025], options);
  assert.equal(requests.filter((u) => !u.includes('page=')).length, 2, 'two requests for 26 ids');
  assert.ok(requests.every((u) => !u.startsWith('/v3/data/kpi/') || u.includes('page=') || u.split('/')[4]!.split(',').length <= 25));
  assert.deepEqual(
    result.values.filter((v) => v.gender === 'T').map((v) => [v.kpi, v.municipality, v.period, v.value]),
    [
      ['N17461', '1496', 2023, 73.1],
      ['N17461', '1496', 2024, 74.5],
      ['N17461', '1496', 2023, 73.1],
      ['N17461', '0000', 2024, 74],
    ],
  );
  assert.equal(result.skipped.deleted, 2);
  assert.equal(result.skipped.noValue, 2);
  assert.equal(result.skipped.unknownKpi, 2, 'X99999, which was not asked for');
  assert.deepEqual(result.missingYears, [2025]);
});

test('retries a 503 and a timeout, then gives up with a clear message; a shape change stops with one too', async () => {
  let calls = 0;
  handler = (_req, res) => {
    calls++;
    if (calls === 1) return json(res, { error: 'busy' }, 503);
    json(res, { values: [row('N17461', '0000', 2024, 74)], next_url: null });
  };
  assert.equal((await fetchKolada(['N17461'], ['0000'], [2024], options)).values.length, 2);
  assert.equal(calls, 2);

  handler = () => {}; // never answers
  await assert.rejects(fetchKolada(['N17461'], ['0000'], [2024], { ...options, timeoutMs: 50, retries: 1 }), (e: unknown) => {
    assert.ok(e instanceof KoladaError);
    assert.match(e.message, /Kolada gick inte att nå \(tidsgränsen passerades\) även efter 2 försök/);
    return true;
  });
  handler = (_req, res) => json(res, { data: [] });
  await assert.rejects(fetchKolada(['N17461'], ['0000'], [2024], options), /okänt format/);
});

test('a fetch stores the values and records itself; a failed one keeps the last good data; the comparison names its source', async () => {
  const { db } = await createTestDatabase();
  const now = () => new Date('2026-12-03T02:00:00Z');
  handler = (_req, res) => json(res, { values: [row('N17461', '1496', 2025, 76.2), row('N17461', '0000', 2025, 75.1)], next_url: null });
  const ok = await runKoladaFetch(db, { municipalities: ['1496'], years: [2025], now, options });
  assert.equal(ok.status, 'ok');
  assert.equal(ok.stored, 4);
  handler = (_req, res) => json(res, { unexpected: true });
  const failed = await runKoladaFetch(db, { municipalities: ['1496'], years: [2025], now, options });
  assert.equal(failed.status, 'failed');
  assert.match(failed.message!, /okänt format/);
  const kept = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM kolada_values`);
  assert.equal(kept[0]!.n, 4, 'the last good data is kept');
  const national = await nationalComparison(db, '1496');
  const skovde = national.series.find((s) => s.kpi === 'N17461' && s.area === 'municipality')!;
  assert.equal(skovde.areaName, 'Skövde');
  assert.deepEqual(skovde.points, [{ year: 2025, percent: 76.2 }]);
  assert.equal(skovde.source.sv, 'Källa: Kolada/SCB, hämtat 2026-12-03');
  assert.deepEqual([national.lastFetch?.outcome, national.lastFetch?.lastGoodAt?.slice(0, 10)], ['failed', '2026-12-03']);
});

test('never fetched: Riket is the shipped reference series with its own source line, never called Kolada’s', async () => {
  const { db } = await createTestDatabase();
  const national = await nationalComparison(db, '1496');
  assert.equal(national.lastFetch, null);
  assert.equal(national.series.length, 1);
  const [riket] = national.series;
  assert.equal(riket!.points.find((p) => p.year === 2025)?.percent, 75);
  assert.equal(riket!.points.find((p) => p.year === 2015)?.percent, 69);
  assert.match(riket!.source.sv, /inte en hämtning från Kolada/);
});
