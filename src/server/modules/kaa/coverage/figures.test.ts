import assert from 'node:assert/strict';
import { test } from 'node:test';
import { combineAreas, countHalf, protectCoverage, type CoverageYouth } from './figures.ts';

const reasons = ['started-education', 'completed-education', 'turned-20', 'moved', 'deceased', 'emigrated', 'other'];
const youth = (o: Partial<CoverageYouth> = {}): CoverageYouth => ({
  periods: [{ registeredOn: '2026-02-01', deregisteredOn: null, deregistrationReason: null }],
  reachedOn: [],
  measures: [],
  ...o,
});

test('counts a half-year: in the group, reached, in a measure, outcome known, left by reason; a dismissal never counts', () => {
  const youths = [
    youth({ reachedOn: ['2026-09-01'], measures: [{ startDate: '2026-08-01', endDate: '2026-10-01', outcome: 'education' }] }),
    youth({ reachedOn: ['2026-03-01'], measures: [{ startDate: '2026-08-01', endDate: '2026-11-01', outcome: null }] }),
    youth({ periods: [{ registeredOn: '2026-02-01', deregisteredOn: '2026-09-30', deregistrationReason: 'turned-20' }] }),
    youth({ periods: [{ registeredOn: '2026-02-01', deregisteredOn: '2026-08-10', deregistrationReason: 'dismissed' }] }),
    youth({ periods: [{ registeredOn: '2026-02-01', deregisteredOn: '2026-05-01', deregistrationReason: 'moved' }] }),
  ];
  assert.deepEqual(countHalf(youths, '2026H2'), {
    inGroup: 3,
    contacted: 1,
    inMeasure: 2,
    measureEnded: 2,
    outcomeKnown: 1,
    deregistered: 1,
    deregisteredBy: { 'turned-20': 1 },
  });
  assert.equal(countHalf(youths, '2026H1').inGroup, 4);
});

test('small counts are hidden, and so is what would give them away', () => {
  const counts = { inGroup: 40, contacted: 30, inMeasure: 12, measureEnded: 8, outcomeKnown: 6, deregistered: 9, deregisteredBy: { 'turned-20': 6, moved: 3 } };
  const p = protectCoverage(counts, reasons);
  assert.deepEqual(p.figures.inGroup, { value: 40, suppressed: null });
  const moved = p.deregisteredBy.find((r) => r.reason === 'moved')!.cell;
  assert.deepEqual(moved, { value: null, suppressed: 'small' });
  const twenty = p.deregisteredBy.find((r) => r.reason === 'turned-20')!.cell;
  const left = p.figures.deregistered;
  assert.ok(twenty.suppressed === 'complementary' || left.suppressed === 'complementary', 'moved cannot be subtracted out');
  // outcome known 6 of 8 ended leaves 2 unknown: hidden rest is small, so one of them goes.
  assert.ok(p.figures.outcomeKnown.suppressed !== null || p.figures.measureEnded.suppressed !== null);
  assert.equal(p.deregisteredBy.find((r) => r.reason === 'deceased')!.cell.value, 0);
});

test('areas are summed before protection', () => {
  const a = { inGroup: 3, contacted: 2, inMeasure: 1, measureEnded: 0, outcomeKnown: 0, deregistered: 1, deregisteredBy: { moved: 1 } };
  const b = { inGroup: 30, contacted: 20, inMeasure: 10, measureEnded: 5, outcomeKnown: 5, deregistered: 6, deregisteredBy: { moved: 4, other: 2 } };
  const total = combineAreas([a, b]);
  assert.equal(total.inGroup, 33);
  assert.deepEqual(total.deregisteredBy, { moved: 5, other: 2 });
  assert.equal(protectCoverage(total, reasons).figures.inGroup.value, 33);
});
