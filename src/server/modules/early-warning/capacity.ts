/** A school unit's capacity: how many students its student-health team can act on at once (the worklist marks them). */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { earlyWarningSettings } from '../../db/schema/index.ts';

/** The capacity of a unit that has none set. */
export const DEFAULT_CAPACITY = 15;

/** Each school unit's capacity, where one is set. */
export async function capacitiesOf(tx: DbOrTx, tenantId: string): Promise<Record<string, number>> {
  const [row] = await tx
    .select({ capacities: earlyWarningSettings.capacities })
    .from(earlyWarningSettings)
    .where(eq(earlyWarningSettings.tenantId, tenantId));
  return row?.capacities ?? {};
}
