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
  return (await loadCoverageRegisters(db, [tenantId])).get(tenantId) ?? [];
}

/**
 * Several tenants' registers as coverage needs them (a region's organisers), in one statement: each tenant's young
 * people are its own, keyed by tenant, and never joined across tenants.
 */
export async function loadCoverageRegisters(db: DbOrTx, tenantIds: readonly string[]): Promise<Map<string, CoverageYouth[]>> {
  const out = new Map<string, CoverageYouth[]>();
  if (tenantIds.length === 0) return out;
  const tenants = `{${tenantIds.join(',')}}`;
  const rows = await queryRows<{ kind: 'p' | 'c' | 'm'; tenant_id: string; youth_id: string; a: string; b: string | null; c: string | null }>(
    db,
    sql`SELECT 'p' AS kind, tenant_id::text AS tenant_id, youth_id::text AS youth_id, registered_on::text AS a, deregistered_on::text AS b,
               deregistration_reason AS c
          FROM kaa_registrations WHERE tenant_id = ANY(${tenants}::uuid[])
        UNION ALL
        SELECT 'c', tenant_id::text, youth_id::text, contacted_on::text, NULL, NULL
          FROM kaa_contacts WHERE tenant_id = ANY(${tenants}::uuid[]) AND outcome = 'reached'
        UNION ALL
        SELECT 'm', tenant_id::text, youth_id::text, start_date::text, end_date::text, outcome
          FROM kaa_measures WHERE tenant_id = ANY(${tenants}::uuid[])`,
  );
  const youths = new Map<string, CoverageYouth>();
  const key = (r: { tenant_id: string; youth_id: string }) => `${r.tenant_id}|${r.youth_id}`;
  // The registration periods first: a contact or measure counts only for a young person with a period.
  for (const r of rows) {
    if (r.kind !== 'p') continue;
    let y = youths.get(key(r));
    if (!y) {
      youths.set(key(r), (y = { periods: [], reachedOn: [], measures: [] }));
      const list = out.get(r.tenant_id);
      if (list) list.push(y);
      else out.set(r.tenant_id, [y]);
    }
    y.periods.push({ registeredOn: r.a, deregisteredOn: r.b, deregistrationReason: r.c });
  }
  for (const r of rows) {
    if (r.kind === 'c') youths.get(key(r))?.reachedOn.push(r.a);
    else if (r.kind === 'm') youths.get(key(r))?.measures.push({ startDate: r.a, endDate: r.b, outcome: r.c });
  }
  return out;
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
