import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  benefitCostRatio,
  computeModel,
  costOfOutside,
  defaultParameters,
  defaultUncertainty,
  extraCompleters,
  lifetimeCost,
  parameters,
  type Parameters,
} from './economics.ts';
import { jointRange, sensitivity, withValue } from './sensitivity.ts';

test('Värmdö (Nilsson & Wadeskog, to age 65): 75 children × 15 750 000 kr = 1 181 250 000 kr, the municipality’s 34 % = 401 625 000 kr', () => {
  assert.equal(lifetimeCost(defaultParameters), 15_750_000);
  const cost = costOfOutside(75, defaultParameters);
  assert.equal(cost.total, 1_181_250_000);
  assert.equal(cost.byPayer.municipality, 401_625_000);
  assert.equal(computeModel({ ...defaultParameters, shareOutside: 1, nonCompleters: 75 }).atStake.total, 1_181_250_000);
});

test('Skövde: 69 of 539 outside × 15 750 000 kr = 1 086 750 000 kr (about 1.1 billion)', () => {
  assert.equal(costOfOutside(69, defaultParameters).total, 1_086_750_000);
  assert.equal(computeModel({ ...defaultParameters, shareOutside: 1, nonCompleters: 69 }).atStake.total, 1_086_750_000);
});

test('Levin, Belfield, Muennig & Rouse (2007): $209 000 of public benefit for $82 000 per extra graduate, ratio 209/82', () => {
  assert.equal(benefitCostRatio(209_000, 82_000), 209_000 / 82_000);
  // One participant whose completion is certain, one year's benefit of 209 000 for an investment of 82 000.
  const levin: Parameters = {
    ...defaultParameters,
    annualCost: 209_000,
    fromAge: 20,
    toAge: 21,
    shareOutside: 1,
    participants: 1,
    costPerParticipant: 82_000,
    attendanceEffect: 1,
    completionPerAttendance: 1,
  };
  const r = computeModel(levin).intervention;
  assert.deepEqual([r.extraCompleters, r.benefit, r.cost, r.ratio, r.netPublic], [1, 209_000, 82_000, 209_000 / 82_000, 127_000]);
});

test('measured effect to extra completers: participants × attendance effect × the assumed link; break-even follows', () => {
  const p = { ...defaultParameters, participants: 40, attendanceEffect: 0.05, completionPerAttendance: 1, costPerParticipant: 50_000 };
  assert.equal(extraCompleters(p), 40 * 0.05 * 1);
  const r = computeModel(p).intervention;
  // 2 MSEK / (15.75 MSEK × 0.5 outside) extra completers for the public; the municipality alone needs 1 / 0.34 of that.
  assert.equal(r.breakEvenPublic, 2_000_000 / 7_875_000);
  assert.equal(r.breakEvenMunicipality, 2_000_000 / (7_875_000 * 0.34));
  assert.equal(r.breakEvenEffect, r.breakEvenPublic / 40);
  assert.equal(r.benefit, extraCompleters(p) * 7_875_000);
  assert.equal(r.netMunicipality, r.benefit * 0.34 - 2_000_000);
});

test('discounting lowers the lifetime cost', () => {
  assert.ok(lifetimeCost({ ...defaultParameters, discountRate: 0.03 }) < 15_750_000);
});

test('tornado: only parameters that move the outcome, widest first; the joint range holds the central value', () => {
  const stake = sensitivity(defaultParameters, defaultUncertainty, 'atStake');
  assert.deepEqual(stake.bars.map((b) => b.parameter).sort(), ['annualCost', 'discountRate', 'shareOutside', 'toAge']);
  const own = sensitivity(defaultParameters, defaultUncertainty, 'netMunicipality');
  assert.equal(own.bars.length, 8, 'every uncertain parameter moves the municipality’s net result');
  for (let i = 1; i < own.bars.length; i++) assert.ok(own.bars[i - 1]!.high - own.bars[i - 1]!.low >= own.bars[i]!.high - own.bars[i]!.low);
  const central = computeModel(defaultParameters).intervention.netMunicipality;
  assert.ok(own.range[0] <= central && central <= own.range[1]);
  // No effect at all (the low end): the municipality loses the whole cost, 600 000 kr at 30 000 kr × 20.
  const effectBar = own.bars.find((b) => b.parameter === 'attendanceEffect')!;
  assert.equal(effectBar.low, -600_000);
  assert.deepEqual(
    jointRange(defaultParameters, defaultUncertainty, (r) => r.intervention.cost),
    [400_000, 800_000],
  );
});

test('the municipality’s share in the tornado takes its part from “not split”', () => {
  const q = withValue(defaultParameters, 'municipalityShare', 0.45);
  assert.deepEqual([q.payerShares.municipality, q.payerShares.unspecified], [0.45, 0.55]);
});

test('parameters out of range are refused: negative costs, a discount rate over 20 %, shares over 100 %', () => {
  const bad = (over: object) => parameters.safeParse({ ...defaultParameters, ...over }).error?.issues[0];
  assert.deepEqual(bad({ annualCost: -1 })?.path, ['annualCost']);
  assert.equal(bad({ discountRate: 0.25 })?.message, 'får vara högst 20 %');
  assert.deepEqual(bad({ payerShares: { ...defaultParameters.payerShares, state: 1.2 } })?.path, ['payerShares', 'state']);
  assert.deepEqual(bad({ attendanceEffect: 1.5 })?.path, ['attendanceEffect']);
});
