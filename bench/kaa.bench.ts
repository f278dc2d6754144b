/**
 * The municipal activity responsibility (#13) at region scale, two benchmarks on synthetic rows written straight into
 * the tables (untimed):
 * - `kaa target group`: the nightly computation (`refreshTargetGroup`: gather the facts, evaluate the six criteria with
 *   their sources, upsert the register, open and close registration periods) for one municipality whose population
 *   file holds BENCH_KAA_STUDENTS (default 250 000) students of its schools plus a tenth more young people never in
 *   them, against a bare SQL anti-join of the same rows in the same run (population rows under 20 with no current GY
 *   enrolment and no gymnasieexamen). Lower is better: what the explained, kept register costs on top of the bare set.
 * - `kaa half-year report export`: the half-year file (`reportFor`: load the register for the half-year, build the
 *   rows, run the logical checks, summarise) for a register of BENCH_KAA_REGISTER young people (default 25 000: a tenth
 *   of the region) with two contacts, an occupation and a measure each, against a bare SELECT of the same rows.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/server/db/client.ts';
import { refreshTargetGroup } from '../src/server/modules/kaa/refresh.ts';
import { reportArea, reportFor } from '../src/server/modules/kaa/report/load.ts';
import { round, size, timed, withFresh, type Benchmark } from './harness.ts';

const TENANT = 'a0000000-0000-4000-8000-000000000496';
const OFFICER = 'a0000000-0000-4000-8000-0000000000aa';
const ASOF = '2026-12-03';
const HALF = '2026H2';

/** One municipal organiser (Skövde, 1496). */
const organiser = sql`INSERT INTO organisers (id, name, organisation_number, kind, municipality_code)
  VALUES (${TENANT}::uuid, 'Bänkkommunen', '2120009999', 'municipal', '1496')`;

/**
 * A synthetic personnummer for row i: a birth date in 2007–2010, a serial unique per row, and the check digit
 * (Luhn over ÅÅMMDDNNN), so that the report's checks pass as they would on real numbers.
 */
const civic = (i: ReturnType<typeof sql>) => {
  const birth = sql`(date '2007-01-01' + (${i} % 1461))`;
  const serial = sql`lpad((${i} / 1461 + 1)::text, 3, '0')`;
  const nine = sql`(to_char(${birth}, 'YYMMDD') || ${serial})`;
  const product = sql`(substr(${nine}, k, 1)::int * (2 - (k - 1) % 2))`;
  return sql`(to_char(${birth}, 'YYYYMMDD') || ${serial} ||
    ((10 - (SELECT sum(${product} / 10 + ${product} % 10) FROM generate_series(1, 9) AS k)::int % 10) % 10)::text)`;
};

