import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kaaRegistrations, kaaYouth } from '../../../db/schema/index.ts';
import { accountId, friskola, kommun, loadAccessFixtures } from '../../../../../test/support/access.ts';
import { createTestDatabase } from '../../../../../test/support/database.ts';
import { seedRegister } from '../report/test-fixtures.ts';
import { coverageAcross } from './regional.ts';

const database = await createTestDatabase();
await loadAccessFixtures(database);
await seedRegister(database.db, await accountId(database, 'kaa'));
// Two more young people in a second register (here the other fixture tenant), in the group from 2024-08-20.
for (const [n, civicNo] of ['200701082380', '200701092389'].entries()) {
  const id = `e1000000-0000-4000-8000-00000000000${n + 1}`;
  await database.db.insert(kaaYouth).values({
    tenantId: friskola,
    id,
    civicNo,
    civicNoKind: 'personnummer',
    givenName: 'Annan',
    familyName: `Kommun${n}`,
    birthDate: '2007-01-08',
    inGroup: true,
  });
  await database.db
    .insert(kaaRegistrations)
    .values({ tenantId: friskola, youthId: id, registeredOn: '2024-08-20', registrationReason: 'never-started', registrationSource: 'automatic' });
}

test('across municipalities: each register counted apart, the sums protected (3 + 2 shown as 5, each alone hidden)', async () => {
  const [alone] = await coverageAcross(database.db, [kommun], ['2024H2']);
  assert.deepEqual(alone?.figures.inGroup, { value: null, suppressed: 'small' });
  const [both] = await coverageAcross(database.db, [kommun, friskola], ['2024H2']);
  assert.deepEqual(both?.figures.inGroup, { value: 5, suppressed: null });
  assert.equal(both?.figures.contacted.value, null, 'two reached: hidden');
  const [earlier] = await coverageAcross(database.db, [kommun, friskola], ['2024H1']);
  assert.deepEqual(earlier?.figures.inGroup, { value: 0, suppressed: null });
});
