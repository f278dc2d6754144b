/**
 * Attendance: every lesson's attendance (the JSON lists each; the PDF lists the lessons with absence or without a
 * report and counts the rest), a summary per course, and attendance summed per period as delivered for earlier years.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { fact, section, type Entry, type Section } from './document.ts';
import { minutes, period, swedishDate, swedishDateTime, text, yesNo } from './format.ts';
import type { ExtractScope } from './scope.ts';

interface LessonRow extends Record<string, unknown> {
  id: string;
  lesson_date: string;
  course: string | null;
  is_reported: boolean;
  attended: number;
  valid_absence: number;
  invalid_absence: number;
  other_attendance: number;
  absence_reason: string | null;
  reported_at: string | null;
}

/** The attendance section. */
export async function attendanceSection({ db, tenantId, personId }: ExtractScope): Promise<Section> {
  const lessons = await queryRows<LessonRow>(
    db,
    sql`
    SELECT a.id::text, a.lesson_date::text, ac.display_name AS course, a.is_reported, a.attendance_minutes AS attended,
           a.valid_absence_minutes AS valid_absence, a.invalid_absence_minutes AS invalid_absence, a.other_attendance_minutes AS other_attendance,
           a.absence_reason, to_char(a.reported_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS reported_at
      FROM attendances a
      LEFT JOIN calendar_events ce ON ce.tenant_id = a.tenant_id AND ce.id = a.calendar_event_id
      LEFT JOIN activities ac ON ac.tenant_id = ce.tenant_id AND ac.id = ce.activity_id
     WHERE a.tenant_id = ${tenantId}::uuid AND a.student_id = ${personId}::uuid ORDER BY a.lesson_date, ce.start_time, a.id`,
  );
  const periods = await queryRows<{
    activity_id: string;
    course: string | null;
    start_date: string;
    end_date: string;
    attended: number;
    valid_absence: number;
    invalid_absence: number;
    other_attendance: number;
    reported: number;
    offered: number;
  }>(
    db,
    sql`
    SELECT g.activity_id::text, ac.display_name AS course, g.start_date::text, g.end_date::text, g.attendance_sum AS attended,
           g.valid_absence_sum AS valid_absence, g.invalid_absence_sum AS invalid_absence, g.other_attendance_sum AS other_attendance,
           g.reported_sum AS reported, g.offered_sum AS offered
      FROM aggregated_attendances g LEFT JOIN activities ac ON ac.tenant_id = g.tenant_id AND ac.id = g.activity_id
     WHERE g.tenant_id = ${tenantId}::uuid AND g.student_id = ${personId}::uuid ORDER BY g.start_date, ac.display_name`,
  );

  const entries = lessons.map(lessonEntry);
  const noteworthy = lessons.filter((l) => !l.is_reported || l.valid_absence > 0 || l.invalid_absence > 0).map(lessonEntry);
  return section('attendance', [
    { heading: 'Sammanställning per kurs', entries: perCourse(lessons), empty: 'Inga uppgifter.' },
    {
      heading: 'Lektioner',
      entries,
      empty: 'Inga uppgifter.',
      pdfSummary:
        `Här visas lektionerna med frånvaro eller utan rapport (${noteworthy.length} av ${lessons.length}). ` +
        'Övriga lektioner hade full närvaro och finns var för sig i utdraget i JSON-format.',
      pdfEntries: noteworthy,
    },
    {
      heading: 'Närvaro sammanräknad per period',
      empty: 'Inga uppgifter.',
      entries: periods.map((p) => ({
        title: `${text(p.course)}, ${period(p.start_date, p.end_date)}`,
        facts: [
          fact('Schemalagd tid', minutes(p.offered)),
          fact('Rapporterad tid', minutes(p.reported)),
          fact('Närvaro', minutes(p.attended)),
          fact('Giltig frånvaro', minutes(p.valid_absence)),
          fact('Ogiltig frånvaro', minutes(p.invalid_absence)),
          fact('Annan närvaro', minutes(p.other_attendance)),
        ],
        ids: { activityId: p.activity_id },
      })),
    },
  ]);
}

function lessonEntry(l: LessonRow): Entry {
  const facts = l.is_reported
    ? [
        fact('Närvaro', minutes(l.attended)),
        fact('Giltig frånvaro', minutes(l.valid_absence)),
        fact('Ogiltig frånvaro', minutes(l.invalid_absence)),
        ...(l.other_attendance > 0 ? [fact('Annan närvaro', minutes(l.other_attendance))] : []),
        ...(l.absence_reason ? [fact('Orsak till frånvaro', l.absence_reason)] : []),
        fact('Rapporterad', l.reported_at ? swedishDateTime(l.reported_at) : 'Ja'),
      ]
    : [fact('Rapporterad', yesNo(false))];
  return { title: `${swedishDate(l.lesson_date)}, ${text(l.course)}`, facts, ids: { attendanceId: l.id } };
}

function perCourse(lessons: LessonRow[]): Entry[] {
  const byCourse = new Map<string, { lessons: number; reported: number; attended: number; valid: number; invalid: number }>();
  for (const l of lessons) {
    const key = text(l.course);
    const sum = byCourse.get(key) ?? { lessons: 0, reported: 0, attended: 0, valid: 0, invalid: 0 };
    sum.lessons += 1;
    if (l.is_reported) sum.reported += 1;
    sum.attended += Number(l.attended);
    sum.valid += Number(l.valid_absence);
    sum.invalid += Number(l.invalid_absence);
    byCourse.set(key, sum);
  }
  return [...byCourse].map(([course, s]) => ({
    title: course,
    facts: [
      fact('Lektioner', s.lessons),
      fact('Rapporterade', s.reported),
      fact('Närvaro', minutes(s.attended)),
      fact('Giltig frånvaro', minutes(s.valid)),
      fact('Ogiltig frånvaro', minutes(s.invalid)),
    ],
  }));
}