const targetGroup: Benchmark = {
  name: 'kaa target group',
  unit: 's',
  describe:
    'the nightly KAA target-group computation for a population file of a 250 000-student region / a bare SQL anti-join of the same rows; lower is better',
  async run(engine, log) {
    const students = size('BENCH_KAA_STUDENTS', 250_000, 300);
    const never = Math.round(students / 10);
    return withFresh(engine, async ({ db }) => {
      const seeded = await timed(async () => {
        await db.execute(organiser);
        const i = sql`i`;
        // Students: 80 % on a programme now, 12 % left without a diploma, 8 % finished with a gymnasieexamen.
        await db.execute(sql`
          INSERT INTO persons (tenant_id, id, given_name, family_name, civic_no, civic_no_kind, birth_date, sex, home_municipality_code, source_modified)
          SELECT ${TENANT}::uuid, md5('p' || i)::uuid, 'Elev' || i, 'Mätsson', ${civic(i)}, 'personnummer',
                 date '2007-01-01' + (i % 1461), CASE WHEN i % 2 = 0 THEN 'Kvinna' ELSE 'Man' END, '1496', now()
            FROM generate_series(1, ${students}) AS i`);
        await db.execute(sql`
          INSERT INTO enrolments (tenant_id, person_id, ordinal, school_unit_id, school_type, school_year, programme_code, start_date, end_date)
          SELECT ${TENANT}::uuid, md5('p' || i)::uuid, 0, md5('u' || (i % 200))::uuid, 'GY', 1, 'P' || (i % 18), date '2024-08-15',
                 CASE WHEN i % 100 < 80 THEN NULL WHEN i % 100 < 92 THEN date '2025-03-15' ELSE date '2026-06-10' END
            FROM generate_series(1, ${students}) AS i`);
        await db.execute(sql`
          INSERT INTO certificates (tenant_id, id, student_id, school_unit_id, kind, issued_date, source_modified)
          SELECT ${TENANT}::uuid, md5('c' || i)::uuid, md5('p' || i)::uuid, md5('u' || (i % 200))::uuid, 'gymnasieexamen', date '2026-06-10', now()
            FROM generate_series(1, ${students}) AS i WHERE i % 100 >= 92`);
        // The population file: every student, and a tenth more never in the municipality's schools.
        await db.execute(sql`
          INSERT INTO kaa_population (tenant_id, civic_no, civic_no_kind, given_name, family_name, birth_date, municipality_code, status, protected, address, import_id)
          SELECT ${TENANT}::uuid, ${civic(i)}, 'personnummer', 'Ung' || i, 'Mätsson', date '2007-01-01' + (i % 1461), '1496', 'resident', false,
                 jsonb_build_object('streetAddress', 'Bänkgatan ' || (i % 90 + 1), 'postalCode', '54130', 'locality', 'Skövde'),
                 '00000000-0000-4000-8000-000000000001'::uuid
            FROM generate_series(1, ${students + never}) AS i`);
        await db.execute(sql`ANALYZE`);
      });
      log(`${students} students and ${students + never} population rows seeded in ${round(seeded.seconds, 1)} s`);
      const full = await timed(() => db.transaction((tx) => refreshTargetGroup(tx, TENANT, ASOF)));
      const bare = await timed(() =>
        queryRows(
          db,
          sql`SELECT k.civic_no FROM kaa_population k
               WHERE k.tenant_id = ${TENANT}::uuid AND k.status = 'resident' AND k.birth_date > ${ASOF}::date - interval '20 years'
                 AND NOT EXISTS (SELECT 1 FROM persons p JOIN enrolments e ON e.tenant_id = p.tenant_id AND e.person_id = p.id
                                  WHERE p.tenant_id = k.tenant_id AND p.civic_no = k.civic_no AND e.school_type IN ('GY', 'GYS')
                                    AND e.start_date <= ${ASOF}::date AND (e.end_date IS NULL OR e.end_date >= ${ASOF}::date))
                 AND NOT EXISTS (SELECT 1 FROM persons p JOIN certificates c ON c.tenant_id = p.tenant_id AND c.student_id = p.id
                                  WHERE p.tenant_id = k.tenant_id AND p.civic_no = k.civic_no AND c.kind = 'gymnasieexamen')`,
        ),
      );
      log(
        `in the group ${full.result.inGroup} (bare anti-join ${bare.result.length}, before the compulsory-school and age details); ` +
          `computation ${round(full.seconds, 2)} s, anti-join ${round(bare.seconds, 2)} s`,
      );
      return { value: round(full.seconds), baseline: round(bare.seconds) };
    });
  },
};

