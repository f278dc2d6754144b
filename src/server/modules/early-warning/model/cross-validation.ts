/** Splits for evaluation: stratified k-fold (repeated with seeds) and a time-aware split by cohort. */
import { seededRandom, shuffled } from './random.ts';

/**
 * Stratified k-fold: the indices of each class are shuffled with `seed` and dealt round-robin over the folds, so every
 * fold has (within one) the same share of positives. Returns the test indices of each fold.
 */
export function stratifiedKFold(labels: readonly number[], folds: number, seed: number): number[][] {
  if (folds < 2 || folds > labels.length) throw new Error(`Antal delar måste vara 2–${labels.length} (folds out of range)`);
  const random = seededRandom(seed);
  const out: number[][] = Array.from({ length: folds }, () => []);
  let next = 0;
  for (const label of [...new Set(labels)].sort()) {
    const members = labels.flatMap((y, i) => (y === label ? [i] : []));
    for (const i of shuffled(members, random)) {
      (out[next % folds] as number[]).push(i);
      next++;
    }
  }
  return out.map((f) => f.sort((a, b) => a - b));
}

/** The training indices that complement one fold's test indices. */
export function trainingIndices(n: number, testIndices: readonly number[]): number[] {
  const test = new Set(testIndices);
  return Array.from({ length: n }, (_, i) => i).filter((i) => !test.has(i));
}

/** `runs` repetitions of stratified k-fold; run r uses seed `seed + r`. */
export function repeatedStratifiedKFold(labels: readonly number[], folds: number, runs: number, seed = 1): number[][][] {
  return Array.from({ length: runs }, (_, r) => stratifiedKFold(labels, folds, seed + r));
}

/**
 * Time-aware split: train on the cohorts before `firstTestCohort`, test on it and later ones (e.g. the start year of
 * each student's cohort). Never lets a newer cohort inform the model that is tested on an older one.
 */
export function timeAwareSplit(cohorts: readonly number[], firstTestCohort: number): { train: number[]; test: number[] } {
  const train: number[] = [];
  const test: number[] = [];
  cohorts.forEach((c, i) => (c < firstTestCohort ? train : test).push(i));
  return { train, test };
}
