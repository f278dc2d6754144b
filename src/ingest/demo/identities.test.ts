import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IdentityPool, loadTestNumbers, organisationNumber } from './identities.ts';
import { createRandom } from './random.ts';

/** Luhn over the ten digits: the control digit makes the sum a multiple of ten. */
const luhnValid = (n: string) =>
  [...n].reduce((sum, ch, i) => {
    let d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    return sum + d;
  }, 0) %
    10 ===
  0;

test("Skatteverket's list is read by birth year", () => {
  const numbers = loadTestNumbers();
  assert.ok((numbers.get(1990)?.length ?? 0) > 500);
  assert.ok([...numbers.values()].flat().every((n) => /^\d{12}$/.test(n)));
});

test('a birth year that runs out gives people no civic number, never an invented or repeated one', () => {
  const numbers = new Map([[2010, ['201001012386', '201002022383']]]);
  const pool = new IdentityPool(numbers, createRandom(1));
  const handed = Array.from({ length: 5 }, () => pool.take(2010, createRandom(2)));
  const civic = handed.flatMap((h) => (h.civicNo ? [h.civicNo] : []));
  assert.deepEqual([...civic].sort(), ['201001012386', '201002022383']);
  for (const h of handed.slice(2)) {
    assert.equal(h.civicNo, undefined);
    assert.match(h.birthDate, /^2010-\d{2}-\d{2}$/);
  }
  assert.equal(pool.take(1999, createRandom(3)).civicNo, undefined, 'a year not in the list');
});

test('organisation numbers carry a valid control digit', () => {
  for (const stem of ['212000100', '212000107', '556910000', '556914321']) {
    const n = organisationNumber(stem);
    assert.equal(n.length, 10);
    assert.ok(n.startsWith(stem) && luhnValid(n), n);
  }
});