const reportExport: Benchmark = {
  name: 'kaa half-year report export',
  unit: 's',
  describe:
    'the KAA half-year file (load, rows, checks, summary) for a register of 25 000 young people / a bare SELECT of the same rows; lower is better',
  async run(engine, log) {
    const register = size('BENCH_KAA_REGISTER', 25_000, 200);
    return withFresh(engine, async ({ db }) => {
      const seeded = await timed(async () => {
        await db.execute(organiser);
        await db.execute(sql`
          INSERT INTO kaa_youth (tenant_id, id, civic_no, civic_no_kind, given_name, family_name, birth_date, in_group)
          SELECT ${TENANT}::uuid, md5('y' || i)::uuid, ${civic(sql`i`)}, 'personnummer', 'Ung' || i, 'Mätsson',
                 date '2007-01-01' + (i % 1461), i % 10 <> 0
            FROM generate_series(1, ${register}) AS i`);
        await db.execute(sql`
          INSERT INTO kaa_registrations (tenant_id, youth_id, registered_on, registration_reason, registration_source, deregistered_on, deregistration_reason, deregistration_source)
          SELECT ${TENANT}::uuid, md5('y' || i)::uuid, date '2026-01-10' + (i % 200),
                 (ARRAY['dropout-national', 'never-started', 'studiebevis', 'moved-in-after-compulsory-age', 'left-introduction'])[i % 5 + 1],
                 'automatic', CASE WHEN i % 10 = 0 THEN date '2026-11-20' END, CASE WHEN i % 10 = 0 THEN 'started-national' END,
                 CASE WHEN i % 10 = 0 THEN 'automatic' END
            FROM generate_series(1, ${register}) AS i`);
        for (const day of ['2026-08-20', '2026-10-15'])
          await db.execute(sql`
            INSERT INTO kaa_contacts (tenant_id, youth_id, contacted_on, kind, outcome, recorded_by)
            SELECT ${TENANT}::uuid, md5('y' || i)::uuid, ${day}::date, 'phone', 'reached', ${OFFICER}::uuid FROM generate_series(1, ${register}) AS i`);
        await db.execute(sql`
          INSERT INTO kaa_occupations (tenant_id, youth_id, timing, kind, from_date, recorded_by)
          SELECT ${TENANT}::uuid, md5('y' || i)::uuid, 'current', (ARRAY['none', 'work', 'leave'])[i % 3 + 1], date '2026-01-01', ${OFFICER}::uuid
            FROM generate_series(1, ${register}) AS i`);
        await db.execute(sql`
          INSERT INTO kaa_measures (tenant_id, youth_id, kind, description, responsible, start_date, status, end_date, end_reason, outcome, created_by)
          SELECT ${TENANT}::uuid, md5('y' || i)::uuid, 'guidance', 'Vägledning', 'municipality', date '2026-09-01',
                 CASE WHEN i % 2 = 0 THEN 'closed' ELSE 'open' END, CASE WHEN i % 2 = 0 THEN date '2026-11-01' END,
                 CASE WHEN i % 2 = 0 THEN 'completed' END, CASE WHEN i % 2 = 0 THEN 'work' END, ${OFFICER}::uuid
            FROM generate_series(1, ${register}) AS i`);
        await db.execute(sql`ANALYZE`);
      });
      log(`a register of ${register} young people seeded in ${round(seeded.seconds, 1)} s`);
      const area = (await reportArea(db, TENANT))!;
      const full = await timed(() => reportFor(db, area, HALF));
      const bare = await timed(() =>
        queryRows(
          db,
          sql`SELECT y.id, y.given_name, y.family_name, y.civic_no, y.birth_date, r.registered_on, r.registration_reason,
                     r.deregistered_on, r.deregistration_reason, c.contacted_on, o.kind AS occupation, m.kind AS measure, m.start_date, m.end_date, m.outcome
                FROM kaa_registrations r JOIN kaa_youth y ON y.tenant_id = r.tenant_id AND y.id = r.youth_id
                LEFT JOIN kaa_contacts c ON c.tenant_id = y.tenant_id AND c.youth_id = y.id
                LEFT JOIN kaa_occupations o ON o.tenant_id = y.tenant_id AND o.youth_id = y.id
                LEFT JOIN kaa_measures m ON m.tenant_id = y.tenant_id AND m.youth_id = y.id
               WHERE r.tenant_id = ${TENANT}::uuid AND r.registered_on <= date '2026-12-31'
                 AND (r.deregistered_on IS NULL OR r.deregistered_on >= date '2026-07-01')`,
        ),
      );
      log(
        `${full.result.summary.youths} young people, ${full.result.failures.length} failures in the file; ` +
          `export ${round(full.seconds, 2)} s, bare SELECT ${round(bare.seconds, 2)} s (${bare.result.length} rows)`,
      );
      return { value: round(full.seconds), baseline: round(bare.seconds) };
    });
  },
};

export const benchmarks: Benchmark[] = [targetGroup, reportExport];
