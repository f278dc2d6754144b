import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { kommun, loadAccessFixtures } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { countCohortsInDatabase } from './cohort-counts.ts';
import { countCohorts } from './cohorts.ts';
import { completionCohorts, earliestShown } from './completion.ts';
import { loadStarters, presentCompletion } from './starters.ts';
import { addFormerStudent } from './test-cohort.ts';

// 400 synthetic former students in every combination the definitions distinguish, drawn from a seeded generator:
// cohorts 2016–2026, starts before and after New Year, examen and/or studiebevis at any time, open and closed
// enrolments, a later second enrolment (a changed programme), a cancelled first one, no personnummer, units and
// programmes unknown to the organisation's records, no home municipality, no sex.
const unitA = 'a0000000-0000-4000-8000-000000000002';
const unitB = 'a0000000-0000-4000-8000-000000000003';
const unitUnknown = randomUUID();
const programmes = [
  { programmeId: 'b0000000-0000-4000-8000-000000000001', programmeCode: 'NA' },
  { programmeId: 'b0000000-0000-4000-8000-000000000002', programmeCode: 'IMSPR' },
  { programmeId: randomUUID(), programmeCode: 'EK' },
];
const database = await createTestDatabase();
await loadAccessFixtures(database);
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const date = (year: number, monthDay: string) => `${year}-${monthDay}`;
for (let i = 0; i < 400; i++) {
  const start = 2016 + Math.floor(random() * 11);
  const late = random() < 0.1;
  const startDate = late ? date(start + 1, '01-10') : date(start, '08-15');
  const done = start + 2 + Math.floor(random() * 4);
  const id = await addFormerStudent(database.db, {
    tenantId: kommun,
    schoolUnitId: pick([unitA, unitA, unitB, unitUnknown]),
    ...pick(programmes),
    startDate,
    endDate: random() < 0.15 ? null : date(done, pick(['06-15', '06-30', '12-20'])),
    examen: random() < 0.6 ? date(done, pick(['06-10', '06-30', '07-01'])) : undefined,
    studiebevis: random() < 0.2 ? date(done - 1, '06-10') : undefined,
    sex: pick(['Kvinna', 'Man'] as const),
    homeMunicipalityCode: pick(['1480', '1496', '1494']),
    civicNoKind: random() < 0.05 ? 'samordningsnummer' : random() < 0.02 ? null : 'personnummer',
  });
  if (random() < 0.1) await database.db.execute(sql`UPDATE persons SET sex = NULL WHERE id = ${id}::uuid`);
  if (random() < 0.05) await database.db.execute(sql`UPDATE persons SET home_municipality_code = NULL WHERE id = ${id}::uuid`);
  if (random() < 0.1) await database.db.execute(sql`UPDATE enrolments SET cancelled = true WHERE person_id = ${id}::uuid`);
  if (random() < 0.2)
    await database.db.execute(sql`
      INSERT INTO enrolments (tenant_id, person_id, ordinal, school_unit_id, school_type, school_year, programme_id, programme_code, start_date, end_date)
      VALUES (${kommun}::uuid, ${id}::uuid, 1, ${unitB}::uuid, 'GY', 2, ${programmes[0]!.programmeId}::uuid, 'NA',
              ${date(start + 1, '08-15')}, ${random() < 0.5 ? null : date(done + 1, '06-15')})`);
}

const asOfs = ['2026-12-03', '2024-06-30', '2023-07-01', '2021-01-15'];
const scopes = ['all', [unitA], [unitA, unitUnknown], []] as const;

test('the SQL counts equal the row-by-row counts for every date and scope', async () => {
  for (const asOf of asOfs)
    for (const scope of scopes) {
      const oracle = countCohorts(await loadStarters(database.db, kommun, scope), asOf, earliestShown(asOf));
      const { cohorts } = await countCohortsInDatabase(database.db, kommun, scope, asOf, earliestShown(asOf));
      assert.deepEqual(cohorts, oracle, `${asOf}, ${JSON.stringify(scope)}`);
    }
});

test('the figures as shown (names, suppression, shares) equal the row-by-row computation', async () => {
  for (const asOf of asOfs)
    for (const scope of scopes) {
      const oracle = presentCompletion(await loadStarters(database.db, kommun, scope), asOf);
      // The reasons for leaving come from the enrolment history, which the row-by-row computation never read.
      const withoutReasons = (await completionCohorts(database.db, kommun, scope, asOf)).map((c) => ({
        ...c,
        groups: c.groups.map((g) => ({ ...g, within: g.within.map((w) => ({ ...w, leftReasons: null })) })),
      }));
      assert.deepEqual(withoutReasons, oracle, `${asOf}, ${JSON.stringify(scope)}`);
    }
  const figures = await completionCohorts(database.db, kommun, 'all', '2026-12-03');
  assert.ok(figures.length >= 5, 'several cohorts');
  assert.ok(
    figures.some((c) => c.groups.some((g) => g.dimension === 'all' && g.within.length === 3 && (g.starters ?? 0) > 10)),
    'a cohort that reached 5 years with figures shown',
  );
});
