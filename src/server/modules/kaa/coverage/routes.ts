/**
 * Coverage at a glance (youth-register.read): the municipality's counts per half-year, protected (figures.ts). Counts
 * only, so no access-log row: no young person's data is read out.
 */
import { sql } from 'drizzle-orm';
import { coverageApi } from '../../../../shared/kaa/coverage.ts';
import { halfYearName, halfYearOf, previousHalfYear } from '../../../../shared/kaa/report.ts';
import { kaaDeregistrationReasons } from '../../../../shared/kaa/codes.ts';
import { queryRows, type DbOrTx } from '../../../db/client.ts';
import { dateOf } from '../../../platform/dates.ts';
import { routeFor, type RouteDefinition } from '../../../platform/routes.ts';
import { labelOf, scbCodes } from '../report/codes.ts';
import { actorArea } from '../report/load.ts';
import { countHalf, protectCoverage, type CoverageYouth } from './figures.ts';

/** The reasons for leaving that are shown (a dismissal was never in the group). */
export const shownReasons = kaaDeregistrationReasons.filter((r) => r !== 'dismissed');

/** One tenant's register as coverage needs it. */
export async function loadCoverageYouths(db: DbOrTx, tenantId: string): Promise<CoverageYouth[]> {
  const rows = await queryRows<{ youth_id: string; registered_on: string; deregistered_on: string | null; deregistration_reason: string | null }>(
    db,
    sql`SELECT youth_id, registered_on::text AS registered_on, deregistered_on::text AS deregistered_on, deregistration_reason
          FROM kaa_registrations WHERE tenant_id = ${tenantId}::uuid`,
  );
  const reached = await queryRows<{ youth_id: string; contacted_on: string }>(
    db,
    sql`SELECT youth_id, contacted_on::text AS contacted_on FROM kaa_contacts WHERE tenant_id = ${tenantId}::uuid AND outcome = 'reached'`,
  );
  const measures = await queryRows<{ youth_id: string; start_date: string; end_date: string | null; outcome: string | null }>(
    db,
    sql`SELECT youth_id, start_date::text AS start_date, end_date::text AS end_date, outcome FROM kaa_measures WHERE tenant_id = ${tenantId}::uuid`,
  );
  const youths = new Map<string, CoverageYouth>();
  const of = (id: string) => {
    let y = youths.get(id);
    if (!y) youths.set(id, (y = { periods: [], reachedOn: [], measures: [] }));
    return y;
  };
  for (const r of rows) of(r.youth_id).periods.push({ registeredOn: r.registered_on, deregisteredOn: r.deregistered_on, deregistrationReason: r.deregistration_reason });
  for (const c of reached) youths.get(c.youth_id)?.reachedOn.push(c.contacted_on);
  for (const m of measures) youths.get(m.youth_id)?.measures.push({ startDate: m.start_date, endDate: m.end_date, outcome: m.outcome });
  return [...youths.values()];
}

/** The half-years from `from` to `to`, oldest first (at most 20). */
export function halvesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let h = to; h >= from && out.length < 20; h = previousHalfYear(h)) out.unshift(h);
  return out;
}

export function coverageRoutes(): RouteDefinition[] {
  return [
    routeFor(coverageApi.read, {
      permission: 'youth-register.read',
      async handler({ query, ctx, tx }) {
        const area = await actorArea(tx, ctx, 'youth-register.read');
        const today = dateOf(ctx.now);
        const to = query.to ?? halfYearOf(today);
        const from = query.from ?? previousHalfYear(previousHalfYear(previousHalfYear(to)));
        const youths = await loadCoverageYouths(tx, area.tenantId);
        const codes = scbCodes();
        return {
          area: area.organiserName,
          asOf: today,
          halves: halvesBetween(from, to).map((half) => {
            const p = protectCoverage(countHalf(youths, half), shownReasons);
            return {
              half,
              name: { sv: halfYearName(half, 'sv'), en: halfYearName(half, 'en') },
              figures: p.figures,
              deregisteredBy: p.deregisteredBy.map((r) => ({ reason: labelOf(codes, 'endReasons', { key: r.reason }), cell: r.cell })),
            };
          }),
        };
      },
    }),
  ];
}
