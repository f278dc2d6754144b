/** Organisation, Programme and Syllabus documents for each organiser. */
import {
  diplomaProjectCode,
  grSubjects,
  gyCommonCourses,
  introductionProgrammes,
  nationalProgrammes,
  programmeCourseCount,
} from './catalogue.ts';
import type { DocumentSets } from './documents.ts';
import type { OrganiserPlan } from './organisers.ts';
import { stableId } from './random.ts';

export interface Course {
  code: string;
  name: string;
  subject: string;
  required: boolean;
}

/** The 25 courses of a national programme: common courses, programme courses, the diploma project. */
export function coursesOf(programme: string): Course[] {
  const own = Array.from({ length: programmeCourseCount }, (_, i) => ({
    code: `${programme}KAR${String(i + 1).padStart(2, '0')}`,
    name: `${programme}-kurs ${i + 1}`,
    subject: `${programme}KAR`,
    required: false,
  }));
  return [
    ...gyCommonCourses.map((c) => ({ code: c.code, name: c.name, subject: c.subject, required: 'required' in c && c.required === true })),
    ...own,
    { code: diplomaProjectCode, name: 'Gymnasiearbete', subject: 'GYAR', required: true },
  ];
}

export const syllabusId = (seed: number, org: OrganiserPlan, code: string) => stableId(seed, 'syllabus', org.id, code);
export const programmeId = (seed: number, org: OrganiserPlan, code: string) => stableId(seed, 'programme', org.id, code);

/** Writes the organiser, its units, and (per the school forms it runs) programmes and syllabuses. */
export function emitStructure(sets: DocumentSets, seed: number, org: OrganiserPlan, meta: object): void {
  sets.add(org.id, 'organisations', {
    id: org.id,
    meta,
    displayName: org.name,
    organisationType: 'Huvudman',
    organisationNumber: org.organisationNumber,
    municipalityCode: org.municipalityCode,
  });
  for (const u of org.units) {
    sets.add(org.id, 'organisations', {
      id: u.id,
      meta,
      displayName: u.name,
      organisationType: 'Skolenhet',
      schoolUnitCode: u.schoolUnitCode,
      schoolTypes: u.schoolType === 'GR' ? ['FKLASS', 'GR'] : [u.schoolType],
      municipalityCode: u.municipalityCode,
      parentOrganisation: { id: org.id },
      startDate: '2000-07-01',
    });
  }
  if (org.units.some((u) => u.schoolType === 'GR')) {
    for (const s of grSubjects) {
      sets.add(org.id, 'syllabuses', {
        id: syllabusId(seed, org, s.code),
        meta,
        schoolType: 'GR',
        subjectCode: s.code,
        subjectName: s.name,
        official: true,
      });
    }
  }
  if (!org.units.some((u) => u.schoolType === 'GY')) return;
  for (const p of nationalProgrammes) {
    sets.add(org.id, 'programmes', {
      id: programmeId(seed, org, p.code),
      meta,
      name: p.name,
      type: p.type,
      schoolType: 'GY',
      code: p.code,
    });
  }
  for (const p of introductionProgrammes) {
    sets.add(org.id, 'programmes', {
      id: programmeId(seed, org, p.code),
      meta,
      name: p.name,
      type: 'Intruduktionsprogram',
      schoolType: 'GY',
      code: p.code,
    });
  }
  const seen = new Set<string>();
  for (const c of nationalProgrammes.flatMap((p) => coursesOf(p.code))) {
    if (seen.has(c.code)) continue;
    seen.add(c.code);
    sets.add(org.id, 'syllabuses', {
      id: syllabusId(seed, org, c.code),
      meta,
      schoolType: 'GY',
      subjectCode: c.subject,
      subjectName: c.name.replace(/ \d.*$/, ''),
      courseCode: c.code,
      courseName: c.name,
      points: 100,
      official: true,
    });
  }
}
