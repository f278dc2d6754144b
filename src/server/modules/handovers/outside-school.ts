/**
 * A handover to a school outside the installation (docs/handovers.md, "A school outside the installation"). The sender
 * — the unit's principal or special educator, or the student's mentor — picks a student of their units who has left or
 * is leaving it, names the receiving school (name, skolenhetskod, municipality, school form) and states that it has
 * placed or admitted the student; Fullfölj cannot check that placement, so the statement is required and the handover
 * leaves only as the handover file (transfer-file.ts). The draft is pre-filled like any other (facts.ts); making it
 * twice for the same student, unit and school gives the same one.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { HandoverTrigger } from '../../../shared/handovers/codes.ts';
import { outsideSchoolLabels, type OutsideSchoolBody, type OutsideSchoolOptions } from '../../../shared/handovers/outside-school.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { handovers } from '../../db/schema/index.ts';
import { assignmentsGranting, type ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { badInput } from '../interventions/refusals.ts';
import { absenceThreshold, routeOf } from './drafts.ts';
import { gatherFacts, prefill } from './facts.ts';

/** The nil uuid: the organiser and unit of a school outside the installation. */
export const outsideId = '00000000-0000-0000-0000-000000000000';
/** The access log's purpose for a handover that leaves by file to a school outside the installation. */
export const outsidePurpose = 'Överlämning som fil till en skola utanför Fullfölj (skollagen 3 kap. 12 j §)';

/** A leaver is someone whose placement ended or ends within this many days, or a year-9 student of a compulsory school. */
const windowDays = 200;
const sendLeadDays = 14;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Leaver extends Record<string, unknown> {
  id: string;
  given_name: string;
  family_name: string;
  civic_no: string;
  protected: boolean;
  unit_id: string;
  unit_name: string;
  organiser_name: string;
  school_type: string;
  programme: string | null;
  leaves_on: string | null;
}

/** The enrolments the actor sends from: unit-wide roles by unit, a mentor by the groups they mentor. */
function senderCondition(ctx: ActorContext): SQL | null {
  const today = dateOf(ctx.now);
  const parts: SQL[] = [];
  for (const a of assignmentsGranting(ctx.actor, 'handovers.write')) {
    if ((a.role === 'rektor' || a.role === 'specialpedagog') && a.unitIds.length > 0)
      parts.push(
        sql`e.school_unit_id = ANY(ARRAY[${sql.join(
          a.unitIds.map((u) => sql`${u}::uuid`),
          sql`, `,
        )}])`,
      );
    if (a.role === 'mentor' && a.personId)
      parts.push(sql`e.person_id IN (
        SELECT gm.person_id FROM group_memberships gm
          JOIN duty_assignments da ON da.tenant_id = gm.tenant_id AND da.group_id = gm.group_id AND da.assignment_role_type = 'Mentor'
          JOIN duties d ON d.tenant_id = da.tenant_id AND d.id = da.duty_id
         WHERE gm.tenant_id = e.tenant_id AND d.person_id = ${a.personId}::uuid
           AND gm.start_date <= LEAST(${today}::date, COALESCE(e.end_date, ${today}::date))
           AND (gm.end_date IS NULL OR gm.end_date >= LEAST(${today}::date, COALESCE(e.end_date, ${today}::date))))`);
  }
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : null;
}

/** The students of the actor's units who have left or are leaving them, newest placement first; empty for no sender role. */
async function leavers(db: DbOrTx, ctx: ActorContext, studentId?: string): Promise<Leaver[]> {
  const mine = senderCondition(ctx);
  if (!mine) return [];
  const today = dateOf(ctx.now);
  return queryRows<Leaver>(
    db,
    sql`SELECT DISTINCT ON (p.id) p.id, p.given_name, p.family_name, p.civic_no, p.security_marking <> 'Ingen' AS protected,
               e.school_unit_id AS unit_id, u.display_name AS unit_name, og.name AS organiser_name, e.school_type,
               e.programme_code AS programme, e.end_date::text AS leaves_on
          FROM enrolments e
          JOIN persons p ON p.tenant_id = e.tenant_id AND p.id = e.person_id AND p.civic_no IS NOT NULL
          JOIN organisations u ON u.tenant_id = e.tenant_id AND u.id = e.school_unit_id
          JOIN organisers og ON og.id = e.tenant_id
         WHERE e.tenant_id = ${ctx.actor.tenantId}::uuid AND NOT e.cancelled AND ${mine}
           ${studentId ? sql`AND p.id = ${studentId}::uuid` : sql``}
           AND ((e.end_date BETWEEN ${addDays(today, -windowDays)}::date AND ${addDays(today, windowDays)}::date)
                OR (e.end_date IS NULL AND e.school_type IN ('GR', 'GRS') AND e.school_year = 9))
         ORDER BY p.id, e.start_date DESC`,
  );
}

