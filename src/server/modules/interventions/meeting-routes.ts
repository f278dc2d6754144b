/**
 * Student-health team meetings (elevhälsoteamets möten): list, create with a generated agenda, read with names for the
 * students in the reader's scope, and record minutes, attendees and status under an optimistic version. A meeting
 * belongs to a school unit; only those with a role at that unit reach it (another unit's or organiser's: 404).
 * Decisions are recorded as case changes through the case routes with `meetingId` and read back here.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { meetingsApi, meetingLabels } from '../../../shared/interventions/meetings.ts';
import type { Permission } from '../../../shared/access/permissions.ts';
import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../db/client.ts';
import { roleAssignments, teamMeetings } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import { assignmentsGranting, type Actor, type ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { HttpError, notFound } from '../../platform/errors.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { requestLanguage } from '../../platform/language.ts';
import { FieldRefusal } from './refusals.ts';
import { allowedStudentIds } from '../students/policy.ts';
import { agendaStudentIds, generateAgenda } from './agenda.ts';
import { loadMeeting, meetingStudentIds, presentMeeting, unitNames, type MeetingRow } from './meetings.ts';

const purpose = 'elevhälsans arbete med stöd och insatser';
/** The school units where the actor holds a role granting `permission`. */
export function actorUnits(actor: Actor, permission: Permission): Set<string> {
  return new Set(assignmentsGranting(actor, permission).flatMap((a) => a.unitIds));
}

/** 403 naming `schoolUnitId` (logged) unless it is one of the actor's units for `permission`. */
async function requireUnit(
  tx: DbOrTx,
  ctx: ActorContext,
  req: FastifyRequest,
  unitId: string,
  permission: Permission,
  action: string,
): Promise<string> {
  if (ctx.actor.tenantId && actorUnits(ctx.actor, permission).has(unitId)) return ctx.actor.tenantId;
  await logAccess(tx, ctx, { action, purpose, outcome: 'denied' });
  throw new FieldRefusal(
    'schoolUnitId',
    { sv: 'är inte en av dina skolenheter', en: 'is not one of your school units' },
    meetingLabels,
    403,
  ).in(requestLanguage(req));
}

/** The meeting if it is at one of the actor's units for `permission`; else a denied row and 404. */
async function reachMeeting(tx: DbOrTx, ctx: ActorContext, id: string, permission: Permission, action: string): Promise<MeetingRow> {
  const meeting = ctx.actor.tenantId ? await loadMeeting(tx, ctx.actor.tenantId, id) : null;
  if (meeting && actorUnits(ctx.actor, permission).has(meeting.schoolUnitId)) return meeting;
  await logAccess(tx, ctx, { action, purpose, outcome: 'denied' });
  throw notFound();
}

/** 400 naming `attendeeIds.N` («Närvarande 2: …») for an account without a role at the organiser. */
async function checkAttendees(tx: DbOrTx, req: FastifyRequest, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx
    .selectDistinct({ accountId: roleAssignments.accountId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), inArray(roleAssignments.accountId, [...ids])));
  const known = new Set(rows.map((r) => r.accountId));
  const bad = ids.findIndex((id) => !known.has(id));
  if (bad >= 0) {
    const text = { sv: 'är inte en användare hos huvudmannen', en: 'is not a user at the organiser' };
    throw new FieldRefusal(`attendeeIds.${bad}`, text, meetingLabels).in(requestLanguage(req));
  }
}

