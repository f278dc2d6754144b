/** Confidence intervals: Wilson for a proportion, Student's t for a mean over repeated runs, percentile bootstrap. */
import { randomInt, seededRandom } from './random.ts';

/** A point estimate with a two-sided interval. */
export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}

/** Wilson score interval for `successes` out of `n` (default 95 %). */
export function wilsonInterval(successes: number, n: number, z = 1.96): Interval {
  if (n === 0) return { estimate: NaN, lower: 0, upper: 1 };
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { estimate: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** 97.5 % quantiles of Student's t for 1–30 degrees of freedom; beyond 30 the normal 1.96 is used. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Mean, sample standard deviation and the 95 % t-interval half-width of the mean (as the paper reports "± 95 %"). */
export function meanInterval(values: readonly number[]): { mean: number; sd: number; halfWidth: number } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { mean, sd: 0, halfWidth: 0 };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const t = T_975[n - 2] ?? 1.96;
  return { mean, sd, halfWidth: (t * sd) / Math.sqrt(n) };
}

/** Percentile bootstrap (95 %) of a metric over resampled (score, label) pairs, seeded. */
export function bootstrapInterval(
  metric: (scores: number[], labels: number[]) => number,
  scores: readonly number[],
  labels: readonly number[],
  options: { resamples?: number; seed?: number } = {},
): Interval {
  const random = seededRandom(options.seed ?? 1);
  const resamples = options.resamples ?? 1000;
  const estimates: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const s: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < scores.length; i++) {
      const k = randomInt(scores.length, random);
      s.push(scores[k] as number);
      y.push(labels[k] as number);
    }
    const value = metric(s, y);
    if (Number.isFinite(value)) estimates.push(value);
  }
  estimates.sort((a, b) => a - b);
  const at = (q: number) => estimates[Math.min(estimates.length - 1, Math.floor(q * estimates.length))] ?? NaN;
  return { estimate: metric(scores.slice(), labels.slice()), lower: at(0.025), upper: at(0.975) };
}
