/**
 * Completion counts in one set-based SQL statement (#15): each starter's cohort and status by 30 June of the 3rd, 4th
 * and 5th school year, then the counts per cohort for the total and every breakdown at once (GROUPING SETS), so no
 * starter's row leaves the database. The same definitions as the pure `countCohorts` in cohorts.ts, which the tests
 * keep as the oracle: first upper-secondary enrolment, examen before studiebevis before still enrolled before left,
 * students without a personnummer left out, horizons shown once reached.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { completionHorizons, type CompletionHorizon } from '../../../shared/follow-up/vocabulary.ts';
import type { UnitScope } from '../interventions/dashboard.ts';
import { cutOff, dimensions, statuses, type CohortCounts, type Dimension, type GroupCounts } from './cohorts.ts';

/** A group's name as the database holds it (programme, school unit, home municipality), keyed `dimension:key`. */
export type GroupNames = Map<string, string | null>;

/** Why the students who left by a horizon left, as far as the records show (total row only): per cohort and horizon. */
export type LeftReasons = Map<number, Partial<Record<CompletionHorizon, { changedProgramme: number; introductionOnly: number }>>>;

interface Row extends Record<string, unknown> {
  cohort: number;
  national: boolean | null;
  ptype: string | null;
  prog: string | null;
  unit: string | null;
  home: string | null;
  sex: string | null;
  pname: string | null;
  uname: string | null;
  hname: string | null;
  starters: string | number;
  [count: `${'c' | 'l'}${number}_${number}`]: string | number;
}

const unitsIn = (scope: UnitScope): SQL =>
  scope === 'all'
    ? sql`true`
    : scope.length === 0
      ? sql`false`
      : sql`f.school_unit_id IN (${sql.join(
          scope.map((u) => sql`${u}::uuid`),
          sql`, `,
        )})`;

/** Status codes by a horizon: 0 examen, 1 studiebevis, 2 studying, 3 left (the order of `statuses`). */
const statusBy = (years: number): SQL => {
  const by = `s.by${years}`;
  return sql.raw(`CASE WHEN c.examen <= ${by} THEN 0 WHEN c.studiebevis <= ${by} THEN 1
                       WHEN s.last_end IS NULL OR s.last_end >= ${by} THEN 2 ELSE 3 END`);
};

const countNames = completionHorizons.flatMap((y) => statuses.map((_, k) => [y, k, `c${y}_${k}`] as const));
const counts = sql.raw(countNames.map(([y, k, name]) => `sum(n) FILTER (WHERE st${y} = ${k}) AS ${name}`).join(',\n       '));
/** Of those who left by each horizon: after changing programme (lr 1), only ever on an introduktionsprogram (lr 2). */
const reasonNames = completionHorizons.flatMap((y) => [1, 2].map((r) => [y, r, `l${y}_${r}`] as const));
const reasonCounts = sql.raw(
  reasonNames.map(([y, r, name]) => `sum(n) FILTER (WHERE st${y} = 3 AND lr = ${r}) AS ${name}`).join(',\n       '),
);
const columns = sql.raw([...countNames, ...reasonNames].map(([, , name]) => `coalesce(g.${name}, 0) AS ${name}`).join(', '));

/** The counts per cohort (oldest first) from `earliestCohort` on, and the names of the groups, for one organiser. */
export async function countCohortsInDatabase(
  db: DbOrTx,
  tenantId: string,
  scope: UnitScope,
  asOf: string,
  earliestCohort: number,
): Promise<{ cohorts: CohortCounts[]; names: GroupNames; reasons: LeftReasons }> {
  return assemble(await queryRows<Row>(db, countsQuery(tenantId, scope, asOf, earliestCohort)), asOf);
}

