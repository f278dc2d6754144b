import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Goal } from '../../../shared/follow-up/goals.ts';
import { goalProgress, pathAt } from './trajectory.ts';

// Plug In's goal: from 33.6 % without a diploma within 4 years (66.4 % with) to half of it.
const halve: Goal = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Halvera andelen utan examen inom 4 år',
  outcome: 'examen',
  years: 4,
  baselineYear: 2020,
  baselineShare: 0.336,
  targetYear: 2030,
  targetShare: 0.168,
};

test('the path runs straight from the baseline to the target, flat after it', () => {
  assert.equal(pathAt(halve, 0.336, 2020), 0.336);
  assert.ok(Math.abs(pathAt(halve, 0.336, 2025) - 0.252) < 1e-12);
  assert.equal(pathAt(halve, 0.336, 2030), 0.168);
  assert.equal(pathAt(halve, 0.336, 2035), 0.168);
});

test('on track when the latest figure is at or below the path, off track above it', () => {
  const on = goalProgress(
    halve,
    new Map([
      [2021, 0.3],
      [2022, 0.29],
    ]),
    2019,
  );
  assert.equal(on.status, 'on-track');
  assert.deepEqual(on.latest, { year: 2022, actual: 0.29, path: pathAt(halve, 0.336, 2022) });
  assert.equal(on.trajectory[0]!.year, 2019);
  assert.equal(on.trajectory[0]!.path, null, 'no path before the baseline');
  assert.equal(on.trajectory.at(-1)!.year, 2030);
  const off = goalProgress(halve, new Map([[2024, 0.3]]), 2019);
  assert.equal(off.status, 'off-track');
});

test('a baseline left empty is the organiser’s own figure for that year; without one the status is unknown', () => {
  const own = goalProgress(
    { ...halve, baselineShare: null },
    new Map([
      [2020, 0.4],
      [2023, 0.3],
    ]),
    2020,
  );
  assert.equal(own.baseline, 0.4);
  assert.equal(own.status, 'on-track');
  const none = goalProgress({ ...halve, baselineShare: null }, new Map([[2023, 0.3]]), 2020);
  assert.equal(none.status, 'unknown');
  assert.equal(none.latest, null);
});
