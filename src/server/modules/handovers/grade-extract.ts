/**
 * The grade-catalogue extract (gymnasieförordningen 8 kap. 9 §; docs/handovers.md): the student's grades at the
 * sending organiser (course or subject, points, grade, date), the subject levels started but not finished — a course
 * taught to the student's groups with no final grade for them — and unexcused absence over the placement. Read from
 * the sender's data while the handover is a draft; frozen into the handover's facts when it is sent, so the receiving
 * unit reads the same extract. A PDF in plain Swedish: names, never a code or a civic number.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { GradeCatalogue } from '../../db/schema/handovers.ts';
import { field, finish, heading, newPdf, paragraph } from '../interventions/action-programme-pdf.ts';
import type { HandoverRow } from './policy.ts';

/** The extract from the sending organiser's data (empty when the handover is about no student there, as from KAA). */
export async function gradeCatalogue(db: DbOrTx, row: HandoverRow, asOf: string): Promise<GradeCatalogue> {
  const empty: GradeCatalogue = { from: null, to: row.leavesOn, grades: [], unfinished: [], unexcusedMinutes: null };
  if (row.direction !== 'sent' || !row.studentId) return row.facts.gradeCatalogue ?? empty;
  const t = sql`${row.tenantId}::uuid`;
  const s = sql`${row.studentId}::uuid`;
  const [placement] = await queryRows<{ from: string }>(
    db,
    sql`SELECT min(start_date)::text AS from FROM enrolments WHERE tenant_id = ${t} AND person_id = ${s} AND NOT cancelled
           ${row.fromUnitId ? sql`AND school_unit_id = ${row.fromUnitId}::uuid` : sql``}`,
  );
  const from = placement?.from ?? null;
  const to = row.leavesOn && row.leavesOn < asOf ? row.leavesOn : asOf;
  const grades = await queryRows<{ name: string; points: number | null; grade: string; date: string }>(
    db,
    sql`SELECT DISTINCT ON (g.syllabus_id) coalesce(sy.course_name, sy.subject_name) AS name, sy.points, g.grade_value AS grade,
               g.registered_date::text AS date
          FROM grades g JOIN syllabuses sy ON sy.tenant_id = g.tenant_id AND sy.id = g.syllabus_id
         WHERE g.tenant_id = ${t} AND g.student_id = ${s} AND g.final_grade
         ORDER BY g.syllabus_id, g.registered_date DESC`,
  );
  grades.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'sv'));
  const unfinished = await queryRows<{ name: string; points: number | null; started: string }>(
    db,
    sql`SELECT coalesce(sy.course_name, sy.subject_name) AS name, sy.points, min(a.start_date)::text AS started
          FROM group_memberships gm
          JOIN activity_groups ag ON ag.tenant_id = gm.tenant_id AND ag.group_id = gm.group_id
          JOIN activities a ON a.tenant_id = ag.tenant_id AND a.id = ag.activity_id AND a.syllabus_id IS NOT NULL
          JOIN syllabuses sy ON sy.tenant_id = a.tenant_id AND sy.id = a.syllabus_id
         WHERE gm.tenant_id = ${t} AND gm.person_id = ${s} AND a.start_date <= ${to}::date
           AND gm.start_date <= ${to}::date AND (gm.end_date IS NULL OR gm.end_date >= a.start_date)
           ${from ? sql`AND (a.end_date IS NULL OR a.end_date >= ${from}::date)` : sql``}
           AND NOT EXISTS (SELECT 1 FROM grades g WHERE g.tenant_id = gm.tenant_id AND g.student_id = gm.person_id
                              AND g.syllabus_id = a.syllabus_id AND g.final_grade)
         GROUP BY sy.id, sy.course_name, sy.subject_name, sy.points ORDER BY 1`,
  );
  const since = from ?? '1900-01-01';
  const [lessons] = await queryRows<{ minutes: number; n: number }>(
    db,
    sql`SELECT coalesce(sum(invalid_absence_minutes), 0)::int AS minutes, count(*)::int AS n FROM attendances
         WHERE tenant_id = ${t} AND student_id = ${s} AND is_reported AND lesson_date BETWEEN ${since}::date AND ${to}::date`,
  );
  const [aggregated] = await queryRows<{ minutes: number; n: number }>(
    db,
    sql`SELECT coalesce(sum(invalid_absence_sum), 0)::int AS minutes, count(*)::int AS n FROM aggregated_attendances
         WHERE tenant_id = ${t} AND student_id = ${s} AND end_date >= ${since}::date AND start_date <= ${to}::date`,
  );
  const unexcusedMinutes = lessons && lessons.n > 0 ? lessons.minutes : aggregated && aggregated.n > 0 ? aggregated.minutes : null;
  return { from, to, grades, unfinished, unexcusedMinutes };
}

const hours = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} timmar${m ? ` och ${m} minuter` : ''}`;
};
const pointsOf = (p: number | null) => (p ? `, ${p} poäng` : '');
const gradeWord = (g: string) => (g === '-' ? 'streck (underlag saknas)' : g);

/** The extract as a PDF. */
export function gradeExtractPdf(h: HandoverRow, c: GradeCatalogue, generatedAt: string): Promise<Buffer> {
  const builder = newPdf('Utdrag ur betygskatalogen', h.fromOrganiserName);
  const { doc } = builder;
  doc.font('Helvetica-Bold').fontSize(16).text('Utdrag ur betygskatalogen').font('Helvetica').moveDown(0.3);
  field(doc, 'Elev', `${h.givenName} ${h.familyName}`);
  field(doc, 'Skolenhet', `${h.fromUnitName} (${h.fromOrganiserName})`);
  field(doc, 'Period', c.from || c.to ? `${c.from ?? '–'} till ${c.to ?? '–'}` : null);
  field(doc, 'Ny skolenhet', `${h.toUnitName} (${h.toOrganiserName})`);
  heading(doc, 'Betyg');
  if (c.grades.length === 0) paragraph(doc, 'Inga betyg är registrerade.');
  for (const g of c.grades) field(doc, `${g.name}${pointsOf(g.points)}`, `${gradeWord(g.grade)}, satt ${g.date}`);
  heading(doc, 'Påbörjade men inte avslutade kurser och ämnen');
  if (c.unfinished.length === 0) paragraph(doc, 'Inga enligt skolans uppgifter om undervisningen.');
  for (const u of c.unfinished) field(doc, `${u.name}${pointsOf(u.points)}`, `påbörjad ${u.started}`);
  if (h.content.unfinishedCourses) field(doc, 'Lärarens uppgift om påbörjade kurser', h.content.unfinishedCourses);
  heading(doc, 'Ogiltig frånvaro');
  paragraph(doc, c.unexcusedMinutes === null ? 'Ingen frånvaro är rapporterad för perioden.' : hours(c.unexcusedMinutes));
  doc
    .moveDown(1)
    .fontSize(8)
    .text(
      'Utdrag enligt gymnasieförordningen (2010:2039) 8 kap. 9 §. Uppgifterna får inte användas vid urval till skolplacering eller antagning.',
    );
  return finish(builder, `Utdrag ur betygskatalogen · utskrivet ${generatedAt.slice(0, 10)} · omfattas av sekretess enligt OSL 23 kap.`);
}
