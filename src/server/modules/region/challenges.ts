/**
 * The region's published challenges (the challenges map, docs/region-network.md) counted by municipality and focus
 * area, so the node can plan its work. Challenges are organisations' descriptions without personal data, moderated
 * before they are published: counts of them are not suppressed.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { FigureTable } from '../../../shared/region/contract.ts';
import { focusAreas } from '../../../shared/knowledge-bank/vocabulary.ts';
import { label } from '../knowledge-bank/pages/texts.ts';
import { both } from './grid.ts';
import type { Region, RegionMunicipality } from './store.ts';

/** Published challenges per municipality (rows, then the region's total) and focus area (columns, then all). */
export async function challengesTable(db: DbOrTx, region: Region, municipalities: readonly RegionMunicipality[]): Promise<FigureTable> {
  const rows = await queryRows<{ municipality_code: string; focus_area: string; n: number }>(
    db,
    sql`SELECT c.municipality_code, c.focus_area, count(*)::int AS n FROM challenges c
         WHERE c.status = 'published'
           AND c.municipality_code IN (SELECT municipality_code FROM region_municipalities WHERE region_id = ${region.id}::uuid)
         GROUP BY c.municipality_code, c.focus_area`,
  );
  const n = (value: number) => ({ value, suppressed: null });
  const countsOf = (codes: readonly string[]) => {
    const by = focusAreas.map((f) =>
      rows.filter((r) => r.focus_area === f && codes.includes(r.municipality_code)).reduce((s, r) => s + r.n, 0),
    );
    return [...by, by.reduce((s, v) => s + v, 0)].map(n);
  };
  return {
    caption: both('Publicerade utmaningar per kommun och inriktning', 'Published challenges by municipality and focus area'),
    columns: [...focusAreas.map((f) => both(label('sv', 'focus', f), label('en', 'focus', f))), both('Alla', 'All')],
    rows: [
      ...municipalities.map((m) => ({ label: both(m.name, m.name), total: false, cells: countsOf([m.code]) })),
      {
        label: both(`${region.nameSv} totalt`, `${region.nameEn} in all`),
        total: true,
        cells: countsOf(municipalities.map((m) => m.code)),
      },
    ],
  };
}
