/** Import runs: the state a hard kill (SIGKILL, power loss) leaves behind, which no clean stop produces. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../src/server/db/client.ts';
import { importErrors, importRuns } from '../../../src/server/db/schema/index.ts';

/** Turns an organiser's runs back into 'running' with no end and no recorded errors, as if the process had been killed. */
export async function leaveRunsAsIfKilled(db: DbOrTx, tenantId: string): Promise<void> {
  await db.update(importRuns).set({ status: 'running', finishedAt: null }).where(eq(importRuns.tenantId, tenantId));
  await db.delete(importErrors).where(eq(importErrors.tenantId, tenantId));
}

/** Forgets every earlier import run and its errors (all organisers), so the next run starts over instead of resuming. */
export async function clearImportRuns(db: DbOrTx): Promise<void> {
  await db.delete(importErrors);
  await db.delete(importRuns);
}
