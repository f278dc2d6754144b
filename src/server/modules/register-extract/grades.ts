/** Grades: every grade with its subject or course, school unit and who registered it; diplomas and certificates. */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { fact, section, type Section } from './document.ts';
import { label, swedishDate, yesNo } from './format.ts';
import { certificateKinds } from './labels.ts';
import type { ExtractScope } from './scope.ts';

const semesters: Record<string, string> = { HT: 'Hösttermin', VT: 'Vårtermin' };

/** The grades section. */
export async function gradeSection({ db, tenantId, personId }: ExtractScope): Promise<Section> {
  const grades = await queryRows<{
    id: string;
    subject: string | null;
    course: string | null;
    grade_value: string;
    final_grade: boolean;
    trial: boolean;
    converted: boolean;
    correction_type: string | null;
    semester: string | null;
    year: number | null;
    registered_date: string;
    unit: string | null;
    registered_by: string | null;
    group_name: string | null;
    remark: string | null;
  }>(
    db,
    sql`
    SELECT g.id::text, s.subject_name AS subject, s.course_name AS course, g.grade_value, g.final_grade, g.trial, g.converted, g.correction_type,
           g.semester, g.year, g.registered_date::text, o.display_name AS unit, concat_ws(' ', rp.given_name, rp.family_name) AS registered_by,
           gr.display_name AS group_name, g.remark
      FROM grades g
      LEFT JOIN syllabuses s ON s.tenant_id = g.tenant_id AND s.id = g.syllabus_id
      LEFT JOIN organisations o ON o.tenant_id = g.tenant_id AND o.id = g.organisation_id
      LEFT JOIN persons rp ON rp.tenant_id = g.tenant_id AND rp.id = g.registered_by_id
      LEFT JOIN groups gr ON gr.tenant_id = g.tenant_id AND gr.id = g.group_id
     WHERE g.tenant_id = ${tenantId}::uuid AND g.student_id = ${personId}::uuid ORDER BY g.registered_date DESC, s.subject_name, s.course_name`,
  );
  const certificates = await queryRows<{
    id: string;
    kind: string;
    unit: string | null;
    programme_code: string | null;
    issued_date: string;
    total_points: number | null;
    passed_points: number | null;
    eligible: boolean | null;
  }>(
    db,
    sql`
    SELECT c.id::text, c.kind, o.display_name AS unit, c.programme_code, c.issued_date::text, c.total_points, c.passed_points,
           c.eligible_national_programme AS eligible
      FROM certificates c LEFT JOIN organisations o ON o.tenant_id = c.tenant_id AND o.id = c.school_unit_id
     WHERE c.tenant_id = ${tenantId}::uuid AND c.student_id = ${personId}::uuid ORDER BY c.issued_date DESC`,
  );
  return section('grades', [
    {
      heading: 'Betyg i ämnen och kurser',
      empty: 'Inga uppgifter.',
      entries: grades.map((g) => ({
        title: `${g.course ?? g.subject ?? '–'}: ${g.grade_value}`,
        facts: [
          fact('Ämne', g.subject),
          fact('Betygstyp', g.final_grade ? 'Slutligt betyg' : 'Terminsbetyg'),
          fact('Termin', g.semester ? `${label(semesters, g.semester)} ${g.year ?? ''}`.trim() : g.year),
          fact('Registrerat', swedishDate(g.registered_date)),
          fact('Skolenhet', g.unit),
          fact('Registrerat av', g.registered_by || null),
          fact('Grupp', g.group_name),
          fact('Prövning', yesNo(g.trial)),
          fact('Omvandlat betyg', yesNo(g.converted)),
          ...(g.correction_type ? [fact('Rättelse', g.correction_type)] : []),
          ...(g.remark ? [fact('Anmärkning', g.remark)] : []),
        ],
        ids: { gradeId: g.id },
      })),
    },
    {
      heading: 'Examen, slutbetyg och studiebevis',
      empty: 'Inga uppgifter.',
      entries: certificates.map((c) => ({
        title: label(certificateKinds, c.kind),
        facts: [
          fact('Utfärdat', swedishDate(c.issued_date)),
          fact('Skolenhet', c.unit),
          fact('Program', c.programme_code),
          ...(c.total_points !== null ? [fact('Poäng', c.total_points), fact('Godkända poäng', c.passed_points)] : []),
          ...(c.eligible !== null ? [fact('Behörig till nationellt program', yesNo(c.eligible))] : []),
        ],
        ids: { certificateId: c.id },
      })),
    },
  ]);
}
