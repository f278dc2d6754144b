/** Groups, duties (with mentor assignments), activities, lessons and attendance for each organiser. */
import { grSubjects } from './catalogue.ts';
import { monthsOf, schoolDays, termEnd, termStart } from './calendar.ts';
import { hasLessonAttendance, type ClassGroup } from './classes.ts';
import type { DocumentSets } from './documents.ts';
import { coursesOf, syllabusId } from './emit-structure.ts';
import { personId } from './emit-people.ts';
import type { AbsenceRates } from './attendance-rates.ts';
import type { Population, Staff, Student } from './population.ts';
import { stableId, type Random } from './random.ts';

const LESSON_MINUTES = 80;
/**
 * Lessons recorded per class and school day. One (rotating through three subjects), not a full
 * timetable: at the end of a school year three a day made a million lesson attendances at scale 1
 * and seeding took two minutes on PGlite (docs/demo-region.md).
 */
export const LESSONS_PER_DAY = 1;
const firstLessonStart = '08:40';

interface Context {
  seed: number;
  sets: DocumentSets;
  meta: object;
  random: Random;
  rates: Map<Student, AbsenceRates>;
  population: Population;
}

const dutyId = (seed: number, staff: Staff) => stableId(seed, 'duty', staff.key);

/** Everything taught and attended, given the classes of the recorded school years. */
export function emitTeaching(ctx: Context, classes: ClassGroup[]): void {
  const { seed, sets, meta, population } = ctx;
  const teachersByUnit = new Map<string, Staff[]>();
  for (const st of population.staff)
    if (st.role === 'Lärare') teachersByUnit.set(st.unit.id, [...(teachersByUnit.get(st.unit.id) ?? []), st]);
  const mentorOf = new Map<Staff, { group: string; s: number }[]>();
  const counter = new Map<string, number>();
  const teacherFor = (c: ClassGroup) => {
    const list = teachersByUnit.get(c.unit.id) ?? [];
    const n = counter.get(`${c.unit.id}:${c.s}`) ?? 0;
    counter.set(`${c.unit.id}:${c.s}`, n + 1);
    return list[n % list.length] as Staff;
  };
  for (const c of classes) {
    groupDoc(ctx, c, c.id, c.label, 'Klass');
    const mentor = teacherFor(c);
    // Upper secondary has mentor groups; in compulsory school the mentor has the class (klassföreståndare).
    const upper = c.schoolType === 'GY' || c.schoolType === 'GYS';
    const mentorGroup = upper ? groupDoc(ctx, c, stableId(seed, 'mentor-group', c.id), `Mentor ${c.label}`, 'Mentor') : c.id;
    // This school year's classes and last year's have their mentors on record (SS 12000 keeps a duty's assignments with
    // their dates): last spring's year-9 mentors prepare their leavers' handovers (docs/handovers.md). Older years: none.
    if (c.s >= population.currentYear - 1) mentorOf.set(mentor, [...(mentorOf.get(mentor) ?? []), { group: mentorGroup, s: c.s }]);
    const general = activity(ctx, c, 'Undervisning', undefined, mentor);
    if (c.s === population.currentYear && hasLessonAttendance(c)) lessons(ctx, c, mentor);
    else monthlyAttendance(ctx, c, general);
  }
  for (const st of population.staff) {
    sets.add(st.unit.organiser.id, 'duties', {
      id: dutyId(seed, st),
      meta,
      person: { id: personId(seed, st.unit.organiser, st.key) },
      dutyAt: { id: st.unit.id },
      dutyRole: st.role,
      signature: st.signature,
      startDate: '2015-08-01',
      assignmentRole: (mentorOf.get(st) ?? []).map((m) => ({
        group: { id: m.group },
        assignmentRoleType: 'Mentor',
        startDate: termStart(m.s),
        endDate: termEnd(m.s),
      })),
    });
  }
}

/** A group with the class's members: the class itself, its mentor group or a teaching group. Returns its id. */
function groupDoc(ctx: Context, c: ClassGroup, id: string, displayName: string, groupType: 'Klass' | 'Mentor' | 'Undervisning'): string {
  const org = c.unit.organiser;
  ctx.sets.add(org.id, 'groups', {
    id,
    meta: ctx.meta,
    displayName,
    groupType,
    schoolType: c.schoolType,
    organisation: { id: c.unit.id },
    startDate: termStart(c.s),
    endDate: termEnd(c.s),
    groupMemberships: c.members.map((m) => ({
      person: { id: personId(ctx.seed, org, m.student.key) },
      startDate: m.entry.from,
      endDate: m.entry.to,
    })),
  });
  return id;
}

function activity(ctx: Context, c: ClassGroup, name: string, syllabusCode: string | undefined, teacher: Staff, group = c.id): string {
  const id = stableId(ctx.seed, 'activity', c.id, name);
  ctx.sets.add(c.unit.organiser.id, 'activities', {
    id,
    meta: ctx.meta,
    displayName: `${name} ${c.label} ${c.s}/${String(c.s + 1).slice(2)}`,
    calendarEventsRequired: true,
    activityType: 'Undervisning',
    startDate: termStart(c.s),
    endDate: termEnd(c.s),
    groups: [{ id: group }],
    teachers: [{ duty: { id: dutyId(ctx.seed, teacher) }, grader: true }],
    organisation: { id: c.unit.id },
    ...(syllabusCode ? { syllabus: { id: syllabusId(ctx.seed, c.unit.organiser, syllabusCode) } } : {}),
  });
  return id;
}

