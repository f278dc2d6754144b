/**
 * A small random forest (CART trees on Gini impurity, bootstrap samples, √p candidate features per split), seeded so
 * that it is deterministic, and calibrated: its raw scores (the mean of the trees' leaf shares) are pulled toward the
 * base rate, so a Platt map σ(a·logit(s) + b) is fitted on the out-of-bag scores — for every training row, the mean
 * over the trees whose bootstrap sample left it out, i.e. held-out predictions at no extra cost.
 *
 * Splits use histograms: each feature's distinct training values are binned once per fit (a bin per distinct value up
 * to 255, else 255 quantile bins), and a node counts its rows per bin instead of sorting them. With ≤ 255 distinct
 * values (every one-hot, binary and grade column) the splits are exactly those of a sorted CART.
 */
import { checkTrainingSet, ModelInputError } from './guards.ts';
import { randomInt, seededRandom, shuffled, type Random } from './random.ts';

type Tree = { leaf: number } | { feature: number; threshold: number; left: Tree; right: Tree };

/** Platt map on the log-odds of the raw score: p = σ(a·logit(s) + b). */
export interface PlattCalibration {
  a: number;
  b: number;
}

/** A fitted forest: the raw score is the mean of the trees' leaf probabilities; `calibration` maps it to a probability. */
export interface ForestModel {
  trees: Tree[];
  calibration?: PlattCalibration;
}

/** Options for fitForest. */
export interface ForestOptions {
  trees?: number;
  maxDepth?: number;
  minLeaf?: number;
  seed?: number;
  /** Fit the Platt map on the out-of-bag scores (default true). */
  calibrate?: boolean;
}

const MAX_BINS = 255;

interface Binned {
  n: number;
  p: number;
  /** codes[f·n + i]: the bin of row i in feature f. */
  codes: Uint8Array;
  /** thresholds[f][b]: the raw value between bin b and b + 1 (x ≤ threshold goes left). */
  thresholds: number[][];
}

function binFeatures(x: readonly (readonly number[])[]): Binned {
  const n = x.length;
  const p = (x[0] as readonly number[]).length;
  const codes = new Uint8Array(n * p);
  const thresholds: number[][] = [];
  const column = new Float64Array(n);
  for (let f = 0; f < p; f++) {
    for (let i = 0; i < n; i++) column[i] = (x[i] as readonly number[])[f] as number;
    const sorted = Float64Array.from(column).sort();
    const distinct: number[] = [];
    for (const v of sorted) if (distinct.length === 0 || distinct[distinct.length - 1] !== v) distinct.push(v);
    let cuts: number[];
    if (distinct.length <= MAX_BINS) {
      cuts = distinct.slice(0, -1).map((v, k) => (v + (distinct[k + 1] as number)) / 2);
    } else {
      const set = new Set<number>();
      for (let b = 1; b < MAX_BINS; b++) {
        const v = sorted[Math.floor((b * n) / MAX_BINS)] as number;
        const k = distinct.indexOf(v);
        if (k > 0) set.add((distinct[k - 1] as number) / 2 + v / 2);
      }
      cuts = [...set].sort((a, b) => a - b);
    }
    thresholds.push(cuts);
    for (let i = 0; i < n; i++) {
      const v = column[i] as number;
      let lo = 0;
      let hi = cuts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cuts[mid] as number) < v) lo = mid + 1;
        else hi = mid;
      }
      codes[f * n + i] = lo;
    }
  }
  return { n, p, codes, thresholds };
}

function gini(positives: number, n: number): number {
  if (n === 0) return 0;
  const p = positives / n;
  return 2 * p * (1 - p);
}

const counts = new Int32Array(MAX_BINS + 1);
const positivesPerBin = new Int32Array(MAX_BINS + 1);

function bestSplit(data: Binned, y: readonly number[], rows: Int32Array, features: number[], minLeaf: number) {
  let best: { feature: number; bin: number; score: number } | undefined;
  const total = rows.length;
  let totalPositives = 0;
  for (const r of rows) totalPositives += y[r] as number;
  for (const f of features) {
    const bins = (data.thresholds[f] as number[]).length + 1;
    if (bins < 2) continue;
    counts.fill(0, 0, bins);
    positivesPerBin.fill(0, 0, bins);
    const base = f * data.n;
    for (const r of rows) {
      const code = data.codes[base + r] as number;
      counts[code] = (counts[code] as number) + 1;
      positivesPerBin[code] = (positivesPerBin[code] as number) + (y[r] as number);
    }
    let leftCount = 0;
    let leftPositives = 0;
    for (let b = 0; b < bins - 1; b++) {
      const c = counts[b] as number;
      if (c === 0) continue;
      leftCount += c;
      leftPositives += positivesPerBin[b] as number;
      if (leftCount === total) break;
      if (leftCount < minLeaf || total - leftCount < minLeaf) continue;
      const score =
        leftCount * gini(leftPositives, leftCount) + (total - leftCount) * gini(totalPositives - leftPositives, total - leftCount);
      // the next non-empty bin's lower edge: the threshold between this bin's values and the next values present
      if (!best || score < best.score) best = { feature: f, bin: b, score };
    }
  }
  if (!best) return undefined;
  // the split sends bins ≤ best.bin left; its threshold is the cut just below the next bin that holds a row of this node
  const base = best.feature * data.n;
  let next = Infinity;
  for (const r of rows) {
    const code = data.codes[base + r] as number;
    if (code > best.bin && code < next) next = code;
  }
  return { feature: best.feature, bin: next - 1, threshold: (data.thresholds[best.feature] as number[])[next - 1] as number };
}

