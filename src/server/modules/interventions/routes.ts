/**
 * Case routes (docs/interventions.md, "Cases, interventions, follow-ups, notes"): the method library, the case list,
 * opening and changing cases, interventions, follow-ups, notes, who may be responsible, and the actor's reminders.
 * Every read of case data is logged under the student's id; an id out of scope is a 404 with a denied row.
 */
import type { ActorContext } from '../../platform/context.ts';
import { assignmentsGranting } from '../../platform/context.ts';
import { logAccess } from '../../platform/access-log.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { casesApi } from '../../../shared/interventions/cases.ts';
import { interventionsApi } from '../../../shared/interventions/interventions.ts';
import { peopleApi } from '../../../shared/interventions/people.ts';
import type { DbOrTx } from '../../db/client.ts';
import { allowedStudentIds, scopeStudentsQuery } from '../students/policy.ts';
import { listCases, presentCaseListItem } from './case-list.ts';
import { caseView } from './case-view.ts';
import { openCase, updateCase } from './cases.ts';
import { addFollowUp, addIntervention, addNote, completeFollowUp, updateIntervention } from './interventions.ts';
import { presentMethod, publishedMethods } from './methods.ts';
import { eligibleResponsibles } from './policy.ts';
import { purpose, reachCase, reachFollowUp, reachIntervention } from './reach.ts';
import { remindersFor } from './reminders.ts';
import { inRequestLanguage } from './refusals.ts';

/** Logs an allowed change (or read) of the student's case data. */
const logAllowed = (tx: DbOrTx, ctx: ActorContext, action: string, studentId: string) =>
  logAccess(tx, ctx, { action, subjectIds: [studentId], purpose, outcome: 'allowed' });

/** The actor's scope for reading cases, or 403 with a denied row (no role grants it in a tenant). */
async function readScope(tx: DbOrTx, ctx: ActorContext, action: string) {
  const scope = scopeStudentsQuery(ctx.actor, { asOf: dateOf(ctx.now), permission: 'interventions.read' });
  if (!scope || !ctx.actor.tenantId) {
    await logAccess(tx, ctx, { action, purpose, outcome: 'denied' });
    throw forbidden();
  }
  return { scope, tenantId: ctx.actor.tenantId };
}

