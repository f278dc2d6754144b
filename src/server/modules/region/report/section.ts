/**
 * The monthly report's sections as a list of providers: each builds its part from live data for the region and each
 * of its municipalities, aggregates only, through the disclosure helper. Other modules add a provider to
 * `providers.ts` (one line); a provider whose month has no data says so (`emptySection`).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import type { FigureTable, RegionLabel, ReportSection } from '../../../../shared/region/contract.ts';
import type { Region, RegionMunicipality } from '../store.ts';

/** What a section is built for: the region, its municipalities (with their organisers) and the month's bounds. */
export interface SectionScope {
  db: DbOrTx;
  region: Region;
  municipalities: RegionMunicipality[];
  /** `YYYY-MM`. */
  month: string;
  /** The month's first and last day. */
  from: string;
  to: string;
}

export interface SectionProvider {
  key: string;
  title: RegionLabel;
  build(scope: SectionScope): Promise<{ tables: FigureTable[]; note?: RegionLabel | null }>;
}

const noData: RegionLabel = { sv: 'Inga uppgifter för den här månaden.', en: 'No data for this month.' };

/** Builds one section; one with no table or only zeros says that the month has no data. */
export async function buildSection(provider: SectionProvider, scope: SectionScope): Promise<ReportSection> {
  const { tables, note } = await provider.build(scope);
  const anything = tables.some((t) => t.rows.some((r) => r.cells.some((c) => c.value !== 0)));
  return {
    key: provider.key,
    title: provider.title,
    empty: !anything,
    note: anything ? (note ?? null) : noData,
    tables: anything ? tables : [],
  };
}

/** Every tenant of the region's municipalities. */
export const tenantsOf = (scope: SectionScope): string[] => scope.municipalities.flatMap((m) => m.tenantIds);

/** The tenants as an SQL list of uuids, for `tenant_id IN (…)`. */
export const tenantIdList = (tenants: string[]): SQL =>
  sql.join(
    tenants.map((t) => sql`${t}::uuid`),
    sql`, `,
  );

/** The first and last day of `YYYY-MM`. */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}
