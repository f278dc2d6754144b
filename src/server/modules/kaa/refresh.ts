/**
 * Recomputes one municipality's target group (nightly through `fullfolj kaa refresh`, and after each population
 * import): evaluates the criteria for every person in its population file, keeps a register row for everyone in the
 * group (and everyone who ever was), opens a registration period with its reason when someone enters and closes it with
 * the reason the data gives when someone leaves. Dates are the facts' dates (an enrolment's end, a certificate, the
 * 20th birthday), not the day of the computation, so a recomputation gives the same periods.
 *
 * Set-based, in a fixed number of statements per municipality whatever its size, in one transaction:
 * 1. one read (target-group-sql.ts's evaluation and the register as it stands) that returns what to write as JSON;
 * 2. the writes, each one statement that names the tenant and reads that JSON back (`jsonb_to_recordset`).
 * The JSON passes through as text: this process never parses the people in it. Reads and writes are separate
 * statements, not data-modifying CTEs of one, so that a distributed engine can send each to the municipality's own
 * shard (Citus plans a statement with an INSERT CTE as many subplans and sends its INSERTs to every shard,
 * scripts/citus/README.md); for the same reason the read makes the new rows' ids. The SQL is the same on every
 * engine. A lock per municipality keeps two refreshes of it from interleaving (the nightly run beside a population
 * import).
 */
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../../db/client.ts';
import { sideBySide } from '../../platform/side-by-side.ts';
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

/** What the read found: the counts, and the writes as JSON text (arrays of objects; `gone` a uuid[] literal). */
interface Plan extends Record<string, unknown> {
  evaluated: number;
  inGroup: number;
  youth: string | null;
  openings: string | null;
  closings: string | null;
  gone: string | null;
}

/** The read: who is in the group now, and what that changes in the register. */
function plan(tenantId: string, asOf: string) {
  const t = sql`${tenantId}::uuid`;
  const day = sql`${asOf}::date`;
  return sql`WITH ${evaluation(tenantId, asOf)},
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
  -- Someone no longer in the population file has left the municipality's register of residents.
  gone AS MATERIALIZED (SELECT b.* FROM before b WHERE b.civic_no NOT IN (SELECT civic_no FROM pop)),
  closings AS (
    SELECT d.open_id, LEAST(GREATEST(d.left_on_by_rules, d.registered_on), ${day}) AS closes_on, d.deregistration_reason AS reason
      FROM decided d WHERE NOT d.in_group AND d.open_id IS NOT NULL
    UNION ALL
    SELECT g.open_id, GREATEST(${day}, g.registered_on), 'moved' FROM gone g WHERE g.open_id IS NOT NULL)
SELECT (SELECT count(*) FROM pop)::int AS evaluated,
       (SELECT count(*) FROM decided WHERE in_group)::int AS "inGroup",
       -- New rows' ids are made here, not by the tables' defaults: an INSERT whose rows call a volatile function is
       -- collected on Citus's coordinator and sent to every shard; with the ids given it goes to the tenant's shard.
       (SELECT jsonb_agg(jsonb_build_object('id', coalesce(youth_id, gen_random_uuid()), 'civic_no', civic_no,
                                            'in_group', in_group, 'criteria', criteria))::text
          FROM decided) AS youth,
       (SELECT jsonb_agg(jsonb_build_object('id', gen_random_uuid(), 'civic_no', civic_no, 'registered_on', registered_from,
                                            'reason', registration_reason))::text
          FROM decided WHERE in_group AND open_id IS NULL) AS openings,
       (SELECT jsonb_agg(jsonb_build_object('id', open_id, 'closes_on', closes_on, 'reason', reason))::text FROM closings) AS closings,
       (SELECT array_agg(id)::text FROM gone) AS gone`;
}

