/**
 * The row-by-row computation of completion, kept as the oracle for the SQL one (cohort-counts.ts): every starter's row
 * out of the database (no names, no civic numbers), counted in TypeScript by cohorts.ts. Tests and the benchmark's
 * comparison use it; the routes use `completionCohorts`.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { Completion } from '../../../shared/follow-up/completion.ts';
import type { UnitScope } from '../interventions/dashboard.ts';
import { countCohorts, type GroupCounts, type ProgrammeType, type StarterRow } from './cohorts.ts';
import { earliestShown, groupLabel, presentCohorts } from './completion.ts';

const programmeTypes: Record<string, ProgrammeType> = {
  'Högskoleförberedande program': 'higher-education-preparatory',
  Yrkesprogram: 'vocational',
  Intruduktionsprogram: 'introduction',
  Introduktionsprogram: 'introduction',
};

interface Row extends Record<string, unknown> {
  start_date: string;
  last_end: string | null;
  examen: string | null;
  studiebevis: string | null;
  civic_no_kind: string | null;
  programme_type: string | null;
  programme_code: string | null;
  programme_name: string | null;
  school_unit_id: string;
  school_unit_name: string | null;
  home_code: string | null;
  home_name: string | null;
  sex: string | null;
}

/** Each starter's first upper-secondary enrolment at the organiser, their certificates and their last enrolment day. */
export async function loadStarters(db: DbOrTx, tenantId: string, scope: UnitScope): Promise<StarterRow[]> {
  const inScope =
    scope === 'all'
      ? sql`true`
      : scope.length === 0
        ? sql`false`
        : sql`f.school_unit_id IN (${sql.join(
            scope.map((u) => sql`${u}::uuid`),
            sql`, `,
          )})`;
  const rows = await queryRows<Row>(
    db,
    sql`
    WITH gy AS (
      SELECT e.person_id, e.start_date, e.end_date, e.school_unit_id, e.programme_id, e.programme_code,
             row_number() OVER (PARTITION BY e.person_id ORDER BY e.start_date, e.ordinal) AS n
        FROM enrolments e
       WHERE e.tenant_id = ${tenantId}::uuid AND e.school_type = 'GY' AND NOT e.cancelled
    ), spans AS (
      SELECT person_id, CASE WHEN bool_or(end_date IS NULL) THEN NULL ELSE max(end_date) END AS last_end FROM gy GROUP BY person_id
    ), certs AS (
      SELECT student_id,
             min(issued_date) FILTER (WHERE kind = 'gymnasieexamen') AS examen,
             min(issued_date) FILTER (WHERE kind = 'studiebevis') AS studiebevis
        FROM certificates WHERE tenant_id = ${tenantId}::uuid GROUP BY student_id
    )
    SELECT f.start_date::text AS start_date, s.last_end::text AS last_end, c.examen::text AS examen, c.studiebevis::text AS studiebevis,
           p.civic_no_kind, pr.programme_type, coalesce(pr.code, f.programme_code) AS programme_code, pr.name AS programme_name,
           f.school_unit_id, o.display_name AS school_unit_name, p.home_municipality_code AS home_code, m.name AS home_name, p.sex
      FROM gy f
      JOIN persons p ON p.tenant_id = ${tenantId}::uuid AND p.id = f.person_id
      JOIN spans s ON s.person_id = f.person_id
      LEFT JOIN certs c ON c.student_id = f.person_id
      LEFT JOIN programmes pr ON pr.tenant_id = ${tenantId}::uuid AND pr.id = f.programme_id
      LEFT JOIN organisations o ON o.tenant_id = ${tenantId}::uuid AND o.id = f.school_unit_id
      LEFT JOIN municipalities m ON m.code = p.home_municipality_code
     WHERE f.n = 1 AND ${inScope}`,
  );
  return rows.map((r) => ({
    startDate: r.start_date,
    lastEnd: r.last_end,
    examen: r.examen,
    studiebevis: r.studiebevis,
    hasPersonnummer: r.civic_no_kind === 'personnummer',
    programmeType: r.programme_type ? (programmeTypes[r.programme_type] ?? null) : null,
    programme: r.programme_code ? { code: r.programme_code, name: r.programme_name ?? r.programme_code } : null,
    schoolUnit: { id: r.school_unit_id, name: r.school_unit_name ?? '' },
    homeMunicipality: r.home_code ? { code: r.home_code, name: r.home_name ?? '' } : null,
    sex: r.sex === 'Kvinna' || r.sex === 'Man' ? r.sex : null,
  }));
}

/** A group's name as the rows hold it. */
function rawName(group: GroupCounts, rows: readonly StarterRow[]): string | null | undefined {
  switch (group.dimension) {
    case 'programme':
      return rows.find((r) => r.programme?.code === group.key)?.programme?.name;
    case 'school-unit':
      return rows.find((r) => r.schoolUnit.id === group.key)?.schoolUnit.name;
    case 'home-municipality':
      return rows.find((r) => r.homeMunicipality?.code === group.key)?.homeMunicipality?.name;
    default:
      return undefined;
  }
}

/** The organiser's completion figures, suppressed, from `rows` (see loadStarters): the oracle of completionCohorts. */
export function presentCompletion(rows: readonly StarterRow[], asOf: string): Completion['cohorts'] {
  return presentCohorts(countCohorts(rows, asOf, earliestShown(asOf)), null, (g) => groupLabel(g, rawName(g, rows)));
}
