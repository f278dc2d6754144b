import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../test/support/database.ts';
import { cliErrorMessage } from './error-message.ts';

test('a database error is printed by its code, never with its values; our own messages stay as written', async () => {
  const database = await createTestDatabase();
  const secret = '19121212-1212 Storgatan 1';
  const error = await database.db.execute(sql`SELECT ${secret}::int`).then(
    () => null,
    (e: unknown) => e,
  );
  assert.ok(error, 'the query fails');
  const message = cliErrorMessage(error);
  assert.ok(!message.includes('19121212') && !message.includes('Storgatan'), message);
  assert.match(message, /22P02/);
  assert.equal(cliErrorMessage(new Error('Mappen finns inte: ./x')), 'Mappen finns inte: ./x');
  assert.equal(
    cliErrorMessage(new Error(`Failed query: select $1\nparams: ${secret}`)),
    'databasen avvisade en åtgärd. Inga värden visas.',
  );
});
