/** Student routes: thin — permission, schema, and a scoped load, an access-log row, a presenter. */
import { logAccess } from '../../platform/access-log.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { answerFor } from '../../platform/read-cache.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { studentsApi } from '../../../shared/students/contract.ts';
import { dateOf } from '../../platform/dates.ts';
import { scopeImpliesCurrentEnrolment, scopeStudentsQuery, studentAbilities } from './policy.ts';
import { readScopedPage } from './scoped-page.ts';
import { presentStudentFilters, presentStudentListItem, presentStudentPage } from './present.ts';
import {
  attendanceByMonth,
  enrolmentsOf,
  findStudent,
  gradesOf,
  guardiansOf,
  listStudentsOrder,
  listStudentsQuery,
  studentFilterOptions,
  type StudentListRow,
} from './queries.ts';

const purpose = 'uppföljning av elevens studiegång';

/** GET /api/students, GET /api/students/filters and GET /api/students/:id. */
export function studentRoutes(): RouteDefinition[] {
  return [
    routeFor(studentsApi.list, {
      permission: 'students.list',
      async handler({ query, ctx, tx, deps }) {
        const { rows } = await readScopedPage<StudentListRow>(
          { ctx, tx, deps },
          {
            action: 'students.list',
            permission: 'students.list',
            purpose,
            query,
            statement: ({ tenantId, scope, asOf }) => ({
              query: listStudentsQuery(
                tenantId,
                scope,
                query,
                asOf,
                scopeImpliesCurrentEnrolment(ctx.actor, { asOf, permission: 'students.list' }),
              ),
              orderBy: listStudentsOrder,
            }),
          },
        );
        return answerFor(rows, () => ({
          items: rows.map(presentStudentListItem),
          total: rows[0]?.total ?? 0,
          page: query.page,
          pageSize: query.pageSize,
        }));
      },
    }),
    routeFor(studentsApi.filters, {
      permission: 'students.list',
      async handler({ ctx, tx }) {
        const scope = scopeStudentsQuery(ctx.actor, { asOf: dateOf(ctx.now), permission: 'students.list' });
        if (!scope) {
          await logAccess(tx, ctx, { action: 'students.filters', purpose, outcome: 'denied' });
          throw forbidden();
        }
        const options = await studentFilterOptions(tx, scope, dateOf(ctx.now));
        // Names no student, but is derived from the actor's students: logged like any look at the scope.
        await logAccess(tx, ctx, { action: 'students.filters', purpose, outcome: 'allowed' });
        return presentStudentFilters(options);
      },
    }),
    routeFor(studentsApi.read, {
      permission: 'students.read',
      async handler({ params, ctx, tx }) {
        const asOf = dateOf(ctx.now);
        const scope = scopeStudentsQuery(ctx.actor, { asOf, permission: 'students.read' });
        const student = scope ? await findStudent(tx, scope, params.id) : undefined;
        if (!student || !ctx.actor.tenantId) {
          await logAccess(tx, ctx, { action: 'students.read', subjectIds: [params.id], purpose, outcome: 'denied' });
          throw notFound();
        }
        const tenantId = ctx.actor.tenantId;
        const abilities = studentAbilities(ctx.actor);
        const page = presentStudentPage({
          student,
          guardians: abilities.canReadContact ? await guardiansOf(tx, tenantId, student.id) : null,
          enrolments: await enrolmentsOf(tx, tenantId, student.id),
          attendance: abilities.canReadAttendance ? await attendanceByMonth(tx, tenantId, student.id) : null,
          grades: abilities.canReadGrades ? await gradesOf(tx, tenantId, student.id) : null,
          abilities,
        });
        await logAccess(tx, ctx, { action: 'students.read', subjectIds: [student.id], purpose, outcome: 'allowed' });
        return page;
      },
    }),
  ];
}
