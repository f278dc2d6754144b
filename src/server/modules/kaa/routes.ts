/**
 * The KAA register's routes (docs/kaa.md): the officer's (youth-register.read / .write, scope home-municipality) and
 * the sending principal's (kaa-notices.send). Every read of personal data writes an access-log row naming the young
 * people read; an id outside the actor's register is a 404 with a denied row.
 */
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { kaaDismissals, kaaMeasures, kaaNotices, kaaPopulationImports, organisers } from '../../db/schema/index.ts';
import { kaaApi, kaaSenderApi } from '../../../shared/kaa/contract.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { HttpError, notFound } from '../../platform/errors.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { inRequestLanguage } from '../interventions/refusals.ts';
import { importNoticeFile } from './notice-file.ts';
import { confirmProposal, fileRecord, presentNotice, type NoticeRow } from './notices.ts';
import { officerScope, reachYouth, registerPurpose, senderPurpose, senderUnits, sentNoticeScope } from './policy.ts';
import { importPopulation, problemMessage } from './population-import.ts';
import { refreshTargetGroup } from './refresh.ts';
import { listYouth, reminders, unmatchedNotice, youthView } from './register.ts';
import * as work from './work.ts';

const allowed = (tx: DbOrTx, ctx: ActorContext, action: string, subjectIds: readonly string[], purpose = registerPurpose) =>
  logAccess(tx, ctx, { action, subjectIds, purpose, outcome: 'allowed' });

/** A measure of the officer's register (through its young person), or 404 with a denied row. */
async function reachMeasure(tx: DbOrTx, ctx: ActorContext, id: string, action: string) {
  const scope = await officerScope(tx, ctx, 'youth-register.write', action);
  const [measure] = await tx
    .select()
    .from(kaaMeasures)
    .where(and(eq(kaaMeasures.tenantId, scope.tenantId), eq(kaaMeasures.id, id)));
  if (!measure) {
    await logAccess(tx, ctx, { action, purpose: registerPurpose, outcome: 'denied' });
    throw notFound();
  }
  return measure;
}

/** A received notice of the officer's municipality, or 404 with a denied row. */
async function reachReceived(tx: DbOrTx, ctx: ActorContext, id: string, action: string): Promise<NoticeRow> {
  const scope = await officerScope(tx, ctx, 'youth-register.write', action);
  const [notice] = await tx
    .select()
    .from(kaaNotices)
    .where(and(eq(kaaNotices.tenantId, scope.tenantId), eq(kaaNotices.id, id), eq(kaaNotices.direction, 'received')));
  if (!notice) {
    await logAccess(tx, ctx, { action, purpose: registerPurpose, outcome: 'denied' });
    throw notFound();
  }
  return notice;
}

