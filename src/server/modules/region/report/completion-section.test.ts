import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kommun, loadAccessFixtures } from '../../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../../test/support/database.ts';
import { saveRegionGoals } from '../../follow-up/region-goals.ts';
import { addFormerStudent } from '../../follow-up/test-cohort.ts';
import { regionBySlug, regionMunicipalitiesOf } from '../store.ts';
import { completionSection } from './completion-section.ts';
import { buildSection, monthBounds } from './section.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
const db = database.db;
const region = (await regionBySlug(db, 'vastra-gotaland'))!;
const municipalities = await regionMunicipalitiesOf(db, region.id);
const build = (month: string) => buildSection(completionSection, { db, region, municipalities, month, ...monthBounds(month) });

// The fixture organiser's (Göteborg's) 2020 cohort: 33 started, 21 with a diploma and 6 with a study certificate
// within three years, 6 who left. Within four years (measured 2024): 12 of 33 (36,4 %) without a diploma, 6 of 33
// (18,2 %) without a diploma or study certificate.
const former = {
  tenantId: kommun,
  schoolUnitId: 'a0000000-0000-4000-8000-000000000002',
  programmeId: 'b0000000-0000-4000-8000-000000000001',
  programmeCode: 'NA',
  startDate: '2020-08-15',
};
for (let i = 0; i < 21; i++) await addFormerStudent(db, { ...former, endDate: '2023-06-15', examen: '2023-06-10' });
for (let i = 0; i < 6; i++) await addFormerStudent(db, { ...former, endDate: '2023-06-15', studiebevis: '2023-06-10' });
for (let i = 0; i < 6; i++) await addFormerStudent(db, { ...former, endDate: '2021-12-31' });

const goalTable = (section: Awaited<ReturnType<typeof build>>) =>
  section.tables.find((t) => t.caption.sv === 'Regionens mål: andel utan fullföljd utbildning');

test("the completion section says the region has set no goals, and has no table of the region's goals", async () => {
  const section = await build('2024-10');
  assert.equal(section.empty, false);
  assert.match(section.note?.sv ?? '', /Regionens mål: inga mål satta\./);
  assert.match(section.note?.en ?? '', /no goals set/);
  assert.equal(goalTable(section), undefined);
});

test("the completion section shows the region's goals: baseline, target year, latest value, the path then, on track", async () => {
  await saveRegionGoals(
    db,
    region.id,
    [
      // Path in 2024: 40 % − (40 − 20) × 2/8 = 35 %; the region's 36,4 % is above it.
      {
        name: 'Halvera utan examen',
        outcome: 'examen',
        years: 4,
        baselineYear: 2022,
        baselineShare: 0.4,
        targetYear: 2030,
        targetShare: 0.2,
      },
      // Path in 2024: 30 % − (30 − 10) × 2/8 = 25 %; the region's 18,2 % is below it.
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
  const section = await build('2024-10');
  assert.doesNotMatch(section.note?.sv ?? '', /inga mål satta/);
  const table = goalTable(section);
  assert.ok(table, "the region's goals table");
  assert.deepEqual(
    table.columns.map((c) => c.sv),
    ['Utgångsvärde', 'Målår', 'Mål', 'Senaste värde', 'Vägen till målet samma år', 'I fas'],
  );
  const rows = Object.fromEntries(table.rows.map((r) => [r.label.sv, r.cells.map((c) => c.text?.sv)]));
  assert.deepEqual(rows, {
    'Färre utan gymnasiebetyg': ['30,0 % (2022)', '2030', '10,0 %', '18,2 % (2024)', '25,0 %', 'Ja'],
    'Halvera utan examen': ['40,0 % (2022)', '2030', '20,0 %', '36,4 % (2024)', '35,0 %', 'Nej'],
  });
  assert.deepEqual(
    table.rows.find((r) => r.label.en === 'Halvera utan examen')?.cells.map((c) => c.text?.en),
    ['40.0 % (2022)', '2030', '20.0 %', '36.4 % (2024)', '35.0 %', 'No'],
  );
  assert.ok(!JSON.stringify(section).includes(kommun), 'no organiser id in the section');
});
