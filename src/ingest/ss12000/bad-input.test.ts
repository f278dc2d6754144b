import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from '../../server/db/client.ts';
import type { Endpoint } from './documents.ts';
import { importSs12000, type ImportReport } from './import-ss12000.ts';
import { memorySource } from './memory-source.ts';
import { formatReport } from './report-text.ts';
import { cloneDocuments, countRows, fixtureDocuments } from './test-helpers.ts';
import { capturingOutput } from '../../../test/support/captured-stderr.ts';

const database = await createTestDatabase();
const { db } = database;

type Docs = Partial<Record<Endpoint, Record<string, unknown>[]>>;
let organiserNo = 0;

/** The kommun fixture as a fresh organiser (own tenant), with `mutate` applied. */
function organiserDocs(mutate: (docs: Docs) => void): Docs {
  const docs = cloneDocuments(fixtureDocuments('kommun')) as Docs;
  const huvudman = docs.organisations![0]!;
  const id = `a9000000-0000-4000-8000-${String(++organiserNo).padStart(12, '0')}`;
  const old = huvudman.id as string;
  huvudman.id = id;
  huvudman.organisationNumber = `21200099${String(organiserNo).padStart(2, '0')}`;
  for (const org of docs.organisations!)
    if ((org.parentOrganisation as { id: string } | undefined)?.id === old) org.parentOrganisation = { id };
  mutate(docs);
  return docs;
}

/** Imports, recording (and passing through) everything written to stdout/stderr meanwhile. */
async function importCapturing(docs: Docs, pageSize = 1000): Promise<{ report: ImportReport; output: string }> {
  const { result: report, output } = await capturingOutput(() =>
    importSs12000(database, memorySource(docs, pageSize), { onProgress: (p) => process.stderr.write(`progress ${JSON.stringify(p)}\n`) }),
  );
  return { report, output };
}

const person = (docs: Docs, i: number) => docs.persons![i]!;

test('a bad personnummer rejects its document only, and never appears in errors, stored errors or logs', async () => {
  const bad = '200701012396'; // a Skatteverket test number with its check digit changed
  const docs = organiserDocs((d) => {
    person(d, 2).civicNo = { value: bad };
  });
  const { report, output } = await importCapturing(
    { organisations: docs.organisations, programmes: docs.programmes, persons: docs.persons },
    2,
  );
  assert.equal(report.status, 'failed');
  assert.deepEqual(report.errors, [
    {
      entity: 'Person',
      documentId: 'd0000000-0000-4000-8000-000000000003',
      location: 'persons[2]',
      field: 'civicNo.value',
      reason: 'ogiltigt personnummer eller samordningsnummer (invalid civic number: date or check digit)',
    },
  ]);
  // Pages of 2: [0,1] committed, [2,3] committed without 2, [4] committed.
  const ids = await queryRows<{ id: string }>(db, sql`SELECT id::text FROM persons WHERE tenant_id = ${report.tenantId}::uuid ORDER BY id`);
  assert.deepEqual(
    ids.map((r) => r.id.slice(-1)),
    ['1', '2', '4', '5'],
  );
  assert.equal(report.counts.persons.rejected, 1);
  assert.equal(report.counts.persons.upserted, 4);
  const stored = await queryRows(db, sql`SELECT * FROM import_errors WHERE tenant_id = ${report.tenantId}::uuid`);
  assert.equal(stored.length, 1);
  for (const text of [JSON.stringify(report), JSON.stringify(stored), output, formatReport(report)]) {
    assert.ok(!text.includes(bad) && !text.includes('20070101-2396'), 'the personnummer is never echoed');
  }
  const [run] = await queryRows(
    db,
    sql`SELECT status FROM import_runs WHERE tenant_id = ${report.tenantId}::uuid AND id = ${report.runId}::uuid`,
  );
  assert.deepEqual(run, { status: 'failed' });
});