export function kaaRoutes(): RouteDefinition[] {
  return [
    routeFor(kaaApi.list, {
      permission: 'youth-register.read',
      async handler({ query, ctx, tx }) {
        const action = 'youth-register.list';
        const scope = await officerScope(tx, ctx, 'youth-register.read', action);
        const { items, total } = await listYouth(tx, scope.tenantId, query, dateOf(ctx.now));
        await allowed(
          tx,
          ctx,
          action,
          items.map((i) => i.id),
        );
        return { items, total, page: query.page, pageSize: query.pageSize };
      },
    }),
    routeFor(kaaApi.read, {
      permission: 'youth-register.read',
      async handler({ params, ctx, tx }) {
        const action = 'youth-register.youth';
        const { youth } = await reachYouth(tx, ctx, 'youth-register.read', action, params.id);
        await allowed(tx, ctx, action, [youth.id]);
        return youthView(tx, youth, dateOf(ctx.now));
      },
    }),
    routeFor(kaaApi.contactDetails, {
      permission: 'youth-register.write',
      async handler({ params, body, ctx, tx, req }) {
        const action = 'youth-register.contact-details';
        const { youth } = await reachYouth(tx, ctx, 'youth-register.write', action, params.id);
        await allowed(tx, ctx, action, [youth.id]);
        return inRequestLanguage(req, () => work.saveContactDetails(tx, ctx, youth, body));
      },
    }),
    routeFor(kaaApi.addContact, {
      permission: 'youth-register.write',
      async handler({ params, body, ctx, tx, req, reply }) {
        const action = 'youth-register.contact.add';
        const { youth } = await reachYouth(tx, ctx, 'youth-register.write', action, params.id);
        await allowed(tx, ctx, action, [youth.id]);
        const row = await inRequestLanguage(req, () => work.addContact(tx, ctx, youth, body));
        reply.code(201);
        return row;
      },
    }),
    routeFor(kaaApi.addOccupation, {
      permission: 'youth-register.write',
      async handler({ params, body, ctx, tx, req, reply }) {
        const action = 'youth-register.occupation.add';
        const { youth } = await reachYouth(tx, ctx, 'youth-register.write', action, params.id);
        await allowed(tx, ctx, action, [youth.id]);
        const row = await inRequestLanguage(req, () => work.addOccupation(tx, ctx, youth, body));
        reply.code(201);
        return row;
      },
    }),
    routeFor(kaaApi.savePlan, {
      permission: 'youth-register.write',
      async handler({ params, body, ctx, tx, req }) {
        const action = 'youth-register.plan.save';
        const { youth } = await reachYouth(tx, ctx, 'youth-register.write', action, params.id);
        await allowed(tx, ctx, action, [youth.id]);
        return inRequestLanguage(req, () => work.savePlan(tx, ctx, youth, body));
      },
    }),
    routeFor(kaaApi.openMeasure, {
      permission: 'youth-register.write',
      async handler({ params, body, ctx, tx, req, reply }) {
        const action = 'youth-register.measure.open';
        const { youth } = await reachYouth(tx, ctx, 'youth-register.write', action, params.id);
        await allowed(tx, ctx, action, [youth.id]);
        const row = await inRequestLanguage(req, () => work.openMeasure(tx, ctx, youth, body));
        reply.code(201);
        return row;
      },
    }),
    routeFor(kaaApi.updateMeasure, {
      permission: 'youth-register.write',
      async handler({ params, body, ctx, tx, req }) {
        const action = 'youth-register.measure.update';
        const measure = await reachMeasure(tx, ctx, params.id, action);
        await allowed(tx, ctx, action, [measure.youthId]);
        return inRequestLanguage(req, () => work.updateMeasure(tx, ctx, measure, body));
      },
    }),
    routeFor(kaaApi.closeMeasure, {
      permission: 'youth-register.write',
      async handler({ params, body, ctx, tx, req }) {
        const action = 'youth-register.measure.close';
        const measure = await reachMeasure(tx, ctx, params.id, action);
        await allowed(tx, ctx, action, [measure.youthId]);
        return inRequestLanguage(req, () => work.closeMeasure(tx, ctx, measure, body));
      },
    }),
    routeFor(kaaApi.dismiss, {
      permission: 'youth-register.write',
      async handler({ params, body, ctx, tx, req, reply }) {
        const action = 'youth-register.dismiss';
        const { youth } = await reachYouth(tx, ctx, 'youth-register.write', action, params.id);
        await allowed(tx, ctx, action, [youth.id]);
        const row = await inRequestLanguage(req, () => work.dismiss(tx, ctx, youth, body));
        reply.code(201);
        return row;
      },
    }),
    routeFor(kaaApi.revokeDismissal, {
      permission: 'youth-register.write',
      async handler({ params, ctx, tx }) {
        const action = 'youth-register.dismissal.revoke';
        const scope = await officerScope(tx, ctx, 'youth-register.write', action);
        const [dismissal] = await tx
          .select()
          .from(kaaDismissals)
          .where(and(eq(kaaDismissals.tenantId, scope.tenantId), eq(kaaDismissals.id, params.id)));
        if (!dismissal) {
          await logAccess(tx, ctx, { action, purpose: registerPurpose, outcome: 'denied' });
          throw notFound();
        }
        await allowed(tx, ctx, action, [dismissal.youthId]);
        const saved = await work.revokeDismissal(tx, ctx, dismissal);
        // The young person is evaluated again at once.
        await refreshTargetGroup(tx, scope.tenantId, dateOf(ctx.now));
        return saved;
      },
    }),
    routeFor(kaaApi.addCompletion, {
      permission: 'youth-register.write',
      async handler({ params, body, ctx, tx, req, reply }) {
        const action = 'youth-register.completion.add';
        const { youth, scope } = await reachYouth(tx, ctx, 'youth-register.write', action, params.id);
        await allowed(tx, ctx, action, [youth.id]);
        const row = await inRequestLanguage(req, () => work.addCompletion(tx, ctx, youth, body));
        await refreshTargetGroup(tx, scope.tenantId, dateOf(ctx.now));
        reply.code(201);
        return row;
      },
    }),
    routeFor(kaaApi.deregister, {
      permission: 'youth-register.write',
      async handler({ params, body, ctx, tx, req }) {
        const action = 'youth-register.deregister';
        const { youth } = await reachYouth(tx, ctx, 'youth-register.write', action, params.id);
        await allowed(tx, ctx, action, [youth.id]);
        return inRequestLanguage(req, () => work.deregister(tx, ctx, youth, body));
      },
    }),
    routeFor(kaaApi.register, {
      permission: 'youth-register.write',
      async handler({ params, body, ctx, tx, req }) {
        const action = 'youth-register.register';
        const { youth } = await reachYouth(tx, ctx, 'youth-register.write', action, params.id);
        await allowed(tx, ctx, action, [youth.id]);
        return inRequestLanguage(req, () => work.register(tx, ctx, youth, body));
      },
    }),
    routeFor(kaaApi.reminders, {
      permission: 'youth-register.read',
      async handler({ ctx, tx }) {
        const action = 'youth-register.reminders';
        const scope = await officerScope(tx, ctx, 'youth-register.read', action);
        const result = await reminders(tx, scope.tenantId, dateOf(ctx.now));
        await allowed(tx, ctx, action, [...result.due.map((d) => d.youthId), ...result.notContacted.map((n) => n.youthId)]);
        return result;
      },
    }),
    routeFor(kaaApi.importPopulation, {
      permission: 'youth-register.write',
      async handler({ body, ctx, tx }) {
        const action = 'youth-register.population.import';
        const scope = await officerScope(tx, ctx, 'youth-register.write', action);
        const outcome = await importPopulation(tx, scope.tenantId, body.content, {
          asOf: dateOf(ctx.now),
          importedBy: ctx.actor.accountId,
        });
        await allowed(tx, ctx, action, []);
        if (outcome.problems.some((p) => p.row <= 1 && p.field === 'fil')) {
          const message = outcome.problems.map(problemMessage).join(' ');
          throw new HttpError(400, message, { fields: [{ field: 'content', label: 'Fil', message }] });
        }
        return { ...outcome, problems: outcome.problems.map((p) => ({ row: p.row, field: labelOf(p.field), message: problemMessage(p) })) };
      },
    }),
    routeFor(kaaApi.populationImports, {
      permission: 'youth-register.read',
      async handler({ ctx, tx }) {
        const action = 'youth-register.population.imports';
        const scope = await officerScope(tx, ctx, 'youth-register.read', action);
        const rows = await tx
          .select()
          .from(kaaPopulationImports)
          .where(eq(kaaPopulationImports.tenantId, scope.tenantId))
          .orderBy(sql`imported_at DESC`)
          .limit(20);
        await allowed(tx, ctx, action, []);
        return {
          items: rows.map((r) => ({
            id: r.id,
            importedAt: r.importedAt,
            rowsTotal: r.rowsTotal,
            rowsAccepted: r.rowsAccepted,
            rowsRejected: r.rowsRejected,
            problems: r.problems.map((p) => ({ row: p.row, field: labelOf(p.field), message: problemMessage(p) })),
          })),
        };
      },
    }),
    routeFor(kaaApi.notices, {
      permission: 'youth-register.read',
      async handler({ query, ctx, tx }) {
        const action = 'youth-register.notices';
        const scope = await officerScope(tx, ctx, 'youth-register.read', action);
        // The home municipality sees what it received (and, as an organiser, what it sent to others).
        const where =
          query.direction === 'received'
            ? query.unmatched
              ? unmatchedNotice(scope.tenantId)
              : sql`n.tenant_id = ${scope.tenantId}::uuid AND n.direction = 'received'`
            : sql`n.tenant_id = ${scope.tenantId}::uuid AND n.direction = 'sent'`;
        const kind = query.kind ? sql` AND n.kind = ${query.kind}` : sql``;
        const rows = await noticePage(tx, sql`${where}${kind}`, query.page, query.pageSize, scope.tenantId);
        await allowed(
          tx,
          ctx,
          action,
          rows.items.map((n) => n.youthId).filter((i): i is string => i !== null),
        );
        return { ...rows, page: query.page, pageSize: query.pageSize };
      },
    }),
    routeFor(kaaApi.noticeReceipt, {
      permission: 'youth-register.write',
      async handler({ params, ctx, tx }) {
        const action = 'youth-register.notice.receipt';
        const notice = await reachReceived(tx, ctx, params.id, action);
        await allowed(tx, ctx, action, notice.youthId ? [notice.youthId] : []);
        if (notice.receiptAt) return presentNotice(notice);
        const stamp = { status: 'acknowledged' as const, receiptAt: ctx.now.toISOString(), receiptBy: ctx.actor.accountId };
        const [row] = await tx
          .update(kaaNotices)
          .set(stamp)
          .where(and(eq(kaaNotices.tenantId, notice.tenantId), eq(kaaNotices.id, notice.id)))
          .returning();
        // The sender sees the receipt on its own row of the same delivery (a timestamp, nothing more crosses back).
        if (notice.channel === 'internal' && notice.counterpartOrganiserId)
          await tx
            .update(kaaNotices)
            .set({ receiptAt: stamp.receiptAt })
            .where(
              and(
                eq(kaaNotices.tenantId, notice.counterpartOrganiserId),
                eq(kaaNotices.deliveryId, notice.deliveryId),
                eq(kaaNotices.direction, 'sent'),
              ),
            );
        return presentNotice(row!);
      },
    }),
    routeFor(kaaApi.importNotices, {
      permission: 'youth-register.write',
      async handler({ body, ctx, tx }) {
        const action = 'youth-register.notices.import';
        const scope = await officerScope(tx, ctx, 'youth-register.write', action);
        const outcome = await importNoticeFile(tx, scope.tenantId, scope.municipalityCode, body, ctx.now);
        await allowed(tx, ctx, action, outcome.youthIds);
        if (outcome.imported > 0) await refreshTargetGroup(tx, scope.tenantId, dateOf(ctx.now));
        const { youthIds: _ids, ...result } = outcome;
        return result;
      },
    }),

    // ——— the sending organiser (the principal) ———
    routeFor(kaaSenderApi.sent, {
      permission: 'kaa-notices.send',
      async handler({ query, ctx, tx }) {
        const action = 'kaa-notices.list';
        const { tenantId, unitIds } = await senderUnits(tx, ctx, action);
        const status = query.status === 'all' ? sql`` : sql` AND n.status = ${query.status}`;
        const rows = await noticePage(tx, sql`${sentNoticeScope(tenantId, unitIds)}${status}`, query.page, query.pageSize, tenantId);
        await allowed(tx, ctx, action, rows.studentIds, senderPurpose);
        return { items: rows.items, total: rows.total, page: query.page, pageSize: query.pageSize };
      },
    }),
    routeFor(kaaSenderApi.confirm, {
      permission: 'kaa-notices.send',
      async handler({ params, ctx, tx }) {
        const action = 'kaa-notices.confirm';
        const { tenantId, unitIds } = await senderUnits(tx, ctx, action);
        const [notice] = await queryRows<{ id: string }>(
          tx,
          sql`SELECT n.id FROM kaa_notices n WHERE ${sentNoticeScope(tenantId, unitIds)} AND n.id = ${params.id}::uuid`,
        );
        const [row] = notice
          ? await tx
              .select()
              .from(kaaNotices)
              .where(and(eq(kaaNotices.tenantId, tenantId), eq(kaaNotices.id, notice.id)))
          : [];
        if (!row) {
          await logAccess(tx, ctx, { action, purpose: senderPurpose, outcome: 'denied' });
          throw notFound();
        }
        await allowed(tx, ctx, action, row.studentId ? [row.studentId] : [], senderPurpose);
        if (row.status !== 'proposed') throw new HttpError(409, 'Meddelandet är redan skickat.');
        return presentNotice(await confirmProposal(tx, ctx, row));
      },
    }),
    routeFor(kaaSenderApi.exportFile, {
      permission: 'kaa-notices.send',
      async handler({ ctx, tx }) {
        const action = 'kaa-notices.export';
        const { tenantId, unitIds } = await senderUnits(tx, ctx, action);
        const ids = await queryRows<{ id: string }>(
          tx,
          sql`SELECT n.id FROM kaa_notices n WHERE ${sentNoticeScope(tenantId, unitIds)}
                AND n.channel = 'file' AND n.status = 'sent' AND n.exported_at IS NULL ORDER BY n.event_date, n.id`,
        );
        const [sender] = await tx.select({ name: organisers.name }).from(organisers).where(eq(organisers.id, tenantId));
        const rows: NoticeRow[] = [];
        for (const { id } of ids) {
          const [row] = await tx
            .update(kaaNotices)
            .set({ exportedAt: ctx.now.toISOString(), sentAt: ctx.now.toISOString() })
            .where(and(eq(kaaNotices.tenantId, tenantId), eq(kaaNotices.id, id)))
            .returning();
          rows.push(row!);
        }
        await allowed(
          tx,
          ctx,
          action,
          rows.map((r) => r.studentId).filter((i): i is string => i !== null),
          senderPurpose,
        );
        return {
          format: 'fullfolj-kaa-notices' as const,
          version: 1 as const,
          created: ctx.now.toISOString(),
          notices: rows.map((r) => fileRecord(r, sender?.name ?? '')),
        };
      },
    }),
  ];
}

