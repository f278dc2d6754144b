/**
 * Feature encoding: numeric values as they are, binary values as 0/1, nominal values one-hot (the first level seen in
 * sorted order is the reference and gets no column), then standardised with the mean and standard deviation of the
 * training fold only (fitEncoder sees only training rows; encode applies the same transformation to any row).
 */

/** How one input is encoded. `positive` names the binary level that becomes 1. */
export type FeatureSpec =
  { name: string; kind: 'numeric' } | { name: string; kind: 'binary'; positive: string } | { name: string; kind: 'nominal' };

/** One observation: input name → raw value. */
export type FeatureRow = Readonly<Record<string, string | number>>;

/** A fitted encoder: the columns it produces and the training means and standard deviations per column. */
export interface Encoder {
  specs: readonly FeatureSpec[];
  /** Column names: the feature name, or `name=level` for one-hot columns. */
  columns: string[];
  /** Non-reference levels per nominal feature, in column order. */
  levels: Record<string, string[]>;
  means: number[];
  sds: number[];
}

/** Learns levels, means and standard deviations from the training rows. */
export function fitEncoder(specs: readonly FeatureSpec[], trainingRows: readonly FeatureRow[]): Encoder {
  const levels: Record<string, string[]> = {};
  const columns: string[] = [];
  for (const spec of specs) {
    if (spec.kind === 'nominal') {
      const seen = [...new Set(trainingRows.map((r) => String(r[spec.name])))].sort();
      levels[spec.name] = seen.slice(1);
      for (const level of seen.slice(1)) columns.push(`${spec.name}=${level}`);
    } else {
      columns.push(spec.name);
    }
  }
  const partial: Encoder = { specs, columns, levels, means: [], sds: [] };
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

/** The unstandardised encoded vector of one row (in `encoder.columns` order); a nominal level unseen in training encodes as the reference level. */
export function encodeRaw(encoder: Pick<Encoder, 'specs' | 'levels'>, row: FeatureRow): number[] {
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
      for (const level of encoder.levels[spec.name] ?? []) out.push(String(value) === level ? 1 : 0);
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
