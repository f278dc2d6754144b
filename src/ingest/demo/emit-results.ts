/**
 * Grades (three school years of compulsory school, every upper-secondary year) and certificates.
 * Interim grades (finalGrade false): the spring term grades of years 6–8, the autumn term grade of
 * year 9, and the autumn assessment of this school year's upper-secondary courses. Final: year 9's
 * spring grades (slutbetyg) and upper-secondary course grades.
 */
import { grSubjects } from './catalogue.ts';
import { autumnTermEnd, termEnd } from './calendar.ts';
import type { DocumentSets } from './documents.ts';
import { coursesOf, syllabusId } from './emit-structure.ts';
import { personId } from './emit-people.ts';
import { conformToOutcome, drawGrade, isPass, type GradeValue } from './grading.ts';
import type { Population, Staff, Student } from './population.ts';
import { stableId, type Random } from './random.ts';
import type { Entry } from './timeline.ts';

interface Context {
  seed: number;
  sets: DocumentSets;
  meta: object;
  random: Random;
  population: Population;
  teachers: Map<string, Staff[]>;
}

/** The unit's teacher who grades a subject or course: the same one for every student of the unit. */
function graderOf(ctx: Context, unitId: string, code: string): Staff | undefined {
  const list = ctx.teachers.get(unitId) ?? [];
  let h = 0;
  for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return list[h % list.length];
}

/** Grades and certificates of one student, from their timeline. */
export function emitResults(ctx: Context, student: Student, entries: Entry[]): void {
  const { population } = ctx;
  const s0 = population.currentYear;
  for (const e of entries) {
    if (e.schoolType !== 'GR' || e.schoolYear < 6) continue;
    const graded = e.s >= s0 - 3; // grades for the last three finished school years and this one
    if (graded && e.schoolYear === 9 && autumnTermEnd(e.s) <= population.today) autumnTermGrades(ctx, student, e);
    if (termEnd(e.s) > population.today) continue;
    if (graded) compulsoryGrades(ctx, student, e);
    if (e.schoolYear === 9) leavingCertificate(ctx, student, e);
  }
  if (student.path.kind === 'adapted') adaptedCertificate(ctx, student, entries);
  const gy = entries.filter((e) => e.schoolType === 'GY' && !e.programme?.startsWith('IM'));
  const programmes = [...new Set(gy.map((e) => `${e.programme}:${e.label}`))];
  programmes.forEach((key, index) => {
    const spellEntries = gy.filter((e) => `${e.programme}:${e.label}` === key);
    const final = index === programmes.length - 1;
    upperSecondary(ctx, student, spellEntries, final);
  });
}

function gradeDoc(ctx: Context, student: Student, e: Entry, code: string, value: GradeValue, date: string, finalGrade = true) {
  const org = e.unit.organiser;
  const grader = graderOf(ctx, e.unit.id, code);
  const teacher = grader ? { id: personId(ctx.seed, org, grader.key) } : undefined;
  ctx.sets.add(org.id, 'grades', {
    id: stableId(ctx.seed, 'grade', org.id, student.key, code, date),
    meta: ctx.meta,
    student: { id: personId(ctx.seed, org, student.key) },
    ...(teacher ? { registeredBy: teacher, gradingTeacher: teacher } : {}),
    organisation: { id: e.unit.id },
    registeredDate: date,
    gradeValue: value,
    finalGrade,
    syllabus: { id: syllabusId(ctx.seed, org, code) },
    semester: date.slice(5, 7) === '12' ? 'HT' : 'VT',
    year: Number(date.slice(0, 4)),
  });
}

/** Year 9's autumn term grades (the ones upper-secondary admission first sees). */
function autumnTermGrades(ctx: Context, student: Student, e: Entry): void {
  for (const s of grSubjects) gradeDoc(ctx, student, e, s.code, drawGrade(student.risk - 0.3, ctx.random), autumnTermEnd(e.s), false);
}

