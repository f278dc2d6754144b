/**
 * Completion by cohort for one organiser over the school units in scope: the starters' rows from the database (no
 * names, no civic numbers), counted by cohorts.ts and suppressed by completion-disclosure.ts.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { shown } from '../../platform/disclosure.ts';
import type { Completion, CompletionGroup } from '../../../shared/follow-up/completion.ts';
import { completionHorizons } from '../../../shared/follow-up/vocabulary.ts';
import type { UnitScope } from '../interventions/dashboard.ts';
import { countCohorts, cutOff, type GroupCounts, type ProgrammeType, type StarterRow } from './cohorts.ts';
import { protectCohort } from './completion-disclosure.ts';

/** How many cohorts back the figures go (five horizons' worth and the ones still running). */
export const cohortsShown = 8;

const programmeTypes: Record<string, ProgrammeType> = {
  'Högskoleförberedande program': 'higher-education-preparatory',
  Yrkesprogram: 'vocational',
  Intruduktionsprogram: 'introduction',
  Introduktionsprogram: 'introduction',
};
const programmeTypeNames: Record<ProgrammeType | 'unknown', { sv: string; en: string }> = {
  'higher-education-preparatory': { sv: 'Högskoleförberedande program', en: 'Higher education preparatory programmes' },
  vocational: { sv: 'Yrkesprogram', en: 'Vocational programmes' },
  introduction: { sv: 'Introduktionsprogram', en: 'Introductory programmes' },
  unknown: { sv: 'Okänd programtyp', en: 'Unknown programme type' },
};
const sexNames: Record<string, { sv: string; en: string }> = {
  Kvinna: { sv: 'Flickor', en: 'Girls' },
  Man: { sv: 'Pojkar', en: 'Boys' },
  unknown: { sv: 'Okänt kön', en: 'Sex unknown' },
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

/** The name of a group as a person reads it. */
function groupName(group: GroupCounts, rows: readonly StarterRow[]): { sv: string; en: string } {
  const same = (sv: string) => ({ sv, en: sv });
  switch (group.dimension) {
    case 'all':
      return { sv: 'Alla', en: 'All' };
    case 'national':
      return { sv: 'Nationella program', en: 'National programmes' };
    case 'programme-type':
      return programmeTypeNames[group.key as ProgrammeType | 'unknown'];
    case 'programme': {
      const found = rows.find((r) => r.programme?.code === group.key)?.programme?.name;
      return found ? same(found) : { sv: 'Okänt program', en: 'Unknown programme' };
    }
    case 'school-unit':
      return same(rows.find((r) => r.schoolUnit.id === group.key)?.schoolUnit.name || 'Skolenhet utan namn');
    case 'home-municipality': {
      const found = rows.find((r) => r.homeMunicipality?.code === group.key)?.homeMunicipality?.name;
      return found ? same(found) : { sv: 'Okänd hemkommun', en: 'Unknown home municipality' };
    }
    case 'sex':
      return sexNames[group.key] ?? sexNames.unknown!;
  }
}

/** The organiser's completion figures, suppressed, from `rows` (see loadStarters). */
export function presentCompletion(rows: readonly StarterRow[], asOf: string): Completion['cohorts'] {
  const latest = Number(asOf.slice(0, 4)) - (Number(asOf.slice(5, 7)) >= 7 ? 0 : 1);
  return countCohorts(rows, asOf, latest - cohortsShown + 1).map((cohort) => {
    const why = protectCohort(cohort);
    const names = new Map<string, { sv: string; en: string }>();
    const nameOf = (g: GroupCounts) => {
      const id = `${g.dimension}:${g.key}`;
      if (!names.has(id)) names.set(id, groupName(g, rows));
      return names.get(id)!;
    };
    return {
      startYear: cohort.startYear,
      groups: cohort.groups.map((g, k): CompletionGroup => {
        const w = why[k]!;
        const starters = shown(g.starters, w.starters);
        return {
          dimension: g.dimension,
          key: g.key,
          name: nameOf(g),
          starters,
          startersSuppressed: w.starters,
          within: completionHorizons.flatMap((years) => {
            const c = g.within[years];
            const s = w.within[years];
            if (!c || !s) return [];
            const examen = shown(c.examen, s.examen);
            const studiebevis = shown(c.studiebevis, s.studiebevis);
            const ok = starters !== null && starters > 0;
            return [
              {
                years,
                by: cutOff(cohort.startYear, years),
                examen,
                studiebevis,
                studying: shown(c.studying, s.studying),
                left: shown(c.left, s.left),
                suppressed: s,
                share: {
                  examen: ok && examen !== null ? examen / g.starters : null,
                  examenOrStudiebevis: ok && examen !== null && studiebevis !== null ? (examen + studiebevis) / g.starters : null,
                },
              },
            ];
          }),
        };
      }),
    };
  });
}