export function meetingRoutes(): RouteDefinition[] {
  return [
    routeFor(meetingsApi.list, {
      permission: 'interventions.read',
      async handler({ query, ctx, tx, req }) {
        if (query.schoolUnitId) await requireUnit(tx, ctx, req, query.schoolUnitId, 'interventions.read', 'interventions.meetings');
        const units = query.schoolUnitId ? [query.schoolUnitId] : [...actorUnits(ctx.actor, 'interventions.read')];
        if (!ctx.actor.tenantId || units.length === 0) return { items: [] };
        const rows = await tx
          .select({
            id: teamMeetings.id,
            schoolUnitId: teamMeetings.schoolUnitId,
            heldOn: teamMeetings.heldOn,
            status: teamMeetings.status,
          })
          .from(teamMeetings)
          .where(and(eq(teamMeetings.tenantId, ctx.actor.tenantId), inArray(teamMeetings.schoolUnitId, units)))
          .orderBy(desc(teamMeetings.heldOn), asc(teamMeetings.id))
          .limit(200);
        const names = await unitNames(tx, ctx.actor.tenantId, units);
        // Meetings carry no student data in the list: nothing to log.
        return {
          items: rows.map((r) => ({
            id: r.id,
            schoolUnit: { id: r.schoolUnitId, name: names.get(r.schoolUnitId) ?? '' },
            heldOn: r.heldOn,
            status: r.status,
          })),
        };
      },
    }),
    routeFor(meetingsApi.create, {
      permission: 'interventions.write',
      async handler({ body, ctx, tx, req, reply }) {
        const tenantId = await requireUnit(tx, ctx, req, body.schoolUnitId, 'interventions.write', 'interventions.meeting.create');
        const agenda = await generateAgenda(tx, tenantId, body.schoolUnitId, body.heldOn, dateOf(ctx.now));
        const [row] = await tx
          .insert(teamMeetings)
          .values({
            tenantId,
            schoolUnitId: body.schoolUnitId,
            heldOn: body.heldOn,
            agenda: { ...agenda },
            createdBy: ctx.actor.accountId,
          })
          .returning({ id: teamMeetings.id });
        if (!row) throw new Error('create meeting: the insert returned no row');
        // Generating the agenda read these students' risk and case data.
        await logAccess(tx, ctx, {
          action: 'interventions.meeting.create',
          subjectIds: agendaStudentIds(agenda),
          purpose,
          outcome: 'allowed',
        });
        reply.code(201);
        return { id: row.id };
      },
    }),
    routeFor(meetingsApi.read, {
      permission: 'interventions.read',
      async handler({ params, ctx, tx }) {
        const meeting = await reachMeeting(tx, ctx, params.id, 'interventions.read', 'interventions.meeting');
        const concerned = await meetingStudentIds(tx, meeting);
        const visible = await allowedStudentIds(tx, ctx.actor, concerned, { asOf: dateOf(ctx.now), permission: 'interventions.read' });
        const page = await presentMeeting(tx, meeting, visible);
        await logAccess(tx, ctx, { action: 'interventions.meeting', subjectIds: [...visible], purpose, outcome: 'allowed' });
        return page;
      },
    }),
    routeFor(meetingsApi.update, {
      permission: 'interventions.write',
      async handler({ params, body, ctx, tx, req }) {
        const meeting = await reachMeeting(tx, ctx, params.id, 'interventions.write', 'interventions.meeting.update');
        if (body.attendeeIds) await checkAttendees(tx, req, meeting.tenantId, body.attendeeIds);
        const [row] = await tx
          .update(teamMeetings)
          .set({
            version: sql`${teamMeetings.version} + 1`,
            updatedAt: sql`now()`,
            ...(body.minutes !== undefined ? { minutes: body.minutes } : {}),
            ...(body.attendeeIds ? { attendeeIds: body.attendeeIds } : {}),
            ...(body.status ? { status: body.status } : {}),
          })
          .where(and(eq(teamMeetings.tenantId, meeting.tenantId), eq(teamMeetings.id, meeting.id), eq(teamMeetings.version, body.version)))
          .returning({ id: teamMeetings.id, version: teamMeetings.version });
        if (!row) {
          throw new HttpError(
            409,
            'Någon annan har ändrat mötet sedan du öppnade det. Läs in mötet igen och gör dina ändringar på nytt; ingenting sparades.',
            {
              version: meeting.version,
            },
          );
        }
        return row;
      },
    }),
  ];
}
