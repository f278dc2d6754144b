import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCalendarDate, isTimestamp } from './dates.ts';

test('a calendar date exists and lies within 1900–2100; leap years by the Gregorian rule', () => {
  for (const value of ['2024-02-29', '2000-02-29', '1900-01-01', '2100-12-31', '2023-04-30'])
    assert.equal(isCalendarDate(value), true, value);
  for (const value of [
    '2023-02-29',
    '1900-02-29',
    '2100-02-29',
    '1899-12-31',
    '2101-01-01',
    '2023-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
  ])
    assert.equal(isCalendarDate(value), false, value);
});

test('anything not shaped YYYY-MM-DD in ASCII digits is not a calendar date', () => {
  const odd = [
    '',
    '2024-1-01',
    '2024-01-1',
    ' 2024-01-01',
    '2024-01-01 ',
    '2024/01/01',
    '2024-01-0a',
    '２０２４-01-01',
    '2024-01-01T00:00Z',
    '+024-01-01',
  ];
  for (const value of odd) assert.equal(isCalendarDate(value), false, JSON.stringify(value));
  assert.equal(isTimestamp('2024-02-30T08:00:00Z'), false);
  assert.equal(isTimestamp('2024-02-29T08:00:00+01:00'), true);
  assert.equal(isTimestamp('2024-02-29T08:00:00'), false, 'a time zone is required');
});
