/**
 * A case's documents: saving its åtgärdsprogram (optimistic version, one case event), the åtgärdsprogram as a PDF and
 * the case summary as a PDF (a sensitive note's text only for the student-health roles). Every read and write is
 * logged with the student.
 */
import { and, eq, sql } from 'drizzle-orm';
import { emptyQuery, idParams } from '../../../shared/interventions/cases.ts';
import { documentsApi } from '../../../shared/interventions/documents.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { actionProgrammes } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { HttpError } from '../../platform/errors.ts';
import { requestLanguage } from '../../platform/language.ts';
import { defineRoute, routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { schoolTypes } from '../register-extract/labels.ts';
import { actionProgrammePdf, type DocumentContext } from './action-programme-pdf.ts';
import { caseView } from './case-view.ts';
import { diff, recordCaseEvent } from './events.ts';
import type { CaseRow } from './policy.ts';
import { accountNames } from './queries.ts';
import { purpose, reachCase } from './reach.ts';
import { badInput, conflict, swedishTime } from './refusals.ts';
import { caseSummaryPdf } from './summary-pdf.ts';

/** What the documents print beside the case: organiser, civic number, current schooling, protected identity. */
async function documentContext(tx: DbOrTx, ctx: ActorContext, row: CaseRow): Promise<DocumentContext> {
  const today = dateOf(ctx.now);
  const [info] = await queryRows<{
    organiser: string;
    civic_no: string | null;
    security_marking: string;
    school_type: string | null;
    school_year: number | null;
    programme: string | null;
  }>(
    tx,
    sql`
    SELECT o.name AS organiser, p.civic_no, p.security_marking, e.school_type, e.school_year, coalesce(pr.name, e.programme_code) AS programme
      FROM persons p JOIN organisers o ON o.id = p.tenant_id
      LEFT JOIN LATERAL (SELECT * FROM enrolments e
        WHERE e.tenant_id = p.tenant_id AND e.person_id = p.id AND NOT e.cancelled AND e.start_date <= ${today}::date
          AND (e.end_date IS NULL OR e.end_date >= ${today}::date)
        ORDER BY e.start_date DESC, e.ordinal DESC LIMIT 1) e ON true
      LEFT JOIN programmes pr ON pr.tenant_id = e.tenant_id AND pr.id = e.programme_id
     WHERE p.tenant_id = ${row.tenantId}::uuid AND p.id = ${row.studentId}::uuid`,
  );
  // The school form by its name, never SS 12000's code (GY → Gymnasieskola); the programme by its name.
  const schooling = info?.school_type
    ? [schoolTypes[info.school_type] ?? 'Annan skolform', info.school_year !== null ? `årskurs ${info.school_year}` : null, info.programme]
        .filter(Boolean)
        .join(', ')
    : null;
  const names = await accountNames(tx, [ctx.actor.accountId]);
  const civic = info?.civic_no ?? null;
  return {
    organiser: info?.organiser ?? '',
    generatedAt: ctx.now.toISOString(),
    generatedBy: names.get(ctx.actor.accountId) ?? null,
    student: {
      civicNo: civic && civic.length === 12 ? `${civic.slice(0, 8)}-${civic.slice(8)}` : civic,
      schooling,
      protectedIdentity: (info?.security_marking ?? 'Ingen') !== 'Ingen',
    },
  };
}

function sendPdf(reply: { header: (k: string, v: string) => unknown }, name: string): void {
  reply.header('content-type', 'application/pdf');
  reply.header('content-disposition', `attachment; filename="${name}.pdf"`);
  reply.header('cache-control', 'no-store');
}

export function documentRoutes(): RouteDefinition[] {
  return [
    routeFor(documentsApi.saveActionProgramme, {
      permission: 'interventions.write',
      async handler({ params, body, ctx, tx, req }) {
        const action = 'interventions.action-programme.save';
        const row = await reachCase(tx, ctx, params.id, 'interventions.write', action);
        if (body.evaluationOn < body.decidedOn) {
          throw badInput('evaluationOn', {
            sv: 'utvärderingen kan inte ligga före beslutet',
            en: 'the evaluation cannot be before the decision',
          }).in(requestLanguage(req));
        }
        const { version: read, ...values } = body;
        const [current] = await tx
          .select()
          .from(actionProgrammes)
          .where(and(eq(actionProgrammes.tenantId, row.tenantId), eq(actionProgrammes.caseId, row.id)));
        let version: number;
        if (!current) {
          const [created] = await tx
            .insert(actionProgrammes)
            .values({ tenantId: row.tenantId, caseId: row.id, studentId: row.studentId, ...values, updatedBy: ctx.actor.accountId })
            .onConflictDoNothing()
            .returning({ version: actionProgrammes.version });
          if (!created) throw conflict('Någon annan sparade åtgärdsprogrammet samtidigt. Läs in det igen; ingenting sparades.');
          version = created.version;
        } else {
          const stale = async () => {
            const who = (await accountNames(tx, [current.updatedBy])).get(current.updatedBy) ?? 'någon annan';
            return conflict(
              `Någon annan har ändrat åtgärdsprogrammet sedan du öppnade det: ${who} ${swedishTime(current.updatedAt)}. ` +
                'Läs in det igen och gör dina ändringar på nytt; ingenting sparades.',
              { version: current.version, changedBy: { id: current.updatedBy, name: who }, changedAt: current.updatedAt },
            );
          };
          if (read !== current.version) throw await stale();
          const [updated] = await tx
            .update(actionProgrammes)
            .set({
              ...values,
              version: sql`${actionProgrammes.version} + 1`,
              updatedBy: ctx.actor.accountId,
              updatedAt: ctx.now.toISOString(),
            })
            .where(
              and(eq(actionProgrammes.tenantId, row.tenantId), eq(actionProgrammes.caseId, row.id), eq(actionProgrammes.version, read)),
            )
            .returning({ version: actionProgrammes.version });
          if (!updated) throw await stale();
          version = updated.version;
        }
        const before = current
          ? {
              needs: current.needs,
              studentViews: current.studentViews,
              guardianViews: current.guardianViews,
              decidedOn: current.decidedOn,
              decidedBy: current.decidedBy,
              evaluationOn: current.evaluationOn,
            }
          : {};
        await recordCaseEvent(tx, ctx, {
          tenantId: row.tenantId,
          caseId: row.id,
          studentId: row.studentId,
          kind: 'action-programme-saved',
          changes: diff(before, values),
        });
        await logAccess(tx, ctx, { action, subjectIds: [row.studentId], purpose, outcome: 'allowed' });
        return { version };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/interventions/cases/:id/action-programme.pdf',
      permission: 'interventions.read',
      schema: { params: idParams, querystring: emptyQuery },
      async handler({ params, ctx, tx, reply }) {
        const action = 'interventions.action-programme.pdf';
        const row = await reachCase(tx, ctx, params.id, 'interventions.read', action);
        const view = await caseView(tx, ctx.actor, row, dateOf(ctx.now));
        await logAccess(tx, ctx, { action, subjectIds: [row.studentId], purpose, outcome: 'allowed' });
        if (!view.actionProgramme) throw new HttpError(404, 'Ärendet har inget åtgärdsprogram.');
        const pdf = await actionProgrammePdf(view, await documentContext(tx, ctx, row));
        sendPdf(reply, `atgardsprogram-${view.actionProgramme.decidedOn}`);
        return pdf;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/interventions/cases/:id/summary.pdf',
      permission: 'interventions.read',
      schema: { params: idParams, querystring: emptyQuery },
      async handler({ params, ctx, tx, reply }) {
        const action = 'interventions.summary.pdf';
        const row = await reachCase(tx, ctx, params.id, 'interventions.read', action);
        const view = await caseView(tx, ctx.actor, row, dateOf(ctx.now));
        const pdf = await caseSummaryPdf(view, await documentContext(tx, ctx, row));
        await logAccess(tx, ctx, { action, subjectIds: [row.studentId], purpose, outcome: 'allowed' });
        sendPdf(reply, `arende-${dateOf(ctx.now)}`);
        return pdf;
      },
    }),
  ];
}
