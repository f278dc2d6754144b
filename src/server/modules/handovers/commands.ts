/**
 * The handover's commands (docs/handovers.md): the sender saves and sends; sending checks the receiving unit (it
 * exists, and has placed or admitted the student — the admission wall) and delivers a copy to that unit's tenant
 * through the same logged, purpose-bound channel as the KAA notices (an access-log row on each side). The receiver
 * confirms receipt (mirrored onto the sender's row), records the transition meeting and the follow-up.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { SaveHandoverBody } from '../../../shared/handovers/contract.ts';
import { fieldLabels } from '../../../shared/handovers/contract.ts';
import type { AdaptationOutcome } from '../../../shared/handovers/codes.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { handovers, handoverSettings } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { badInput, conflict } from '../interventions/refusals.ts';
import { copyAttachments } from './attachments.ts';
import { gradeCatalogue } from './grade-extract.ts';
import { handoverPurpose, type HandoverRow } from './policy.ts';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The follow-up falls this many days after the start at the new school. */
export const followUpAfterDays = 28;

function checkVersion(row: HandoverRow, version: number) {
  if (row.version !== version)
    throw conflict('Någon annan har ändrat överlämningen sedan du öppnade den. Läs in den igen; ingenting sparades.', {
      version: row.version,
    });
}

async function update(db: DbOrTx, row: HandoverRow, set: Partial<typeof handovers.$inferInsert>): Promise<HandoverRow> {
  const [updated] = await db
    .update(handovers)
    .set({ ...set, version: row.version + 1, updatedAt: new Date().toISOString() })
    .where(and(eq(handovers.tenantId, row.tenantId), eq(handovers.id, row.id), eq(handovers.version, row.version)))
    .returning();
  if (!updated) throw conflict('Någon annan har ändrat överlämningen samtidigt. Läs in den igen; ingenting sparades.');
  return updated;
}

interface Unit extends Record<string, unknown> {
  tenant_id: string;
  id: string;
  name: string;
  school_types: string[];
  organiser_name: string;
}

/** A school unit of the installation by id, or a 400 naming the field. */
export async function receivingUnit(db: DbOrTx, id: string): Promise<Unit> {
  const [unit] = await queryRows<Unit>(
    db,
    sql`SELECT o.tenant_id, o.id, o.display_name AS name, o.school_types, og.name AS organiser_name
          FROM organisations o JOIN organisers og ON og.id = o.tenant_id
         WHERE o.id = ${id}::uuid AND o.organisation_type = 'Skolenhet' ORDER BY o.tenant_id LIMIT 1`,
  );
  if (!unit) throw badInput('toUnitId', { sv: 'skolenheten finns inte', en: 'the school unit does not exist' }, fieldLabels);
  return unit;
}

/** The sender saves the form (a "no handover needed" becomes a draft). */
export async function saveHandover(db: DbOrTx, row: HandoverRow, body: SaveHandoverBody): Promise<HandoverRow> {
  if (row.status !== 'draft' && row.status !== 'not-needed') throw conflict('Överlämningen är redan skickad och kan inte ändras.');
  checkVersion(row, body.version);
  const { version: _v, toUnitId, ...content } = body;
  let target = {};
  if (toUnitId && toUnitId !== row.toUnitId) {
    const unit = await receivingUnit(db, toUnitId);
    target = { toUnitId: unit.id, toUnitName: unit.name, toOrganiserId: unit.tenant_id, toOrganiserName: unit.organiser_name };
  }
  // A protected identity: nothing that could locate the student is carried.
  if (row.protectedIdentity) content.contacts = '';
  return update(db, row, { ...target, content, status: 'draft', triggers: row.triggers.length ? row.triggers : ['manual'] });
}