export function interventionRoutes(): RouteDefinition[] {
  return [
    routeFor(peopleApi.methods, {
      permission: 'interventions.read',
      async handler({ tx }) {
        return { items: (await publishedMethods(tx)).map(presentMethod) };
      },
    }),
    routeFor(casesApi.list, {
      permission: 'interventions.read',
      async handler({ query, ctx, tx }) {
        const action = 'interventions.cases';
        const { scope, tenantId } = await readScope(tx, ctx, action);
        const rows = await listCases(tx, tenantId, scope, ctx.actor.accountId, query, dateOf(ctx.now));
        await logAccess(tx, ctx, { action, subjectIds: rows.map((r) => r.student_id), purpose, outcome: 'allowed' });
        return { items: rows.map(presentCaseListItem), total: rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
      },
    }),
    routeFor(casesApi.open, {
      permission: 'interventions.write',
      async handler({ body, ctx, tx, req, reply }) {
        const opened = await inRequestLanguage(req, () => openCase(tx, ctx, body));
        reply.code(201);
        return opened;
      },
    }),
    routeFor(casesApi.read, {
      permission: 'interventions.read',
      async handler({ params, ctx, tx }) {
        const row = await reachCase(tx, ctx, params.id, 'interventions.read', 'interventions.case');
        const view = await caseView(tx, ctx.actor, row, dateOf(ctx.now));
        await logAllowed(tx, ctx, 'interventions.case', row.studentId);
        return view;
      },
    }),
    routeFor(casesApi.update, {
      permission: 'interventions.write',
      async handler({ params, body, ctx, tx, req }) {
        const action = 'interventions.case.update';
        const row = await reachCase(tx, ctx, params.id, 'interventions.write', action);
        await logAllowed(tx, ctx, action, row.studentId);
        return inRequestLanguage(req, () => updateCase(tx, ctx, row, body));
      },
    }),
    routeFor(interventionsApi.add, {
      permission: 'interventions.write',
      async handler({ params, body, ctx, tx, req, reply }) {
        const action = 'interventions.intervention.add';
        const row = await reachCase(tx, ctx, params.id, 'interventions.write', action);
        await logAllowed(tx, ctx, action, row.studentId);
        const added = await inRequestLanguage(req, () => addIntervention(tx, ctx, row, body));
        reply.code(201);
        return { id: added.id };
      },
    }),
    routeFor(interventionsApi.update, {
      permission: 'interventions.write',
      async handler({ params, body, ctx, tx, req }) {
        const action = 'interventions.intervention.update';
        const { intervention, caseRow } = await reachIntervention(tx, ctx, params.id, 'interventions.write', action);
        await logAllowed(tx, ctx, action, caseRow.studentId);
        return inRequestLanguage(req, () => updateIntervention(tx, ctx, caseRow, intervention, body));
      },
    }),
    routeFor(interventionsApi.addFollowUp, {
      permission: 'interventions.write',
      async handler({ params, body, ctx, tx, req, reply }) {
        const action = 'interventions.follow-up.add';
        const { intervention, caseRow } = await reachIntervention(tx, ctx, params.id, 'interventions.write', action);
        await logAllowed(tx, ctx, action, caseRow.studentId);
        const added = await inRequestLanguage(req, () => addFollowUp(tx, ctx, caseRow, intervention, body.dueOn));
        reply.code(201);
        return added;
      },
    }),
    routeFor(interventionsApi.followUpDone, {
      permission: 'interventions.write',
      async handler({ params, body, ctx, tx, req }) {
        const action = 'interventions.follow-up.done';
        const { followUp, caseRow } = await reachFollowUp(tx, ctx, params.id, 'interventions.write', action);
        await logAllowed(tx, ctx, action, caseRow.studentId);
        return inRequestLanguage(req, () => completeFollowUp(tx, ctx, caseRow, followUp, body));
      },
    }),
    routeFor(interventionsApi.addNote, {
      permission: 'interventions.write',
      async handler({ params, body, ctx, tx, req, reply }) {
        const action = 'interventions.note.add';
        const row = await reachCase(tx, ctx, params.id, 'interventions.write', action);
        await logAllowed(tx, ctx, action, row.studentId);
        const added = await inRequestLanguage(req, () => addNote(tx, ctx, row, body));
        reply.code(201);
        return added;
      },
    }),
    routeFor(peopleApi.responsibles, {
      permission: 'interventions.write',
      async handler({ query, ctx, tx }) {
        // Staff of one of the actor's own units; with a student, also their mentors (for an intervention). Another
        // unit, or a student out of scope, is as unknown as a missing one.
        const action = 'interventions.responsibles';
        const units = new Set(assignmentsGranting(ctx.actor, 'interventions.write').flatMap((a) => a.unitIds));
        const asOf = dateOf(ctx.now);
        const student = query.studentId
          ? (await allowedStudentIds(tx, ctx.actor, [query.studentId], { asOf, permission: 'interventions.write' })).has(query.studentId)
          : true;
        if (!ctx.actor.tenantId || !units.has(query.schoolUnitId) || !student) {
          await logAccess(tx, ctx, { action, subjectIds: query.studentId ? [query.studentId] : [], purpose, outcome: 'denied' });
          throw notFound();
        }
        const items = await eligibleResponsibles(tx, ctx.actor.tenantId, query.schoolUnitId, { studentId: query.studentId, asOf });
        // Who mentors the student is about the student: logged with them.
        if (query.studentId) await logAllowed(tx, ctx, action, query.studentId);
        return { items };
      },
    }),
    routeFor(peopleApi.reminders, {
      permission: 'interventions.read',
      async handler({ ctx, tx }) {
        const action = 'interventions.reminders';
        const { scope, tenantId } = await readScope(tx, ctx, action);
        const reminders = await remindersFor(tx, tenantId, ctx.actor.accountId, scope, dateOf(ctx.now));
        const subjectIds = [...reminders.overdue, ...reminders.upcoming].map((r) => r.student.id);
        await logAccess(tx, ctx, { action, subjectIds, purpose, outcome: 'allowed' });
        return reminders;
      },
    }),
  ];
}
