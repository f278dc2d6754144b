/**
 * Per-student explanation and uncertainty for the logistic model. Contributions are weight × standardised value: how
 * far a feature moves this student's log-odds from those of an average student of the training fold. The uncertainty
 * band comes from the delta method: var(η) = x̃ᵀ Σ x̃ with x̃ = [1, z] and Σ the coefficient covariance, and the band is
 * sigmoid(η ± z·√var(η)), which stays inside [0, 1] and is asymmetric as probabilities should be.
 */
import { UNINFORMATIVE_BAND_WIDTH } from '../../../../shared/early-warning/probability.ts';
import { nameableColumn, type Encoder } from './encoding.ts';
import { dot } from './linear-algebra.ts';
import { logOdds, sigmoid, type LogisticModel } from './logistic-regression.ts';

/** One feature's push on the log-odds: positive raises the probability. */
export interface Contribution {
  column: string;
  contribution: number;
}

/**
 * The `count` features with the largest |weight × standardised value|, largest first (callers phrase them in Swedish).
 * Never the pooled "övriga" nor a level held by fewer than the disclosure threshold (5) of training students
 * (encoding.ts `nameableColumn`): such a reason is meaningless to a counsellor and close to identifying.
 */
export function topContributions(
  model: LogisticModel,
  encoder: Pick<Encoder, 'columns' | 'columnCounts'>,
  z: readonly number[],
  count = 3,
): Contribution[] {
  return encoder.columns
    .map((column, j) => ({ column, contribution: (model.weights[j] as number) * (z[j] as number) }))
    .filter((c) => c.contribution !== 0 && nameableColumn(encoder, c.column))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.column.localeCompare(b.column))
    .slice(0, count);
}

/** A probability with its band. */
export interface ProbabilityBand {
  probability: number;
  lower: number;
  upper: number;
}

/**
 * Whether a band says something: narrower than the width at which the pages show "osäker skattning" instead of the
 * figures (src/shared/early-warning/probability.ts; a band like [0,01; 0,99] does not).
 */
export const informativeBand = (band: Pick<ProbabilityBand, 'lower' | 'upper'>, maxWidth = UNINFORMATIVE_BAND_WIDTH) =>
  band.upper - band.lower < maxWidth;

/** The probability for a standardised row and its delta-method band (default 95 %, z = 1.96). */
export function probabilityBand(model: LogisticModel, z: readonly number[], zScore = 1.96): ProbabilityBand {
  const eta = logOdds(model, z);
  const row = [1, ...z];
  const variance = Math.max(
    dot(
      row,
      model.covariance.map((c) => dot(c, row)),
    ),
    0,
  );
  const half = zScore * Math.sqrt(variance);
  return { probability: sigmoid(eta), lower: sigmoid(eta - half), upper: sigmoid(eta + half) };
}
