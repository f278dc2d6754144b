/**
 * Reads one municipality's register for a half-year as the report builder's plain input: every young person with a
 * period in the target group during it (a false positive dismissed is never reported), their contacts that reached
 * them with the occupation current at the time, and their measures with the occupation the outcome names.
 */
import { sql } from 'drizzle-orm';
import { halfYearBounds } from '../../../../shared/kaa/report.ts';
import { queryRows, type DbOrTx } from '../../../db/client.ts';
import type { ActorContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { officerScope } from '../policy.ts';
import { buildReport, type BuiltReport, type ReportYouth } from './build.ts';
import { scbCodes } from './codes.ts';

export interface ReportArea {
  tenantId: string;
  municipality: { code: string; name: string };
  /** The organiser's own name (e.g. «Skövde kommun»). */
  organiserName: string;
}

/** The organiser's municipality (its code and name), or null for an unknown organiser. */
export async function reportArea(db: DbOrTx, tenantId: string): Promise<ReportArea | null> {
  const [row] = await queryRows<{ code: string; name: string; organiser: string }>(
    db,
    sql`SELECT m.code, m.name, o.name AS organiser FROM organisers o JOIN municipalities m ON m.code = o.municipality_code WHERE o.id = ${tenantId}::uuid`,
  );
  return row ? { tenantId, municipality: { code: row.code, name: row.name }, organiserName: row.organiser } : null;
}

/** The young people of one tenant's register in a half-year. */
export async function loadReportYouths(db: DbOrTx, area: ReportArea, half: string): Promise<ReportYouth[]> {
  const { from, to } = halfYearBounds(half);
  const tenant = area.tenantId;
  const periods = await queryRows<{
    youth_id: string;
    given_name: string;
    family_name: string;
    civic_no: string;
    birth_date: string;
    municipality_code: string | null;
    registered_on: string;
    registration_reason: string;
    deregistered_on: string | null;
    deregistration_reason: string | null;
  }>(
    db,
    sql`SELECT DISTINCT ON (y.id) y.id AS youth_id, y.given_name, y.family_name, y.civic_no, y.birth_date::text AS birth_date,
               p.municipality_code, r.registered_on::text AS registered_on, r.registration_reason,
               r.deregistered_on::text AS deregistered_on, r.deregistration_reason
          FROM kaa_registrations r
          JOIN kaa_youth y ON y.tenant_id = r.tenant_id AND y.id = r.youth_id
          LEFT JOIN kaa_population p ON p.tenant_id = y.tenant_id AND p.civic_no = y.civic_no
         WHERE r.tenant_id = ${tenant}::uuid AND r.registered_on <= ${to}::date
           AND (r.deregistered_on IS NULL OR r.deregistered_on >= ${from}::date)
           AND r.deregistration_reason IS DISTINCT FROM 'dismissed'
         ORDER BY y.id, r.registered_on DESC`,
  );
  if (periods.length === 0) return [];
  // The same young people as a subquery, not a list of ids (a region's register would pass PostgreSQL's 65 535 parameters).
  const idList = sql`SELECT r.youth_id FROM kaa_registrations r
     WHERE r.tenant_id = ${tenant}::uuid AND r.registered_on <= ${to}::date
       AND (r.deregistered_on IS NULL OR r.deregistered_on >= ${from}::date)
       AND r.deregistration_reason IS DISTINCT FROM 'dismissed'`;
  const contacts = await queryRows<{ youth_id: string; contacted_on: string }>(
    db,
    sql`SELECT youth_id, contacted_on::text AS contacted_on FROM kaa_contacts
         WHERE tenant_id = ${tenant}::uuid AND youth_id IN (${idList}) AND outcome = 'reached'
           AND contacted_on BETWEEN ${from}::date AND ${to}::date`,
  );
  const occupations = await queryRows<{
    youth_id: string;
    kind: string;
    from_date: string | null;
    to_date: string | null;
    recorded_at: string;
  }>(
    db,
    sql`SELECT youth_id, kind, from_date::text AS from_date, to_date::text AS to_date, recorded_at::text AS recorded_at FROM kaa_occupations
         WHERE tenant_id = ${tenant}::uuid AND youth_id IN (${idList}) AND timing = 'current'`,
  );
  const measures = await queryRows<{
    id: string;
    youth_id: string;
    kind: string;
    start_date: string;
    end_date: string | null;
    outcome: string | null;
  }>(
    db,
    sql`SELECT id, youth_id, kind, start_date::text AS start_date, end_date::text AS end_date, outcome FROM kaa_measures
         WHERE tenant_id = ${tenant}::uuid AND youth_id IN (${idList}) AND start_date <= ${to}::date
           AND (end_date IS NULL OR end_date >= ${from}::date)`,
  );
  // Grouped by young person once (a filter per young person over every row is quadratic in a region's register).
  const byYouth = <T extends { youth_id: string }>(list: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const row of list) {
      const rows = map.get(row.youth_id);
      if (rows) rows.push(row);
      else map.set(row.youth_id, [row]);
    }
    return (id: string) => map.get(id) ?? [];
  };
  const contactsOf = byYouth(contacts);
  const occupationsOf = byYouth(occupations);
  const measuresOf = byYouth(measures);
  /** The current occupation recorded for a day: the latest record whose span covers it. */
  const occupationOn = (youthId: string, day: string) =>
    occupationsOf(youthId)
      .filter((o) => (o.from_date === null || o.from_date <= day) && (o.to_date === null || o.to_date >= day))
      .sort((a, b) => b.recorded_at.localeCompare(a.recorded_at))[0]?.kind ?? null;
  return periods.map((p) => ({
    personId: p.youth_id,
    name: `${p.given_name} ${p.family_name}`,
    civicNo: p.civic_no,
    birthDate: p.birth_date,
    municipalityCode: p.municipality_code ?? area.municipality.code,
    registeredOn: p.registered_on,
    registrationReason: p.registration_reason,
    contacts: contactsOf(p.youth_id).map((c) => ({ date: c.contacted_on, occupation: occupationOn(p.youth_id, c.contacted_on) })),
    measures: measuresOf(p.youth_id).map((m) => ({
      id: m.id,
      kind: m.kind,
      startedOn: m.start_date,
      endedOn: m.end_date,
      // The outcome is an occupation (the same keys): what the young person went on to.
      occupationAfter: m.outcome,
    })),
    endedOn: p.deregistered_on,
    endReason: p.deregistration_reason,
  }));
}

/** The half-year report of one tenant's municipality. */
export async function reportFor(db: DbOrTx, area: ReportArea, half: string): Promise<BuiltReport> {
  return buildReport(scbCodes(), { half, municipality: area.municipality, youths: await loadReportYouths(db, area, half) });
}

/**
 * The signed-in officer's municipality, through the register's scope (policy.ts: a KAA officer of the municipal
 * organiser's own municipality): 403 with a denied row otherwise, under the route's action.
 */
export async function actorArea(db: DbOrTx, ctx: ActorContext, action: string): Promise<ReportArea> {
  const scope = await officerScope(db, ctx, 'youth-register.read', action);
  const area = await reportArea(db, scope.tenantId);
  if (!area) throw notFound();
  return area;
}
