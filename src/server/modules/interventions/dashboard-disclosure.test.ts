import assert from 'node:assert/strict';
import { test } from 'node:test';
import { protectFigures, protectSum, type Counts } from './dashboard-disclosure.ts';

const counts = (openCases: number, tier3Total = 0, tier3WithCase = 0): Counts => ({
  openCases,
  overdueFollowUps: 0,
  casesWithIntervention: 0,
  tier3Total,
  tier3WithCase,
});
const sum = (units: Counts[]): Counts => ({
  openCases: units.reduce((s, u) => s + u.openCases, 0),
  overdueFollowUps: 0,
  casesWithIntervention: 0,
  tier3Total: units.reduce((s, u) => s + u.tier3Total, 0),
  tier3WithCase: units.reduce((s, u) => s + u.tier3WithCase, 0),
});

test('dashboard: total 20, other units 9 and 8: the 3 is not left alone beside the total', () => {
  const units = [counts(3), counts(9), counts(8)];
  const why = protectFigures(units, sum(units));
  assert.deepEqual(
    why.units.map((u) => u.openCases),
    ['small', null, 'complementary'],
  );
  assert.equal(why.total.openCases, null, 'the total stays shown');
});

test('dashboard: the tier-3 share does not give away a small group without a case, in a unit or in all', () => {
  const units = [counts(0, 7, 6), counts(0, 20, 10), counts(0, 12, 6)];
  const why = protectFigures(units, sum(units));
  // 7 − 6 = 1 without a case at the first unit: its 6 is hidden, and the "with" column then needs a second hidden cell.
  assert.deepEqual(
    why.units.map((u) => u.tier3WithCase),
    ['complementary', null, 'complementary'],
  );
  assert.deepEqual(
    why.units.map((u) => u.tier3Total),
    [null, null, null],
  );
});

test('dashboard: outcomes add up over the units; zero units are never the complement; a small total hides itself', () => {
  assert.deepEqual(protectSum([2, 0, 6, 11]), { units: ['small', null, 'complementary', null], total: null });
  assert.deepEqual(protectSum([3, 0]), { units: ['small', null], total: 'small' });
  assert.deepEqual(protectSum([]), { units: [], total: null });
});
