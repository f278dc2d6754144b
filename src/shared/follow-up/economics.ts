/**
 * The economic model of completion (docs/economic-model.md), pure and shared: the server validates and answers with
 * it, the web calculator recomputes with it as parameters change. What young people outside work and study cost over
 * their working life, who pays, what an intervention must achieve to pay for itself — its extra completers derived
 * from a measured attendance effect and an assumed link from attendance to completion — and how much each answer
 * moves with each uncertain parameter (a tornado, `sensitivity.ts`). Every money figure is in kronor; shares are 0–1.
 */
import { z } from 'zod';

const money = z.number().min(0, { error: 'får inte vara negativ' }).max(1e12, { error: 'är orimligt stor' });
const share = z.number().min(0, { error: 'får inte vara negativ' }).max(1, { error: 'får vara högst 100 %' });
const age = z.number().int().min(15).max(75);
const rate = z.number().min(0, { error: 'får inte vara negativ' }).max(0.2, { error: 'får vara högst 20 %' });
/** An attendance change as a fraction (0.03 = 3 percentage points); a measured one may be negative. */
const effect = z.number().min(-1, { error: 'får vara högst 100 procentenheter' }).max(1, { error: 'får vara högst 100 procentenheter' });
/** Percentage points of completion per percentage point of attendance. */
const link = z.number().min(0, { error: 'får inte vara negativ' }).max(10, { error: 'får vara högst 10' });

export const payers = ['municipality', 'region', 'state', 'individual', 'unspecified'] as const;
export type Payer = (typeof payers)[number];

export const parameters = z.strictObject({
  /** Welfare costs plus lost production per person outside and year. */
  annualCost: money,
  /** The age the cost starts, and the age it ends (the horizon). */
  fromAge: age,
  toAge: age,
  /** Real discount rate per year, 0–0.20. */
  discountRate: rate,
  /** The share of those not completing who end up outside work and study. */
  shareOutside: share,
  /** Who bears the cost; the shares add up to at most 1. */
  payerShares: z.strictObject(Object.fromEntries(payers.map((p) => [p, share])) as Record<Payer, typeof share>),
  /** An intervention: its cost per participant and its participants. */
  costPerParticipant: money,
  participants: z.number().int().min(0).max(1_000_000),
  /** Its effect on attendance (measured per method by the interventions module, or the user's own). */
  attendanceEffect: effect,
  /** The assumed link: percentage points of completion per percentage point of attendance. */
  completionPerAttendance: link,
  /** The non-completers the result is for (a cohort's, or a model's). */
  nonCompleters: z.number().min(0).max(10_000_000),
});
export type Parameters = z.output<typeof parameters>;

/** Each uncertain parameter's low and high value for the tornado and the ranges. */
export const uncertainty = z.strictObject({
  annualCost: z.tuple([money, money]),
  discountRate: z.tuple([rate, rate]),
  shareOutside: z.tuple([share, share]),
  toAge: z.tuple([age, age]),
  attendanceEffect: z.tuple([effect, effect]),
  completionPerAttendance: z.tuple([link, link]),
  costPerParticipant: z.tuple([money, money]),
  municipalityShare: z.tuple([share, share]),
});
export type Uncertainty = z.output<typeof uncertainty>;
export type Uncertain = keyof Uncertainty;
export const uncertainKeys = Object.keys(uncertainty.shape) as Uncertain[];

/**
 * Defaults, every one sourced or marked as an assumption (docs/economic-model.md): 350 000 kr a year from 20 to 65 is
 * Nilsson & Wadeskog's Värmdö figure (15.75 MSEK per person, undiscounted); the municipality's 34 % is the Värmdö
 * split (≈ 400 of 1 181 MSEK), the rest not split in the source; half of the non-completers outside is an assumption
 * (≈ 12–13 % of a cohort outside, ≈ 25 % without a diploma within four years). The intervention's cost and effect are
 * placeholders until the user picks a measured method; one point of completion per point of attendance is an
 * assumption, a third of the cross-sectional gradient in Oregon's class of 2012 (about 3 points per point).
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
  attendanceEffect: 0.03,
  completionPerAttendance: 1,
  nonCompleters: 75,
};
export const defaultUncertainty: Uncertainty = {
  annualCost: [10_000_000 / 45, 15_750_000 / 45],
  discountRate: [0, 0.04],
  shareOutside: [0.3, 0.7],
  toAge: [60, 67],
  attendanceEffect: [0, 0.06],
  completionPerAttendance: [0, 3],
  costPerParticipant: [20_000, 40_000],
  municipalityShare: [0.25, 0.45],
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

/** Extra completers an intervention brings: participants × attendance effect × the attendance–completion link. */
export const extraCompleters = (p: Pick<Parameters, 'participants' | 'attendanceEffect' | 'completionPerAttendance'>): number =>
  p.participants * p.attendanceEffect * p.completionPerAttendance;

export interface Result {
  lifetimeCostPerPerson: number;
  expectedOutside: number;
  /** What the non-completers are expected to cost, and who pays. */
  atStake: { total: number; byPayer: Record<Payer, number> };
  intervention: {
    cost: number;
    extraCompleters: number;
    /** Extra completers needed for the public (all payers), and for the municipality alone, to recover the cost. */
    breakEvenPublic: number;
    breakEvenMunicipality: number;
    /** The attendance effect (fraction) that would bring the public's break-even number of extra completers. */
    breakEvenEffect: number;
    benefit: number;
    /** Benefit minus cost, for the public and for the municipality alone (assumed to pay the whole intervention). */
    netPublic: number;
    netMunicipality: number;
    ratio: number;
  };
}

const per = (a: number, b: number) => (b === 0 ? Infinity : a / b);

/** The model at the given parameters. */
export function computeModel(p: Parameters): Result {
  const perPerson = lifetimeCost(p);
  const expectedOutside = p.nonCompleters * p.shareOutside;
  const avoided = perPerson * p.shareOutside; // per extra completer
  const cost = p.costPerParticipant * p.participants;
  const extra = extraCompleters(p);
  const benefit = extra * avoided;
  const breakEvenPublic = per(cost, avoided);
  return {
    lifetimeCostPerPerson: perPerson,
    expectedOutside,
    atStake: costOfOutside(expectedOutside, p),
    intervention: {
      cost,
      extraCompleters: extra,
      breakEvenPublic,
      breakEvenMunicipality: per(cost, avoided * p.payerShares.municipality),
      breakEvenEffect: per(breakEvenPublic, p.participants * p.completionPerAttendance),
      benefit,
      netPublic: benefit - cost,
      netMunicipality: benefit * p.payerShares.municipality - cost,
      ratio: benefitCostRatio(benefit, cost),
    },
  };
}
