import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  benefitCostRatio,
  computeModel,
  costOfOutside,
  defaultParameters,
  defaultUncertainty,
  lifetimeCost,
  parameters,
  sensitivity,
} from './economics.ts';

test('Värmdö (Nilsson & Wadeskog, to age 65): 75 children × 15.75 MSEK = 1 181 250 000 kr, of which the municipality bears about 400 MSEK', () => {
  assert.equal(lifetimeCost(defaultParameters), 15_750_000);
  const cost = costOfOutside(75, defaultParameters);
  assert.equal(cost.total, 1_181_250_000);
  assert.ok(cost.byPayer.municipality > 400_000_000 && cost.byPayer.municipality < 405_000_000, String(cost.byPayer.municipality));
});

test('Skövde: 69 of 539 → about 1.1 billion kronor', () => {
  const total = costOfOutside(69, defaultParameters).total;
  assert.equal(total, 1_086_750_000);
  assert.equal(Math.round(total / 1e8) / 10, 1.1);
});

test('Levin, Belfield, Muennig & Rouse (2007): $209 000 public benefit per extra graduate for $82 000 ≈ 2.5', () => {
  assert.equal(Math.round(benefitCostRatio(209_000, 82_000) * 10) / 10, 2.5);
});

test('discounting lowers the lifetime cost; break-even: the extra completers whose avoided cost pays for the intervention', () => {
  assert.ok(lifetimeCost({ ...defaultParameters, discountRate: 0.03 }) < 15_750_000);
  const r = computeModel({ ...defaultParameters, costPerParticipant: 50_000, participants: 100 });
  // 5 MSEK / (15.75 MSEK × 0.5 outside) ≈ 0.63 extra completers for the public; the municipality alone needs 1 / 0.34 of that.
  assert.ok(Math.abs(r.intervention.breakEvenPublic - 5_000_000 / 7_875_000) < 1e-9);
  assert.ok(Math.abs(r.intervention.breakEvenMunicipality - r.intervention.breakEvenPublic / 0.34) < 1e-9);
});

test('sensitivity: one bar per uncertain parameter, widest first; the joint range holds the central value', () => {
  const { bars, range } = sensitivity(defaultParameters, defaultUncertainty);
  assert.equal(bars.length, 4);
  assert.ok(bars[0]!.high - bars[0]!.low >= bars.at(-1)!.high - bars.at(-1)!.low);
  const central = computeModel(defaultParameters).atStake.total;
  assert.ok(range[0] <= central && central <= range[1]);
});

test('parameters out of range are refused: negative costs, a discount rate over 20 %, shares over 100 %', () => {
  const bad = (over: object) => parameters.safeParse({ ...defaultParameters, ...over }).error?.issues[0];
  assert.deepEqual(bad({ annualCost: -1 })?.path, ['annualCost']);
  assert.equal(bad({ discountRate: 0.25 })?.message, 'får vara högst 20 %');
  assert.deepEqual(bad({ payerShares: { ...defaultParameters.payerShares, state: 1.2 } })?.path, ['payerShares', 'state']);
});
