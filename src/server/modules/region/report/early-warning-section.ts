/** Early detection: students assessed and their support tier at the month's end per municipality, and the trend. */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { both, protectGrid } from '../grid.ts';
import { monthName } from '../../../../shared/region/contract.ts';
import { monthBounds, previousMonth, tenantIdList, tenantsOf, type SectionProvider, type SectionScope } from './section.ts';

const columns = [both('Bedömda elever', 'Students assessed'), both('Nivå 1', 'Tier 1'), both('Nivå 2', 'Tier 2'), both('Nivå 3', 'Tier 3')];

/** Per tenant, the count per tier on the last weekly assessment up to `date`. */
async function tiersOn(scope: SectionScope, date: string): Promise<Map<string, number[]>> {
  const tenants = tenantsOf(scope);
  const out = new Map<string, number[]>();
  if (tenants.length === 0) return out;
  const rows = await queryRows<{ tenant_id: string; tier: number; n: number }>(
    scope.db,
    sql`
    SELECT h.tenant_id, h.tier, count(*)::int AS n FROM student_risk_history h
      JOIN (SELECT tenant_id, max(as_of) AS as_of FROM student_risk_history
             WHERE tenant_id IN (${tenantIdList(tenants)}) AND as_of <= ${date}::date AND as_of > ${date}::date - 35
             GROUP BY tenant_id) last ON last.tenant_id = h.tenant_id AND last.as_of = h.as_of
     GROUP BY h.tenant_id, h.tier`,
  );
  for (const r of rows) {
    const counts = out.get(r.tenant_id) ?? [0, 0, 0, 0];
    counts[0]! += r.n;
    counts[r.tier]! += r.n;
    out.set(r.tenant_id, counts);
  }
  return out;
}

const sumOver = (tenantIds: string[], byTenant: Map<string, number[]>) =>
  [0, 1, 2, 3].map((i) => tenantIds.reduce((sum, t) => sum + (byTenant.get(t)?.[i] ?? 0), 0));

export const earlyWarningSection: SectionProvider = {
  key: 'early-warning',
  title: both('Tidig upptäckt: stödnivåer', 'Early detection: support tiers'),
  async build(scope) {
    const now = await tiersOn(scope, scope.to);
    const current = protectGrid({
      caption: both('Elever per stödnivå vid månadens slut', 'Students per support tier at the end of the month'),
      columns,
      rows: scope.municipalities.map((m) => ({ label: both(m.name, m.name), counts: sumOver(m.tenantIds, now) })),
      total: both(`${scope.region.nameSv} totalt`, `${scope.region.nameEn} in all`),
      sumsTo: [[[1, 2, 3], 0]],
    });
    const months: string[] = [scope.month];
    while (months.length < 6) months.unshift(previousMonth(months[0]!));
    const trendRows = [];
    for (const m of months) {
      const byTenant = m === scope.month ? now : await tiersOn(scope, monthBounds(m).to);
      trendRows.push({ label: monthName(m), counts: sumOver(tenantsOf(scope), byTenant) });
    }
    const trend = protectGrid({
      caption: both('Utvecklingen i regionen, sex månader', 'The trend in the region, six months'),
      columns,
      rows: trendRows,
      sumsTo: [[[1, 2, 3], 0]],
    });
    return { tables: [current, trend] };
  },
};
