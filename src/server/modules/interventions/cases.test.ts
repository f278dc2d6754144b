import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { cases } from '../../db/schema/index.ts';
import { isOpenCaseConflict } from './cases.ts';

test("a second open case for a student is recognised as the open-case index's violation (the 409), other violations are not", async () => {
  const database = await createTestDatabase();
  const tenantId = randomUUID();
  const studentId = randomUUID();
  const row = (id: string, status: 'opened' | 'closed') => ({
    tenantId,
    id,
    studentId,
    schoolUnitId: randomUUID(),
    status,
    level: 'preventing' as const,
    reason: 'x',
    openedFrom: 'manual' as const,
    responsibleId: randomUUID(),
    openedOn: '2024-10-01',
    openedBy: randomUUID(),
  });
  const first = randomUUID();
  await database.db.insert(cases).values(row(first, 'opened'));
  await database.db.insert(cases).values(row(randomUUID(), 'closed'));
  const caught = async (write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      return error;
    }
    assert.fail('the insert should have been refused');
  };
  assert.equal(isOpenCaseConflict(await caught(() => database.db.insert(cases).values(row(randomUUID(), 'opened')))), true);
  assert.equal(
    isOpenCaseConflict(await caught(() => database.db.insert(cases).values(row(first, 'closed')))),
    false,
    'a duplicate id is another error',
  );
});
