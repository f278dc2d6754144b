import assert from 'node:assert/strict';
import { test } from 'node:test';
import { thresholdSpecs } from '../../../shared/early-warning/thresholds.ts';
import { fromInput, toInput } from './threshold-input.ts';

test('thresholds on the form: shares as percentages and differences as percentage points, never raw fractions', () => {
  assert.equal(toInput(thresholdSpecs.attendanceFlag, 0.9, 'sv'), '90');
  assert.equal(toInput(thresholdSpecs.attendanceFlag, 0.925, 'sv'), '92,5');
  assert.equal(toInput(thresholdSpecs.attendanceFlag, 0.925, 'en'), '92.5');
  assert.equal(toInput(thresholdSpecs.fallingTrendPoints, 0.05, 'sv'), '5');
  assert.equal(toInput(thresholdSpecs.csnMonthlyInvalidMinutes, 1200, 'sv'), '1200', 'no thousands separator in the field');
  assert.deepEqual(fromInput(thresholdSpecs.attendanceFlag, '92,5'), { value: 0.925 });
  assert.deepEqual(fromInput(thresholdSpecs.attendanceFlag, '92.5 %'), { value: 0.925 });
  assert.deepEqual(fromInput(thresholdSpecs.fallingTrendPoints, '5'), { value: 0.05 });
  assert.deepEqual(fromInput(thresholdSpecs.csnMonthlyInvalidMinutes, '1 200'), { value: 1200 });
});

test('thresholds on the form: the range is checked in the units the person typed', () => {
  assert.deepEqual(fromInput(thresholdSpecs.attendanceFlag, '30'), { problem: 'low' });
  assert.deepEqual(fromInput(thresholdSpecs.attendanceFlag, '99'), { problem: 'high' });
  assert.deepEqual(fromInput(thresholdSpecs.attendanceFlag, 'nittio'), { problem: 'number' });
  assert.deepEqual(fromInput(thresholdSpecs.consecutiveAbsenceDays, '10,5'), { problem: 'whole' });
  assert.deepEqual(fromInput(thresholdSpecs.attendanceFlag, ''), { problem: 'number' });
});
