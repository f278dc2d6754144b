// The nightly jobs' work pool: results in the items' order whatever order they end in, never more than `workers` under
// way, nothing started after a failure, and one worker per core on PostgreSQL, one on PGlite.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sideBySide, workersFor } from './side-by-side.ts';

/** A promise the test resolves by hand, so the order things end in is the test's, not the clock's. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

test('results come back in the items order, at most `workers` under way at once', async () => {
  const gates = [gate(), gate(), gate(), gate()];
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const heard: number[] = [];
  const done = sideBySide(
    [0, 1, 2, 3],
    2,
    async (k) => {
      started.push(k);
      running += 1;
      most = Math.max(most, running);
      await gates[k]!.opened;
      running -= 1;
      return k * 10;
    },
    (_result, k) => heard.push(k),
  );
  await Promise.resolve();
  assert.deepEqual(started, [0, 1]);
  gates[1]!.open();
  // Item 1 ended first: its worker takes item 2 while item 0 still runs.
  while (started.length < 3) await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(started, [0, 1, 2]);
  gates[0]!.open();
  gates[3]!.open();
  gates[2]!.open();
  assert.deepEqual(await done, [0, 10, 20, 30]);
  assert.equal(most, 2);
  assert.deepEqual(heard.slice(0, 2), [1, 0]);
});

test('after a failure nothing more starts, the item under way finishes, and the first error is thrown', async () => {
  const slow = gate();
  const started: number[] = [];
  const done = sideBySide([0, 1, 2, 3], 2, async (k) => {
    started.push(k);
    if (k === 0) await slow.opened;
    if (k === 1) throw new Error('organiser 1 refused');
    return k;
  });
  const finished = assert.rejects(done, /organiser 1 refused/);
  slow.open();
  await finished;
  assert.deepEqual(started, [0, 1]);
});

test('no items: no work and an empty answer', async () => {
  assert.deepEqual(await sideBySide([], 4, async () => 1), []);
});

test('workersFor: one per core on PostgreSQL, one on PGlite', () => {
  assert.equal(workersFor('postgres', 2), 2);
  assert.equal(workersFor('postgres', 8), 8);
  assert.equal(workersFor('postgres', 0), 1);
  assert.equal(workersFor('pglite', 8), 1);
});
