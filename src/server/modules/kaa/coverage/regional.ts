/**
 * Coverage across several municipalities (a region's network, the later regional view): each tenant's register is
 * counted on its own — tenants never join — the counts are summed, and only the sums are protected and returned. No
 * young person and no single municipality's small count leaves this function.
 */
import type { DbOrTx } from '../../../db/client.ts';
import { loadCoverageYouths, shownReasons } from './routes.ts';
import { combineAreas, countHalf, protectCoverage, type CoverageYouth, type ProtectedCoverage } from './figures.ts';

/** The protected sums of the tenants' coverage, per half-year (in the order given). */
export async function coverageAcross(
  db: DbOrTx,
  tenantIds: readonly string[],
  halves: readonly string[],
): Promise<({ half: string } & ProtectedCoverage)[]> {
  const registers: CoverageYouth[][] = [];
  for (const tenantId of tenantIds) registers.push(await loadCoverageYouths(db, tenantId));
  return halves.map((half) => ({ half, ...protectCoverage(combineAreas(registers.map((r) => countHalf(r, half))), shownReasons) }));
}
