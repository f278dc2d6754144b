import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  kaaDeregistrationReasons,
  kaaMeasureKinds,
  kaaMeasureOutcomes,
  kaaOccupationKinds,
  kaaRegistrationReasons,
} from '../../../../shared/kaa/codes.ts';
import { codeFor, loadCodes, scbCodes, unverified, type CodeListName } from './codes.ts';

test('every value the register can hold has an SCB code (a dismissal is never reported)', () => {
  const codes = scbCodes();
  const missing = (list: CodeListName, keys: readonly string[]) => keys.filter((k) => codeFor(codes, list, k) === null);
  assert.deepEqual(missing('registrationReasons', kaaRegistrationReasons), []);
  assert.deepEqual(missing('endReasons', kaaDeregistrationReasons), ['dismissed']);
  assert.deepEqual(missing('occupations', kaaOccupationKinds), []);
  assert.deepEqual(missing('occupations', kaaMeasureOutcomes), []);
  assert.deepEqual(missing('measureKinds', kaaMeasureKinds), []);
});

test('the code-list file is one versioned document whose codes are unique per list, and says what is unverified', () => {
  const codes = loadCodes();
  assert.match(codes.version, /\S/);
  for (const list of ['registrationReasons', 'occupations', 'measureKinds', 'endReasons'] as const) {
    const all = codes[list].codes.map((c) => c.code);
    assert.equal(new Set(all).size, all.length, list);
    const keys = codes[list].codes.map((c) => c.key);
    assert.equal(new Set(keys).size, keys.length, list);
  }
  assert.equal(unverified(codes), true, 'until checked against SCB’s instructions for the half-year');
});