const labelOf = (field: string) =>
  ({
    personnummer: 'Personnummer',
    fornamn: 'Förnamn',
    efternamn: 'Efternamn',
    kommunkod: 'Kommunkod',
    folkbokford_datum: 'Folkbokförd i kommunen sedan',
    invandrad_datum: 'Invandringsdatum',
    status: 'Status',
    status_datum: 'Statusdatum',
    skyddad: 'Skyddad identitet',
    utdelningsadress: 'Utdelningsadress',
    postnummer: 'Postnummer',
    postort: 'Postort',
  })[field] ?? 'Filen';

/** One page of notices matching `where` (over `kaa_notices n`), with whether each received one is matched. */
async function noticePage(tx: DbOrTx, where: ReturnType<typeof sql>, page: number, pageSize: number, tenantId: string) {
  const rows = await queryRows<{ id: string; total: number; matched: boolean }>(
    tx,
    sql`SELECT n.id, count(*) OVER ()::int AS total,
               (EXISTS (SELECT 1 FROM kaa_population k WHERE k.tenant_id = n.tenant_id AND k.civic_no = n.civic_no)
                OR EXISTS (SELECT 1 FROM kaa_youth y WHERE y.tenant_id = n.tenant_id AND y.civic_no = n.civic_no)) AS matched
          FROM kaa_notices n WHERE ${where}
         ORDER BY COALESCE(n.received_at, n.sent_at, n.proposed_at, n.created_at) DESC, n.event_date DESC, n.id
         LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  const matched = new Map(rows.map((r) => [r.id, r.matched]));
  const full = rows.length
    ? await tx
        .select()
        .from(kaaNotices)
        .where(
          and(
            eq(kaaNotices.tenantId, tenantId),
            sql`${kaaNotices.id} IN (${sql.join(
              rows.map((r) => sql`${r.id}::uuid`),
              sql`, `,
            )})`,
          ),
        )
    : [];
  const byId = new Map(full.map((n) => [n.id, n]));
  const ordered = rows.map((r) => byId.get(r.id)!);
  return {
    items: ordered.map((n) => presentNotice({ ...n, matched: matched.get(n.id) ?? false })),
    studentIds: ordered.map((n) => n.studentId).filter((i): i is string => i !== null),
    total: rows[0]?.total ?? 0,
  };
}
