/**
 * A second region for the events' tests: the access fixtures' coordinator (`region`) is Västra Götaland's; this adds a
 * synthetic Skövde kommun (municipality 1496, in Skaraborg) and its coordinator `skaraborg`, signing in with the demo
 * password, so a test can show that one region's coordinator reaches nothing of the other's.
 */
import type { DbOrTx } from '../../db/client.ts';
import { organisers } from '../../db/schema/index.ts';
import { demoPassword } from '../auth/demo-accounts.ts';
import { grantRole, upsertAccount } from '../accounts/manage.ts';

export const skaraborgCoordinator = 'skaraborg';
const skovde = { id: 'c0000000-0000-4000-8000-000000001496', organisationNumber: '2120001652' };

/** Adds Skövde kommun and Skaraborg's coordinator account (idempotent for the organiser). */
export async function addSkaraborgCoordinator(db: DbOrTx): Promise<void> {
  await db
    .insert(organisers)
    .values({ ...skovde, name: 'Skövde kommun', kind: 'municipal', municipalityCode: '1496' })
    .onConflictDoNothing();
  await upsertAccount(db, { username: skaraborgCoordinator, displayName: 'Samordnare Skaraborg', password: demoPassword });
  await grantRole(db, {
    username: skaraborgCoordinator,
    role: 'region-coordinator',
    organiser: skovde.organisationNumber,
    regionSlug: 'skaraborg',
  });
}
