/**
 * The region's KAA coverage (issue #13 item 6 and 8): per municipality and half-year — in the target group, contacted,
 * in a measure, ended a measure, outcome known, left the group — with the region's total, protected as one table
 * (grid.ts), so neither a municipality's small count nor one worked out from the total leaves. Each tenant's register
 * is counted on its own (the KAA coverage module's loader and counter; tenants never join). Counts only: no access-log
 * row, as no young person's data is read out.
 */
import type { DbOrTx } from '../../db/client.ts';
import { coverageFigureLabels, coverageFigureNames } from '../../../shared/kaa/coverage.ts';
import type { FigureTable } from '../../../shared/region/contract.ts';
import { combineAreas, countHalf, type CoverageYouth } from '../kaa/coverage/figures.ts';
import { loadCoverageRegisters } from '../kaa/coverage/routes.ts';
import { both, protectGrid } from './grid.ts';
import type { Region, RegionMunicipality } from './store.ts';

/** Each municipality's registers (all its organisers'), loaded once for several half-years, in one statement. */
export async function loadRegisters(db: DbOrTx, municipalities: readonly RegionMunicipality[]): Promise<CoverageYouth[][][]> {
  const registers = await loadCoverageRegisters(
    db,
    municipalities.flatMap((m) => m.tenantIds),
  );
  return municipalities.map((m) => m.tenantIds.map((tenantId) => registers.get(tenantId) ?? []));
}

/** The protected table of one half-year. */
export function coverageTable(
  region: Region,
  municipalities: readonly RegionMunicipality[],
  registers: CoverageYouth[][][],
  half: string,
): FigureTable {
  const index = (name: (typeof coverageFigureNames)[number]) => coverageFigureNames.indexOf(name);
  return protectGrid({
    caption: both('Aktivitetsansvaret per kommun', 'The activity responsibility per municipality'),
    columns: coverageFigureNames.map((n) => coverageFigureLabels[n]),
    rows: municipalities.map((m, i) => {
      const counts = combineAreas(registers[i]!.map((r) => countHalf(r, half)));
      return { label: both(m.name, m.name), counts: coverageFigureNames.map((n) => counts[n]) };
    }),
    total: both(`${region.nameSv} totalt`, `${region.nameEn} in all`),
    partOf: [
      [index('contacted'), index('inGroup')],
      [index('inMeasure'), index('inGroup')],
      [index('measureEnded'), index('inGroup')],
      [index('deregistered'), index('inGroup')],
      [index('outcomeKnown'), index('measureEnded')],
    ],
  });
}