/** Year 6–9 term grades; in year 9 the core subjects follow eligibility for a national programme. */
function compulsoryGrades(ctx: Context, student: Student, e: Entry): void {
  const eligible = eligibleForNational(student);
  const grades = grSubjects.map((s) => ({ code: s.code, core: 'core' in s, value: drawGrade(student.risk - 0.3, ctx.random) }));
  if (e.schoolYear === 9) {
    for (const g of grades) if (eligible && g.core && !isPass(g.value)) g.value = 'E';
    if (!eligible && grades.filter((g) => g.core).every((g) => isPass(g.value)))
      (grades.find((g) => g.code === 'MA') as { value: GradeValue }).value = 'F';
  }
  for (const g of grades) gradeDoc(ctx, student, e, g.code, g.value, termEnd(e.s), e.schoolYear === 9);
}

/** Students who go on to a national programme left year 9 eligible; introduction and non-starters did not. */
export const eligibleForNational = (student: Student) => student.path.kind.startsWith('nat');

function leavingCertificate(ctx: Context, student: Student, e: Entry): void {
  const org = e.unit.organiser;
  ctx.sets.add(org.id, 'certificates', {
    id: stableId(ctx.seed, 'certificate', org.id, student.key, 'gr'),
    meta: ctx.meta,
    student: { id: personId(ctx.seed, org, student.key) },
    schoolUnit: { id: e.unit.id },
    kind: 'slutbetyg-grundskola',
    issuedDate: termEnd(e.s),
    eligibleNationalProgramme: eligibleForNational(student),
  });
}

/** Course grades for each finished year of one programme spell, and the certificate when it ends. */
function upperSecondary(ctx: Context, student: Student, entries: Entry[], final: boolean): void {
  const programme = entries[0]?.programme;
  if (!programme) return;
  const courses = coursesOf(programme);
  const certificate = final ? student.path.certificate : undefined;
  const diploma = certificate?.kind === 'gymnasieexamen';
  const extraRisk = !final ? 0.6 : 0; // a first programme the student left
  const graded: { code: string; required: boolean; value: GradeValue; entry: Entry; date: string }[] = [];
  entries.forEach((e, year) => {
    const date = termEnd(e.s);
    const slice = courses.slice(year * 8, year === 2 ? courses.length : year * 8 + 8);
    if (date > ctx.population.today) {
      // This school year: an interim assessment of the year's courses once the autumn term is over.
      const autumn = autumnTermEnd(e.s);
      if (autumn > ctx.population.today || e.to < autumn) return;
      for (const c of slice) gradeDoc(ctx, student, e, c.code, drawGrade(student.risk + extraRisk, ctx.random), autumn, false);
      return;
    }
    if (e.to < date) return; // the student left during the year
    for (const c of slice)
      graded.push({ code: c.code, required: c.required, value: drawGrade(student.risk + extraRisk, ctx.random), entry: e, date });
  });
  if (certificate && certificate.date <= ctx.population.today) conformToOutcome(graded, diploma);
  for (const g of graded) gradeDoc(ctx, student, g.entry, g.code, g.value, g.date);
  if (!certificate || certificate.date > ctx.population.today) return;
  const last = entries[entries.length - 1] as Entry;
  const org = last.unit.organiser;
  ctx.sets.add(org.id, 'certificates', {
    id: stableId(ctx.seed, 'certificate', org.id, student.key, 'gy'),
    meta: ctx.meta,
    student: { id: personId(ctx.seed, org, student.key) },
    schoolUnit: { id: last.unit.id },
    kind: certificate.kind,
    programmeCode: programme,
    issuedDate: certificate.date,
    totalPoints: graded.length * 100,
    passedPoints: graded.filter((g) => isPass(g.value)).length * 100,
  });
}

/** Anpassad gymnasieskola ends with a gymnasiesärskolebevis (no grades are generated for GRS/GYS). */
function adaptedCertificate(ctx: Context, student: Student, entries: Entry[]): void {
  const certificate = student.path.certificate;
  const last = entries.filter((e) => e.schoolType === 'GYS').at(-1);
  if (!certificate || !last || certificate.date > ctx.population.today) return;
  const org = last.unit.organiser;
  ctx.sets.add(org.id, 'certificates', {
    id: stableId(ctx.seed, 'certificate', org.id, student.key, 'gys'),
    meta: ctx.meta,
    student: { id: personId(ctx.seed, org, student.key) },
    schoolUnit: { id: last.unit.id },
    kind: certificate.kind,
    issuedDate: certificate.date,
  });
}