/** Each bad-input class: the mutation, and the one error it must produce. */
const cases: { name: string; mutate: (d: Docs) => void; entity: string; documentId: string | null; field: string; reason: RegExp }[] = [
  {
    name: 'a required field missing (schema)',
    mutate: (d) => {
      delete person(d, 0).familyName;
    },
    entity: 'Person',
    documentId: 'd0000000-0000-4000-8000-000000000001',
    field: 'familyName',
    reason: /obligatoriskt/,
  },
  {
    name: 'an enrolment that ends before it starts',
    mutate: (d) => {
      (person(d, 1).enrolments as Record<string, unknown>[])[1]!.endDate = '2020-01-01';
    },
    entity: 'Person',
    documentId: 'd0000000-0000-4000-8000-000000000002',
    field: 'enrolments[1].endDate',
    reason: /slutar före/,
  },
  {
    name: 'a duty that ends before it starts',
    mutate: (d) => {
      d.duties![0]!.endDate = '2000-01-01';
    },
    entity: 'Duty',
    documentId: 'f0000000-0000-4000-8000-000000000001',
    field: 'endDate',
    reason: /slutar före/,
  },
  {
    name: 'a group that ends before it starts',
    mutate: (d) => {
      d.groups![0]!.endDate = '2000-01-01';
    },
    entity: 'Group',
    documentId: 'e0000000-0000-4000-8000-000000000001',
    field: 'endDate',
    reason: /slutar före/,
  },
  {
    name: 'a membership that ends before it starts',
    mutate: (d) => {
      (d.groups![0]!.groupMemberships as Record<string, unknown>[])[0]!.endDate = '2020-01-01';
    },
    entity: 'Group',
    documentId: 'e0000000-0000-4000-8000-000000000001',
    field: 'groupMemberships[0].endDate',
    reason: /slutar före/,
  },
  {
    name: 'an enrolment at an unknown school unit',
    mutate: (d) => {
      (person(d, 0).enrolments as Record<string, unknown>[])[0]!.enroledAt = { id: 'a0000000-0000-4000-8000-00000000dead' };
    },
    entity: 'Person',
    documentId: 'd0000000-0000-4000-8000-000000000001',
    field: 'enrolments[0].enroledAt.id',
    reason: /okänd referens/,
  },
  {
    name: 'a grade for an unknown syllabus',
    mutate: (d) => {
      d.grades![0]!.syllabus = { id: 'c0000000-0000-4000-8000-00000000dead' };
    },
    entity: 'Grade',
    documentId: '40000000-0000-4000-8000-000000000001',
    field: 'syllabus.id',
    reason: /okänd referens/,
  },
  {
    name: 'a duplicate id within a page',
    mutate: (d) => {
      d.syllabuses![1]!.id = d.syllabuses![0]!.id;
    },
    entity: 'Syllabus',
    documentId: 'c0000000-0000-4000-8000-000000000001',
    field: 'id',
    reason: /dubblett/,
  },
  {
    name: 'an unknown school type',
    mutate: (d) => {
      (person(d, 0).enrolments as Record<string, unknown>[])[0]!.schoolType = 'GYMNASIUM';
    },
    entity: 'Person',
    documentId: 'd0000000-0000-4000-8000-000000000001',
    field: 'enrolments[0].schoolType',
    reason: /okänd kod/,
  },
  {
    name: 'an unknown grade value',
    mutate: (d) => {
      d.grades![1]!.gradeValue = 'G';
    },
    entity: 'Grade',
    documentId: '40000000-0000-4000-8000-000000000002',
    field: 'gradeValue',
    reason: /okänt betyg/,
  },
  {
    name: 'an unknown municipality code',
    mutate: (d) => {
      d.organisations![2]!.municipalityCode = '9999';
    },
    entity: 'Organisation',
    documentId: 'a0000000-0000-4000-8000-000000000003',
    field: 'municipalityCode',
    reason: /okänd kommunkod/,
  },
  {
    name: 'a school unit code that is not 8 digits',
    mutate: (d) => {
      d.organisations![1]!.schoolUnitCode = '1234';
    },
    entity: 'Organisation',
    documentId: 'a0000000-0000-4000-8000-000000000002',
    field: 'schoolUnitCode',
    reason: /åtta siffror/,
  },
  {
    name: 'a NUL character in a name',
    mutate: (d) => {
      person(d, 0).givenName = 'Al\u0000va';
    },
    entity: 'Person',
    documentId: 'd0000000-0000-4000-8000-000000000001',
    field: 'givenName',
    reason: /styrtecken/,
  },
  {
    name: 'a lone UTF-16 surrogate in an address',
    mutate: (d) => {
      (person(d, 0).addresses as Record<string, unknown>[])[0]!.streetAddress = 'Testgatan \ud800';
    },
    entity: 'Person',
    documentId: 'd0000000-0000-4000-8000-000000000001',
    field: 'addresses[0].streetAddress',
    reason: /teckenkodning/,
  },
  {
    name: 'a control character in a property name',
    mutate: (d) => {
      person(d, 0)['x\u0001'] = 1;
    },
    entity: 'Person',
    documentId: 'd0000000-0000-4000-8000-000000000001',
    field: '$[?]',
    reason: /fältnamnet/,
  },
  {
    name: 'a birth date before 1900',
    mutate: (d) => {
      person(d, 0).birthDate = '1850-01-01';
    },
    entity: 'Person',
    documentId: 'd0000000-0000-4000-8000-000000000001',
    field: 'birthDate',
    reason: /1900–2100/,
  },
  {
    name: 'an enrolment starting after 2100',
    mutate: (d) => {
      (person(d, 1).enrolments as Record<string, unknown>[])[0]!.startDate = '2150-08-15';
    },
    entity: 'Person',
    documentId: 'd0000000-0000-4000-8000-000000000002',
    field: 'enrolments[0].startDate',
    reason: /1900–2100/,
  },
  {
    name: 'a meta.modified in year 1',
    mutate: (d) => {
      (d.grades![0]!.meta as Record<string, unknown>).modified = '0001-01-01T00:00:00Z';
    },
    entity: 'Grade',
    documentId: '40000000-0000-4000-8000-000000000001',
    field: 'meta.modified',
    reason: /1900–2100/,
  },
  {
    name: 'a malformed uuid',
    mutate: (d) => {
      d.attendances![0]!.student = { id: 'not-a-uuid' };
    },
    entity: 'Attendance',
    documentId: '30000000-0000-4000-8000-000000000001',
    field: 'student.id',
    reason: /UUID/,
  },
];

