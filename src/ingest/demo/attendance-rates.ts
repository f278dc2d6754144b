/** How often a student is absent, from their latent risk: invalid absence rises steeply with risk, valid absence barely. */
import { sigmoid, type Random } from './random.ts';
import type { Student } from './population.ts';

export interface AbsenceRates {
  /** Chance of a whole day of valid (reported, e.g. illness) absence. */
  validDay: number;
  /** Chance of unexcused absence from one lesson. */
  invalidLesson: number;
}

/** Rates per student, with individual noise. */
export function absenceRates(student: Student, random: Random): AbsenceRates {
  const z = student.risk + random.normal() * 0.35;
  return {
    validDay: 0.035 + 0.012 * sigmoid(z) + Math.abs(random.normal()) * 0.015,
    invalidLesson: 0.003 + 0.16 * sigmoid(2.2 * (z - 1.3)),
  };
}
