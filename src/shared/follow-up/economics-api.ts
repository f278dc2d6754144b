/**
 * The economic model's contract: its parameters' labels (Swedish and English, as the calculator shows them), the
 * organiser's own inputs — the latest measured cohort's non-completers and each method's measured attendance effect —
 * and the computed result with its tornadoes and ranges.
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';
import { parameters, payers, uncertainty, type Payer } from './economics.ts';
import { outcomes } from './sensitivity.ts';

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
  attendanceEffect: { sv: 'Insatsens effekt på närvaron', en: "The intervention's effect on attendance" },
  completionPerAttendance: {
    sv: 'Procentenheter fullföljande per procentenhet närvaro',
    en: 'Percentage points of completion per percentage point of attendance',
  },
  nonCompleters: { sv: 'Antal som inte fullföljer', en: 'Number not completing' },
  uncertainty: { sv: 'Osäkerhet', en: 'Uncertainty' },
  'uncertainty.annualCost': { sv: 'Kostnad per år, lågt–högt', en: 'Cost per year, low–high' },
  'uncertainty.discountRate': { sv: 'Diskonteringsränta, lågt–högt', en: 'Discount rate, low–high' },
  'uncertainty.shareOutside': { sv: 'Andel utanför, lågt–högt', en: 'Share outside, low–high' },
  'uncertainty.toAge': { sv: 'Till ålder, lågt–högt', en: 'To age, low–high' },
  'uncertainty.attendanceEffect': { sv: 'Effekt på närvaron, lågt–högt', en: 'Effect on attendance, low–high' },
  'uncertainty.completionPerAttendance': { sv: 'Sambandet närvaro–fullföljande, lågt–högt', en: 'Attendance–completion link, low–high' },
  'uncertainty.costPerParticipant': { sv: 'Kostnad per deltagare, lågt–högt', en: 'Cost per participant, low–high' },
  'uncertainty.municipalityShare': { sv: 'Kommunens andel, lågt–högt', en: "The municipality's share, low–high" },
  parameters: { sv: 'Parametrar', en: 'Parameters' },
} as const;

/** The tornado's names for the uncertain parameters. */
export const uncertainLabels = {
  annualCost: parameterLabels.annualCost,
  discountRate: parameterLabels.discountRate,
  shareOutside: parameterLabels.shareOutside,
  toAge: parameterLabels.toAge,
  attendanceEffect: parameterLabels.attendanceEffect,
  completionPerAttendance: { sv: 'Sambandet mellan närvaro och fullföljande', en: 'The link from attendance to completion' },
  costPerParticipant: parameterLabels.costPerParticipant,
  municipalityShare: parameterLabels['payerShares.municipality'],
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
const bar = z.object({ parameter: z.string(), low: z.number(), high: z.number(), values: z.tuple([z.number(), z.number()]) });
export const result = z.object({
  lifetimeCostPerPerson: z.number(),
  expectedOutside: z.number(),
  atStake: z.object({ total: z.number(), byPayer: moneyByPayer }),
  intervention: z.object({
    cost: z.number(),
    extraCompleters: z.number(),
    breakEvenPublic: number,
    breakEvenMunicipality: number,
    breakEvenEffect: number,
    benefit: z.number(),
    netPublic: z.number(),
    netMunicipality: z.number(),
    ratio: number,
  }),
  /** Per outcome: the tornado's bars and the joint range over the box of uncertain values. */
  sensitivity: z.object(
    Object.fromEntries(outcomes.map((o) => [o, z.object({ bars: z.array(bar), range: z.tuple([z.number(), z.number()]) })])) as Record<
      (typeof outcomes)[number],
      z.ZodObject<{ bars: z.ZodArray<typeof bar>; range: z.ZodTuple<[z.ZodNumber, z.ZodNumber]> }>
    >,
  ),
});

/** A method's measured effect on attendance, as the calculator takes it (counts under five are not shown). */
export const measuredMethod = z.object({
  name: z.object({ sv: z.string(), en: z.string() }),
  /** Interventions measured. */
  n: z.number().int(),
  /** The difference against matched comparison students (fraction), and its 95 % interval (± 1.96 standard errors). */
  effect: z.number(),
  low: z.number(),
  high: z.number(),
});
export type MeasuredMethod = z.output<typeof measuredMethod>;

export const economicsBody = z.strictObject({ parameters, uncertainty });

export const economicsApi = {
  /** The organiser's own inputs (non-completers of the latest measured cohort, measured effects) and the defaults. */
  inputs: endpoint({
    method: 'GET',
    path: '/api/follow-up/economics',
    query: z.strictObject({}),
    response: z.object({
      own: z
        .object({ startYear: z.number().int(), years: z.number().int(), starters: z.number().int(), nonCompleters: z.number().int() })
        .nullable(),
      methods: z.array(measuredMethod),
      caveat: z.object({ sv: z.string(), en: z.string() }),
      defaults: z.object({ parameters: z.any(), uncertainty: z.any() }),
    }),
    labels: {},
  }),
  compute: endpoint({ method: 'POST', path: '/api/follow-up/economics', body: economicsBody, response: result, labels: bodyLabels }),
};
