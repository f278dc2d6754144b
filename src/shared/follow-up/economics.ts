/**
 * The economic model of completion (docs/economic-model.md), pure and shared: the server validates and answers with
 * it, the web calculator recomputes with it as parameters change. What young people outside work and study cost over
 * their working life, who pays, what an intervention must achieve to pay for itself, and how much the answer moves
 * with each uncertain parameter (a tornado). Every money figure is in kronor; shares are 0–1.
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';

const money = z.number().min(0, { error: 'får inte vara negativ' }).max(1e12, { error: 'är orimligt stor' });
const share = z.number().min(0, { error: 'får inte vara negativ' }).max(1, { error: 'får vara högst 100 %' });
const age = z.number().int().min(15).max(75);

export const payers = ['municipality', 'region', 'state', 'individual', 'unspecified'] as const;
export type Payer = (typeof payers)[number];

export const parameters = z.strictObject({
  /** Welfare costs plus lost production per person outside and year. */
  annualCost: money,
  /** The age the cost starts, and the age it ends (the horizon). */
  fromAge: age,
  toAge: age,
  /** Real discount rate per year, 0–0.20. */
  discountRate: z.number().min(0, { error: 'får inte vara negativ' }).max(0.2, { error: 'får vara högst 20 %' }),
  /** The share of those not completing who end up outside work and study. */
  shareOutside: share,
  /** Who bears the cost; the shares add up to at most 1. */
  payerShares: z.strictObject(Object.fromEntries(payers.map((p) => [p, share])) as Record<Payer, typeof share>),
  /** An intervention: its cost per participant, participants, and extra completers it brings (low–high). */
  costPerParticipant: money,
  participants: z.number().int().min(0).max(1_000_000),
  extraCompletersLow: z.number().min(0).max(1_000_000),
  extraCompletersHigh: z.number().min(0).max(1_000_000),
  /** The non-completers the result is for (a cohort's, or a model's). */
  nonCompleters: z.number().min(0).max(10_000_000),
});
export type Parameters = z.output<typeof parameters>;

/** Each uncertain parameter's low and high value for the tornado and the ranges. */
export const uncertainty = z.strictObject({
  annualCost: z.tuple([money, money]),
  discountRate: z.tuple([z.number().min(0).max(0.2), z.number().min(0).max(0.2)]),
  shareOutside: z.tuple([share, share]),
  toAge: z.tuple([age, age]),
});
export type Uncertainty = z.output<typeof uncertainty>;
export type Uncertain = keyof Uncertainty;

/**
 * Defaults, every one sourced or marked as an assumption (docs/economic-model.md): 350 000 kr a year from 20 to 65 is
 * Nilsson & Wadeskog's Värmdö figure (15.75 MSEK per person, undiscounted); the municipality's 34 % is the Värmdö
 * split (≈ 400 of 1 181 MSEK), the rest not split in the source; half of the non-completers outside is an assumption
 * (≈ 12–13 % of a cohort outside, ≈ 25 % without a diploma within four years).
 */
export const defaultParameters: Parameters = {
  annualCost: 350_000,
  fromAge: 20,
  toAge: 65,
  discountRate: 0,
  shareOutside: 0.5,
  payerShares: { municipality: 0.34, region: 0, state: 0, individual: 0, unspecified: 0.66 },
  costPerParticipant: 30_000,
  participants: 20,
  extraCompletersLow: 1,
  extraCompletersHigh: 3,
  nonCompleters: 75,
};
export const defaultUncertainty: Uncertainty = {
  annualCost: [10_000_000 / 45, 15_750_000 / 45],
  discountRate: [0, 0.04],
  shareOutside: [0.3, 0.7],
  toAge: [60, 67],
};

