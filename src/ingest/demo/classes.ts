/** Classes (SS 12000 groups of type Klass) per unit, school year and label, from students' timelines. */
import type { Unit } from './organisers.ts';
import type { Student } from './population.ts';
import type { Entry } from './timeline.ts';

export interface ClassGroup {
  id: string;
  unit: Unit;
  s: number;
  label: string;
  schoolType: Entry['schoolType'];
  members: { student: Student; entry: Entry }[];
}

/** Groups the entries of school years `from`…`to` into classes. */
export function buildClasses(
  timelines: Map<Student, Entry[]>,
  from: number,
  to: number,
  idFor: (unit: Unit, s: number, label: string) => string,
): ClassGroup[] {
  const classes = new Map<string, ClassGroup>();
  for (const [student, entries] of timelines) {
    for (const entry of entries) {
      if (entry.s < from || entry.s > to) continue;
      const key = `${entry.unit.id}:${entry.s}:${entry.label}`;
      let c = classes.get(key);
      if (!c)
        classes.set(
          key,
          (c = {
            id: idFor(entry.unit, entry.s, entry.label),
            unit: entry.unit,
            s: entry.s,
            label: entry.label,
            schoolType: entry.schoolType,
            members: [],
          }),
        );
      c.members.push({ student, entry });
    }
  }
  return [...classes.values()];
}

/**
 * This school year's lessons are recorded one by one for year 9 and upper secondary (also anpassad):
 * the years around the transition the platform follows most closely. Other years are summed by month
 * (AggregatedAttendance), which keeps seeding at scale 1 well under a minute on any date.
 */
export const hasLessonAttendance = (c: ClassGroup) =>
  c.schoolType === 'GY' ||
  c.schoolType === 'GYS' ||
  ((c.schoolType === 'GR' || c.schoolType === 'GRS') && Number.parseInt(c.label, 10) === 9);
