import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { queryRows } from './client.ts';
import { columnIndexes, copyOut, copyOutEach, inlined, type CopiedFields } from './copy-out.ts';

const database = await createTestDatabase();

/** Each row as an object of its named columns. */
const asObjects = (columns: readonly string[]) => (fields: CopiedFields) => Object.fromEntries(columns.map((name, i) => [name, fields[i]]));

test('rows read through COPY: every field as the server wrote it, escapes undone, NULL as null, values written in as literals', async () => {
  const awkward = `tab\there, line\nbreak, back\\slash, quote ' and "double", Åsa Öberg 🙂`;
  const rows = await copyOut(
    database.db,
    sql`
    select ${awkward}::text as text, null::text as nothing, ${'1e-3'}::float8 as small, 0.1::float8 + 0.2::float8 as sum,
      true as yes, false as no, ${'2025-10-06'}::date as day, ${42}::int as n
    union all select '', '\\N', 1, 2, false, true, '2026-01-01', -1`,
    asObjects,
  );
  assert.deepEqual(rows, [
    { text: awkward, nothing: null, small: '0.001', sum: String(0.1 + 0.2), yes: 't', no: 'f', day: '2025-10-06', n: '42' },
    // An empty text is not NULL, nor is the text "\N".
    { text: '', nothing: '\\N', small: '1', sum: '2', yes: 'f', no: 't', day: '2026-01-01', n: '-1' },
  ]);
  // The literals are the values bound: a quote or backslash in one cannot end it.
  assert.match(inlined(sql`select ${"x' or 1=1 --"} as v`), /^select (E?)'x'' or 1=1 --' as v$/);
  assert.throws(() => inlined(sql`select ${new Date(0)} as v`), /value 1 of the query is not a string/);
});

test('a row longer than one network chunk, with characters of several bytes across the chunks, arrives whole', async () => {
  const [row] = await copyOut(database.db, sql`select repeat('åäö🙂', 100000) as long, 'end' as after`, asObjects);
  assert.equal(row?.long, 'åäö🙂'.repeat(100000));
  assert.equal(row?.after, 'end');
});

test('inside a transaction it sees the transaction’s own rows; a reader or `each` that fails leaves the connection usable', async () => {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`create temporary table copy_out_check (k int, v text) on commit drop`);
    await tx.execute(sql`insert into copy_out_check select g, 'v' || g from generate_series(1, 5000) g`);
    const rows = await copyOut(tx, sql`select k, v from copy_out_check order by k`, (columns) => {
      const c = columnIndexes(columns, ['k', 'v']);
      return (f) => ({ k: Number(f[c.k]), v: f[c.v] });
    });
    assert.equal(rows.length, 5000);
    assert.deepEqual(rows[4999], { k: 5000, v: 'v5000' });
    await assert.rejects(
      copyOut(tx, sql`select k from copy_out_check`, () => (f) => {
        if (f[0] === '2500') throw new Error('reader failed');
        return f[0];
      }),
      /reader failed/,
    );
    const [after] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from copy_out_check`);
    assert.equal(after?.n, 5000, 'the next statement on the same connection runs');
    // Handed over one by one, in the query's order, and counted.
    const seen: number[] = [];
    const count = await copyOutEach(
      tx,
      sql`select k from copy_out_check order by k`,
      () => (f) => Number(f[0]),
      (k) => seen.push(k),
    );
    assert.equal(count, 5000);
    assert.deepEqual(
      seen,
      Array.from({ length: 5000 }, (_, i) => i + 1),
    );
    await assert.rejects(
      copyOutEach(
        tx,
        sql`select k from copy_out_check`,
        () => (f) => f[0],
        (k) => {
          if (k === '4000') throw new Error('each failed');
        },
      ),
      /each failed/,
    );
    const [last] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from copy_out_check`);
    assert.equal(last?.n, 5000, 'after a failing `each` too');
  });
  assert.throws(() => columnIndexes(['a'], ['a', 'b']), /no column b/);
});
