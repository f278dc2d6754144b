/**
 * Counts without names (docs/handovers.md): per school unit of the organiser, handovers sent, received, confirmed and
 * overdue; small counts suppressed with their complements (platform/disclosure.ts), since the overview leaves the
 * unit. `handoverCounts` is the region's monthly report's section provider.
 */
import { sql } from 'drizzle-orm';
import type { HandoverOverview } from '../../../shared/handovers/contract.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { protectTable, shown } from '../../platform/disclosure.ts';

interface UnitCounts extends Record<string, unknown> {
  name: string;
  sent: number;
  received: number;
  confirmed: number;
  overdue: number;
}
const measures = ['sent', 'received', 'confirmed', 'overdue'] as const;

/** The organiser's overview as on `today`, suppressed. */
export async function organiserOverview(db: DbOrTx, tenantId: string, today: string): Promise<HandoverOverview> {
  const rows = await queryRows<UnitCounts>(
    db,
    sql`WITH units AS (
          SELECT CASE WHEN direction = 'sent' THEN from_unit_name ELSE to_unit_name END AS name, direction, status, send_by, confirm_by
            FROM handovers WHERE tenant_id = ${tenantId}::uuid AND status IN ('draft', 'sent', 'confirmed'))
        SELECT name,
               count(*) FILTER (WHERE direction = 'sent' AND status <> 'draft')::int AS sent,
               count(*) FILTER (WHERE direction = 'received')::int AS received,
               count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
               count(*) FILTER (WHERE (status = 'draft' AND send_by < ${today}::date) OR (status = 'sent' AND confirm_by < ${today}::date))::int AS overdue
          FROM units GROUP BY name ORDER BY name`,
  );
  const [organiser] = await queryRows<{ name: string }>(db, sql`SELECT name FROM organisers WHERE id = ${tenantId}::uuid`);
  const totals = Object.fromEntries(measures.map((m) => [m, rows.reduce((s, r) => s + r[m], 0)])) as Record<
    (typeof measures)[number],
    number
  >;
  const shownOf = Object.fromEntries(
    measures.map((m) => {
      const cells = [...rows.map((r) => ({ value: r[m] })), { value: totals[m] }];
      const status = protectTable(cells, [{ parts: rows.map((_, i) => i), total: rows.length }]);
      return [m, cells.map((c, i) => shown(c.value, status[i] ?? null))];
    }),
  ) as Record<(typeof measures)[number], (number | null)[]>;
  const at = (i: number, name: string) => ({
    name,
    sent: shownOf.sent[i] ?? null,
    received: shownOf.received[i] ?? null,
    confirmed: shownOf.confirmed[i] ?? null,
    overdue: shownOf.overdue[i] ?? null,
  });
  return {
    organiserName: organiser?.name ?? '',
    total: at(rows.length, 'Totalt'),
    units: rows.map((r, i) => at(i, r.name)),
  };
}

/**
 * For the region's monthly report: handovers sent by `tenantIds` in the month `yyyy-MM`, those of them confirmed, and
 * those overdue at the month's end. Raw counts — the report suppresses them with its own table.
 */
export async function handoverCounts(
  db: DbOrTx,
  tenantIds: readonly string[],
  month: string,
): Promise<{ sent: number; confirmed: number; overdue: number }> {
  if (tenantIds.length === 0) return { sent: 0, confirmed: 0, overdue: 0 };
  const start = `${month}-01`;
  const list = sql.join(
    tenantIds.map((t) => sql`${t}::uuid`),
    sql`, `,
  );
  const [row] = await queryRows<{ sent: number; confirmed: number; overdue: number }>(
    db,
    sql`WITH m AS (SELECT ${start}::date AS s, (${start}::date + interval '1 month')::date AS e)
        SELECT count(*) FILTER (WHERE h.sent_at >= m.s AND h.sent_at < m.e)::int AS sent,
               count(*) FILTER (WHERE h.sent_at >= m.s AND h.sent_at < m.e AND h.confirmed_at IS NOT NULL)::int AS confirmed,
               count(*) FILTER (WHERE (h.sent_at IS NULL AND h.status = 'draft' AND h.send_by < m.e)
                                  OR (h.sent_at < m.e AND h.confirm_by < m.e AND (h.confirmed_at IS NULL OR h.confirmed_at >= m.e)))::int AS overdue
          FROM handovers h, m WHERE h.tenant_id IN (${list}) AND h.direction = 'sent'`,
  );
  return row ?? { sent: 0, confirmed: 0, overdue: 0 };
}
