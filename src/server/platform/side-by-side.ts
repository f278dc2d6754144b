import { availableParallelism } from 'node:os';

/**
 * Work items taken `workers` at a time, each as the previous one of its worker ends: the nightly jobs' organisers and
 * municipalities, each on its own connection on PostgreSQL. Results come back in the items' order; `onEach` hears each
 * as it ends. After a failure no further item starts; the ones under way finish (or roll back), then the first error
 * is thrown.
 */
export async function sideBySide<T, R>(
  items: readonly T[],
  workers: number,
  run: (item: T) => Promise<R>,
  onEach?: (result: R, item: T) => void,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const k = next++;
      try {
        out[k] = await run(items[k]!);
      } catch (error) {
        failed = true;
        throw error;
      }
      onEach?.(out[k], items[k]!);
    }
  };
  const count = Math.max(1, Math.min(workers, items.length));
  const ended = await Promise.allSettled(Array.from({ length: count }, worker));
  const error = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected');
  if (error) throw error.reason;
  return out;
}

/**
 * How many items to take side by side: one per CPU core on PostgreSQL, where each gets its own connection and backend
 * (the pool holds more, `poolSize`); one on PGlite, whose single connection would only take them in turn.
 */
export function workersFor(kind: 'pglite' | 'postgres', cores = availableParallelism()): number {
  return kind === 'postgres' ? Math.max(1, cores) : 1;
}
