/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) on standardised features. Deterministic: the
 * same data gives the same coefficients. The penalty `lambda` applies to the slopes, never to the intercept.
 */
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

/** Fits the model to standardised rows `x` and 0/1 labels `y`. */
export function fitLogistic(x: readonly number[][], y: readonly number[], options: LogisticOptions = {}): LogisticModel {
  const lambda = options.lambda ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-8;
  const p = (x[0]?.length ?? 0) + 1;
  const beta = new Array<number>(p).fill(0);
  let hessianFactor: Matrix = [];
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const gradient = beta.map((b, j) => (j === 0 ? 0 : -lambda * b));
    const hessian: Matrix = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j && i > 0 ? lambda : 0)));
    for (let r = 0; r < x.length; r++) {
      const row = [1, ...(x[r] as number[])];
      const prob = sigmoid(dot(row, beta));
      const w = Math.max(prob * (1 - prob), 1e-10);
      const residual = (y[r] as number) - prob;
      for (let i = 0; i < p; i++) {
        const ri = row[i] as number;
        gradient[i] = (gradient[i] as number) + ri * residual;
        const hi = hessian[i] as number[];
        for (let j = 0; j <= i; j++) hi[j] = (hi[j] as number) + w * ri * (row[j] as number);
      }
    }
    for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) (hessian[j] as number[])[i] = (hessian[i] as number[])[j] as number;
    hessianFactor = cholesky(hessian);
    const step = choleskySolve(hessianFactor, gradient);
    let largest = 0;
    for (let j = 0; j < p; j++) {
      beta[j] = (beta[j] as number) + (step[j] as number);
      largest = Math.max(largest, Math.abs(step[j] as number));
    }
    if (largest < tolerance) {
      converged = true;
      break;
    }
  }
  return { intercept: beta[0] as number, weights: beta.slice(1), covariance: choleskyInverse(hessianFactor), iterations, converged };
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
