/** A student's school years as enrolment entries: where, which form, which year, which programme. */
import { termEnd, termStart } from './calendar.ts';
import type { Unit } from './organisers.ts';
import type { Student } from './population.ts';

export interface Entry {
  s: number;
  unit: Unit;
  schoolType: 'FKLASS' | 'GR' | 'GRS' | 'GY' | 'GYS';
  /** Grade 0–9 in compulsory school; year of study 1–4 in upper secondary. */
  schoolYear: number;
  programme?: string;
  from: string;
  to: string;
  /** The class the student belongs to that year, e.g. '7A' or 'NA24'. */
  label: string;
}

/** First school year with records: the oldest former students' first upper-secondary year. */
export const windowStart = (s0: number) => s0 - 6;

/** Every enrolment entry of `student` from the window's start up to the current school year `s0`. */
export function timeline(student: Student, s0: number): Entry[] {
  const entries: Entry[] = [];
  const b = student.birthYear;
  // Anpassad grundskola starts in year 1 (no förskoleklass at the GRS unit).
  for (let s = Math.max(windowStart(s0), student.arrival, b + (student.adapted ? 7 : 6)); s <= Math.min(s0, b + 15); s++) {
    const grade = s - b - 6;
    entries.push({
      s,
      unit: student.grUnit,
      schoolType: grade === 0 ? 'FKLASS' : student.adapted ? 'GRS' : 'GR',
      schoolYear: grade,
      from: termStart(s),
      to: termEnd(s),
      label: grade === 0 ? 'F' : `${grade}A`,
    });
  }
  const unit = student.gyUnit;
  if (!unit) return entries;
  for (const spell of student.path.spells) {
    const first = Number(spell.from.slice(0, 4));
    for (let s = first; s <= s0; s++) {
      const from = spell.from > termStart(s) ? spell.from : termStart(s);
      const to = spell.to < termEnd(s) ? spell.to : termEnd(s);
      if (from > to) continue; // left before this school year
      entries.push({
        s,
        unit,
        schoolType: student.adapted ? 'GYS' : 'GY',
        schoolYear: s - first + 1,
        from,
        to,
        ...(student.adapted ? {} : { programme: spell.programme }),
        label: `${spell.programme}${String(first).slice(2)}`,
      });
    }
  }
  return entries;
}
