/**
 * Drafts made for the sender (docs/handovers.md): when a student's placement at one unit ends and another begins — at
 * the same organiser, or at another organiser of the installation (the same civic number) — a handover row appears,
 * a draft when a trigger selects the student, otherwise "no handover needed" that the sender can still turn into one.
 * Idempotent: one row per student, sending unit and receiving unit (`dedupe_key`).
 */
import { sql } from 'drizzle-orm';
import type { HandoverRoute, HandoverTrigger } from '../../../shared/handovers/codes.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { handovers, handoverSettings } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { emptyContent, gatherFacts, prefill } from './facts.ts';

/** A new placement begins this many days around today at most for a draft to be made. */
const windowDays = 200;
/** The sender's deadline: this many days before the new placement begins (or today, when it is closer). */
const sendLeadDays = 14;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Pair extends Record<string, unknown> {
  student_id: string;
  civic_no: string;
  given_name: string;
  family_name: string;
  protected: boolean;
  from_organiser_name: string;
  from_unit_id: string;
  from_unit_name: string;
  from_type: string;
  from_programme: string | null;
  leaves_on: string | null;
  to_organiser_id: string;
  to_organiser_name: string;
  to_unit_id: string;
  to_unit_name: string;
  to_type: string;
  to_programme: string | null;
  starts_on: string;
}

/** The transition between two school types (and programmes). */
export function routeOf(fromType: string, toType: string, fromProgramme: string | null, toProgramme: string | null): HandoverRoute {
  if (fromProgramme?.startsWith('IM') || toProgramme?.startsWith('IM')) return 'introduction-programme';
  if (['GR', 'GRS'].includes(fromType) && ['GY', 'GYS'].includes(toType)) return 'year9-to-upper-secondary';
  return fromType === toType ? 'within-school-form' : 'between-school-forms';
}

/** The organiser's absence share that selects a student (default 15 %). */
export async function absenceThreshold(db: DbOrTx, tenantId: string): Promise<number> {
  const [row] = await db.select().from(handoverSettings).where(eq(handoverSettings.tenantId, tenantId));
  return row?.absenceShare ?? 0.15;
}

