import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { accessLogRows, fixtureClock, kommun, signIn, students } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { buildApp } from '../../app.ts';
import { refreshTenant } from './refresh.ts';
import { loadScenario, scenarioDate } from './test-scenario.ts';
import { probabilityText, worklistCsvHeader } from './worklist-csv.ts';

const database = await createTestDatabase();
await loadScenario(database);
await database.db.transaction((tx) => refreshTenant(tx, kommun, scenarioDate));
const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: fixtureClock });
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

test('GET /api/early-warning/worklist.csv: the worklist for Excel — BOM, semicolons, Swedish headings and names, not codes; logged with every student exported', async () => {
  assert.equal((await get('/api/early-warning/worklist.csv')).statusCode, 401);
  const teacher = await signIn(app, 'larare');
  assert.equal((await get('/api/early-warning/worklist.csv', teacher.headers)).statusCode, 403, 'only the roles that see the worklist');
  const kurator = await signIn(app, 'kurator');
  const bad = await get('/api/early-warning/worklist.csv?minTier=9', kurator.headers);
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    bad.json().fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    [['minTier', 'Visa från stödnivå: får vara högst 3.']],
  );
  assert.equal((await get('/api/early-warning/worklist.csv?page=2', kurator.headers)).statusCode, 400, 'the export has no pages');

  const res = await get('/api/early-warning/worklist.csv', kurator.headers);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.equal(res.headers['content-disposition'], `attachment; filename="tidig-upptackt-${scenarioDate}.csv"`);
  assert.ok(res.body.startsWith('\ufeff'), 'a byte-order mark, so Excel reads UTF-8');
  const [header, ...rows] = parse(res.body.slice(1), { delimiter: ';' }) as string[][];
  assert.deepEqual(header, worklistCsvHeader);
  assert.equal(header?.[0], 'Plats');
  const byName = Object.fromEntries(rows.map((r) => [`${r[2]} ${r[1]}`, Object.fromEntries(header!.map((h, k) => [h, r[k]]))]));
  assert.deepEqual(Object.keys(byName).sort(), ['Alva Testsson', 'Bo Provsson', 'Eva Utanför'], 'tier 2 and up, as on the page');
  assert.deepEqual(
    rows.map((r) => r[0]),
    ['1', '2', '3'],
  );
  const alva = byName['Alva Testsson']!;
  assert.equal(alva['Stödnivå'], 'Samordnat stöd');
  assert.equal(alva['Skäl'], 'Låg närvaro, Ogiltig frånvaro över CSN-gränsen');
  assert.equal(alva['Sannolikhet att inte fullfölja'], 'Ingen modell');
  assert.equal(alva['Skolenhet'], 'Exempelgymnasiet');
  assert.equal(alva['Sedan'], scenarioDate);
  assert.equal(alva['Inom teamets kapacitet'], 'Ja');
  assert.match(alva['Närvaro denna termin'] ?? '', /^\d+(,\d)?\u00a0%$/, 'a percentage with a decimal comma');
  assert.equal(byName['Bo Provsson']!['Sannolikhet att inte fullfölja'], 'Otillräckligt underlag');
  assert.ok(!/csn-invalid-absence|attendance|no-model|insufficient|\btrue\b|\bfalse\b/.test(res.body), 'no codes');
  assert.ok(!res.body.includes(students.alva), 'no ids');

  const log = (await accessLogRows(database)).at(-1);
  assert.deepEqual([log?.action, log?.outcome], ['early-warning.worklist-export', 'allowed']);
  assert.deepEqual(log?.subject_ids, [students.alva, students.bo, students.eva].sort(), 'the students exported');

  const mentor = await signIn(app, 'mentor');
  const mentorRows = parse((await get('/api/early-warning/worklist.csv', mentor.headers)).body.slice(1), { delimiter: ';' }) as string[][];
  assert.ok(!mentorRows.some((r) => r[2] === 'Eva'), 'the mentor exports only their own groups');
});

test('the probability in words: a band so wide that it says nothing reads "Osäker skattning", not "100 % (0 %–100 %)"', () => {
  assert.equal(probabilityText({ status: 'ok', value: 1, lower: 0, upper: 1 }), 'Osäker skattning');
  assert.equal(probabilityText({ status: 'ok', value: 0.42, lower: 0.3, upper: 0.55 }), '42\u00a0% (30\u00a0%–55\u00a0%)');
  assert.equal(probabilityText({ status: 'no-model' }), 'Ingen modell');
});
