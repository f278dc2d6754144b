/** Student-health cases opened during the month and follow-ups overdue at its end, per municipality. */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { both, protectGrid } from '../grid.ts';
import { tenantIdList, tenantsOf, type SectionProvider } from './section.ts';

export const casesSection: SectionProvider = {
  key: 'cases',
  title: both('Elevhälsans ärenden', 'Student-health cases'),
  async build(scope) {
    const tenants = tenantsOf(scope);
    if (tenants.length === 0) return { tables: [] };
    const list = tenantIdList(tenants);
    const opened = await queryRows<{ tenant_id: string; n: number }>(
      scope.db,
      sql`SELECT tenant_id, count(*)::int AS n FROM cases
           WHERE tenant_id IN (${list}) AND opened_on BETWEEN ${scope.from}::date AND ${scope.to}::date GROUP BY tenant_id`,
    );
    const overdue = await queryRows<{ tenant_id: string; n: number }>(
      scope.db,
      sql`SELECT tenant_id, count(*)::int AS n FROM intervention_follow_ups
           WHERE tenant_id IN (${list}) AND due_on < ${scope.to}::date AND (done_on IS NULL OR done_on > ${scope.to}::date)
           GROUP BY tenant_id`,
    );
    const sum = (rows: { tenant_id: string; n: number }[], ids: string[]) =>
      rows.filter((r) => ids.includes(r.tenant_id)).reduce((s, r) => s + r.n, 0);
    return {
      tables: [
        protectGrid({
          caption: both('Öppnade ärenden och försenade uppföljningar', 'Cases opened and follow-ups overdue'),
          columns: [
            both('Ärenden öppnade under månaden', 'Cases opened in the month'),
            both('Uppföljningar försenade vid månadens slut', 'Follow-ups overdue at the end of the month'),
          ],
          rows: scope.municipalities.map((m) => ({
            label: both(m.name, m.name),
            counts: [sum(opened, m.tenantIds), sum(overdue, m.tenantIds)],
          })),
          total: both(`${scope.region.nameSv} totalt`, `${scope.region.nameEn} in all`),
        }),
      ],
    };
  },
};