/** The form's choices: the actor's leavers (by name) and the municipalities. */
export async function outsideOptions(db: DbOrTx, ctx: ActorContext): Promise<OutsideSchoolOptions> {
  const students = (await leavers(db, ctx))
    .map((l) => ({ id: l.id, name: `${l.given_name} ${l.family_name}`, unitName: l.unit_name, leavesOn: l.leaves_on }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const municipalities = await queryRows<{ code: string; name: string }>(db, sql`SELECT code, name FROM municipalities ORDER BY name`);
  return { students, municipalities };
}

/** The actor may start an outside handover for the student: the student's leaving placement, or null (unknown to them). */
export async function reachLeaver(db: DbOrTx, ctx: ActorContext, studentId: string): Promise<Leaver | null> {
  return (await leavers(db, ctx, studentId))[0] ?? null;
}

/** Makes (or finds) the draft to the named school outside the installation; returns its id. */
export async function createOutsideHandover(
  db: DbOrTx,
  ctx: ActorContext,
  leaver: Leaver,
  body: OutsideSchoolBody,
): Promise<{ id: string; existing: boolean }> {
  const tenantId = ctx.actor.tenantId!;
  const today = dateOf(ctx.now);
  const inside = await queryRows<{ id: string }>(
    db,
    sql`SELECT o.id FROM organisations o JOIN organisers og ON og.id = o.tenant_id AND og.active
         WHERE o.school_unit_code = ${body.unitCode} AND o.organisation_type = 'Skolenhet' LIMIT 1`,
  );
  if (inside.length > 0)
    throw badInput(
      'unitCode',
      {
        sv: 'skolenheten finns i Fullfölj; överlämningen görs då bland utkasten när eleven är placerad där',
        en: 'the school unit is in Fullfölj; the handover is then made among the drafts once the student is placed there',
      },
      outsideSchoolLabels,
    );
  const [municipality] = await queryRows<{ name: string }>(db, sql`SELECT name FROM municipalities WHERE code = ${body.municipalityCode}`);
  if (!municipality)
    throw badInput('municipalityCode', { sv: 'välj en kommun i listan', en: 'choose a municipality in the list' }, outsideSchoolLabels);
  if (leaver.leaves_on && body.startsOn < addDays(leaver.leaves_on, -30))
    throw badInput(
      'startsOn',
      { sv: 'ligger före elevens sista dag i den nuvarande skolan', en: "is before the student's last day at the current school" },
      outsideSchoolLabels,
    );
  const dedupeKey = `${leaver.id}:${leaver.unit_id}:outside:${body.unitCode}`;
  const [known] = await db
    .select({ id: handovers.id })
    .from(handovers)
    .where(and(eq(handovers.tenantId, tenantId), eq(handovers.direction, 'sent'), eq(handovers.dedupeKey, dedupeKey)));
  if (known) return { id: known.id, existing: true };
  const facts = await gatherFacts(db, tenantId, leaver.id, today);
  const threshold = await absenceThreshold(db, tenantId);
  const triggers: HandoverTrigger[] = [];
  if (facts.stored.interventions.length > 0) triggers.push('support');
  if (facts.stored.actionProgramme) triggers.push('action-programme');
  if (facts.stored.absenceShare !== null && facts.stored.absenceShare > threshold) triggers.push('absence');
  if (facts.stored.eligible === false) triggers.push('not-eligible');
  if (facts.specialGroup) triggers.push('special-group');
  if (triggers.length === 0) triggers.push('manual');
  const sendBy = addDays(body.startsOn, -sendLeadDays) < today ? today : addDays(body.startsOn, -sendLeadDays);
  const [row] = await db
    .insert(handovers)
    .values({
      tenantId,
      direction: 'sent',
      status: 'draft',
      route: routeOf(leaver.school_type, body.schoolType, leaver.programme, null),
      studentId: leaver.id,
      civicNo: leaver.civic_no,
      givenName: leaver.given_name,
      familyName: leaver.family_name,
      protectedIdentity: leaver.protected,
      fromOrganiserId: tenantId,
      fromOrganiserName: leaver.organiser_name,
      fromUnitId: leaver.unit_id,
      fromUnitName: leaver.unit_name,
      fromSchoolType: leaver.school_type,
      leavesOn: leaver.leaves_on,
      toOrganiserId: outsideId,
      toOrganiserName: municipality.name,
      toUnitId: outsideId,
      toUnitName: body.unitName,
      toSchoolType: body.schoolType,
      toUnitCode: body.unitCode,
      toMunicipalityCode: body.municipalityCode,
      startsOn: body.startsOn,
      triggers,
      facts: facts.stored,
      content: prefill(facts.stored, leaver.protected),
      sendBy,
      dedupeKey,
    })
    .returning({ id: handovers.id });
  return { id: row!.id, existing: false };
}
