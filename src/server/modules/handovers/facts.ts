/**
 * What the platform knows about a leaving student, gathered for the draft (docs/handovers.md): absence over the last
 * year (lessons, else aggregated attendance), the early-detection indicators raised, final grades and eligibility, the
 * interventions and the åtgärdsprogram of the student-health case, and a special teaching group the last year.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { HandoverContent, HandoverFacts } from '../../db/schema/handovers.ts';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Subjects a grundskola student must pass for a national programme (skollagen 16 kap. 30 §): Swedish or SvA, English, mathematics. */
const coreSubjects = [['SV', 'SVA'], ['EN'], ['MA']];
const failing = ['F', '-'];

/** The facts for one student, and whether a special teaching group selects them. */
export async function gatherFacts(
  db: DbOrTx,
  tenantId: string,
  studentId: string,
  asOf: string,
): Promise<{ stored: HandoverFacts; specialGroup: boolean }> {
  const since = addDays(asOf, -365);
  const t = sql`${tenantId}::uuid`;
  const s = sql`${studentId}::uuid`;
  const [lessons] = await queryRows<{ absent: number; total: number }>(
    db,
    sql`SELECT coalesce(sum(valid_absence_minutes + invalid_absence_minutes), 0)::int AS absent,
               coalesce(sum(attendance_minutes + valid_absence_minutes + invalid_absence_minutes), 0)::int AS total
          FROM attendances WHERE tenant_id = ${t} AND student_id = ${s} AND is_reported AND lesson_date BETWEEN ${since}::date AND ${asOf}::date`,
  );
  const [aggregated] = await queryRows<{ absent: number; total: number }>(
    db,
    sql`SELECT coalesce(sum(valid_absence_sum + invalid_absence_sum), 0)::int AS absent,
               coalesce(sum(attendance_sum + valid_absence_sum + invalid_absence_sum), 0)::int AS total
          FROM aggregated_attendances WHERE tenant_id = ${t} AND student_id = ${s} AND end_date >= ${since}::date AND start_date <= ${asOf}::date`,
  );
  const base = lessons && lessons.total > 0 ? lessons : aggregated;
  const absenceShare = base && base.total > 0 ? Math.round((base.absent / base.total) * 1000) / 1000 : null;
  const indicators = await queryRows<{ indicator: string; onset: string; severity: string }>(
    db,
    sql`SELECT indicator, onset::text, severity FROM indicator_episodes
         WHERE tenant_id = ${t} AND student_id = ${s} AND counts AND (status = 'active' OR last_seen >= ${since}::date) ORDER BY onset`,
  );
  const grades = await queryRows<{ subject: string; code: string | null; grade: string }>(
    db,
    sql`SELECT DISTINCT ON (g.syllabus_id) coalesce(sy.course_name, sy.subject_name) AS subject, sy.subject_code AS code, g.grade_value AS grade
          FROM grades g JOIN syllabuses sy ON sy.tenant_id = g.tenant_id AND sy.id = g.syllabus_id
         WHERE g.tenant_id = ${t} AND g.student_id = ${s} AND g.final_grade
         ORDER BY g.syllabus_id, g.registered_date DESC`,
  );
  const passed = grades.filter((g) => !failing.includes(g.grade));
  const core = (codes: string[]) => grades.some((g) => codes.includes(g.code ?? '') && !failing.includes(g.grade));
  const eligible = grades.length === 0 ? null : coreSubjects.every(core) && passed.length >= 8;
  const interventions = await queryRows<{ title: string; status: string; actions: string }>(
    db,
    sql`SELECT title, status, actions FROM case_interventions
         WHERE tenant_id = ${t} AND student_id = ${s} AND status IN ('planned', 'active') ORDER BY start_date`,
  );
  const [programme] = await queryRows<{ needs: string; decided_on: string; evaluation_on: string }>(
    db,
    sql`SELECT needs, decided_on::text, evaluation_on::text FROM action_programmes
         WHERE tenant_id = ${t} AND student_id = ${s} ORDER BY decided_on DESC LIMIT 1`,
  );
  const [special] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM group_memberships gm JOIN groups g ON g.tenant_id = gm.tenant_id AND g.id = gm.group_id
         WHERE gm.tenant_id = ${t} AND gm.person_id = ${s} AND (gm.end_date IS NULL OR gm.end_date >= ${since}::date)
           AND (g.display_name ILIKE '%särskild undervisningsgrupp%' OR g.display_name ILIKE '%resursgrupp%')`,
  );
  return {
    stored: {
      absenceShare,
      absenceByTerm: [],
      indicators,
      grades: grades.map((g) => ({ subject: g.subject, grade: g.grade })),
      eligible,
      interventions: interventions.map((i) => ({ title: `${i.title}: ${i.actions}`, status: i.status })),
      actionProgramme: programme
        ? { needs: programme.needs, decidedOn: programme.decided_on, evaluationOn: programme.evaluation_on }
        : null,
    },
    specialGroup: (special?.n ?? 0) > 0,
  };
}

/** No facts: a handover that carries nothing from the school's records (the KAA register's, a test's). */
export const emptyFacts = (): HandoverFacts => ({
  absenceShare: null,
  absenceByTerm: [],
  indicators: [],
  grades: [],
  eligible: null,
  interventions: [],
  actionProgramme: null,
});

/** An empty form. */
export const emptyContent = (): HandoverContent => ({
  strengths: '',
  adaptations: '',
  specialSupport: '',
  knowledge: '',
  unfinishedCourses: '',
  language: '',
  contacts: '',
  informed: '',
  consentBeyondPedagogical: false,
  consentNote: '',
  attachActionProgramme: false,
});

/** The form pre-filled from the facts (plain Swedish, factual; the sender edits it before sending). */
export function prefill(facts: HandoverFacts, protectedIdentity: boolean): HandoverContent {
  const content = emptyContent();
  content.adaptations = facts.interventions.map((i) => `• ${i.title}`).join('\n');
  if (facts.actionProgramme) {
    content.specialSupport = `Åtgärdsprogram beslutat ${facts.actionProgramme.decidedOn}, utvärderas ${facts.actionProgramme.evaluationOn}.\nBehov: ${facts.actionProgramme.needs}`;
    content.attachActionProgramme = true;
  }
  const parts: string[] = [];
  if (facts.grades.length > 0) parts.push(`Slutbetyg: ${facts.grades.map((g) => `${g.subject} ${g.grade}`).join(', ')}.`);
  if (facts.eligible !== null) parts.push(facts.eligible ? 'Behörig till nationellt program.' : 'Inte behörig till nationellt program.');
  if (facts.absenceShare !== null) parts.push(`Frånvaro senaste året: ${Math.round(facts.absenceShare * 100)} %.`);
  content.knowledge = parts.join('\n');
  // A protected identity: nothing that could locate the student is pre-filled (contacts stay empty).
  if (protectedIdentity) content.contacts = '';
  return content;
}