/** The present value of one person outside from `fromAge` to `toAge` (yearly cost at the start of each year). */
export function lifetimeCost(p: Pick<Parameters, 'annualCost' | 'fromAge' | 'toAge' | 'discountRate'>): number {
  let sum = 0;
  for (let t = 0; t < Math.max(0, p.toAge - p.fromAge); t++) sum += p.annualCost / (1 + p.discountRate) ** t;
  return sum;
}

/** The cost of `outside` people over their working life, and each payer's part. */
export function costOfOutside(outside: number, p: Parameters): { total: number; byPayer: Record<Payer, number> } {
  const total = outside * lifetimeCost(p);
  return { total, byPayer: Object.fromEntries(payers.map((k) => [k, total * p.payerShares[k]])) as Record<Payer, number> };
}

/** Public benefit per cost (Levin et al.: $209 000 per extra graduate for $82 000 ≈ 2.5). */
export const benefitCostRatio = (benefit: number, cost: number): number => (cost === 0 ? Infinity : benefit / cost);

export interface Result {
  lifetimeCostPerPerson: number;
  expectedOutside: number;
  /** What the non-completers are expected to cost, and who pays. */
  atStake: { total: number; byPayer: Record<Payer, number> };
  intervention: {
    cost: number;
    /** Extra completers needed for the public (all payers), and for the municipality alone, to recover the cost. */
    breakEvenPublic: number;
    breakEvenMunicipality: number;
    benefitLow: number;
    benefitHigh: number;
    ratioLow: number;
    ratioHigh: number;
  };
}

/** The model at the given parameters. */
export function computeModel(p: Parameters): Result {
  const perPerson = lifetimeCost(p);
  const expectedOutside = p.nonCompleters * p.shareOutside;
  const avoided = perPerson * p.shareOutside; // per extra completer
  const cost = p.costPerParticipant * p.participants;
  const benefit = (n: number) => n * avoided;
  return {
    lifetimeCostPerPerson: perPerson,
    expectedOutside,
    atStake: costOfOutside(expectedOutside, p),
    intervention: {
      cost,
      breakEvenPublic: avoided === 0 ? Infinity : cost / avoided,
      breakEvenMunicipality: avoided * p.payerShares.municipality === 0 ? Infinity : cost / (avoided * p.payerShares.municipality),
      benefitLow: benefit(p.extraCompletersLow),
      benefitHigh: benefit(p.extraCompletersHigh),
      ratioLow: benefitCostRatio(benefit(p.extraCompletersLow), cost),
      ratioHigh: benefitCostRatio(benefit(p.extraCompletersHigh), cost),
    },
  };
}

export interface TornadoBar {
  parameter: Uncertain;
  low: number;
  high: number;
  /** The parameter's values that gave them. */
  values: [number, number];
}

/** What is at stake in total, moved one uncertain parameter at a time; widest bar first. Plus the joint range. */
export function sensitivity(p: Parameters, u: Uncertainty): { bars: TornadoBar[]; range: [number, number] } {
  const at = (q: Parameters) => computeModel(q).atStake.total;
  const keys = Object.keys(u) as Uncertain[];
  const bars = keys
    .map((k) => {
      const [a, b] = u[k];
      const ra = at({ ...p, [k]: a });
      const rb = at({ ...p, [k]: b });
      return { parameter: k, low: Math.min(ra, rb), high: Math.max(ra, rb), values: [a, b] as [number, number] };
    })
    .sort((x, y) => y.high - y.low - (x.high - x.low));
  // The joint range: every corner of the box (at most 2^4).
  let lo = Infinity;
  let hi = -Infinity;
  for (let mask = 0; mask < 1 << keys.length; mask++) {
    const q = { ...p };
    keys.forEach((k, i) => Object.assign(q, { [k]: u[k][(mask >> i) & 1] }));
    const r = at(q);
    lo = Math.min(lo, r);
    hi = Math.max(hi, r);
  }
  return { bars, range: [lo, hi] };
}

