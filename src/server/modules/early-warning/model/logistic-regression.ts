/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) on standardised features. Deterministic: the
 * same data gives the same coefficients. The penalty `lambda` applies to the slopes, never to the intercept.
 */
import { checkTrainingSet, ModelInputError } from './guards.ts';
import { cholesky, choleskyInverse, choleskySolve, dot, type Matrix } from './linear-algebra.ts';

/** A fitted model on the standardised scale: `intercept + Σ weights[j]·z[j]` is the log-odds. */
export interface LogisticModel {
  intercept: number;
  weights: number[];
  /** Covariance of [intercept, ...weights]: the inverse of the penalised Hessian at the optimum. */
  covariance: Matrix;
  iterations: number;
  converged: boolean;
}

/** Options for fitLogistic. */
export interface LogisticOptions {
  /** L2 penalty on the standardised slopes (default 1). */
  lambda?: number;
  maxIterations?: number;
  /** Stop when no coefficient moves more than this (default 1e-8). */
  tolerance?: number;
}

/** The logistic function, numerically safe for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * The design in compressed form: each column j is stored as its most common value c_j plus the sparse deviations
 * x_ij − c_j. A one-hot column (standardised or not) is then non-zero only for the students who hold the level (or,
 * for a common level, who do not), so XᵀWX costs Σ_i nnz_i² instead of n·p² multiplications; dense numeric columns
 * simply appear in every row. The intercept is column 0 with c = 1 and no deviations.
 */
interface SparseDesign {
  n: number;
  /** Number of coefficients, the intercept included. */
  p: number;
  centre: Float64Array;
  offsets: Int32Array;
  index: Int32Array;
  value: Float64Array;
}

function mostCommon(values: Float64Array): number {
  const counts = new Map<number, number>();
  let best = values[0] as number;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) {
      bestCount = c;
      best = v;
    }
  }
  return best;
}

function sparseDesign(x: readonly (readonly number[])[]): SparseDesign {
  const n = x.length;
  const p = (x[0]?.length ?? 0) + 1;
  const centre = new Float64Array(p);
  centre[0] = 1;
  const column = new Float64Array(n);
  for (let j = 1; j < p; j++) {
    for (let i = 0; i < n; i++) column[i] = (x[i] as readonly number[])[j - 1] as number;
    centre[j] = mostCommon(column);
  }
  const offsets = new Int32Array(n + 1);
  const index: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = x[i] as readonly number[];
    for (let j = 1; j < p; j++) {
      const d = (row[j - 1] as number) - (centre[j] as number);
      if (d !== 0) {
        index.push(j);
        value.push(d);
      }
    }
    offsets[i + 1] = index.length;
  }
  return { n, p, centre, offsets, index: Int32Array.from(index), value: Float64Array.from(value) };
}

/** Fits the model to standardised rows `x` and 0/1 labels `y`; refuses bad input (guards.ts). */
export function fitLogistic(x: readonly number[][], y: readonly number[], options: LogisticOptions = {}): LogisticModel {
  checkTrainingSet(x, y);
  const lambda = options.lambda ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-8;
  if (!(lambda >= 0) || !Number.isFinite(lambda))
    throw new ModelInputError('Straffet λ måste vara ett tal ≥ 0', 'the penalty λ must be ≥ 0');
  const d = sparseDesign(x);
  const { n, p, centre, offsets, index, value } = d;
  const beta = new Float64Array(p);
  const h = new Float64Array(p * p); // lower triangle used: h[a·p + b], a ≥ b
  const u = new Float64Array(p); // Σ w_i d_i
  const g = new Float64Array(p);
  let hessianFactor: Matrix = [];
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    h.fill(0);
    u.fill(0);
    g.fill(0);
    let centreEta = 0;
    for (let k = 0; k < p; k++) centreEta += (centre[k] as number) * (beta[k] as number);
    let sumW = 0;
    let sumR = 0;
    for (let i = 0; i < n; i++) {
      const from = offsets[i] as number;
      const to = offsets[i + 1] as number;
      let eta = centreEta;
      for (let t = from; t < to; t++) eta += (beta[index[t] as number] as number) * (value[t] as number);
      const prob = sigmoid(eta);
      const w = Math.max(prob * (1 - prob), 1e-10);
      const r = (y[i] as number) - prob;
      sumW += w;
      sumR += r;
      for (let t = from; t < to; t++) {
        const a = index[t] as number;
        const va = value[t] as number;
        g[a] = (g[a] as number) + va * r;
        u[a] = (u[a] as number) + w * va;
        const wa = w * va;
        const rowA = a * p;
        for (let s = from; s <= t; s++)
          h[rowA + (index[s] as number)] = (h[rowA + (index[s] as number)] as number) + wa * (value[s] as number);
      }
    }
    const hessian: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const gradient = new Array<number>(p);
    for (let a = 0; a < p; a++) {
      const ca = centre[a] as number;
      gradient[a] = (g[a] as number) + ca * sumR - (a > 0 ? lambda * (beta[a] as number) : 0);
      const ha = hessian[a] as number[];
      for (let b = 0; b <= a; b++) {
        const cb = centre[b] as number;
        let v = (h[a * p + b] as number) + (u[a] as number) * cb + ca * (u[b] as number) + sumW * ca * cb;
        if (a === b && a > 0) v += lambda;
        ha[b] = v;
        (hessian[b] as number[])[a] = v;
      }
    }
    hessianFactor = cholesky(hessian);
    const step = choleskySolve(hessianFactor, gradient);
    let largest = 0;
    for (let j = 0; j < p; j++) {
      beta[j] = (beta[j] as number) + (step[j] as number);
      largest = Math.max(largest, Math.abs(step[j] as number));
    }
    if (!Number.isFinite(largest)) break;
    if (largest < tolerance) {
      converged = true;
      break;
    }
  }
  const coefficients = Array.from(beta);
  return {
    intercept: coefficients[0] as number,
    weights: coefficients.slice(1),
    covariance: choleskyInverse(hessianFactor),
    iterations,
    converged,
  };
}

/** The log-odds for one standardised row. */
export function logOdds(model: LogisticModel, z: readonly number[]): number {
  return model.intercept + dot(model.weights, z);
}

/** Probabilities of the positive class for standardised rows. */
export function predictLogistic(model: LogisticModel, rows: readonly number[][]): number[] {
  return rows.map((z) => sigmoid(logOdds(model, z)));
}

/**
 * Coefficients on the original feature scale (per unit of the raw encoded value), given the standardisation used:
 * slope_j = w_j / sd_j and intercept = b − Σ w_j·mean_j / sd_j.
 */
export function originalScaleCoefficients(
  model: LogisticModel,
  scaling: { columns: string[]; means: number[]; sds: number[] },
): { intercept: number; coefficients: Record<string, number> } {
  const coefficients: Record<string, number> = {};
  let intercept = model.intercept;
  scaling.columns.forEach((name, j) => {
    const slope = (model.weights[j] as number) / (scaling.sds[j] as number);
    coefficients[name] = slope;
    intercept -= slope * (scaling.means[j] as number);
  });
  return { intercept, coefficients };
}
