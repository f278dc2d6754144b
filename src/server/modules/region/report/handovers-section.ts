/**
 * Handovers between schools (the handovers module): per municipality the handovers its organisers sent in the month,
 * those of them confirmed by the receiver, those overdue at the month's end (`handoverCounts`), and those its
 * organisers received in the month — protected as one grid with the region's total.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { handoverCounts } from '../../handovers/overview.ts';
import { both, protectGrid } from '../grid.ts';
import { tenantIdList, tenantsOf, type SectionProvider } from './section.ts';

export const handoversSection: SectionProvider = {
  key: 'handovers',
  title: both('Överlämningar mellan skolor', 'Handovers between schools'),
  async build(scope) {
    const tenants = tenantsOf(scope);
    if (tenants.length === 0) return { tables: [] };
    const list = tenantIdList(tenants);
    const received = await queryRows<{ tenant_id: string; n: number }>(
      scope.db,
      sql`SELECT tenant_id, count(*)::int AS n FROM handovers
           WHERE tenant_id IN (${list}) AND direction = 'received'
             AND delivered_at >= ${scope.from}::date AND delivered_at < ${scope.to}::date + 1
           GROUP BY tenant_id`,
    );
    const rows = [];
    for (const m of scope.municipalities) {
      const counts = await handoverCounts(scope.db, m.tenantIds, scope.month);
      const got = received.filter((r) => m.tenantIds.includes(r.tenant_id)).reduce((s, r) => s + r.n, 0);
      rows.push({ label: both(m.name, m.name), counts: [counts.sent, counts.confirmed, got, counts.overdue] });
    }
    return {
      tables: [
        protectGrid({
          caption: both('Överlämningar skickade, bekräftade, mottagna och försenade', 'Handovers sent, confirmed, received and overdue'),
          columns: [
            both('Skickade under månaden', 'Sent in the month'),
            both('Av dem bekräftade', 'Of them confirmed'),
            both('Mottagna under månaden', 'Received in the month'),
            both('Försenade vid månadens slut', 'Overdue at the end of the month'),
          ],
          rows,
          total: both(`${scope.region.nameSv} totalt`, `${scope.region.nameEn} in all`),
          partOf: [[1, 0]],
        }),
      ],
      note: both(
        'Försenade: inte skickade i tid, eller inte bekräftade av den mottagande skolan i tid.',
        'Overdue: not sent in time, or not confirmed by the receiving school in time.',
      ),
    };
  },
};