for (const c of cases) {
  test(`rejects ${c.name}, naming document and field`, async () => {
    const { report } = await importCapturing(organiserDocs(c.mutate));
    assert.equal(report.status, 'failed');
    const first = report.errors[0];
    assert.ok(first, 'an error is reported');
    assert.equal(first.entity, c.entity);
    assert.equal(first.documentId, c.documentId);
    assert.equal(first.field, c.field);
    assert.match(first.reason, c.reason);
    assert.match(first.location, /^\w+\[\d+\]$/);
  });
}

test('one broken student among many: the others of the same page are written, the one is reported without its value', async () => {
  const marker = 'Markörnamn-7f3a';
  const docs = organiserDocs((d) => {
    const template = person(d, 0);
    for (let i = 0; i < 40; i++) {
      const clone = cloneDocuments(template);
      clone.id = `d1000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      delete clone.civicNo;
      delete clone.responsibles;
      d.persons!.push(clone);
    }
    person(d, 20).givenName = `${marker}\u0000`;
  });
  const { report, output } = await importCapturing({
    organisations: docs.organisations,
    programmes: docs.programmes,
    persons: docs.persons,
  });
  assert.equal(report.status, 'failed');
  assert.deepEqual(
    report.errors.map((e) => [e.documentId, e.location, e.field]),
    [['d1000000-0000-4000-8000-000000000015', 'persons[20]', 'givenName']],
  );
  assert.equal(report.counts.persons.upserted, 44);
  assert.equal(report.counts.persons.rejected, 1);
  assert.equal((await countRows(db, report.tenantId)).persons, 44);
  const stored = await queryRows(db, sql`SELECT * FROM import_errors WHERE tenant_id = ${report.tenantId}::uuid`);
  for (const text of [JSON.stringify(report), JSON.stringify(stored), output, formatReport(report)]) {
    assert.equal(text.includes(marker), false, 'the value is never echoed');
  }
});

test('a value the checks let through but the database refuses rejects only its document, with the kind and no value', async () => {
  const tooBig = 3_000_000_123; // beyond PostgreSQL's integer
  const { report, output } = await importCapturing(
    organiserDocs((d) => {
      d.syllabuses![0]!.points = tooBig;
    }),
  );
  const syllabusErrors = report.errors.filter((e) => e.entity === 'Syllabus');
  assert.deepEqual(syllabusErrors, [
    {
      entity: 'Syllabus',
      documentId: 'c0000000-0000-4000-8000-000000000001',
      location: 'syllabuses[0]',
      field: '$',
      reason:
        'databasen kunde inte lagra dokumentet (database refused the document): databasfel: ett värde kunde inte lagras (value cannot be stored), SQLSTATE 22003',
    },
  ]);
  assert.equal(report.counts.syllabuses.upserted, 1, 'the other syllabus of the page is written');
  assert.equal(report.counts.syllabuses.rejected, 1);
  assert.equal(report.failure, null, 'the run went on to its end');
  assert.equal(`${JSON.stringify(report)}${output}`.includes(String(tooBig)), false);
});

test('a rejected page of organisations does not stop the run: later endpoints report their own problems', async () => {
  const { report } = await importCapturing(
    organiserDocs((d) => {
      d.syllabuses![0]!.subjectName = 7;
    }),
  );
  assert.equal(report.errors[0]?.field, 'subjectName');
  // Grades and the activity refer to the rejected syllabuses and are reported too.
  assert.ok(report.errors.some((e) => e.entity === 'Grade' && e.field === 'syllabus.id'));
  assert.equal((await countRows(db, report.tenantId)).persons, 5, 'persons are unaffected');
});

test('a source with no organiser or two organisers is refused before anything is written', async () => {
  const docs = organiserDocs(() => {});
  await assert.rejects(
    importSs12000(database, memorySource({ organisations: docs.organisations!.slice(1) })),
    /ingen organisation av typen Huvudman/,
  );
  const two = [...docs.organisations!, { ...docs.organisations![0]!, id: 'a9900000-0000-4000-8000-000000000001' }];
  await assert.rejects(importSs12000(database, memorySource({ organisations: two })), /2 organisationer av typen Huvudman/);
  const noNumber = cloneDocuments(docs.organisations!);
  delete noNumber[0]!.organisationNumber;
  await assert.rejects(importSs12000(database, memorySource({ organisations: noNumber })), /organisationNumber/);
});
