/** Grades (three school years of compulsory school, every upper-secondary year) and certificates. */
import { grSubjects } from './catalogue.ts';
import { termEnd } from './calendar.ts';
import type { DocumentSets } from './documents.ts';
import { coursesOf, syllabusId } from './emit-structure.ts';
import { personId } from './emit-people.ts';
import { conformToOutcome, drawGrade, isPass, type GradeValue } from './grading.ts';
import type { Population, Student } from './population.ts';
import { stableId, type Random } from './random.ts';
import type { Entry } from './timeline.ts';

interface Context { seed: number; sets: DocumentSets; meta: object; random: Random; population: Population }

/** Grades and certificates of one student, from their timeline. */
export function emitResults(ctx: Context, student: Student, entries: Entry[]): void {
  const { population } = ctx;
  const s0 = population.currentYear;
  for (const e of entries) {
    if (e.schoolType !== 'GR' || e.schoolYear < 6 || termEnd(e.s) > population.today) continue;
    if (e.s >= s0 - 3) compulsoryGrades(ctx, student, e);
    if (e.schoolYear === 9) leavingCertificate(ctx, student, e);
  }
  const gy = entries.filter((e) => e.schoolType === 'GY' && !e.programme?.startsWith('IM'));
  const programmes = [...new Set(gy.map((e) => `${e.programme}:${e.label}`))];
  programmes.forEach((key, index) => {
    const spellEntries = gy.filter((e) => `${e.programme}:${e.label}` === key);
    const final = index === programmes.length - 1;
    upperSecondary(ctx, student, spellEntries, final);
  });
}

function gradeDoc(ctx: Context, student: Student, e: Entry, code: string, value: GradeValue, date: string) {
  const org = e.unit.organiser;
  ctx.sets.add(org.id, 'grades', {
    id: stableId(ctx.seed, 'grade', org.id, student.key, code, date), meta: ctx.meta, student: { id: personId(ctx.seed, org, student.key) },
    organisation: { id: e.unit.id }, registeredDate: date, gradeValue: value, finalGrade: true, syllabus: { id: syllabusId(ctx.seed, org, code) },
    semester: 'VT', year: Number(date.slice(0, 4)),
  });
}

/** Year 6–9 term grades; in year 9 the core subjects follow eligibility for a national programme. */
function compulsoryGrades(ctx: Context, student: Student, e: Entry): void {
  const eligible = eligibleForNational(student);
  const grades = grSubjects.map((s) => ({ code: s.code, core: 'core' in s, value: drawGrade(student.risk - 0.3, ctx.random) }));
  if (e.schoolYear === 9) {
    for (const g of grades) if (eligible && g.core && !isPass(g.value)) g.value = 'E';
    if (!eligible && grades.filter((g) => g.core).every((g) => isPass(g.value))) (grades.find((g) => g.code === 'MA') as { value: GradeValue }).value = 'F';
  }
  for (const g of grades) gradeDoc(ctx, student, e, g.code, g.value, termEnd(e.s));
}

/** Students who go on to a national programme left year 9 eligible; introduction and non-starters did not. */
export const eligibleForNational = (student: Student) => student.path.kind.startsWith('nat');

function leavingCertificate(ctx: Context, student: Student, e: Entry): void {
  const org = e.unit.organiser;
  ctx.sets.add(org.id, 'certificates', {
    id: stableId(ctx.seed, 'certificate', org.id, student.key, 'gr'), meta: ctx.meta, student: { id: personId(ctx.seed, org, student.key) },
    schoolUnit: { id: e.unit.id }, kind: 'slutbetyg-grundskola', issuedDate: termEnd(e.s), eligibleNationalProgramme: eligibleForNational(student),
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
    if (date > ctx.population.today || e.to < date) return; // the year is not finished, or the student left during it
    const slice = courses.slice(year * 8, year === 2 ? courses.length : year * 8 + 8);
    for (const c of slice) graded.push({ code: c.code, required: c.required, value: drawGrade(student.risk + extraRisk, ctx.random), entry: e, date });
  });
  if (certificate && certificate.date <= ctx.population.today) conformToOutcome(graded, diploma);
  for (const g of graded) gradeDoc(ctx, student, g.entry, g.code, g.value, g.date);
  if (!certificate || certificate.date > ctx.population.today) return;
  const last = entries[entries.length - 1] as Entry;
  const org = last.unit.organiser;
  ctx.sets.add(org.id, 'certificates', {
    id: stableId(ctx.seed, 'certificate', org.id, student.key, 'gy'), meta: ctx.meta, student: { id: personId(ctx.seed, org, student.key) },
    schoolUnit: { id: last.unit.id }, kind: certificate.kind, programmeCode: programme, issuedDate: certificate.date,
    totalPoints: graded.length * 100, passedPoints: graded.filter((g) => isPass(g.value)).length * 100,
  });
}
