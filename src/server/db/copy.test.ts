import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from './client.ts';
import { csvLine, transactionCopy } from './copy.ts';

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
