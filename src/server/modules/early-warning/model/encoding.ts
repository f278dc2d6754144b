/**
 * Feature encoding: numeric values as they are, binary values as 0/1, nominal values one-hot, then standardised with
 * the mean and standard deviation of the training fold only (fitEncoder sees only training rows; encode applies the
 * same transformation to any row). A nominal input's reference level (no column) is its most common level; levels held
 * by fewer than `minLevelCount` training students are pooled into one column "övriga" (other), which itself joins the
 * reference when it too is smaller than that — so no column stands for a handful of students, whose coefficient the
 * penalty would barely hold (on the original scale the L2 penalty on a level held by a share q is λ·q(1−q)·β²).
 */

/** How one input is encoded. `positive` names the binary level that becomes 1. */
export type FeatureSpec =
  { name: string; kind: 'numeric' } | { name: string; kind: 'binary'; positive: string } | { name: string; kind: 'nominal' };

/** One observation: input name → raw value. */
export type FeatureRow = Readonly<Record<string, string | number>>;

/** The pooled level's name: `name=övriga` is the column of a nominal input's rare levels. */
export const OTHER_LEVEL = 'övriga';

/** Default minimum number of training students for a nominal level to get its own column. */
export const DEFAULT_MIN_LEVEL_COUNT = 30;

/** The disclosure threshold: an explanation never names a level held by fewer training students than this. */
export const DISCLOSURE_THRESHOLD = 5;

/** Options for fitEncoder. */
export interface EncoderOptions {
  /** Levels with fewer training students than this are pooled into "övriga" (default 30; 1 pools nothing). */
  minLevelCount?: number;
}

/** A fitted encoder: the columns it produces and the training means and standard deviations per column. */
export interface Encoder {
  specs: readonly FeatureSpec[];
  /** Column names: the feature name, or `name=level` for one-hot columns (`name=övriga` for the pooled levels). */
  columns: string[];
  /** Non-reference levels with their own column per nominal feature, in column order. */
  levels: Record<string, string[]>;
  /** The reference level per nominal feature (its most common). Absent in encoders stored before issue #19. */
  reference?: Record<string, string>;
  /** The levels pooled into "övriga" per nominal feature (those that got a column; empty when it joined the reference). */
  pooled?: Record<string, string[]>;
  /** Training students per column of a nominal feature (`name=level` → count), for the disclosure threshold. */
  columnCounts?: Record<string, number>;
  means: number[];
  sds: number[];
}

/** Learns levels (reference, pooling), means and standard deviations from the training rows. */
export function fitEncoder(specs: readonly FeatureSpec[], trainingRows: readonly FeatureRow[], options: EncoderOptions = {}): Encoder {
  const minLevelCount = options.minLevelCount ?? DEFAULT_MIN_LEVEL_COUNT;
  const levels: Record<string, string[]> = {};
  const reference: Record<string, string> = {};
  const pooled: Record<string, string[]> = {};
  const columnCounts: Record<string, number> = {};
  const columns: string[] = [];
  for (const spec of specs) {
    if (spec.kind === 'nominal') {
      const counts = new Map<string, number>();
      for (const r of trainingRows) {
        const level = String(r[spec.name]);
        counts.set(level, (counts.get(level) ?? 0) + 1);
      }
      const byCount = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const ref = byCount[0]?.[0] ?? '';
      const rest = byCount.slice(1);
      const kept = rest
        .filter(([, c]) => c >= minLevelCount)
        .map(([l]) => l)
        .sort();
      const rare = rest.filter(([, c]) => c < minLevelCount);
      const rareCount = rare.reduce((s, [, c]) => s + c, 0);
      reference[spec.name] = ref;
      levels[spec.name] = kept;
      for (const level of kept) {
        columns.push(`${spec.name}=${level}`);
        columnCounts[`${spec.name}=${level}`] = counts.get(level) ?? 0;
      }
      // The pooled levels get one column when together they reach the minimum; otherwise they join the reference.
      pooled[spec.name] = rareCount >= minLevelCount && rareCount > 0 ? rare.map(([l]) => l).sort() : [];
      if ((pooled[spec.name] as string[]).length > 0) {
        columns.push(`${spec.name}=${OTHER_LEVEL}`);
        columnCounts[`${spec.name}=${OTHER_LEVEL}`] = rareCount;
      }
    } else {
      columns.push(spec.name);
    }
  }
  const partial: Encoder = { specs, columns, levels, reference, pooled, columnCounts, means: [], sds: [] };
  const raw = trainingRows.map((r) => encodeRaw(partial, r));
  const n = Math.max(raw.length, 1);
  const means = columns.map((_, j) => raw.reduce((s, x) => s + (x[j] as number), 0) / n);
  const sds = columns.map((_, j) => {
    const m = means[j] as number;
    const variance = raw.reduce((s, x) => s + ((x[j] as number) - m) ** 2, 0) / n;
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  return { ...partial, means, sds };
}

/**
 * The unstandardised encoded vector of one row (in `encoder.columns` order). A level without its own column encodes
 * as "övriga" when the encoder has that column and the level is not the reference (so also a level unseen in
 * training), else as the reference level.
 */
export function encodeRaw(encoder: Pick<Encoder, 'specs' | 'levels' | 'reference' | 'pooled'>, row: FeatureRow): number[] {
  const out: number[] = [];
  for (const spec of encoder.specs) {
    const value = row[spec.name];
    if (value === undefined) throw new Error(`Värde saknas för ${spec.name} (missing value)`);
    if (spec.kind === 'numeric') {
      const x = Number(value);
      if (!Number.isFinite(x)) throw new Error(`${spec.name} är inte ett tal: ${String(value)} (not a number)`);
      out.push(x);
    } else if (spec.kind === 'binary') {
      out.push(String(value) === spec.positive ? 1 : 0);
    } else {
      const own = encoder.levels[spec.name] ?? [];
      const level = String(value);
      for (const l of own) out.push(level === l ? 1 : 0);
      if ((encoder.pooled?.[spec.name]?.length ?? 0) > 0)
        out.push(!own.includes(level) && level !== encoder.reference?.[spec.name] ? 1 : 0);
    }
  }
  return out;
}

/** The standardised encoded vector of one row. */
export function encodeRow(encoder: Encoder, row: FeatureRow): number[] {
  return encodeRaw(encoder, row).map((x, j) => (x - (encoder.means[j] as number)) / (encoder.sds[j] as number));
}

/** The standardised design matrix of many rows. */
export function encodeRows(encoder: Encoder, rows: readonly FeatureRow[]): number[][] {
  return rows.map((r) => encodeRow(encoder, r));
}

/**
 * Whether an explanation may name a column: not the pooled "övriga" (it is no one thing) and not a level held by fewer
 * than `threshold` training students (meaningless to a counsellor and close to identifying).
 */
export function nameableColumn(encoder: Pick<Encoder, 'columnCounts'>, column: string, threshold = DISCLOSURE_THRESHOLD): boolean {
  if (column.endsWith(`=${OTHER_LEVEL}`)) return false;
  const count = encoder.columnCounts?.[column];
  return count === undefined || count >= threshold;
}
