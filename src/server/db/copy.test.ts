import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from './client.ts';
import { csvLine, transactionCopy, transactionCopyStream } from './copy.ts';

const database = await createTestDatabase();

test('COPY on a transaction’s connection: only inside a transaction, into its temporary table', async () => {
  assert.equal(transactionCopy(database.db), null, 'outside a transaction there is no connection of its own');
  const rows = await database.db.transaction(async (tx) => {
    const copy = transactionCopy(tx);
    assert.ok(copy);
    await tx.execute(sql`create temporary table copy_check (a uuid, b text[], c jsonb, d float8, e text, f boolean) on commit drop`);
    await copy(
      'copy_check',
      ['a', 'b', 'c', 'd', 'e', 'f'],
      [
        csvLine([
          '00000000-0000-4000-8000-000000000001',
          ['x,y', 'z"q', 'a\\b', '{}'],
          JSON.stringify([{ k: 'v,"w\n' }]),
          0.1 + 0.2,
          null,
          true,
        ]),
        csvLine(['00000000-0000-4000-8000-000000000002', [], JSON.stringify({}), Number.NaN, 'Åsa, "Ö"', false]),
      ].join(''),
    );
    return queryRows<Record<string, unknown>>(tx, sql`select a, b, c, d, e, f from copy_check order by a`);
  });
  assert.deepEqual(rows, [
    { a: '00000000-0000-4000-8000-000000000001', b: ['x,y', 'z"q', 'a\\b', '{}'], c: [{ k: 'v,"w\n' }], d: 0.1 + 0.2, e: null, f: true },
    { a: '00000000-0000-4000-8000-000000000002', b: [], c: {}, d: null, e: 'Åsa, "Ö"', f: false },
  ]);
});

test('a COPY fed in parts takes every part; aborted half-way, it leaves the connection free for the rollback', async () => {
  const rows = await database.db.transaction(async (tx) => {
    const open = transactionCopyStream(tx);
    assert.ok(open);
    await tx.execute(sql`create temporary table copy_parts (n int, s text) on commit drop`);
    const copy = open('copy_parts', ['n', 's']);
    for (let part = 0; part < 3; part++) await copy.write(csvLine([part, `del ${part}, "${part}"`]) + csvLine([part + 10, null]));
    await copy.end();
    return queryRows<{ n: number; s: string | null }>(tx, sql`select n, s from copy_parts order by n`);
  });
  assert.deepEqual(rows, [
    { n: 0, s: 'del 0, "0"' },
    { n: 1, s: 'del 1, "1"' },
    { n: 2, s: 'del 2, "2"' },
    { n: 10, s: null },
    { n: 11, s: null },
    { n: 12, s: null },
  ]);

  await assert.rejects(
    database.db.transaction(async (tx) => {
      await tx.execute(sql`create table copy_aborted (n int)`);
      const copy = transactionCopyStream(tx)!('copy_aborted', ['n']);
      await copy.write(csvLine([1]));
      await copy.abort();
      throw new Error('the caller failed half-way');
    }),
    /the caller failed half-way/,
  );
  const [left] = await queryRows<{ exists: boolean }>(database.db, sql`select to_regclass('copy_aborted') is not null as exists`);
  assert.equal(left?.exists, false, 'rolled back');

  await assert.rejects(
    database.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table copy_bad (n int) on commit drop`);
      const copy = transactionCopyStream(tx)!('copy_bad', ['n']);
      await copy.write(csvLine(['ett']));
      await copy.end();
    }),
    (error: Error) => /integer/.test(error.message),
  );
  const [after] = await queryRows<{ one: number }>(database.db, sql`select 1 as one`);
  assert.equal(after?.one, 1, 'the database answers after a failed COPY');
});
