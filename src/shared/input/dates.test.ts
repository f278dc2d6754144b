import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCalendarDate, isTimestamp, leadingCalendarDate } from './dates.ts';

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

test("every day of 1899–2101 agrees with the calendar of JavaScript's Date", () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  for (let year = 1899; year <= 2101; year++)
    for (let month = 0; month <= 13; month++)
      for (let day = 0; day <= 32; day++) {
        const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        const date = new Date(Date.UTC(year, month - 1, day));
        const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
        assert.equal(isCalendarDate(value), exists && year >= 1900 && year <= 2100, value);
      }
});

test('the date at the start of a timestamp: a calendar date, not one, or not shaped as a date at all', () => {
  assert.equal(leadingCalendarDate('2024-02-29T08:00:00+01:00'), true);
  assert.equal(leadingCalendarDate('2024-02-30T08:00:00+01:00'), false);
  assert.equal(leadingCalendarDate('1899-12-31T23:00:00Z'), false);
  for (const odd of ['', '2024-02-2', '2024-2-29T08:00', '2024/02/29T08', '２０２４-02-29T08', '2024-0a-29T08', '-024-02-29T08'])
    assert.equal(leadingCalendarDate(odd), null, odd);
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
