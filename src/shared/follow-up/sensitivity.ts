/**
 * Sensitivity of the economic model (docs/economic-model.md): each uncertain parameter moved alone to its low and high
 * value (a tornado, widest bar first) and the joint range over every corner of the box of uncertain values, for any of
 * the model's outcomes — what is at stake, the intervention's net result for the public or for the municipality alone.
 */
import { computeModel, uncertainKeys, type Parameters, type Result, type Uncertain, type Uncertainty } from './economics.ts';

export const outcomes = ['atStake', 'netPublic', 'netMunicipality', 'extraCompleters'] as const;
export type Outcome = (typeof outcomes)[number];

const read: Record<Outcome, (r: Result) => number> = {
  atStake: (r) => r.atStake.total,
  netPublic: (r) => r.intervention.netPublic,
  netMunicipality: (r) => r.intervention.netMunicipality,
  extraCompleters: (r) => r.intervention.extraCompleters,
};

/** The parameters with one uncertain value set (the municipality's share takes what it needs from "not split"). */
export function withValue(p: Parameters, key: Uncertain, value: number): Parameters {
  if (key !== 'municipalityShare') return { ...p, [key]: value };
  const others = p.payerShares.region + p.payerShares.state + p.payerShares.individual;
  return { ...p, payerShares: { ...p.payerShares, municipality: value, unspecified: Math.max(0, 1 - others - value) } };
}

export interface TornadoBar {
  parameter: Uncertain;
  low: number;
  high: number;
  /** The parameter's values that gave them. */
  values: [number, number];
}

/** The outcome moved one uncertain parameter at a time (bars that do not move it left out; widest first), and the joint range. */
export function sensitivity(p: Parameters, u: Uncertainty, outcome: Outcome = 'atStake'): { bars: TornadoBar[]; range: [number, number] } {
  const at = (q: Parameters) => read[outcome](computeModel(q));
  const bars = uncertainKeys
    .map((k) => {
      const [a, b] = u[k];
      const ra = at(withValue(p, k, a));
      const rb = at(withValue(p, k, b));
      return { parameter: k, low: Math.min(ra, rb), high: Math.max(ra, rb), values: [a, b] as [number, number] };
    })
    .filter((b) => b.high - b.low > 1e-9 * Math.max(1, Math.abs(b.high)))
    .sort((x, y) => y.high - y.low - (x.high - x.low));
  return { bars, range: jointRange(p, u, (r) => read[outcome](r)) };
}

/** The smallest and largest value of `f` over every corner of the box of uncertain values (2⁸ at most). */
export function jointRange(p: Parameters, u: Uncertainty, f: (r: Result) => number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let mask = 0; mask < 1 << uncertainKeys.length; mask++) {
    let q = p;
    uncertainKeys.forEach((k, i) => (q = withValue(q, k, (mask >> i) & 1 ? u[k][1] : u[k][0])));
    const r = f(computeModel(q));
    lo = Math.min(lo, r);
    hi = Math.max(hi, r);
  }
  return [lo, hi];
}
