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
  const pairs = await queryRows<Pair>(
    db,
    sql`SELECT DISTINCT ON (p.id, e.school_unit_id, n.to_unit_id)
               p.id AS student_id, p.civic_no, p.given_name, p.family_name, p.security_marking <> 'Ingen' AS protected,
               og.name AS from_organiser_name, e.school_unit_id AS from_unit_id, fu.display_name AS from_unit_name,
               e.school_type AS from_type, e.programme_code AS from_programme, e.end_date::text AS leaves_on,
               n.to_organiser_id, n.to_organiser_name, n.to_unit_id, n.to_unit_name, n.to_type, n.to_programme, n.starts_on::text
          FROM enrolments e
          JOIN persons p ON p.tenant_id = e.tenant_id AND p.id = e.person_id AND p.civic_no IS NOT NULL
          JOIN organisers og ON og.id = e.tenant_id
          JOIN organisations fu ON fu.tenant_id = e.tenant_id AND fu.id = e.school_unit_id
          -- Every organiser's tenant named, so that the civic number is looked up in persons_civic_no_idx (tenant_id, civic_no)
          -- instead of a scan of every person for every enrolment.
          JOIN LATERAL (
            SELECT n.tenant_id AS to_organiser_id, o2.name AS to_organiser_name, n.school_unit_id AS to_unit_id,
                   tu.display_name AS to_unit_name, n.school_type AS to_type, n.programme_code AS to_programme, n.start_date AS starts_on
              FROM persons q
              JOIN enrolments n ON n.tenant_id = q.tenant_id AND n.person_id = q.id AND NOT n.cancelled
              JOIN organisers o2 ON o2.id = n.tenant_id
              JOIN organisations tu ON tu.tenant_id = n.tenant_id AND tu.id = n.school_unit_id
             WHERE q.tenant_id = ANY(ARRAY(SELECT id FROM organisers)) AND q.civic_no = p.civic_no AND NOT (n.tenant_id = e.tenant_id AND n.school_unit_id = e.school_unit_id)
               AND n.start_date > e.start_date AND n.start_date BETWEEN ${from}::date AND ${to}::date
               AND (e.end_date IS NULL OR n.start_date >= e.end_date - 30)
               AND (e.end_date IS NOT NULL OR e.school_year = 9 OR n.start_date > ${asOf}::date)
             ORDER BY n.start_date LIMIT 1) n ON true
         WHERE e.tenant_id = ${tenantId}::uuid AND NOT e.cancelled
           AND (e.end_date IS NULL OR e.end_date >= ${from}::date)
         ORDER BY p.id, e.school_unit_id, n.to_unit_id, e.start_date DESC`,
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
