/** Person documents: students with their enrolments and guardians, and staff, per organiser. */
import type { DocumentSets } from './documents.ts';
import type { OrganiserPlan } from './organisers.ts';
import type { Person, Staff, Student } from './population.ts';
import { stableId } from './random.ts';
import { programmeId } from './emit-structure.ts';
import type { Entry } from './timeline.ts';
import { termEnd, termStart } from './calendar.ts';

/**
 * An enrolment covers the administrative school year, 1 July to 30 June, when the student is there
 * from term start to term end (no gap over the summer break); otherwise the days they actually came and left.
 */
function enrolmentPeriod(e: Entry): { startDate: string; endDate: string } {
  return {
    startDate: e.from === termStart(e.s) ? `${e.s}-07-01` : e.from,
    endDate: e.to === termEnd(e.s) ? `${e.s + 1}-06-30` : e.to,
  };
}

/** The id a person carries in one organiser's documents (each organiser keeps its own records). */
export const personId = (seed: number, org: OrganiserPlan, key: string) => stableId(seed, 'person', org.id, key);

function personDoc(seed: number, org: OrganiserPlan, p: Person, meta: object, birthDate = p.identity.birthDate) {
  return {
    id: personId(seed, org, p.key),
    meta,
    givenName: p.givenName,
    familyName: p.familyName,
    birthDate,
    sex: p.sex,
    securityMarking: p.marking,
    ...(p.identity.civicNo ? { civicNo: { value: p.identity.civicNo, nationality: 'SE' } } : {}),
    addresses: [{ type: 'Folkbokföring', ...p.address, country: 'Sverige', municipalityCode: Number(p.homeMunicipality) }],
  };
}

/** A student's Person document at `org`, with the enrolments `entries` that belong to it, and their guardians. */
export function emitStudent(sets: DocumentSets, seed: number, org: OrganiserPlan, student: Student, entries: Entry[], meta: object): void {
  sets.add(org.id, 'persons', {
    ...personDoc(seed, org, student, meta),
    enrolments: entries.map((e) => ({
      enroledAt: { id: e.unit.id },
      schoolType: e.schoolType,
      schoolYear: Math.min(e.schoolYear, 10),
      ...enrolmentPeriod(e),
      ...(e.programme ? { programme: { id: programmeId(seed, org, e.programme) } } : {}),
    })),
    responsibles: student.guardians.map((g) => ({ person: { id: personId(seed, org, g.key) }, relationType: 'Vårdnadshavare' })),
  });
  for (const g of student.guardians) sets.add(org.id, 'persons', personDoc(seed, org, g, meta));
}

/** A staff member's Person document. */
export function emitStaffPerson(sets: DocumentSets, seed: number, staff: Staff, meta: object): void {
  sets.add(staff.unit.organiser.id, 'persons', personDoc(seed, staff.unit.organiser, staff, meta));
}
