/**
 * A small random forest (CART trees on Gini impurity, bootstrap samples, √p candidate features per split), seeded so
 * that it is deterministic. Only a comparator for the logistic model: no coefficients, no delta-method band.
 */
import { randomInt, seededRandom, shuffled, type Random } from './random.ts';

type Tree = { leaf: number } | { feature: number; threshold: number; left: Tree; right: Tree };

/** A fitted forest: predictions are the mean of the trees' leaf probabilities. */
export interface ForestModel {
  trees: Tree[];
}

/** Options for fitForest. */
export interface ForestOptions {
  trees?: number;
  maxDepth?: number;
  minLeaf?: number;
  seed?: number;
}

function gini(positives: number, n: number): number {
  if (n === 0) return 0;
  const p = positives / n;
  return 2 * p * (1 - p);
}

function bestSplit(x: readonly number[][], y: readonly number[], rows: number[], features: number[], minLeaf: number) {
  let best: { feature: number; threshold: number; score: number } | undefined;
  const totalPositives = rows.reduce((s, r) => s + (y[r] as number), 0);
  for (const f of features) {
    const sorted = rows.slice().sort((a, b) => ((x[a] as number[])[f] as number) - ((x[b] as number[])[f] as number));
    let leftPositives = 0;
    for (let i = 0; i < sorted.length - 1; i++) {
      leftPositives += y[sorted[i] as number] as number;
      const here = (x[sorted[i] as number] as number[])[f] as number;
      const next = (x[sorted[i + 1] as number] as number[])[f] as number;
      const leftCount = i + 1;
      if (here === next || leftCount < minLeaf || sorted.length - leftCount < minLeaf) continue;
      const score =
        leftCount * gini(leftPositives, leftCount) +
        (sorted.length - leftCount) * gini(totalPositives - leftPositives, sorted.length - leftCount);
      if (!best || score < best.score) best = { feature: f, threshold: (here + next) / 2, score };
    }
  }
  return best;
}

function grow(
  x: readonly number[][],
  y: readonly number[],
  rows: number[],
  depth: number,
  o: Required<ForestOptions>,
  random: Random,
): Tree {
  const positives = rows.reduce((s, r) => s + (y[r] as number), 0);
  const leaf = { leaf: positives / rows.length };
  if (depth >= o.maxDepth || positives === 0 || positives === rows.length || rows.length < 2 * o.minLeaf) return leaf;
  const p = (x[0] as number[]).length;
  const features = shuffled(
    Array.from({ length: p }, (_, j) => j),
    random,
  ).slice(0, Math.max(1, Math.round(Math.sqrt(p))));
  const split = bestSplit(x, y, rows, features, o.minLeaf);
  if (!split) return leaf;
  const left = rows.filter((r) => ((x[r] as number[])[split.feature] as number) <= split.threshold);
  const right = rows.filter((r) => ((x[r] as number[])[split.feature] as number) > split.threshold);
  return {
    feature: split.feature,
    threshold: split.threshold,
    left: grow(x, y, left, depth + 1, o, random),
    right: grow(x, y, right, depth + 1, o, random),
  };
}

/** Fits the forest to encoded rows `x` and 0/1 labels `y`. */
export function fitForest(x: readonly number[][], y: readonly number[], options: ForestOptions = {}): ForestModel {
  const o: Required<ForestOptions> = { trees: 50, maxDepth: 8, minLeaf: 3, seed: 1, ...options };
  const random = seededRandom(o.seed);
  const trees = Array.from({ length: o.trees }, () => {
    const sample = Array.from({ length: x.length }, () => randomInt(x.length, random));
    return grow(x, y, sample, 0, o, random);
  });
  return { trees };
}

function predictTree(tree: Tree, row: readonly number[]): number {
  let node = tree;
  while (!('leaf' in node)) node = (row[node.feature] as number) <= node.threshold ? node.left : node.right;
  return node.leaf;
}

/** Probabilities of the positive class for encoded rows. */
export function predictForest(model: ForestModel, rows: readonly number[][]): number[] {
  return rows.map((row) => model.trees.reduce((s, t) => s + predictTree(t, row), 0) / model.trees.length);
}