/** The three subjects (GR, GRS) or courses (GY) a class's recorded lessons rotate through; GYS without syllabus. */
function lessonSubjects(c: ClassGroup): { code: string | undefined; name: string }[] {
  if (c.schoolType === 'GY')
    return coursesOf(c.members[0]?.entry.programme ?? 'SA')
      .slice(0, 3)
      .map((x) => ({ code: x.code, name: x.name }));
  if (c.schoolType === 'GYS') return ['Svenska', 'Matematik', 'Arbetsliv'].map((name) => ({ code: undefined, name }));
  return grSubjects.slice(0, 3).map((x) => ({ code: x.code, name: x.name }));
}

/** LESSONS_PER_DAY lessons a school day, each subject with its teaching group, and every member's attendance. */
function lessons(ctx: Context, c: ClassGroup, teacher: Staff): void {
  const { sets, meta, random, seed } = ctx;
  const org = c.unit.organiser;
  const activityIds = lessonSubjects(c).map((s) => {
    const group = groupDoc(ctx, c, stableId(seed, 'teaching-group', c.id, s.name), `${s.name} ${c.label}`, 'Undervisning');
    return activity(ctx, c, s.name, s.code, teacher, group);
  });
  const yesterday = new Date(Date.parse(ctx.population.today) - 86_400_000).toISOString().slice(0, 10);
  schoolDays(termStart(c.s), yesterday).forEach((day, dayIndex) => {
    const present = c.members.filter((m) => m.entry.from <= day && day <= m.entry.to);
    const sickToday = new Set(present.filter((m) => random.chance(ctx.rates.get(m.student)?.validDay ?? 0)).map((m) => m.student));
    for (let lesson = 0; lesson < LESSONS_PER_DAY; lesson++) {
      const i = (dayIndex * LESSONS_PER_DAY + lesson) % activityIds.length;
      const eventId = stableId(seed, 'event', c.id, day, lesson);
      const start = Date.parse(`${day}T${firstLessonStart}:00Z`) + lesson * (LESSON_MINUTES + 20) * 60_000;
      const [startTime, endTime] = [start, start + LESSON_MINUTES * 60_000].map((t) => new Date(t).toISOString().replace('.000', ''));
      sets.add(org.id, 'calendarEvents', { id: eventId, meta, activity: { id: activityIds[i] }, startTime, endTime });
      const reported = !random.chance(0.015);
      for (const m of present) {
        const doc: Record<string, unknown> = {
          id: stableId(seed, 'attendance', eventId, m.student.key),
          meta,
          calendarEvent: { id: eventId },
          student: { id: personId(seed, org, m.student.key) },
          isReported: reported,
        };
        if (reported) Object.assign(doc, minutes(random, sickToday.has(m.student), ctx.rates.get(m.student)));
        sets.add(org.id, 'attendances', doc);
      }
    }
  });
}

function minutes(random: Random, sick: boolean, rates: AbsenceRates | undefined): Record<string, unknown> {
  if (sick) return { attendanceMinutes: 0, validAbsenceMinutes: LESSON_MINUTES, absenceReason: 'Sjuk' };
  if (random.chance(rates?.invalidLesson ?? 0)) {
    const late = random.chance(0.3) ? 15 : LESSON_MINUTES;
    return { attendanceMinutes: LESSON_MINUTES - late, invalidAbsenceMinutes: late };
  }
  return { attendanceMinutes: LESSON_MINUTES };
}

/** Month by month sums (SS 12000 AggregatedAttendance) for classes without lesson records. */
function monthlyAttendance(ctx: Context, c: ClassGroup, activityId: string): void {
  const org = c.unit.organiser;
  for (const [start, end] of monthsOf(c.s, ctx.population.today)) {
    for (const m of c.members) {
      const from = m.entry.from > start ? m.entry.from : start;
      const to = m.entry.to < end ? m.entry.to : end;
      if (from > to) continue;
      const offered = schoolDays(from, to).length * 300;
      if (offered === 0) continue;
      const r = ctx.rates.get(m.student);
      const valid = Math.round(offered * Math.min(0.9, (r?.validDay ?? 0) * (0.5 + ctx.random.next())));
      const invalid = Math.round((offered - valid) * Math.min(0.9, (r?.invalidLesson ?? 0) * (0.5 + ctx.random.next())));
      ctx.sets.add(org.id, 'aggregatedAttendance', {
        activity: { id: activityId },
        student: { id: personId(ctx.seed, org, m.student.key) },
        startDate: from,
        endDate: to,
        attendanceSum: offered - valid - invalid,
        validAbsenceSum: valid,
        invalidAbsenceSum: invalid,
        reportedSum: offered,
        offeredSum: offered,
      });
    }
  }
}
