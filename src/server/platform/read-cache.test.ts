import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { answerFor, isKeptAnswer, ReadCache } from './read-cache.ts';
import { checkedResponse, ResponseContractError } from './response-check.ts';

const schema = z.object({ items: z.array(z.number()) });

test('a kept page has one answer, checked once; any other answer is checked every time', () => {
  const rows = [1, 2];
  let built = 0;
  const build = () => (built++, { items: [...rows] });
  const first = answerFor(rows, build);
  assert.equal(answerFor(rows, build), first);
  assert.equal(built, 1);
  assert.ok(isKeptAnswer(first));
  const checked = checkedResponse(schema, first);
  assert.equal(checkedResponse(schema, first), checked, 'the same checked object, not parsed again');
  assert.ok(isKeptAnswer(checked), 'and its JSON is built once (routes.ts)');

  const fresh = { items: [1] };
  assert.deepEqual(checkedResponse(schema, fresh), { items: [1] });
  assert.equal(isKeptAnswer(fresh) as boolean, false);
  (fresh.items as unknown[]).push('x');
  assert.throws(() => checkedResponse(schema, fresh), ResponseContractError, 'an answer not kept is parsed again');
});

test('the memory is bounded by rows, the least recently used page out first', () => {
  const small = new ReadCache<number>(5);
  small.set('a', null, [1, 2]);
  small.set('b', null, [3, 4]);
  small.get('a');
  small.set('c', null, [5, 6]);
  assert.equal(small.get('b'), undefined, 'b was the least recently used');
  assert.deepEqual(small.get('a')?.rows, [1, 2]);
  small.set('huge', null, [1, 2, 3, 4, 5, 6]);
  assert.equal(small.get('huge'), undefined, 'a page larger than the whole memory is not kept');
  assert.equal(small.size, 2);
});
