/**
 * Reads shared by the case commands and routes (and the meeting, dashboard and document modules): names of students,
 * accounts and units, the unit a case belongs to, the student's early-detection situation at opening, who changed a
 * record last. Every function filters on the tenant; none selects a civic number.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { measuresObject } from '../early-warning/risk-measures.ts';

const current = (alias: string, asOf: string) =>
  sql`${sql.raw(alias)}.start_date <= ${asOf}::date AND (${sql.raw(alias)}.end_date IS NULL OR ${sql.raw(alias)}.end_date >= ${asOf}::date)`;
const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** "Given Family" of each student id in the tenant (ids not found are absent). */
export async function studentNames(db: DbOrTx, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`
    SELECT p.id, concat_ws(' ', p.given_name, p.family_name) AS name FROM persons p
     WHERE p.tenant_id = ${tenantId}::uuid AND p.id IN (${uuidList(unique)})`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The display name of each account id (accounts are tenant-free; staff names, no student data). */
export async function accountNames(db: DbOrTx, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const rows = await queryRows<{ id: string; display_name: string }>(
    db,
    sql`
    SELECT a.id, a.display_name FROM accounts a WHERE a.id IN (${uuidList(unique)})`,
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** A person by account id, as the responses show one: `{ id, name }` (name null for an unknown account). */
export const personOf = (names: Map<string, string>, id: string | null | undefined) => (id ? { id, name: names.get(id) ?? null } : null);

/** The display name of a school unit in the tenant. */
export async function unitName(db: DbOrTx, tenantId: string, unitId: string): Promise<string | null> {
  const [row] = await queryRows<{ name: string | null }>(
    db,
    sql`
    SELECT o.display_name AS name FROM organisations o WHERE o.tenant_id = ${tenantId}::uuid AND o.id = ${unitId}::uuid`,
  );
  return row?.name ?? null;
}

/**
 * The unit a new case for the student belongs to: one of the student's current enrolments among `unitIds` (the actor's
 * units) — the early-detection row's unit when it is one of them, else the latest. Null when there is none.
 */
export async function caseUnitFor(
  db: DbOrTx,
  tenantId: string,
  studentId: string,
  unitIds: readonly string[],
  asOf: string,
): Promise<string | null> {
  if (unitIds.length === 0) return null;
  const [row] = await queryRows<{ unit: string }>(
    db,
    sql`
    SELECT e.school_unit_id AS unit FROM enrolments e
      LEFT JOIN student_risk r ON r.tenant_id = e.tenant_id AND r.student_id = e.person_id AND r.school_unit_id = e.school_unit_id
     WHERE e.tenant_id = ${tenantId}::uuid AND e.person_id = ${studentId}::uuid AND NOT e.cancelled AND ${current('e', asOf)}
       AND e.school_unit_id IN (${uuidList(unitIds)})
     ORDER BY (r.student_id IS NOT NULL) DESC, e.start_date DESC, e.ordinal DESC LIMIT 1`,
  );
  return row?.unit ?? null;
}

export interface SituationAtOpening {
  tier: number | null;
  flags: string[];
  onset: string | null;
  measures: Record<string, number | null>;
}

/** The student's current early-detection row (tier, flags, measures) and the earliest onset of an active indicator. */
export async function situationOf(db: DbOrTx, tenantId: string, studentId: string): Promise<SituationAtOpening | null> {
  const [row] = await queryRows<{ tier: number; flags: string[]; measures: Record<string, number | null>; onset: string | null }>(
    db,
    sql`
    SELECT r.tier, r.flags, ${measuresObject('r')} AS measures,
      (SELECT min(e.onset)::text FROM indicator_episodes e
        WHERE e.tenant_id = r.tenant_id AND e.student_id = r.student_id AND e.status = 'active' AND e.counts) AS onset
      FROM student_risk r WHERE r.tenant_id = ${tenantId}::uuid AND r.student_id = ${studentId}::uuid`,
  );
  return row ? { tier: row.tier, flags: row.flags, onset: row.onset, measures: row.measures } : null;
}

/** The id of the student's open case, if any. */
export async function openCaseIdOf(db: DbOrTx, tenantId: string, studentId: string, except?: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`
    SELECT c.id FROM cases c WHERE c.tenant_id = ${tenantId}::uuid AND c.student_id = ${studentId}::uuid AND c.status <> 'closed'
      ${except ? sql`AND c.id <> ${except}::uuid` : sql``} LIMIT 1`,
  );
  return row?.id ?? null;
}

/** Who last made one of `kinds` of change to the case (or to `entityId` in it), and when; from the case's history. */
export async function lastChange(
  db: DbOrTx,
  tenantId: string,
  caseId: string,
  kinds: readonly string[],
  entityId?: string,
): Promise<{ at: string; accountId: string; name: string | null } | null> {
  const [row] = await queryRows<{ at: string; account_id: string; name: string | null }>(
    db,
    sql`
    SELECT ev.at::text AS at, ev.account_id, a.display_name AS name
      FROM case_events ev LEFT JOIN accounts a ON a.id = ev.account_id
     WHERE ev.tenant_id = ${tenantId}::uuid AND ev.case_id = ${caseId}::uuid
       AND ev.kind IN (${sql.join(
         kinds.map((k) => sql`${k}`),
         sql`, `,
       )}) ${entityId ? sql`AND ev.entity_id = ${entityId}::uuid` : sql``}
     ORDER BY ev.at DESC, ev.id DESC LIMIT 1`,
  );
  return row ? { at: row.at, accountId: row.account_id, name: row.name } : null;
}

/** True when the meeting is one of the tenant's at `schoolUnitId`. */
export async function meetingAtUnit(db: DbOrTx, tenantId: string, meetingId: string, schoolUnitId: string): Promise<boolean> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`
    SELECT m.id FROM team_meetings m WHERE m.tenant_id = ${tenantId}::uuid AND m.id = ${meetingId}::uuid AND m.school_unit_id = ${schoolUnitId}::uuid`,
  );
  return !!row;
}
