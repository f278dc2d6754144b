import assert from 'node:assert/strict';
import { test } from 'node:test';
import { friskola, kommun, loadAccessFixtures } from '../../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../../test/support/database.ts';
import { regionCompletionAgainstGoals, saveRegionGoals } from '../../follow-up/region-goals.ts';
import { addFormerStudent } from '../../follow-up/test-cohort.ts';
import { addRegion, regionMunicipalitiesOf } from '../store.ts';
import { completionSection } from './completion-section.ts';
import { buildSection, monthBounds } from './section.ts';

// A region of two municipalities with one organiser each (the fixture's Göteborg kommun and Stockholm's friskola) and
// goals: the municipalities' grid, the region's total and the region's goals must each count every starter once.
const database = await createTestDatabase();
await loadAccessFixtures(database);
const db = database.db;
const region = await addRegion(db, {
  slug: 'tva-kommuner',
  nameSv: 'Två kommuner',
  nameEn: 'Two municipalities',
  kind: 'region',
  municipalityCodes: ['1480', '0180'],
});
const municipalities = await regionMunicipalitiesOf(db, region.id);
const build = (month: string) => buildSection(completionSection, { db, region, municipalities, month, ...monthBounds(month) });

/** Adds a 2020 cohort: `examen` with a diploma, `studiebevis` with a study certificate, `left` who left in year 2. */
async function cohort(tenantId: string, schoolUnitId: string, n: { examen: number; studiebevis: number; left: number }) {
  const s = { tenantId, schoolUnitId, programmeId: 'b0000000-0000-4000-8000-000000000001', programmeCode: 'NA', startDate: '2020-08-15' };
  for (let i = 0; i < n.examen; i++) await addFormerStudent(db, { ...s, endDate: '2023-06-15', examen: '2023-06-10' });
  for (let i = 0; i < n.studiebevis; i++) await addFormerStudent(db, { ...s, endDate: '2023-06-15', studiebevis: '2023-06-10' });
  for (let i = 0; i < n.left; i++) await addFormerStudent(db, { ...s, endDate: '2021-12-31' });
}
// Göteborg: 33 started, 21 diplomas, 6 study certificates. Stockholm's friskola: 20 started, 12 diplomas, 3 certificates.
await cohort(kommun, 'a0000000-0000-4000-8000-000000000002', { examen: 21, studiebevis: 6, left: 6 });
await cohort(friskola, 'a1000000-0000-4000-8000-000000000002', { examen: 12, studiebevis: 3, left: 5 });
await saveRegionGoals(
  db,
  region.id,
  [
    { name: 'Färre utan examen', outcome: 'examen', years: 4, baselineYear: 2022, baselineShare: 0.4, targetYear: 2030, targetShare: 0.2 },
    {
      name: 'Färre utan gymnasiebetyg',
      outcome: 'examen-or-studiebevis',
      years: 4,
      baselineYear: 2022,
      baselineShare: 0.3,
      targetYear: 2030,
      targetShare: 0.1,
    },
  ],
  null,
  '2024-10-01T10:00:00Z',
);

test("with goals, the report's grid counts each organiser once and the region's total is the municipalities' sum", async () => {
  const section = await build('2024-10');
  const grid = section.tables.find((t) => t.caption.sv.startsWith('Examen inom 4 år'));
  assert.ok(grid, 'the grid');
  assert.deepEqual(
    grid.rows.map((r) => [r.label.sv, r.cells.map((c) => c.value)]),
    [
      ['Göteborg', [33, 21, 27]],
      ['Stockholm', [20, 12, 15]],
      ['Hela regionen', [53, 33, 42]],
    ],
  );
});

test("with goals, the region's latest values are the 53 starters' shares, not a sum counted twice", async () => {
  const figures = await regionCompletionAgainstGoals(db, region.id, '2024-10-31');
  assert.deepEqual(
    figures?.cohorts.filter((c) => c.startYear === 2020).map((c) => [c.years, c.examen, c.examenOrStudiebevis]),
    [
      [3, 33 / 53, 42 / 53],
      [4, 33 / 53, 42 / 53],
    ],
  );
  const section = await build('2024-10');
  const table = section.tables.find((t) => t.caption.sv === 'Regionens mål: andel utan fullföljd utbildning');
  assert.ok(table, "the region's goals table");
  // 20 of 53 without a diploma = 37,7 % (path 35 %: off track); 11 of 53 without either = 20,8 % (path 25 %: on track).
  assert.deepEqual(Object.fromEntries(table.rows.map((r) => [r.label.sv, r.cells.map((c) => c.text?.sv)])), {
    'Färre utan examen': ['40,0 % (2022)', '2030', '20,0 %', '37,7 % (2024)', '35,0 %', 'Nej'],
    'Färre utan gymnasiebetyg': ['30,0 % (2022)', '2030', '10,0 %', '20,8 % (2024)', '25,0 %', 'Ja'],
  });
  // The same report built twice gives the same figures (nothing accumulates between builds).
  assert.deepEqual(await build('2024-10'), section);
});
