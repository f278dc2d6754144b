import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateTimeFormat, numberFormat } from './intl.ts';

test('intl: a kept formatter formats as a new one, per locale and options', () => {
  const at = new Date('2026-12-05T23:30:00Z');
  const long = { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' } as const;
  assert.equal(dateTimeFormat('sv-SE', long).format(at), at.toLocaleString('sv-SE', long));
  assert.equal(dateTimeFormat('sv-SE', long).format(at), '6 december 2026 kl. 00:30');
  assert.equal(dateTimeFormat('en-GB', long).format(at), at.toLocaleString('en-GB', long));
  assert.equal(dateTimeFormat('sv-SE', long), dateTimeFormat('sv-SE', { ...long }), 'the same options, the same formatter');
  assert.notEqual(dateTimeFormat('sv-SE', long), dateTimeFormat('en-GB', long));
  assert.equal(numberFormat('sv-SE').format(1234567.5), (1234567.5).toLocaleString('sv-SE'));
  assert.equal(numberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 }).format(0.925), '92,5\u00a0%');
  assert.equal(numberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(0.925), '92.5%');
});

test('intl: a locale Intl does not know throws as the constructor does, and is not kept', () => {
  assert.throws(() => dateTimeFormat('inte-ett-språk-!!', { timeZone: 'UTC' }), RangeError);
  assert.throws(() => numberFormat('inte-ett-språk-!!'), RangeError);
});
