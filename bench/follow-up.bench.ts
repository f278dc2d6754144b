/**
 * Completion by cohort at region scale (#15): the follow-up's computation (completionCohorts: one set-based SQL statement
 * counting per cohort, group and horizon, then the two-step suppression in TypeScript) for one organiser with
 * BENCH_FOLLOW_UP_STUDENTS synthetic former students (default 250 000) over five cohorts, against a bare SQL aggregate
 * of the same rows in the same run (starters and diplomas within 3, 4 and 5 years per cohort, no breakdowns and no
 * suppression). The ratio is what the breakdowns and the disclosure control cost on top of counting; lower is better.
 * BENCH_FOLLOW_UP_ORACLE=1 also times the row-by-row computation it replaced (starters.ts) and checks the figures agree.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/server/db/client.ts';
import { completionCohorts } from '../src/server/modules/follow-up/completion.ts';
import { loadStarters, presentCompletion } from '../src/server/modules/follow-up/starters.ts';
import { round, timed, withFresh, type Benchmark } from './harness.ts';

const STUDENTS = Number(process.env.BENCH_FOLLOW_UP_STUDENTS ?? 250_000);
const TENANT = 'f0000000-0000-4000-8000-000000000001';
const TODAY = '2026-12-03';

const completion: Benchmark = {
  name: 'follow-up completion',
  unit: 's',
  describe: `completion by cohort for ${STUDENTS} former students, 5 cohorts, with breakdowns and suppression / a bare SQL aggregate of the same rows; lower is better`,
  async run(engine, log) {
    return withFresh(engine, async ({ db }) => {
      // Synthetic rows straight into the tables: 40 school units, 18 programmes, 15 home municipalities, 75 % with a diploma.
      const seeded = await timed(async () => {
        await db.execute(sql`
          INSERT INTO persons (tenant_id, id, given_name, family_name, civic_no_kind, sex, home_municipality_code, source_modified)
          SELECT ${TENANT}::uuid, md5('p' || i)::uuid, 'Bench', 'Elev', 'personnummer', CASE WHEN i % 2 = 0 THEN 'Kvinna' ELSE 'Man' END,
                 (1480 + i % 15)::text, now()
            FROM generate_series(1, ${STUDENTS}) AS i`);
        await db.execute(sql`
          INSERT INTO enrolments (tenant_id, person_id, ordinal, school_unit_id, school_type, school_year, programme_code, start_date, end_date)
          SELECT ${TENANT}::uuid, md5('p' || i)::uuid, 0, md5('u' || (i % 40))::uuid, 'GY', 1, 'P' || (i % 18),
                 make_date(2019 + i % 5, 8, 15), make_date(2022 + i % 5, 6, 15)
            FROM generate_series(1, ${STUDENTS}) AS i`);
        await db.execute(sql`
          INSERT INTO certificates (tenant_id, id, student_id, school_unit_id, kind, issued_date, source_modified)
          SELECT ${TENANT}::uuid, md5('c' || i)::uuid, md5('p' || i)::uuid, md5('u' || (i % 40))::uuid, 'gymnasieexamen',
                 make_date(2022 + i % 5 + (i / 7) % 2, 6, 10), now()
            FROM generate_series(1, ${STUDENTS}) AS i WHERE i % 4 <> 0`);
        await db.execute(sql`ANALYZE`);
      });
      log(`${STUDENTS} students seeded in ${round(seeded.seconds, 1)} s`);
      const full = await timed(() => completionCohorts(db, TENANT, 'all', TODAY));
      if (process.env.BENCH_FOLLOW_UP_ORACLE === '1') {
        // The row-by-row computation this replaced (every starter's row counted in TypeScript), for before/after figures.
        const rowWise = await timed(async () => presentCompletion(await loadStarters(db, TENANT, 'all'), TODAY));
        const same = JSON.stringify(rowWise.result) === JSON.stringify(full.result);
        log(`row-by-row computation ${round(rowWise.seconds, 2)} s; the same figures: ${same ? 'yes' : 'NO'}`);
      }
      const bare = await timed(() =>
        queryRows(
          db,
          sql`
          WITH first AS (
            SELECT DISTINCT ON (person_id) person_id, start_date FROM enrolments
             WHERE tenant_id = ${TENANT}::uuid AND school_type = 'GY' AND NOT cancelled ORDER BY person_id, start_date
          ), ex AS (
            SELECT student_id, min(issued_date) AS d FROM certificates
             WHERE tenant_id = ${TENANT}::uuid AND kind = 'gymnasieexamen' GROUP BY student_id
          )
          SELECT extract(year FROM f.start_date) AS cohort, count(*) AS starters,
                 count(*) FILTER (WHERE ex.d <= f.start_date + interval '3 years') AS in3,
                 count(*) FILTER (WHERE ex.d <= f.start_date + interval '4 years') AS in4,
                 count(*) FILTER (WHERE ex.d <= f.start_date + interval '5 years') AS in5
            FROM first f LEFT JOIN ex ON ex.student_id = f.person_id GROUP BY 1 ORDER BY 1`,
        ),
      );
      log(`${full.result.length} cohorts; computation ${round(full.seconds, 2)} s, bare aggregate ${round(bare.seconds, 2)} s`);
      return { value: round(full.seconds), baseline: round(bare.seconds) };
    });
  },
};

export const benchmarks: Benchmark[] = [completion];