/** The statement: one row per cohort and group. */
export function countsQuery(tenantId: string, scope: UnitScope, asOf: string, earliestCohort: number): SQL {
  return sql`
    WITH f AS (
      SELECT DISTINCT ON (e.person_id) e.person_id, e.start_date, e.school_unit_id, e.programme_id, e.programme_code,
             CASE WHEN bool_or(e.end_date IS NULL) OVER w THEN NULL ELSE max(e.end_date) OVER w END AS last_end,
             CASE WHEN bool_and(coalesce(e.programme_code, '') LIKE 'IM%') OVER w THEN 2
                  WHEN min(coalesce(e.programme_id::text, e.programme_code, '')) OVER w
                       <> max(coalesce(e.programme_id::text, e.programme_code, '')) OVER w THEN 1
                  ELSE 0 END AS lr
        FROM enrolments e
       WHERE e.tenant_id = ${tenantId}::uuid AND e.school_type = 'GY' AND NOT e.cancelled
      WINDOW w AS (PARTITION BY e.person_id)
       ORDER BY e.person_id, e.start_date, e.ordinal
    ), k AS (
      SELECT y AS cohort, make_date(y + 3, 6, 30) AS by3, make_date(y + 4, 6, 30) AS by4, make_date(y + 5, 6, 30) AS by5
        FROM generate_series(${earliestCohort}::int, ${Number(asOf.slice(0, 4))}::int) AS y
    ), s AS (
      SELECT f.person_id, f.last_end, f.lr, f.school_unit_id AS unit, pr.name AS pname, k.cohort, k.by3, k.by4, k.by5,
             CASE pr.programme_type
               WHEN 'Högskoleförberedande program' THEN 'higher-education-preparatory'
               WHEN 'Yrkesprogram' THEN 'vocational'
               WHEN 'Introduktionsprogram' THEN 'introduction'
               WHEN 'Intruduktionsprogram' THEN 'introduction' END AS ptype,
             coalesce(nullif(coalesce(pr.code, f.programme_code), ''), 'unknown') AS prog,
             coalesce(nullif(p.home_municipality_code, ''), 'unknown') AS home,
             CASE WHEN p.sex IN ('Kvinna', 'Man') THEN p.sex ELSE 'unknown' END AS sex
        FROM f
        JOIN k ON k.cohort = date_part('year', f.start_date - interval '6 months')::int
        JOIN persons p ON p.tenant_id = ${tenantId}::uuid AND p.id = f.person_id AND p.civic_no_kind = 'personnummer'
        LEFT JOIN programmes pr ON pr.tenant_id = ${tenantId}::uuid AND pr.id = f.programme_id
       WHERE f.start_date <= ${asOf}::date AND ${unitsIn(scope)}
    ), fine AS (
      SELECT s.cohort, coalesce(s.ptype IN ('higher-education-preparatory', 'vocational'), false) AS national,
             coalesce(s.ptype, 'unknown') AS ptype, s.prog, s.pname, s.unit, s.home, s.sex,
             ${statusBy(3)} AS st3, ${statusBy(4)} AS st4, ${statusBy(5)} AS st5, s.lr, count(*) AS n
        FROM s
        -- Each starter's certificates by key (certificates_student_idx): a grouped join was once planned as a nested loop
        -- over every certificate of the organiser per starter, 31 s of the national night (docs/scaling.md).
        CROSS JOIN LATERAL (
          SELECT min(issued_date) FILTER (WHERE kind = 'gymnasieexamen') AS examen,
                 min(issued_date) FILTER (WHERE kind = 'studiebevis') AS studiebevis
            FROM certificates WHERE tenant_id = ${tenantId}::uuid AND student_id = s.person_id) c
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    ), g AS (
      SELECT cohort, national, ptype, prog, unit, home, sex, min(pname) AS pname, sum(n) AS starters,
       ${counts}, ${reasonCounts}
        FROM fine
       GROUP BY GROUPING SETS ((cohort), (cohort, national), (cohort, ptype), (cohort, prog), (cohort, unit), (cohort, home), (cohort, sex))
    )
    SELECT g.cohort, g.national, g.ptype, g.prog, g.unit::text AS unit, g.home, g.sex, g.pname, o.display_name AS uname,
           m.name AS hname, g.starters, ${columns}
      FROM g
      LEFT JOIN organisations o ON o.tenant_id = ${tenantId}::uuid AND o.id = g.unit
      LEFT JOIN municipalities m ON m.code = g.home`;
}

function keyOf(r: Row): [Dimension, string] | undefined {
  if (r.national !== null) return r.national ? ['national', ''] : undefined;
  if (r.ptype !== null) return ['programme-type', r.ptype];
  if (r.prog !== null) return ['programme', r.prog];
  if (r.unit !== null) return ['school-unit', r.unit];
  if (r.home !== null) return ['home-municipality', r.home];
  if (r.sex !== null) return ['sex', r.sex];
  return ['all', ''];
}

function assemble(rows: readonly Row[], asOf: string): { cohorts: CohortCounts[]; names: GroupNames; reasons: LeftReasons } {
  const names: GroupNames = new Map();
  const reasons: LeftReasons = new Map();
  const byCohort = new Map<number, GroupCounts[]>();
  for (const r of rows) {
    const key = keyOf(r);
    if (!key) continue;
    const [dimension, k] = key;
    const startYear = Number(r.cohort);
    const name = dimension === 'programme' ? r.pname : dimension === 'school-unit' ? r.uname : r.hname;
    if (dimension === 'programme' || dimension === 'school-unit' || dimension === 'home-municipality') names.set(`${dimension}:${k}`, name);
    const within: GroupCounts['within'] = {};
    for (const years of completionHorizons)
      if (cutOff(startYear, years) <= asOf)
        within[years] = {
          examen: Number(r[`c${years}_0`]),
          studiebevis: Number(r[`c${years}_1`]),
          studying: Number(r[`c${years}_2`]),
          left: Number(r[`c${years}_3`]),
        };
    if (dimension === 'all')
      reasons.set(
        startYear,
        Object.fromEntries(
          Object.keys(within).map((y) => [y, { changedProgramme: Number(r[`l${y}_1`]), introductionOnly: Number(r[`l${y}_2`]) }]),
        ),
      );
    const groups = byCohort.get(startYear) ?? [];
    byCohort.set(startYear, groups);
    groups.push({ dimension, key: k, starters: Number(r.starters), within });
  }
  return {
    names,
    reasons,
    cohorts: [...byCohort.entries()]
      .sort(([a], [b]) => a - b)
      .map(([startYear, groups]) => ({
        startYear,
        groups: groups.sort(
          (a, b) => dimensions.indexOf(a.dimension) - dimensions.indexOf(b.dimension) || a.key.localeCompare(b.key, 'sv'),
        ),
      })),
  };
}
