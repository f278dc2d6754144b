/**
 * The generator's ground truth beside the documents: each student's latent risk and path. Not part
 * of what is imported — for tests, model validation and explaining the demo (docs/demo-region.md).
 */
import type { PathKind } from './paths.ts';
import type { Population, Student } from './population.ts';

export interface StudentTruth {
  /** Stable key of the synthetic person (the same at every organiser that has a record of them). */
  key: string;
  civicNo?: string;
  birthDate: string;
  homeMunicipality: string;
  /** The latent risk outcomes were drawn from (standard normal plus municipality and school effects). */
  risk: number;
  newlyArrived: boolean;
  adapted: boolean;
  path: PathKind;
  /** Programme codes in the order the student took them. */
  programmes: string[];
  /** The last day of upper secondary school (planned, when still in the future). */
  upperSecondaryEnd?: string;
  certificate?: { kind: string; date: string };
}

export interface RegionTruth {
  students: StudentTruth[];
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** The truth of every student in the population (former students included). */
export function regionTruth(population: Population): RegionTruth {
  return { students: population.students.map(studentTruth) };
}

function studentTruth(s: Student): StudentTruth {
  return {
    key: s.key,
    ...(s.identity.civicNo ? { civicNo: s.identity.civicNo } : {}),
    birthDate: s.identity.birthDate,
    homeMunicipality: s.homeMunicipality,
    risk: round(s.risk),
    newlyArrived: s.newlyArrived,
    adapted: s.adapted,
    path: s.path.kind,
    programmes: s.path.spells.map((x) => x.programme),
    ...(s.path.spells.length ? { upperSecondaryEnd: s.path.spells.at(-1)?.to } : {}),
    ...(s.path.certificate ? { certificate: { ...s.path.certificate } } : {}),
  };
}