/** Makes the missing drafts of the organiser's students as on `asOf`; returns how many were made. */
export async function prepareDrafts(db: DbOrTx, tenantId: string, asOf: string): Promise<number> {
  const from = addDays(asOf, -windowDays);
  const to = addDays(asOf, windowDays);
  // Three steps in one statement, each a plain query on Citus too (scripts/citus/README.md, cause 11): the organiser's
  // placements (every table named by the organiser), then every organiser's placements beginning in the window for the
  // same civic numbers (looked up by persons_civic_number_idx, across organisers), then each placement paired with the
  // first one that follows it elsewhere: a hash join of the two, not a look-up per enrolment.
  const pairs = await queryRows<Pair>(
    db,
    sql`WITH leaving AS MATERIALIZED (
          SELECT e.person_id, e.ordinal, e.school_unit_id, e.school_type, e.programme_code, e.school_year, e.start_date, e.end_date,
                 p.civic_no, p.given_name, p.family_name, p.security_marking <> 'Ingen' AS protected,
                 og.name AS from_organiser_name, fu.display_name AS from_unit_name
            FROM enrolments e
            JOIN persons p ON p.tenant_id = ${tenantId}::uuid AND p.id = e.person_id AND p.civic_no IS NOT NULL
            JOIN organisers og ON og.id = ${tenantId}::uuid
            JOIN organisations fu ON fu.tenant_id = ${tenantId}::uuid AND fu.id = e.school_unit_id
           WHERE e.tenant_id = ${tenantId}::uuid AND NOT e.cancelled
             AND (e.end_date IS NULL OR e.end_date >= ${from}::date)
        ), arriving AS MATERIALIZED (
          SELECT q.civic_no, n.tenant_id AS to_organiser_id, o2.name AS to_organiser_name, n.school_unit_id AS to_unit_id,
                 tu.display_name AS to_unit_name, n.school_type AS to_type, n.programme_code AS to_programme, n.start_date AS starts_on
            FROM persons q
            JOIN enrolments n ON n.tenant_id = q.tenant_id AND n.person_id = q.id AND NOT n.cancelled
            JOIN organisers o2 ON o2.id = n.tenant_id
            JOIN organisations tu ON tu.tenant_id = n.tenant_id AND tu.id = n.school_unit_id
           WHERE q.civic_no IN (SELECT civic_no FROM leaving)
             AND n.start_date BETWEEN ${from}::date AND ${to}::date
        ), paired AS (
          SELECT DISTINCT ON (l.person_id, l.ordinal) l.*, a.to_organiser_id, a.to_organiser_name, a.to_unit_id, a.to_unit_name,
                 a.to_type, a.to_programme, a.starts_on
            FROM leaving l
            JOIN arriving a ON a.civic_no = l.civic_no
             AND NOT (a.to_organiser_id = ${tenantId}::uuid AND a.to_unit_id = l.school_unit_id)
             AND a.starts_on > l.start_date
             AND (l.end_date IS NULL OR a.starts_on >= l.end_date - 30)
             AND (l.end_date IS NOT NULL OR l.school_year = 9 OR a.starts_on > ${asOf}::date)
           ORDER BY l.person_id, l.ordinal, a.starts_on, a.to_organiser_id, a.to_unit_id
        )
        SELECT DISTINCT ON (person_id, school_unit_id, to_unit_id)
               person_id AS student_id, civic_no, given_name, family_name, protected,
               from_organiser_name, school_unit_id AS from_unit_id, from_unit_name,
               school_type AS from_type, programme_code AS from_programme, end_date::text AS leaves_on,
               to_organiser_id, to_organiser_name, to_unit_id, to_unit_name, to_type, to_programme, starts_on::text
          FROM paired
         ORDER BY person_id, school_unit_id, to_unit_id, start_date DESC`,
  );
  if (pairs.length === 0) return 0;
  const known = new Set(
    (
      await queryRows<{ dedupe_key: string }>(
        db,
        sql`SELECT dedupe_key FROM handovers WHERE tenant_id = ${tenantId}::uuid AND direction = 'sent'`,
      )
    ).map((r) => r.dedupe_key),
  );
  const threshold = await absenceThreshold(db, tenantId);
  let made = 0;
  for (const p of pairs) {
    const dedupeKey = `${p.student_id}:${p.from_unit_id}:${p.to_unit_id}`;
    if (known.has(dedupeKey)) continue;
    const facts = await gatherFacts(db, tenantId, p.student_id, asOf);
    const triggers: HandoverTrigger[] = [];
    if (facts.stored.interventions.length > 0) triggers.push('support');
    if (facts.stored.actionProgramme) triggers.push('action-programme');
    if (facts.stored.absenceShare !== null && facts.stored.absenceShare > threshold) triggers.push('absence');
    if (facts.stored.eligible === false) triggers.push('not-eligible');
    if (facts.specialGroup) triggers.push('special-group');
    const sendBy = addDays(p.starts_on, -sendLeadDays) < asOf ? asOf : addDays(p.starts_on, -sendLeadDays);
    const inserted = await db
      .insert(handovers)
      .values({
        tenantId,
        direction: 'sent',
        status: triggers.length > 0 ? 'draft' : 'not-needed',
        route: routeOf(p.from_type, p.to_type, p.from_programme, p.to_programme),
        studentId: p.student_id,
        civicNo: p.civic_no,
        givenName: p.given_name,
        familyName: p.family_name,
        protectedIdentity: p.protected,
        fromOrganiserId: tenantId,
        fromOrganiserName: p.from_organiser_name,
        fromUnitId: p.from_unit_id,
        fromUnitName: p.from_unit_name,
        fromSchoolType: p.from_type,
        leavesOn: p.leaves_on,
        toOrganiserId: p.to_organiser_id,
        toOrganiserName: p.to_organiser_name,
        toUnitId: p.to_unit_id,
        toUnitName: p.to_unit_name,
        toSchoolType: p.to_type,
        startsOn: p.starts_on,
        triggers,
        facts: facts.stored,
        content: triggers.length > 0 ? prefill(facts.stored, p.protected) : emptyContent(),
        sendBy,
        dedupeKey,
      })
      .onConflictDoNothing()
      .returning({ id: handovers.id });
    made += inserted.length;
  }
  return made;
}
