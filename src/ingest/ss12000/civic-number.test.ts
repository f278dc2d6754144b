import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCivicNo } from './civic-number.ts';

test('Skatteverket test personnummer are valid, with or without separator', () => {
  assert.deepEqual(parseCivicNo('200701012395'), { ok: true, civicNo: '200701012395', kind: 'personnummer' });
  assert.deepEqual(parseCivicNo('19750107-9292'), { ok: true, civicNo: '197501079292', kind: 'personnummer' });
});

test('a wrong check digit, a short number or a bad date is rejected without echoing it', () => {
  for (const bad of ['200701012396', '0701012395', '20071301TF01', 'abc']) {
    const result = parseCivicNo(bad);
    assert.equal(result.ok, false, bad);
    assert.ok(!result.ok && !result.reason.includes(bad));
  }
});

test('SS 12000 tillfälligt personnummer (letters after the date) is kept as kind temporary', () => {
  assert.deepEqual(parseCivicNo('20130101TF01'), { ok: true, civicNo: '20130101TF01', kind: 'temporary' });
});
