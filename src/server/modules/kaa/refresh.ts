/**
 * Recomputes one municipality's target group (nightly through `fullfolj kaa refresh`, and after each population
 * import): evaluates the criteria for every person in its population file, keeps a register row for everyone in the
 * group (and everyone who ever was), opens a registration period with its reason when someone enters and closes it with
 * the reason the data gives when someone leaves. Dates are the facts' dates (an enrolment's end, a certificate, the
 * 20th birthday), not the day of the computation, so a recomputation gives the same periods.
 *
 * Set-based: one statement per municipality (target-group-sql.ts evaluates everyone, the data-modifying CTEs below
 * write the register; every data-modifying CTE runs whether or not the final SELECT reads it), so its cost does not
 * grow with round trips per person. Registration periods are written only where one opens or closes. One statement is
 * atomic by itself: a caller needs no transaction around it (the nightly run opens none).
 */
import { eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { organisers } from '../../db/schema/index.ts';
import type { RefreshSummary } from '../../../shared/kaa/contract.ts';
import { evaluation } from './target-group-sql.ts';

/** The municipality a tenant is the municipal organiser of, or null (an independent organiser keeps no KAA register). */
export async function municipalityOf(db: DbOrTx, tenantId: string): Promise<string | null> {
  const [row] = await db
    .select({ code: organisers.municipalityCode, kind: organisers.kind })
    .from(organisers)
    .where(eq(organisers.id, tenantId));
  return row?.kind === 'municipal' ? row.code : null;
}

/** Deregistration reasons the data decides even over a registration by hand (criteria.ts's reasons). */
const decidedByData = sql`('turned-20', 'moved', 'emigrated', 'deceased', 'completed-equivalent')`;

/** Recomputes the target group of the municipality `tenantId` is organiser of, as on `asOf`. */
export async function refreshTargetGroup(db: DbOrTx, tenantId: string, asOf: string): Promise<RefreshSummary> {
  const t = sql`${tenantId}::uuid`;
  const day = sql`${asOf}::date`;
  const evaluatedAt = sql`${new Date().toISOString()}::timestamptz`;
  const [summary] = await queryRows<RefreshSummary>(
    db,
    sql`WITH ${evaluation(tenantId, asOf)},
  -- The register as it stands: each young person's open period, the last period's end and whether an officer ended it.
  before AS MATERIALIZED (
    SELECT y.id, y.civic_no, o.id AS open_id, o.registration_source AS open_source, o.registered_on,
           l.last_end, l.last_manual IS TRUE AS last_manual
      FROM kaa_youth y
      LEFT JOIN kaa_registrations o ON o.tenant_id = ${t} AND o.youth_id = y.id AND o.deregistered_on IS NULL
      LEFT JOIN (SELECT DISTINCT ON (r.youth_id) r.youth_id, max(r.deregistered_on) OVER (PARTITION BY r.youth_id) AS last_end,
                        r.deregistration_source = 'manual' AND r.deregistration_reason <> 'dismissed' AS last_manual
                   FROM kaa_registrations r WHERE r.tenant_id = ${t}
                  ORDER BY r.youth_id, r.registered_on DESC, r.created_at DESC, r.id DESC) l ON l.youth_id = y.id
     WHERE y.tenant_id = ${t} AND EXISTS (SELECT 1 FROM muni)),
  -- Only who is in the group or in the register already needs writing: the rest is counted, not carried.
  decided AS MATERIALIZED (SELECT * FROM (
    SELECT e.*, b.id AS youth_id, b.open_id, b.registered_on,
           CASE
             -- An officer's deregistration by hand stands: the computation does not register the young person again.
             WHEN e.in_group_by_rules AND b.id IS NOT NULL AND b.open_id IS NULL AND b.last_manual THEN false
             -- An officer's registration by hand stands too, until the data decides (turned 20, moved, emigrated, deceased, completed).
             WHEN NOT e.in_group_by_rules AND b.open_source = 'manual' AND e.deregistration_reason NOT IN ${decidedByData} THEN true
             ELSE e.in_group_by_rules END AS in_group,
           LEAST(GREATEST(e.entered_on, b.last_end), ${day}) AS registered_from
      FROM evaluated e LEFT JOIN before b ON b.civic_no = e.civic_no) d
     WHERE d.in_group OR d.youth_id IS NOT NULL),
  saved AS (
    INSERT INTO kaa_youth (tenant_id, civic_no, civic_no_kind, given_name, family_name, birth_date, protected, address, in_group, criteria, evaluated_at)
    SELECT ${t}, k.civic_no, k.civic_no_kind, k.given_name, k.family_name, k.birth_date, k.protected,
           CASE WHEN k.protected THEN NULL ELSE k.address END, d.in_group, d.criteria, ${evaluatedAt}
      FROM decided d JOIN kaa_population k ON k.tenant_id = ${t} AND k.civic_no = d.civic_no
    ON CONFLICT (tenant_id, civic_no) DO UPDATE SET
      given_name = excluded.given_name, family_name = excluded.family_name, birth_date = excluded.birth_date,
      -- A protected identity's address is never kept; otherwise the file's address replaces the old one.
      protected = excluded.protected, address = excluded.address, in_group = excluded.in_group, criteria = excluded.criteria,
      -- The proposed row's default, now(): Citus refuses a function call here (scripts/citus/README.md).
      evaluated_at = excluded.evaluated_at, updated_at = excluded.updated_at
    RETURNING id, civic_no),
  opened AS (
    INSERT INTO kaa_registrations (tenant_id, youth_id, registered_on, registration_reason, registration_source)
    SELECT ${t}, s.id, d.registered_from, d.registration_reason, 'automatic'
      FROM decided d JOIN saved s ON s.civic_no = d.civic_no
     WHERE d.in_group AND d.open_id IS NULL
    RETURNING 1),
  closed AS (
    UPDATE kaa_registrations r
       SET deregistered_on = LEAST(GREATEST(d.left_on_by_rules, d.registered_on), ${day}),
           deregistration_reason = d.deregistration_reason, deregistration_source = 'automatic'
      FROM decided d
     WHERE r.tenant_id = ${t} AND r.id = d.open_id AND NOT d.in_group AND r.deregistered_on IS NULL
    RETURNING 1),
  -- Someone no longer in the population file has left the municipality's register of residents.
  gone AS MATERIALIZED (SELECT b.* FROM before b WHERE b.civic_no NOT IN (SELECT civic_no FROM pop)),
  gone_marked AS (
    UPDATE kaa_youth y SET in_group = false, evaluated_at = ${evaluatedAt}
      FROM gone g WHERE y.tenant_id = ${t} AND y.id = g.id
    RETURNING 1),
  gone_closed AS (
    UPDATE kaa_registrations r
       SET deregistered_on = GREATEST(${day}, g.registered_on), deregistration_reason = 'moved', deregistration_source = 'automatic'
      FROM gone g
     WHERE r.tenant_id = ${t} AND r.id = g.open_id AND r.deregistered_on IS NULL
    RETURNING 1),
  -- Received notices find the young person they are about once the register has them.
  matched AS (
    UPDATE kaa_notices n SET youth_id = y.id
      FROM (SELECT id, civic_no FROM saved UNION SELECT id, civic_no FROM gone) y
     WHERE n.tenant_id = ${t} AND n.civic_no = y.civic_no AND n.direction = 'received' AND n.youth_id IS NULL
    RETURNING 1)
SELECT (SELECT count(*) FROM decided WHERE in_group)::int AS "inGroup",
       (SELECT count(*) FROM opened)::int AS registered,
       ((SELECT count(*) FROM closed) + (SELECT count(*) FROM gone_closed))::int AS deregistered,
       (SELECT count(*) FROM pop)::int AS evaluated`,
  );
  return summary!;
}

/** Every municipal organiser that has a population file. */
export async function municipalTenantsWithPopulation(db: DbOrTx): Promise<{ id: string; name: string; municipalityCode: string }[]> {
  return queryRows(
    db,
    sql`SELECT o.id, o.name, o.municipality_code AS "municipalityCode" FROM organisers o
         WHERE o.kind = 'municipal' AND o.id IN (SELECT k.tenant_id FROM kaa_population k)
         ORDER BY o.name`,
  );
}
