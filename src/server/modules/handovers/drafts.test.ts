import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { friskola, kommun, loadAccessFixtures } from '../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addStudent, enrol } from '../../../../test/support/factories/index.ts';
import { loadTestNumbers } from '../../../ingest/demo/identities.ts';
import { queryRows } from '../../db/client.ts';
import { prepareDrafts } from './drafts.ts';
import { friGymnasium, gymnasiet, skolan79 } from './test-app.ts';

const asOf = '2027-05-15';
const civic = (loadTestNumbers().get(2011) ?? []).slice(0, 6);

interface Draft extends Record<string, unknown> {
  student_id: string;
  to_organiser_id: string;
  to_unit_id: string;
  leaves_on: string | null;
  starts_on: string;
  route: string;
}

test('drafts pair each leaving placement with the first one after it, at the same organiser or another with the same civic number', async () => {
  assert.equal(civic.length, 6, 'test personnummer born 2011');
  const database = await createTestDatabase();
  await loadAccessFixtures(database);
  const { db } = database;
  const year9 = {
    tenantId: kommun,
    schoolUnitId: skolan79,
    schoolType: 'GR',
    schoolYear: 9,
    startDate: '2018-08-15',
    endDate: '2027-06-11',
  };
  const year8 = { ...year9, schoolYear: 8, endDate: null };
  const elsewhere = (civicNo: string, startDate: string) =>
    addStudent(db, { tenantId: friskola, givenName: 'Samma', civicNo, schoolUnitId: friGymnasium, startDate });

  // Ada leaves year 9 in June; the independent school admits her in August, her own municipality's in September.
  const ada = await addStudent(db, { ...year9, givenName: 'Ada', civicNo: civic[0] });
  await elsewhere(civic[0]!, '2027-08-20');
  await enrol(db, { tenantId: kommun, personId: ada, schoolUnitId: gymnasiet, startDate: '2027-09-10' });
  // Bert is in year 8 with no end date, and is placed at the municipality's upper-secondary school after today.
  const bert = await addStudent(db, { ...year8, givenName: 'Bert', civicNo: civic[1] });
  await enrol(db, { tenantId: kommun, personId: bert, schoolUnitId: gymnasiet, startDate: '2027-08-20' });
  // Cilla, year 8 with no end date, has studied at the independent school too since January: no move, no draft.
  await addStudent(db, { ...year8, givenName: 'Cilla', civicNo: civic[2] });
  await elsewhere(civic[2]!, '2027-01-10');
  // Dan left last year and began elsewhere then: outside the window.
  await addStudent(db, { ...year9, givenName: 'Dan', civicNo: civic[3], endDate: '2026-06-10' });
  await elsewhere(civic[3]!, '2026-08-20');
  // Eva stays at the same unit.
  const eva = await addStudent(db, { ...year9, givenName: 'Eva', civicNo: civic[4] });
  await enrol(db, { tenantId: kommun, personId: eva, schoolUnitId: skolan79, schoolType: 'GR', startDate: '2027-08-20' });
  // Fia began elsewhere in March, more than 30 days before her placement here ends: not the next school.
  await addStudent(db, { ...year9, givenName: 'Fia', civicNo: civic[5] });
  await elsewhere(civic[5]!, '2027-03-01');

  const made = await prepareDrafts(db, kommun, asOf);
  const drafts = await queryRows<Draft>(
    db,
    sql`SELECT student_id, to_organiser_id, to_unit_id, leaves_on::text, starts_on::text, route FROM handovers
         WHERE tenant_id = ${kommun}::uuid AND direction = 'sent' AND civic_no = ANY(${`{${civic.join(',')}}`}::text[])
         ORDER BY given_name`,
  );
  assert.deepEqual(drafts, [
    {
      student_id: ada,
      to_organiser_id: friskola,
      to_unit_id: friGymnasium,
      leaves_on: '2027-06-11',
      starts_on: '2027-08-20',
      route: 'year9-to-upper-secondary',
    },
    {
      student_id: bert,
      to_organiser_id: kommun,
      to_unit_id: gymnasiet,
      leaves_on: null,
      starts_on: '2027-08-20',
      route: 'year9-to-upper-secondary',
    },
  ]);
  assert.ok(made >= 2);
  // Made once: a second opening adds nothing.
  assert.equal(await prepareDrafts(db, kommun, asOf), 0);
});
