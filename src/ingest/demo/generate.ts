/** generateDemoRegion: the whole demo region as SS 12000 documents per organiser, deterministic by seed. */
import type { Endpoint } from '../ss12000/documents.ts';
import { absenceRates } from './attendance-rates.ts';
import { buildClasses } from './classes.ts';
import { DocumentSets, metaFor, type DocumentSet } from './documents.ts';
import { emitStaffPerson, emitStudent } from './emit-people.ts';
import { emitResults } from './emit-results.ts';
import { emitStructure } from './emit-structure.ts';
import { emitTeaching } from './emit-teaching.ts';
import type { OrganiserPlan } from './organisers.ts';
import { buildPopulation, type Staff, type Student } from './population.ts';
import { createRandom, stableId } from './random.ts';
import { timeline, type Entry } from './timeline.ts';
import { regionTruth, type RegionTruth } from './truth.ts';

export interface DemoOptions {
  seed: number;
  /** 1 = a tenth of real Skaraborg (~290 children per age cohort). */
  scale: number;
  /** ISO date the region is generated around (default: today). */
  today?: string;
}

export interface DemoOrganiser {
  name: string;
  organisationNumber: string;
  municipalityCode: string;
  kind: OrganiserPlan['kind'];
  documents: DocumentSet;
}

export interface DemoRegion {
  today: string;
  seed: number;
  scale: number;
  organisers: DemoOrganiser[];
  /** Latent risk and path per student: what the documents were drawn from (never imported). */
  truth: RegionTruth;
}

/**
 * School years before the current one that have classes, and with them attendance by month: four, so that
 * the former cohorts a risk model trains on (a diploma within three years, known by last June) have their
 * upper-secondary attendance on record (docs/demo-region.md).
 */
const CLASS_HISTORY_YEARS = 4;

/** Generates the region. Same options → the same documents, byte for byte. */
export function generateDemoRegion(options: DemoOptions): DemoRegion {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`Ogiltigt datum "${today}", ange ÅÅÅÅ-MM-DD (invalid --today).`);
  if (!(options.scale > 0 && options.scale <= 10))
    throw new Error('--scale ska vara ett tal större än 0 och högst 10 (scale must be in (0, 10]).');
  const { seed } = options;
  const population = buildPopulation(seed, options.scale, today);
  const random = createRandom(seed + 1);
  const sets = new DocumentSets();
  const meta = metaFor(today);
  const s0 = population.currentYear;
  for (const org of population.organisers) emitStructure(sets, seed, org, meta);
  for (const st of population.staff) emitStaffPerson(sets, seed, st, meta);
  const timelines = new Map<Student, Entry[]>(population.students.map((s) => [s, timeline(s, s0)]));
  for (const [student, entries] of timelines) {
    const byOrganiser = new Map<OrganiserPlan, Entry[]>();
    for (const e of entries) byOrganiser.set(e.unit.organiser, [...(byOrganiser.get(e.unit.organiser) ?? []), e]);
    for (const [org, own] of byOrganiser) emitStudent(sets, seed, org, student, own, meta);
    const home = population.organisers.find((o) => o.kind === 'municipal' && o.municipalityCode === student.homeMunicipality);
    if (home && !byOrganiser.has(home) && outsideSchoolWithoutDiploma(student, entries, today))
      emitStudent(sets, seed, home, student, [], meta);
  }
  const rates = new Map(population.students.map((s) => [s, absenceRates(s, random)]));
  const classes = buildClasses(timelines, s0 - CLASS_HISTORY_YEARS, s0, (unit, s, label) => stableId(seed, 'group', unit.id, s, label));
  emitTeaching({ seed, sets, meta, random, rates, population }, classes);
  const teachers = new Map<string, Staff[]>();
  for (const st of population.staff) if (st.role === 'Lärare') teachers.set(st.unit.id, [...(teachers.get(st.unit.id) ?? []), st]);
  for (const [student, entries] of timelines) emitResults({ seed, sets, meta, random, population, teachers }, student, entries);
  return {
    today,
    seed,
    scale: options.scale,
    truth: regionTruth(population),
    organisers: population.organisers.map((o) => ({
      name: o.name,
      organisationNumber: o.organisationNumber,
      municipalityCode: o.municipalityCode,
      kind: o.kind,
      documents: sets.byOrganiser.get(o.id) ?? {},
    })),
  };
}

/**
 * Not enrolled today and no diploma: a youth the home municipality must follow up (KAA). When no
 * record of them is left at the home municipality (they went to school elsewhere), it still has them
 * as folkbokförda: a Person document without enrolments.
 */
function outsideSchoolWithoutDiploma(student: Student, entries: Entry[], today: string): boolean {
  const enrolled = entries.some((e) => e.from <= today && today <= e.to);
  const diploma = student.path.certificate?.kind === 'gymnasieexamen' && student.path.certificate.date <= today;
  return !enrolled && !diploma;
}

/** Documents per endpoint over the whole region. */
export function countDocuments(region: DemoRegion): Partial<Record<Endpoint, number>> {
  const counts: Partial<Record<Endpoint, number>> = {};
  for (const o of region.organisers)
    for (const [e, docs] of Object.entries(o.documents) as [Endpoint, unknown[]][]) counts[e] = (counts[e] ?? 0) + docs.length;
  return counts;
}
