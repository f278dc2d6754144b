import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { importSs12000, fileSource } from '../../../ingest/ss12000/index.ts';
import { fixtureDir } from '../../../ingest/ss12000/test-helpers.ts';
import { queryRows } from '../../db/client.ts';
import { roleNames } from '../../../shared/access/roles.ts';
import { createDemoAccounts } from './demo-accounts.ts';

test('demo accounts derive their scopes from the imported fixtures, and a second run changes nothing', async () => {
  const database = await createTestDatabase();
  await importSs12000(database, fileSource(fixtureDir('kommun')));
  await importSs12000(database, fileSource(fixtureDir('friskola')));
  const first = await createDemoAccounts(database, { asOf: '2024-10-01' });
  const byRole = Object.fromEntries(first.map((a) => [a.role, a]));
  assert.equal(first.length, roleNames.length, 'one account per role');
  assert.ok(
    first.every((a) => a.tenantId === 'a0000000-0000-4000-8000-000000000001'),
    'the larger organiser',
  );
  assert.equal(byRole.mentor?.personId, 'd0000000-0000-4000-8000-000000000005', 'Tor, mentor of NA23A');
  assert.equal(byRole.teacher?.personId, 'd0000000-0000-4000-8000-000000000005', 'Tor teaches the activity');
  assert.deepEqual(byRole.kurator?.unitIds, ['a0000000-0000-4000-8000-000000000002'], 'no kurator duty: the largest unit');
  assert.equal(byRole.kaa?.municipalityCode, '1480');
  assert.equal(byRole.admin?.username, 'admin');
  assert.equal(byRole.dpo?.username, 'dataskydd');

  const second = await createDemoAccounts(database, { asOf: '2024-10-01' });
  assert.deepEqual(second, first);
  const [counts] = await queryRows<{ accounts: number; assignments: number; hashed: number }>(
    database.db,
    sql`
    SELECT (SELECT count(*)::int FROM accounts) AS accounts, (SELECT count(*)::int FROM role_assignments) AS assignments,
           (SELECT count(*)::int FROM accounts WHERE password_hash LIKE '$argon2id$%') AS hashed`,
  );
  const n = roleNames.length;
  assert.deepEqual(counts, { accounts: n, assignments: n, hashed: n });
});
