/**
 * The routes of a handover to a school outside the installation (docs/handovers.md): the form's choices (the actor's
 * leavers, logged with them as subjects) and making the draft. No sender role: 403; a student the actor does not send
 * from: 404; both with a denied row.
 */
import { outsideSchoolApi } from '../../../shared/handovers/outside-school.ts';
import { logAccess } from '../../platform/access-log.ts';
import { notFound } from '../../platform/errors.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { inRequestLanguage } from '../interventions/refusals.ts';
import { createOutsideHandover, outsideOptions, outsidePurpose, reachLeaver } from './outside-school.ts';
import { requireScope } from './policy.ts';

/** The outside school's routes. */
export function outsideSchoolRoutes(): RouteDefinition[] {
  return [
    routeFor(outsideSchoolApi.options, {
      permission: 'handovers.write',
      async handler({ ctx, tx }) {
        const action = 'handovers.outside.options';
        await requireScope(tx, ctx, 'handovers.write', action);
        const options = await outsideOptions(tx, ctx);
        await logAccess(tx, ctx, { action, subjectIds: options.students.map((s) => s.id), purpose: outsidePurpose, outcome: 'allowed' });
        return options;
      },
    }),
    routeFor(outsideSchoolApi.create, {
      permission: 'handovers.write',
      async handler({ body, ctx, tx, req }) {
        const action = 'handovers.outside.create';
        await requireScope(tx, ctx, 'handovers.write', action);
        const leaver = await reachLeaver(tx, ctx, body.studentId);
        if (!leaver) {
          await logAccess(tx, ctx, { action, purpose: outsidePurpose, outcome: 'denied' });
          throw notFound();
        }
        const out = await inRequestLanguage(req, () => createOutsideHandover(tx, ctx, leaver, body));
        await logAccess(tx, ctx, { action, subjectIds: [leaver.id], purpose: outsidePurpose, outcome: 'allowed' });
        return out;
      },
    }),
  ];
}
