import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from '../../server/db/client.ts';
import { importOrder } from './documents.ts';
import { fileSource } from './file-source.ts';
import { importSs12000 } from './import-ss12000.ts';
import { memorySource } from './memory-source.ts';
import { cloneDocuments, countRows, fixtureDir, fixtureDocuments, snapshotTables } from './test-helpers.ts';

const database = await createTestDatabase();
const { db } = database;
const KOMMUN = 'a0000000-0000-4000-8000-000000000001';

test('imports every endpoint of the file fixtures for the organiser found in them', async () => {
  const report = await importSs12000(database, fileSource(fixtureDir('kommun')));
  assert.equal(report.status, 'completed');
  assert.equal(report.tenantId, KOMMUN);
  assert.equal(report.organiserName, 'Exempelkommun');
  assert.deepEqual(report.errors, []);
  assert.deepEqual(Object.keys(report.counts), [...importOrder]);
  for (const endpoint of importOrder) assert.ok(report.counts[endpoint].upserted > 0, `${endpoint} imported`);
  assert.deepEqual(await countRows(db, KOMMUN), {
    organisations: 3,
    programmes: 2,
    syllabuses: 2,
    persons: 5,
    person_responsibles: 1,
    enrolments: 4,
    groups: 1,
    group_memberships: 3,
    duties: 1,
    duty_assignments: 1,
    activities: 1,
    activity_groups: 1,
    activity_teachers: 1,
    calendar_events: 2,
    attendances: 4,
    aggregated_attendances: 2,
    grades: 2,
    certificates: 1,
  });
  const [organiser] = await queryRows(
    db,
    sql`SELECT name, organisation_number, kind, municipality_code FROM organisers WHERE id = ${KOMMUN}::uuid`,
  );
  assert.deepEqual(organiser, { name: 'Exempelkommun', organisation_number: '2120009990', kind: 'municipal', municipality_code: '1480' });
  const [run] = await queryRows(
    db,
    sql`SELECT status, source FROM import_runs WHERE tenant_id = ${KOMMUN}::uuid AND id = ${report.runId}::uuid`,
  );
  assert.deepEqual(run, { status: 'completed', source: `files:${fixtureDir('kommun')}` });
});

test('maps civic numbers, home municipality, protected contact details and Swedish lesson dates', async () => {
  const persons = await queryRows<{
    id: string;
    civic_no: string;
    civic_no_kind: string;
    home_municipality_code: string | null;
    contact: object;
  }>(
    db,
    sql`
    SELECT id::text, civic_no, civic_no_kind, home_municipality_code, contact FROM persons WHERE tenant_id = ${KOMMUN}::uuid ORDER BY id`,
  );
  assert.deepEqual(
    persons.slice(0, 3).map((p) => [p.civic_no_kind, p.home_municipality_code]),
    [
      ['personnummer', '1480'],
      ['personnummer', '0180'],
      ['temporary', null],
    ],
  );
  assert.equal(persons[1]?.civic_no, '200801052382', 'stored without separator');
  assert.deepEqual(persons[1]?.contact, {}, 'no contact details stored for skyddad folkbokföring');
  const dates = await queryRows<{ d: string }>(
    db,
    sql`SELECT DISTINCT lesson_date::text AS d FROM attendances WHERE tenant_id = ${KOMMUN}::uuid ORDER BY 1`,
  );
  assert.deepEqual(
    dates.map((r) => r.d),
    ['2024-09-02', '2024-09-03'],
    '22:30Z is 00:30 the next day in Sweden',
  );
  const [enrolment] = await queryRows(
    db,
    sql`SELECT programme_code FROM enrolments WHERE tenant_id = ${KOMMUN}::uuid AND person_id = 'd0000000-0000-4000-8000-000000000001'`,
  );
  assert.deepEqual(enrolment, { programme_code: 'NA' });
});

test('importing again gives exactly the same rows, from files or from memory', async () => {
  const first = await snapshotTables(db, KOMMUN);
  const again = await importSs12000(database, fileSource(fixtureDir('kommun')));
  assert.equal(again.status, 'completed');
  assert.equal(again.counts.persons.upserted, 0);
  assert.equal(again.counts.persons.unchanged, 5);
  assert.deepEqual(await snapshotTables(db, KOMMUN), first);
  const fromMemory = await importSs12000(database, memorySource(fixtureDocuments('kommun'), 2));
  assert.equal(fromMemory.status, 'completed');
  assert.deepEqual(await snapshotTables(db, KOMMUN), first);
});

test('an older meta.modified never overwrites; a newer one replaces the row and its child collections', async () => {
  const docs = cloneDocuments(fixtureDocuments('kommun'));
  const person = (docs.persons as { id: string; givenName: string; meta: { modified: string }; enrolments: unknown[] }[])[0]!;
  person.givenName = 'Äldre';
  person.meta.modified = '2024-01-01T00:00:00Z';
  person.enrolments = [];
  const older = await importSs12000(database, memorySource({ organisations: docs.organisations, persons: [person] }));
  assert.equal(older.counts.persons.unchanged, 1);
  const [kept] = await queryRows(db, sql`SELECT given_name FROM persons WHERE tenant_id = ${KOMMUN}::uuid AND id = ${person.id}::uuid`);
  assert.deepEqual(kept, { given_name: 'Alva' });

  person.givenName = 'Nyare';
  person.meta.modified = '2024-09-01T00:00:00Z';
  const newer = await importSs12000(database, memorySource({ organisations: docs.organisations, persons: [person] }));
  assert.equal(newer.counts.persons.upserted, 1);
  const [changed] = await queryRows(
    db,
    sql`
    SELECT given_name, (SELECT count(*)::int FROM enrolments e WHERE e.tenant_id = p.tenant_id AND e.person_id = p.id) AS enrolments
      FROM persons p WHERE tenant_id = ${KOMMUN}::uuid AND id = ${person.id}::uuid`,
  );
  assert.deepEqual(changed, { given_name: 'Nyare', enrolments: 0 });
});

test('deletedEntities removes rows by id within the tenant, with their child rows', async () => {
  const docs = fixtureDocuments('kommun');
  const groupId = 'e0000000-0000-4000-8000-000000000001';
  const report = await importSs12000(
    database,
    memorySource({ organisations: docs.organisations }, 1000, { groups: [groupId], grades: ['40000000-0000-4000-8000-000000000001'] }),
  );
  assert.equal(report.counts.groups.deleted, 1);
  assert.equal(report.counts.grades.deleted, 1);
  const counts = await countRows(db, KOMMUN);
  assert.equal(counts.groups, 0);
  assert.equal(counts.group_memberships, 0);
  assert.equal(counts.grades, 1);
});

test('a second organiser is a second tenant: the same ids elsewhere are untouched', async () => {
  const before = await countRows(db, KOMMUN);
  const report = await importSs12000(database, fileSource(fixtureDir('friskola')));
  assert.equal(report.status, 'completed');
  const [organiser] = await queryRows(db, sql`SELECT kind FROM organisers WHERE id = ${report.tenantId}::uuid`);
  assert.deepEqual(organiser, { kind: 'independent' });
  assert.deepEqual(await countRows(db, KOMMUN), before);
  assert.equal((await countRows(db, report.tenantId)).persons, 1);
});
