/**
 * A synthetic nation for the `national night` benchmark (issue #17, item 5): 290 municipalities (the migration's SCB
 * list), one municipal organiser each and 60 independent ones, school units of 350 (compulsory) and 600 (upper
 * secondary) students, and `students` pupils of every school form — förskoleklass, grundskola years 1–9, upper
 * secondary years 1–3, 1 % of them in the adapted forms (GRS/GYS) — spread over the municipalities as unevenly as the
 * real ones (the largest about 6 %), 15 % at independent organisers. Besides them: three former upper-secondary cohorts
 * with their diplomas (for completion), the KAA population files of the municipalities (their upper-secondary students
 * plus a tenth more young people in no school) and this school year's attendance as monthly aggregates per student, for
 * everyone the refresh reads (years 7–9 and upper secondary). Only invented people (`Elev123 Nationsson`); their
 * personnummer-shaped numbers are synthetic, with a valid check digit, only for those aged 16–19.
 *
 * Everything is written set-based by the database itself (`INSERT … SELECT` over `generate_series`): no row crosses the
 * wire, which is faster than a COPY of the same rows would be. The night's own rows (one school day of lessons) are
 * COPYed by the benchmark, as an import would deliver them.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/server/db/client.ts';

/** The night the benchmark loads and refreshes (a Wednesday of the autumn term). */
export const nationalNight = '2025-11-19';
export const lessonsPerDay = 6;
const independentOrganisers = 60;
const sourceModified = '2025-11-19T17:00:00Z';

export interface NationalSummary {
  organisers: number;
  schoolUnits: number;
  students: number;
  formerStudents: number;
  aggregates: number;
  population: number;
  classes: number;
}

/** A 12-digit personnummer-shaped number: birth date, a serial and the Luhn check digit over the ten digits. */
function civicNo(birth: string, serial: string) {
  const nine = `(to_char(${birth}, 'YYMMDD') || ${serial})`;
  const product = `(substr(${nine}, k, 1)::int * (2 - (k - 1) % 2))`;
  return `(to_char(${birth}, 'YYYYMMDD') || ${serial} ||
    ((10 - (select sum(${product} / 10 + ${product} % 10) from generate_series(1, 9) as k)::int % 10) % 10)::text)`;
}

