/** Grade values from latent risk, and the fix-ups that keep grades consistent with a student's path. */
import { sigmoid, type Random } from './random.ts';

export type GradeValue = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | '-';
const passing = ['A', 'B', 'C', 'D', 'E'] as const;

/** One grade: F (or '-' when absence left too little basis) grows likely with risk. */
export function drawGrade(risk: number, random: Random): GradeValue {
  const g = risk + random.normal() * 0.8;
  if (random.chance(sigmoid(2 * (g - 1.7)))) return risk > 1 && random.chance(0.25) ? '-' : 'F';
  const index = Math.round(1.8 + g * 0.9 + random.normal() * 0.8);
  return passing[Math.max(0, Math.min(4, index))] as GradeValue;
}

export const isPass = (v: GradeValue) => v !== 'F' && v !== '-';

/**
 * Makes a list of course grades agree with the outcome: a diploma needs the required courses passed
 * and at most 250 failed points (here: two failed courses); a leaving certificate lacks one of those.
 */
export function conformToOutcome(grades: { value: GradeValue; required: boolean }[], diploma: boolean): void {
  if (diploma) {
    let failed = 0;
    for (const g of grades) {
      if (isPass(g.value)) continue;
      if (g.required || failed >= 2) g.value = 'E';
      else failed += 1;
    }
  } else if (
    grades.length > 0 &&
    grades.every((g) => isPass(g.value) || !g.required) &&
    grades.filter((g) => !isPass(g.value)).length <= 2
  ) {
    const required = grades.filter((g) => g.required);
    (required[required.length - 1] ?? grades[0])!.value = 'F';
    for (const g of grades.filter((x) => isPass(x.value)).slice(0, 2)) g.value = 'F';
  }
}
