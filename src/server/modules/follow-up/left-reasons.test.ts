import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { kommun, loadAccessFixtures } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { completionCohorts } from './completion.ts';
import { addFormerStudent } from './test-cohort.ts';

// The 2019 cohort: 20 with a diploma, 6 who left after changing programme, 6 who were only ever on an introduktionsprogram,
// 7 who left otherwise; 5 more who changed programme and are still studying.
const database = await createTestDatabase();
await loadAccessFixtures(database);
const unit = 'a0000000-0000-4000-8000-000000000002';
const na = { programmeId: 'b0000000-0000-4000-8000-000000000001', programmeCode: 'NA' };
const im = { programmeId: 'b0000000-0000-4000-8000-000000000002', programmeCode: 'IMSPR' };
const former = { tenantId: kommun, schoolUnitId: unit, startDate: '2019-08-15' };
const secondProgramme = async (id: string, end: string | null) =>
  database.db.execute(sql`
    INSERT INTO enrolments (tenant_id, person_id, ordinal, school_unit_id, school_type, school_year, programme_id, programme_code, start_date, end_date)
    VALUES (${kommun}::uuid, ${id}::uuid, 1, ${unit}::uuid, 'GY', 2, ${im.programmeId}::uuid, 'IMYRK', '2020-08-15', ${end})`);
for (let i = 0; i < 20; i++) await addFormerStudent(database.db, { ...former, ...na, endDate: '2022-06-15', examen: '2022-06-10' });
for (let i = 0; i < 6; i++)
  await secondProgramme(await addFormerStudent(database.db, { ...former, ...na, endDate: '2020-06-15' }), '2021-06-15');
for (let i = 0; i < 6; i++) await addFormerStudent(database.db, { ...former, ...im, endDate: '2020-12-31' });
for (let i = 0; i < 7; i++) await addFormerStudent(database.db, { ...former, ...na, endDate: '2020-12-31' });
for (let i = 0; i < 5; i++) await secondProgramme(await addFormerStudent(database.db, { ...former, ...na, endDate: '2020-06-15' }), null);

test('why those who left did not finish: changed programme, only ever on an introduktionsprogram, other; total row only', async () => {
  const [cohort] = (await completionCohorts(database.db, kommun, 'all', '2026-12-03')).filter((c) => c.startYear === 2019);
  const all = cohort!.groups.find((g) => g.dimension === 'all')!;
  const y3 = all.within.find((w) => w.years === 3)!;
  assert.deepEqual([y3.left, y3.studying], [19, 5]);
  assert.deepEqual(
    [y3.leftReasons?.changedProgramme, y3.leftReasons?.introductionOnly, y3.leftReasons?.other],
    [6, 6, 7],
    'the five still studying after a change of programme are not among those who left',
  );
  assert.ok(
    cohort!.groups.filter((g) => g.dimension !== 'all').every((g) => g.within.every((w) => w.leftReasons === null)),
    'breakdowns carry no reasons',
  );
});

test('a small reason is suppressed with a complement, since the reasons add up to the left count shown', async () => {
  for (let i = 0; i < 20; i++)
    await addFormerStudent(database.db, { ...former, ...na, startDate: '2020-08-15', endDate: '2023-06-15', examen: '2023-06-10' });
  const build = async (n: number) => {
    for (let i = 0; i < n; i++) await addFormerStudent(database.db, { ...former, ...na, startDate: '2020-08-15', endDate: '2021-01-31' });
  };
  await build(8);
  for (let i = 0; i < 2; i++)
    await secondProgramme(
      await addFormerStudent(database.db, { ...former, ...na, startDate: '2020-08-15', endDate: '2021-06-15' }),
      '2021-12-31',
    );
  const [cohort] = (await completionCohorts(database.db, kommun, 'all', '2026-12-03')).filter((c) => c.startYear === 2020);
  const y3 = cohort!.groups.find((g) => g.dimension === 'all')!.within.find((w) => w.years === 3)!;
  assert.equal(y3.left, 10, 'the left count is shown');
  const r = y3.leftReasons!;
  assert.equal(r.suppressed.changedProgramme, 'small');
  assert.equal(r.changedProgramme, null);
  assert.equal(r.introductionOnly, 0, 'a zero stays shown');
  assert.deepEqual([r.other, r.suppressed.other], [null, 'complementary']);
});
