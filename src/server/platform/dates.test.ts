import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateOf } from './dates.ts';

test('dateOf: the Swedish calendar date of an instant, across midnight and both clock changes', () => {
  // Winter (UTC+1): 23:30Z is already the next day in Sweden.
  assert.equal(dateOf(new Date('2026-12-05T22:59:59Z')), '2026-12-05');
  assert.equal(dateOf(new Date('2026-12-05T23:00:00Z')), '2026-12-06');
  // Summer (UTC+2).
  assert.equal(dateOf(new Date('2026-06-30T21:59:59Z')), '2026-06-30');
  assert.equal(dateOf(new Date('2026-06-30T22:00:00Z')), '2026-07-01');
  // The nights the clocks change (29 March and 25 October 2026).
  assert.equal(dateOf(new Date('2026-03-28T23:00:00Z')), '2026-03-29');
  assert.equal(dateOf(new Date('2026-10-24T22:00:00Z')), '2026-10-25');
  // The same answer as building a formatter each time, over every hour of a year.
  for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
    const at = new Date(t);
    assert.equal(dateOf(at), at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }));
  }
});