export const parameterLabels = {
  annualCost: { sv: 'Kostnad per person och år utanför arbete och studier', en: 'Cost per person and year outside work and study' },
  fromAge: { sv: 'Från ålder', en: 'From age' },
  toAge: { sv: 'Till ålder', en: 'To age' },
  discountRate: { sv: 'Diskonteringsränta', en: 'Discount rate' },
  shareOutside: { sv: 'Andel av dem som inte fullföljer som hamnar utanför', en: 'Share of non-completers who end up outside' },
  payerShares: { sv: 'Vem betalar', en: 'Who pays' },
  'payerShares.municipality': { sv: 'Kommunens andel', en: "The municipality's share" },
  'payerShares.region': { sv: 'Regionens andel', en: "The region's share" },
  'payerShares.state': { sv: 'Statens andel', en: "The state's share" },
  'payerShares.individual': { sv: 'Individens andel', en: "The individual's share" },
  'payerShares.unspecified': { sv: 'Ej fördelat', en: 'Not split' },
  costPerParticipant: { sv: 'Insatsens kostnad per deltagare', en: 'Cost of the intervention per participant' },
  participants: { sv: 'Antal deltagare', en: 'Participants' },
  extraCompletersLow: { sv: 'Fler som fullföljer, lågt', en: 'Extra completers, low' },
  extraCompletersHigh: { sv: 'Fler som fullföljer, högt', en: 'Extra completers, high' },
  nonCompleters: { sv: 'Antal som inte fullföljer', en: 'Number not completing' },
  uncertainty: { sv: 'Osäkerhet', en: 'Uncertainty' },
  'uncertainty.annualCost': { sv: 'Kostnad per år, lågt–högt', en: 'Cost per year, low–high' },
  'uncertainty.discountRate': { sv: 'Diskonteringsränta, lågt–högt', en: 'Discount rate, low–high' },
  'uncertainty.shareOutside': { sv: 'Andel utanför, lågt–högt', en: 'Share outside, low–high' },
  'uncertainty.toAge': { sv: 'Till ålder, lågt–högt', en: 'To age, low–high' },
  parameters: { sv: 'Parametrar', en: 'Parameters' },
} as const;
/** Labels with the body's `parameters.` prefix too, so a 400 names the field as the calculator does. */
const bodyLabels = Object.fromEntries(
  Object.entries(parameterLabels).flatMap(([k, v]) => [
    [k, v],
    [`parameters.${k}`, v],
  ]),
);

const moneyByPayer = z.object(Object.fromEntries(payers.map((p) => [p, z.number()])) as Record<Payer, z.ZodNumber>);
const number = z.number().nullable(); // Infinity travels as null
export const result = z.object({
  lifetimeCostPerPerson: z.number(),
  expectedOutside: z.number(),
  atStake: z.object({ total: z.number(), byPayer: moneyByPayer }),
  intervention: z.object({
    cost: z.number(),
    breakEvenPublic: number,
    breakEvenMunicipality: number,
    benefitLow: z.number(),
    benefitHigh: z.number(),
    ratioLow: number,
    ratioHigh: number,
  }),
  tornado: z.array(z.object({ parameter: z.string(), low: z.number(), high: z.number(), values: z.tuple([z.number(), z.number()]) })),
  range: z.tuple([z.number(), z.number()]),
});

export const economicsBody = z.strictObject({ parameters, uncertainty });

export const economicsApi = {
  /** The organiser's own inputs (non-completers of the latest measured cohort) and the defaults. */
  inputs: endpoint({
    method: 'GET',
    path: '/api/follow-up/economics',
    query: z.strictObject({}),
    response: z.object({
      own: z
        .object({ startYear: z.number().int(), years: z.number().int(), starters: z.number().int(), nonCompleters: z.number().int() })
        .nullable(),
      defaults: z.object({ parameters: z.any(), uncertainty: z.any() }),
    }),
    labels: {},
  }),
  compute: endpoint({ method: 'POST', path: '/api/follow-up/economics', body: economicsBody, response: result, labels: bodyLabels }),
};