/** Recomputes the target group of the municipality `tenantId` is organiser of, as on `asOf`. */
export async function refreshTargetGroup(db: DbOrTx, tenantId: string, asOf: string): Promise<RefreshSummary> {
  const t = sql`${tenantId}::uuid`;
  const evaluatedAt = sql`${new Date().toISOString()}::timestamptz`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('kaa.target-group'), hashtext(${tenantId}))`);
    const [found] = await queryRows<Plan>(tx, plan(tenantId, asOf));
    const { evaluated, inGroup, youth, openings, closings, gone } = found!;
    if (youth !== null)
      await tx.execute(sql`
        INSERT INTO kaa_youth (tenant_id, id, civic_no, civic_no_kind, given_name, family_name, birth_date, protected, address, in_group, criteria, evaluated_at)
        SELECT k.tenant_id, d.id, k.civic_no, k.civic_no_kind, k.given_name, k.family_name, k.birth_date, k.protected,
               CASE WHEN k.protected THEN NULL ELSE k.address END, d.in_group, d.criteria, ${evaluatedAt}
          FROM jsonb_to_recordset(${youth}::jsonb) AS d(id uuid, civic_no char(12), in_group boolean, criteria jsonb)
          JOIN kaa_population k ON k.tenant_id = ${t} AND k.civic_no = d.civic_no
        ON CONFLICT (tenant_id, civic_no) DO UPDATE SET
          given_name = excluded.given_name, family_name = excluded.family_name, birth_date = excluded.birth_date,
          -- A protected identity's address is never kept; otherwise the file's address replaces the old one.
          protected = excluded.protected, address = excluded.address, in_group = excluded.in_group, criteria = excluded.criteria,
          -- The proposed row's default, now(): Citus refuses a function call here (scripts/citus/README.md).
          evaluated_at = excluded.evaluated_at, updated_at = excluded.updated_at`);
    const opened =
      openings === null
        ? []
        : await queryRows(
            tx,
            sql`INSERT INTO kaa_registrations (tenant_id, id, youth_id, registered_on, registration_reason, registration_source)
                SELECT y.tenant_id, d.id, y.id, d.registered_on, d.reason, 'automatic'
                  FROM jsonb_to_recordset(${openings}::jsonb) AS d(id uuid, civic_no char(12), registered_on date, reason text)
                  JOIN kaa_youth y ON y.tenant_id = ${t} AND y.civic_no = d.civic_no
                RETURNING 1 AS one`,
          );
    // The updates in one statement: UPDATE CTEs, unlike INSERT ones, still let Citus send it to the one shard. They all
    // see the register as the upsert above left it, so received notices find the young people it has just added.
    const [updated] =
      youth === null && gone === null
        ? [{ deregistered: 0 }]
        : await queryRows<{ deregistered: number }>(
            tx,
            sql`WITH closed AS (
                  UPDATE kaa_registrations r
                     SET deregistered_on = d.closes_on, deregistration_reason = d.reason, deregistration_source = 'automatic'
                    FROM jsonb_to_recordset(${closings}::jsonb) AS d(id uuid, closes_on date, reason text)
                   WHERE r.tenant_id = ${t} AND r.id = d.id AND r.deregistered_on IS NULL
                  RETURNING 1),
                gone_marked AS (
                  UPDATE kaa_youth SET in_group = false, evaluated_at = ${evaluatedAt}
                   WHERE tenant_id = ${t} AND id = ANY(${gone}::uuid[])
                  RETURNING 1),
                -- Received notices find the young person they are about once the register has them.
                matched AS (
                  UPDATE kaa_notices n SET youth_id = y.id FROM kaa_youth y
                   WHERE n.tenant_id = ${t} AND y.tenant_id = ${t} AND n.civic_no = y.civic_no
                     AND n.direction = 'received' AND n.youth_id IS NULL
                  RETURNING 1)
                SELECT (SELECT count(*) FROM closed)::int AS deregistered`,
          );
    return { inGroup, registered: opened.length, deregistered: updated!.deregistered, evaluated };
  });
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

/**
 * Every municipality's target group (the nightly run), `workers` municipalities side by side, each in its own
 * transaction on its own connection (`workersFor`): a municipality's statements touch only its own rows. In the
 * municipalities' name order.
 */
export async function refreshTargetGroups(
  db: Db,
  asOf: string,
  workers = 1,
): Promise<({ name: string; municipalityCode: string } & RefreshSummary)[]> {
  return sideBySide(await municipalTenantsWithPopulation(db), workers, async (m) => ({
    name: m.name,
    municipalityCode: m.municipalityCode,
    ...(await refreshTargetGroup(db, m.id, asOf)),
  }));
}
