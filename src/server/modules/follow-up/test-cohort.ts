/** Test helper: former upper-secondary students written straight into the tables (ids only, synthetic, no civic numbers shown). */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

export interface FormerStudent {
  tenantId: string;
  schoolUnitId: string;
  programmeId: string;
  programmeCode: string;
  startDate: string;
  endDate: string | null;
  examen?: string;
  studiebevis?: string;
  sex?: 'Kvinna' | 'Man';
  homeMunicipalityCode?: string;
  civicNoKind?: 'personnummer' | 'samordningsnummer' | null;
}

/** Adds one former student (person, one GY enrolment, certificates); returns their id. */
export async function addFormerStudent(db: DbOrTx, s: FormerStudent): Promise<string> {
  const id = randomUUID();
  const modified = '2024-08-15T10:00:00+02:00';
  const kind = s.civicNoKind === undefined ? 'personnummer' : s.civicNoKind;
  await db.execute(sql`
    INSERT INTO persons (tenant_id, id, given_name, family_name, civic_no_kind, sex, home_municipality_code, source_modified)
    VALUES (${s.tenantId}::uuid, ${id}::uuid, 'Tidigare', 'Elev', ${kind}, ${s.sex ?? 'Kvinna'}, ${s.homeMunicipalityCode ?? '1480'}, ${modified})`);
  await db.execute(sql`
    INSERT INTO enrolments (tenant_id, person_id, ordinal, school_unit_id, school_type, school_year, programme_id, programme_code, start_date, end_date)
    VALUES (${s.tenantId}::uuid, ${id}::uuid, 0, ${s.schoolUnitId}::uuid, 'GY', 1, ${s.programmeId}::uuid, ${s.programmeCode}, ${s.startDate}, ${s.endDate})`);
  for (const [kindOf, date] of [
    ['gymnasieexamen', s.examen],
    ['studiebevis', s.studiebevis],
  ] as const) {
    if (!date) continue;
    await db.execute(sql`
      INSERT INTO certificates (tenant_id, id, student_id, school_unit_id, kind, issued_date, source_modified)
      VALUES (${s.tenantId}::uuid, ${randomUUID()}::uuid, ${id}::uuid, ${s.schoolUnitId}::uuid, ${kindOf}, ${date}, ${modified})`);
  }
  return id;
}

/**
 * The access fixtures' municipal organiser (`kommun`) as Skövde, in Skaraborg, with a 2019 cohort of 30 on NA: 24 with a
 * gymnasieexamen in 2022, 6 who left in 2020 — 20 % without, measured in 2023. The demo goals' and the seed's tests.
 */
export async function skovdeCohort2019(db: DbOrTx, kommun: string): Promise<void> {
  await db.execute(sql`UPDATE organisers SET municipality_code = '1496' WHERE id = ${kommun}::uuid`);
  const s = {
    tenantId: kommun,
    schoolUnitId: 'a0000000-0000-4000-8000-000000000002',
    programmeId: 'b0000000-0000-4000-8000-000000000001',
    programmeCode: 'NA',
    startDate: '2019-08-15',
  };
  for (let i = 0; i < 24; i++) await addFormerStudent(db, { ...s, endDate: '2022-06-15', examen: '2022-06-10' });
  for (let i = 0; i < 6; i++) await addFormerStudent(db, { ...s, endDate: '2020-12-31' });
}