function grow(data: Binned, y: readonly number[], rows: Int32Array, depth: number, o: Required<ForestOptions>, random: Random): Tree {
  let positives = 0;
  for (const r of rows) positives += y[r] as number;
  const leaf = { leaf: positives / rows.length };
  if (depth >= o.maxDepth || positives === 0 || positives === rows.length || rows.length < 2 * o.minLeaf) return leaf;
  const features = shuffled(
    Array.from({ length: data.p }, (_, j) => j),
    random,
  ).slice(0, Math.max(1, Math.round(Math.sqrt(data.p))));
  const split = bestSplit(data, y, rows, features, o.minLeaf);
  if (!split) return leaf;
  const base = split.feature * data.n;
  const left = rows.filter((r) => (data.codes[base + r] as number) <= split.bin);
  const right = rows.filter((r) => (data.codes[base + r] as number) > split.bin);
  return {
    feature: split.feature,
    threshold: split.threshold,
    left: grow(data, y, left, depth + 1, o, random),
    right: grow(data, y, right, depth + 1, o, random),
  };
}

const logit = (s: number) => {
  const q = Math.min(1 - 1e-3, Math.max(1e-3, s));
  return Math.log(q / (1 - q));
};
const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

/**
 * Platt scaling: a one-input logistic regression of the labels on logit(score), by Newton's method with Platt's
 * smoothed targets ((n₊ + 1)/(n₊ + 2) and 1/(n₋ + 2)), so that a perfectly separated score still gets finite a and b.
 */
export function fitPlatt(scores: readonly number[], labels: readonly number[]): PlattCalibration {
  checkTrainingSet(
    scores.map((s) => [s]),
    labels,
  );
  const positives = labels.reduce((s, y) => s + y, 0);
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (labels.length - positives + 2);
  const t = scores.map(logit);
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    t.forEach((ti, i) => {
      const p = sigmoid(a * ti + b);
      const r = (labels[i] === 1 ? hi : lo) - p;
      const w = Math.max(p * (1 - p), 1e-12);
      ga += r * ti;
      gb += r;
      haa += w * ti * ti;
      hab += w * ti;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return { a, b };
}

/** Applies a Platt map to raw scores. */
export const applyPlatt = (c: PlattCalibration, scores: readonly number[]) => scores.map((s) => sigmoid(c.a * logit(s) + c.b));

/** Fits the forest to encoded rows `x` and 0/1 labels `y` (refusing bad input), calibrated unless `calibrate: false`. */
export function fitForest(x: readonly number[][], y: readonly number[], options: ForestOptions = {}): ForestModel {
  checkTrainingSet(x, y);
  const o: Required<ForestOptions> = { trees: 50, maxDepth: 8, minLeaf: 3, seed: 1, calibrate: true, ...options };
  if (!Number.isInteger(o.trees) || o.trees < 1)
    throw new ModelInputError('Antalet träd måste vara ett heltal ≥ 1', 'trees must be an integer ≥ 1');
  const random = seededRandom(o.seed);
  const data = binFeatures(x);
  const n = x.length;
  const outOfBagSum = new Float64Array(n);
  const outOfBagCount = new Int32Array(n);
  const inBag = new Uint8Array(n);
  const trees = Array.from({ length: o.trees }, () => {
    const sample = Int32Array.from({ length: n }, () => randomInt(n, random));
    const tree = grow(data, y, sample, 0, o, random);
    if (o.calibrate) {
      inBag.fill(0);
      for (const r of sample) inBag[r] = 1;
      for (let i = 0; i < n; i++)
        if (!inBag[i]) {
          outOfBagSum[i] = (outOfBagSum[i] as number) + predictTree(tree, x[i] as readonly number[]);
          outOfBagCount[i] = (outOfBagCount[i] as number) + 1;
        }
    }
    return tree;
  });
  if (!o.calibrate) return { trees };
  const held: number[] = [];
  const heldLabels: number[] = [];
  for (let i = 0; i < n; i++)
    if ((outOfBagCount[i] as number) > 0) {
      held.push((outOfBagSum[i] as number) / (outOfBagCount[i] as number));
      heldLabels.push(y[i] as number);
    }
  const both = heldLabels.some((v) => v === 1) && heldLabels.some((v) => v === 0);
  return both ? { trees, calibration: fitPlatt(held, heldLabels) } : { trees };
}

function predictTree(tree: Tree, row: readonly number[]): number {
  let node = tree;
  while (!('leaf' in node)) node = (row[node.feature] as number) <= node.threshold ? node.left : node.right;
  return node.leaf;
}

/** The raw scores (mean leaf share over the trees), before calibration. */
export function predictForestRaw(model: ForestModel, rows: readonly number[][]): number[] {
  return rows.map((row) => model.trees.reduce((s, t) => s + predictTree(t, row), 0) / model.trees.length);
}

/** Probabilities of the positive class for encoded rows: the raw scores through the forest's calibration, if it has one. */
export function predictForest(model: ForestModel, rows: readonly number[][]): number[] {
  const raw = predictForestRaw(model, rows);
  return model.calibration ? applyPlatt(model.calibration, raw) : raw;
}