/** Sends: refused when already sent, when the unit is unknown or has not placed the student; otherwise delivered. */
export async function sendHandover(db: DbOrTx, ctx: ActorContext, row: HandoverRow, version: number): Promise<HandoverRow> {
  if (row.status === 'sent' || row.status === 'confirmed') throw conflict('Överlämningen är redan skickad; den skickas bara en gång.');
  checkVersion(row, version);
  // A school outside the installation (outside-school.ts) is reached only by the handover file.
  if (row.toUnitCode)
    throw badInput(
      'toUnitId',
      {
        sv: 'skolan finns utanför Fullfölj; lämna överlämningen som fil',
        en: 'the school is outside Fullfölj; hand the handover over as a file',
      },
      fieldLabels,
    );
  // KAA → school: what the register holds is beyond the pedagogical handover, so it goes only with consent.
  if (row.route === 'kaa-to-school' && !row.content.consentBeyondPedagogical)
    throw badInput(
      'consentBeyondPedagogical',
      {
        sv: 'uppgifter från aktivitetsansvaret lämnas bara med den unges samtycke; skriv in samtycket innan du skickar',
        en: "information from the activity responsibility is passed on only with the young person's consent; record it before sending",
      },
      fieldLabels,
    );
  const unit = await receivingUnit(db, row.toUnitId);
  const [placed] = await queryRows<{ person_id: string; start_date: string }>(
    db,
    sql`SELECT q.id AS person_id, n.start_date::text FROM persons q
          JOIN enrolments n ON n.tenant_id = q.tenant_id AND n.person_id = q.id AND NOT n.cancelled
         WHERE q.tenant_id = ${unit.tenant_id}::uuid AND q.civic_no = ${row.civicNo} AND n.school_unit_id = ${unit.id}::uuid
         ORDER BY n.start_date DESC LIMIT 1`,
  );
  if (!placed)
    throw badInput(
      'toUnitId',
      {
        sv: 'eleven är inte placerad eller antagen vid skolenheten; överlämningen kan skickas när placeringen finns',
        en: 'the student is not placed at or admitted to the school unit; the handover can be sent once the placement exists',
      },
      fieldLabels,
    );
  const today = dateOf(ctx.now);
  // The grade-catalogue extract is frozen as it is now, so the receiving unit reads what was sent.
  const facts = { ...row.facts, gradeCatalogue: await gradeCatalogue(db, row, today) };
  const [settings] = await db.select().from(handoverSettings).where(eq(handoverSettings.tenantId, unit.tenant_id));
  const confirmBy = addDays(today, settings?.confirmDays ?? 14);
  const now = ctx.now.toISOString();
  const received = await db
    .insert(handovers)
    .values({
      ...row,
      tenantId: unit.tenant_id,
      id: undefined,
      direction: 'received',
      status: 'sent',
      facts,
      studentId: placed.person_id,
      youthId: null,
      toUnitName: unit.name,
      toOrganiserName: unit.organiser_name,
      startsOn: placed.start_date,
      sentAt: now,
      sentBy: ctx.actor.accountId,
      deliveredAt: now,
      confirmBy,
      followUpDue: addDays(placed.start_date > today ? placed.start_date : today, followUpAfterDays),
      dedupeKey: `${row.tenantId}:${row.dedupeKey}`,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: handovers.id });
  if (received.length === 0) throw conflict('Den mottagande skolenheten har redan fått en överlämning om eleven härifrån.');
  await copyAttachments(db, row, { tenantId: unit.tenant_id, handoverId: received[0]!.id });
  const sent = await update(db, row, {
    status: 'sent',
    facts,
    sentAt: now,
    sentBy: ctx.actor.accountId,
    deliveredAt: now,
    confirmBy,
    startsOn: placed.start_date,
  });
  await logAccess(db, ctx, {
    tenantId: row.tenantId,
    action: 'handovers.send',
    subjectIds: row.studentId ? [row.studentId] : [],
    purpose: handoverPurpose,
    outcome: 'allowed',
  });
  await logAccess(db, ctx, {
    tenantId: unit.tenant_id,
    action: 'handovers.delivered',
    subjectIds: [placed.person_id],
    purpose: handoverPurpose,
    outcome: 'allowed',
  });
  return sent;
}

/** The receiving unit confirms receipt; the sender's row shows it too. */
export async function confirmHandover(db: DbOrTx, ctx: ActorContext, row: HandoverRow, version: number): Promise<HandoverRow> {
  if (row.status === 'confirmed') throw conflict('Mottagandet är redan bekräftat.');
  checkVersion(row, version);
  const now = ctx.now.toISOString();
  const confirmed = await update(db, row, { status: 'confirmed', confirmedAt: now, confirmedBy: ctx.actor.accountId });
  await db
    .update(handovers)
    .set({ status: 'confirmed', confirmedAt: now })
    .where(and(eq(handovers.tenantId, row.fromOrganiserId), eq(handovers.deliveryId, row.deliveryId), eq(handovers.direction, 'sent')));
  return confirmed;
}

/** The transition meeting: when, who, minutes, and what the receiving school will do. */
export async function recordMeeting(
  db: DbOrTx,
  ctx: ActorContext,
  row: HandoverRow,
  body: { version: number; meetingOn: string; meetingAttendees: string; meetingMinutes: string; meetingActions: string },
): Promise<HandoverRow> {
  checkVersion(row, body.version);
  return update(db, row, {
    meetingOn: body.meetingOn,
    meetingAttendees: body.meetingAttendees,
    meetingMinutes: body.meetingMinutes,
    meetingActions: body.meetingActions,
    meetingHeldAt: body.meetingOn <= dateOf(ctx.now) ? ctx.now.toISOString() : null,
  });
}

/** The follow-up after the first weeks: did the adaptations continue, and attendance since the start. */
export async function recordFollowUp(
  db: DbOrTx,
  ctx: ActorContext,
  row: HandoverRow,
  body: { version: number; adaptationsContinued: AdaptationOutcome; followUpNote: string },
): Promise<HandoverRow> {
  checkVersion(row, body.version);
  const [attendance] = await queryRows<{ present: number; total: number }>(
    db,
    sql`SELECT coalesce(sum(attendance_minutes), 0)::int AS present,
               coalesce(sum(attendance_minutes + valid_absence_minutes + invalid_absence_minutes), 0)::int AS total
          FROM attendances WHERE tenant_id = ${row.tenantId}::uuid AND student_id = ${row.studentId}::uuid AND is_reported
           AND lesson_date >= ${row.startsOn ?? dateOf(ctx.now)}::date AND lesson_date <= ${dateOf(ctx.now)}::date`,
  );
  const share = attendance && attendance.total > 0 ? Math.round((attendance.present / attendance.total) * 1000) / 1000 : null;
  return update(db, row, {
    adaptationsContinued: body.adaptationsContinued,
    followUpNote: body.followUpNote,
    followUpDoneAt: ctx.now.toISOString(),
    attendanceSinceStart: share,
  });
}