/** Generates the nation into an empty, migrated database; `log` gets a line per step. */
export async function generateNational(database: Database, students: number, log: (m: string) => void): Promise<NationalSummary> {
  const { db } = database;
  const step = async (name: string, query: string) => {
    const started = performance.now();
    await db.execute(sql.raw(query));
    log(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  const s = Math.round(students);
  await step(
    'organisers',
    // The union inside a subquery: Citus plans an INSERT … SELECT … UNION ALL into a reference table wrongly ("more
    // target columns than expressions"); scripts/citus/README.md.
    `insert into organisers (id, name, organisation_number, kind, municipality_code)
     select * from (
       select md5('org-m' || code)::uuid, name || ' kommun', '212000' || code, 'municipal', code from municipalities
       union all
       select md5('org-f' || k)::uuid, 'Nationsskolor ' || (k + 1) || ' AB', '55660' || lpad(k::text, 5, '0'), 'independent',
              (select code from municipalities order by code offset (k * 4) % 290 limit 1)
         from generate_series(0, ${independentOrganisers - 1}) as k) as organiser`,
  );
  // Each pupil: municipality by a skewed draw, organiser, school form and year, unit of its stage, class of 30.
  await step(
    'students (staging)',
    `create unlogged table national_students as
     with m as (select code, (row_number() over (order by code) - 1)::int as r from municipalities),
     base as (
       select i, m.code as muni,
         case when (i::bigint * 7919) % 100 < 15 then md5('org-f' || (m.r % ${independentOrganisers}))::uuid else md5('org-m' || m.code)::uuid end as tenant,
         case when i % 13 = 12 then 'FKLASS' when i % 13 < 9 then (case when (i::bigint * 104729) % 97 = 0 then 'GRS' else 'GR' end)
              else (case when (i::bigint * 104729) % 97 = 0 then 'GYS' else 'GY' end) end as school_type,
         case when i % 13 = 12 then 0 when i % 13 < 9 then i % 13 + 1 else i % 13 - 8 end as school_year,
         (i % 13 >= 9 and i % 13 < 12) as upper
       from generate_series(0, ${s - 1}) as i
       join m on m.r = least(289, floor(290 * power((i + 0.5) / ${s}, 2))::int)
     ),
     placed as (
       select b.*, md5(b.tenant::text || b.muni || b.upper::text ||
         ((row_number() over (partition by b.tenant, b.muni, b.upper order by b.i) - 1) / (case when b.upper then 600 else 350 end)))::uuid as unit
       from base b
     )
     select p.*,
       md5('a' || p.unit || '-' || p.school_year || '-' || ((row_number() over (partition by p.unit, p.school_year order by p.i) - 1) / 30))::uuid as activity,
       make_date(case when p.upper then 2010 - p.school_year else 2019 - p.school_year end, 1, 1) + (p.i % 365) as birth
     from placed p`,
  );
  await step('staging index', `create index on national_students (i)`);
  await step(
    'school units',
    `insert into organisations (tenant_id, id, organisation_type, display_name, school_unit_code, school_types, municipality_code, parent_id, source_modified)
     select id, id, 'Huvudman', name, null::text, '{}'::text[], municipality_code, null::uuid, '${sourceModified}'::timestamptz from organisers
     union all
     select tenant, unit, 'Skolenhet', 'Nationsskolan ' || (row_number() over (order by unit)), (10000000 + row_number() over (order by unit))::text,
            case when upper then '{GY}'::text[] else '{GR}'::text[] end, muni, tenant, '${sourceModified}'
       from (select distinct tenant, unit, muni, upper from national_students) u`,
  );
  const civic = civicNo('birth', `lpad(((i / 4745) % 1000)::text, 3, '0')`);
  await step(
    'persons',
    `insert into persons (tenant_id, id, given_name, family_name, civic_no, civic_no_kind, birth_date, sex, home_municipality_code, source_modified)
     select tenant, md5('p' || i)::uuid, 'Elev' || i, 'Nationsson',
            case when upper then ${civic} end, case when upper then 'personnummer' end,
            birth, case when i % 2 = 0 then 'Kvinna' else 'Man' end, muni, '${sourceModified}'
       from national_students`,
  );
  await step(
    'enrolments',
    `insert into enrolments (tenant_id, person_id, ordinal, school_unit_id, school_type, school_year, programme_code, start_date)
     select tenant, md5('p' || i)::uuid, 0, unit, school_type, school_year,
            case when school_type = 'GY' then (array['NA','SA','EK','TE','EE','BA','VO','IMV'])[1 + i % 8] end,
            case when upper then make_date(2026 - school_year, 8, 18) else date '2025-08-18' end
       from national_students`,
  );
  await step(
    'activities',
    `insert into activities (tenant_id, id, display_name, organisation_id, start_date, source_modified)
     select distinct on (activity) tenant, activity, 'Mentorstid', unit, date '2025-08-18', '${sourceModified}' from national_students`,
  );
  // This school year's attendance so far, monthly, for everyone the refresh reads: most miss 2 %, some 10 %, a few 25 %.
  await step(
    'attendance aggregates',
    `insert into aggregated_attendances (tenant_id, student_id, activity_id, start_date, end_date, attendance_sum, valid_absence_sum,
       invalid_absence_sum, other_attendance_sum, reported_sum, offered_sum, source_modified)
     select tenant, md5('p' || i)::uuid, activity, m.f, m.t, offered - absent, absent - absent / 3, absent / 3, 0, offered, offered, '${sourceModified}'
       from (select n.*, case when (i::bigint * 2654435761) % 1000 < 50 then 25 when (i::bigint * 2654435761) % 1000 < 200 then 10 else 2 end as pct
               from national_students n where upper or (school_type in ('GR', 'GRS') and school_year between 7 and 9)) n
       cross join lateral (values (date '2025-08-18', date '2025-08-31', 10), (date '2025-09-01', date '2025-09-30', 22),
                                  (date '2025-10-01', date '2025-10-31', 22), (date '2025-11-01', date '2025-11-18', 13)) as m(f, t, days)
       cross join lateral (select m.days * 300 as offered, m.days * 300 * n.pct / 100 as absent) as v`,
  );
  // Three former upper-secondary cohorts (started 2020–2022), four in five with a diploma three years on.
  const former = Math.round((3 * s) / 13);
  await step(
    'former students',
    `create unlogged table national_former as
     select f.i, n.tenant, n.muni, n.unit, 2020 + f.i % 3 as started, (f.i % 5 <> 0) as diploma
       from generate_series(0, ${former - 1}) as f(i)
       join national_students n on n.i = (f.i * 13) % ${s} - ((f.i * 13) % ${s}) % 13 + 9
      where n.upper`,
  );
  await step(
    'former persons',
    `insert into persons (tenant_id, id, given_name, family_name, birth_date, sex, home_municipality_code, source_modified)
       select tenant, md5('f' || i)::uuid, 'Elev' || i, 'Tidigaresson', make_date(started - 16, 1, 1) + (i % 365), 'Man', muni, '${sourceModified}'
         from national_former`,
  );
  await step(
    'former enrolments',
    `insert into enrolments (tenant_id, person_id, ordinal, school_unit_id, school_type, school_year, programme_code, start_date, end_date)
       select tenant, md5('f' || i)::uuid, 0, unit, 'GY', 3, 'NA', make_date(started, 8, 18),
              case when diploma then make_date(started + 3, 6, 10) else make_date(started + 1, 3, 15) end
         from national_former`,
  );
  await step(
    'former diplomas',
    `insert into certificates (tenant_id, id, student_id, school_unit_id, kind, programme_code, issued_date, source_modified)
       select tenant, md5('c' || i)::uuid, md5('f' || i)::uuid, unit, 'gymnasieexamen', 'NA', make_date(started + 3, 6, 10), '${sourceModified}'
         from national_former where diploma`,
  );
  // The municipalities' population files: their own upper-secondary students, and a tenth more young people in no school.
  const extraCivic = civicNo('birth', `lpad((500 + (k / 1095) % 500)::text, 3, '0')`);
  await step(
    'KAA population files',
    `insert into kaa_population (tenant_id, civic_no, civic_no_kind, given_name, family_name, birth_date, municipality_code, status, protected, import_id)
     select tenant, ${civic}, 'personnummer', 'Elev' || i, 'Nationsson', birth, muni, 'resident', false, '00000000-0000-4000-8000-000000000001'::uuid
       from national_students n where upper and tenant = md5('org-m' || muni)::uuid
     union all
     select md5('org-m' || m.code)::uuid, ${extraCivic}, 'personnummer', 'Ung' || k, 'Nationsson', birth, m.code, 'resident', false,
            '00000000-0000-4000-8000-000000000001'::uuid
       from (select k, make_date(2007 + k % 3, 1, 1) + (k % 365) as birth, (k * 7) % 290 as r from generate_series(0, ${Math.round(s / 130)}) as k) x
       join (select code, (row_number() over (order by code) - 1)::int as r from municipalities) m on m.r = x.r`,
  );
  await step('analyze', `analyze`);
  const [c] = await queryRows<Record<keyof NationalSummary, number>>(
    db,
    sql`select (select count(*)::int from organisers) as organisers,
               (select count(*)::int from organisations where organisation_type = 'Skolenhet') as "schoolUnits",
               (select count(*)::int from national_students) as students,
               (select count(*)::int from national_former) as "formerStudents",
               (select count(*)::int from aggregated_attendances) as aggregates,
               (select count(*)::int from kaa_population) as population,
               (select count(distinct activity)::int from national_students) as classes`,
  );
  return c!;
}

/**
 * The night's lessons: six per class on `nationalNight` (untimed setup: the timetable exists before the day). Returns
 * nothing; `dayCsv` reads them back.
 */
export async function scheduleNight(database: Database): Promise<void> {
  await database.db.execute(
    sql.raw(`insert into calendar_events (tenant_id, id, activity_id, start_time, end_time, source_modified)
     select distinct on (activity, l) tenant, md5('l' || activity || l)::uuid, activity,
            timestamptz '${nationalNight} 07:00:00+00' + l * interval '1 hour', timestamptz '${nationalNight} 07:50:00+00' + l * interval '1 hour',
            '${sourceModified}'
       from national_students cross join generate_series(0, ${lessonsPerDay - 1}) as l`),
  );
}

/**
 * One school day of lesson attendance for everyone, as CSV chunks in bench/synthetic-attendance.ts's column order, made
 * by the database (untimed): of every 40 pupils one absent all day without leave, one off sick, two 20 minutes late.
 */
export async function dayCsv(database: Database, students: number, chunkStudents = 100_000): Promise<string[]> {
  const chunks: string[] = [];
  for (let from = 0; from < students; from += chunkStudents) {
    const [row] = await queryRows<{ csv: string | null }>(
      database.db,
      sql.raw(`select string_agg(concat_ws(',', tenant, md5('att' || i || '-' || l)::uuid, md5('l' || activity || l)::uuid, md5('p' || i)::uuid,
                 '${nationalNight}', 't', v.a, v.v, v.inv, 0, v.reason, '${nationalNight}T15:30:00Z', '${sourceModified}'), E'\\n') as csv
         from national_students cross join generate_series(0, ${lessonsPerDay - 1}) as l
         cross join lateral (select
           case when i % 40 in (0, 1) then 0 when i % 40 in (2, 3) and l = 0 then 30 else 50 end as a,
           case when i % 40 = 1 then 50 else 0 end as v,
           case when i % 40 = 0 then 50 when i % 40 in (2, 3) and l = 0 then 20 else 0 end as inv,
           case when i % 40 = 1 then 'Sjukdom' else '' end as reason) as v
        where i >= ${from} and i < ${from + chunkStudents}`),
    );
    if (row?.csv) chunks.push(row.csv);
  }
  return chunks;
}
