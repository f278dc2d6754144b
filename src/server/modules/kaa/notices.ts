/**
 * Notices between organisers (hemkommunsmeddelanden, skollagen 15 kap. 15 § and 18 kap. 15 §; docs/kaa.md): when a
 * student under 20 starts or ends an upper-secondary enrolment at an organiser that is not their home municipality,
 * that organiser tells the home municipality. Inside one installation the notice is delivered from the sending tenant
 * to the home municipality's tenant — the only data that crosses tenants: who, school unit, programme, date, reason
 * category — with an access-log row on both sides; for a municipality elsewhere it waits for the notice file. Significant
 * absence is proposed from the early-detection indicators and sent only when the principal confirms it.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { kaaNotices } from '../../db/schema/index.ts';
import type { KaaNoticeKind, KaaNoticeReason } from '../../../shared/kaa/codes.ts';
import type { NoticeFileRecord, NoticeView } from '../../../shared/kaa/contract.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ageOn } from './criteria.ts';

export type NoticeRow = typeof kaaNotices.$inferSelect;

export const sendPurpose = 'Meddelande till elevens hemkommun (skollagen 15 kap. 15 §, 18 kap. 15 §)';
export const receivePurpose = 'Meddelande från annan huvudman för hemkommunens aktivitetsansvar (skollagen 29 kap. 9 §)';

/** How far back an ended enrolment (or a start no longer current) still gets its notice on the first run. */
export const noticeLookbackDays = 365;
/** An end and a start within this many days is a change of school; a certificate this close to the end completed it. */
const nearDays = 60;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;

/** The context of work the platform does on its own (the nightly refresh): no actor, its own request id. */
export function systemContext(now: Date, what = 'kaa-refresh'): RequestContext {
  return { requestId: `${what}:${randomUUID()}`, ip: 'local', now, actor: null };
}

interface Organiser {
  id: string;
  name: string;
  kind: string;
  municipalityCode: string;
}

async function organiserById(db: DbOrTx, id: string): Promise<Organiser | null> {
  const [row] = await queryRows<{ id: string; name: string; kind: string; municipality_code: string }>(
    db,
    sql`SELECT id, name, kind, municipality_code FROM organisers WHERE id = ${id}::uuid`,
  );
  return row ? { id: row.id, name: row.name, kind: row.kind, municipalityCode: row.municipality_code } : null;
}

/** The home municipality's organiser in this installation, by SCB code (a municipal, active organiser), or null. */
async function homeTenants(db: DbOrTx): Promise<Map<string, Organiser>> {
  const rows = await queryRows<{ id: string; name: string; kind: string; municipality_code: string }>(
    db,
    sql`SELECT id, name, kind, municipality_code FROM organisers WHERE kind = 'municipal' AND active ORDER BY created_at, id`,
  );
  const map = new Map<string, Organiser>();
  for (const r of rows)
    if (!map.has(r.municipality_code))
      map.set(r.municipality_code, { id: r.id, name: r.name, kind: r.kind, municipalityCode: r.municipality_code });
  return map;
}

/** What one notice carries (the minimal record), before it is written on either side. */
export interface NoticeDraft {
  kind: KaaNoticeKind;
  reason: KaaNoticeReason;
  studentId: string;
  civicNo: string;
  givenName: string;
  familyName: string;
  schoolUnitCode: string | null;
  schoolUnitName: string;
  programmeCode: string | null;
  programmeName: string | null;
  eventDate: string;
  homeMunicipalityCode: string;
  dedupeKey: string;
}

interface EnrolmentRow extends Record<string, unknown> {
  student_id: string;
  civic_no: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  home_municipality_code: string;
  school_unit_id: string;
  school_unit_code: string | null;
  unit_name: string;
  programme_code: string | null;
  programme_name: string | null;
  start_date: string;
  end_date: string | null;
}

/** The start and end notices the organiser owes as on `asOf` (not yet checked against those already sent). */
export async function dueNotices(db: DbOrTx, sender: Organiser, asOf: string): Promise<NoticeDraft[]> {
  const notHome = sender.kind === 'municipal' ? sql`AND p.home_municipality_code <> ${sender.municipalityCode}` : sql``;
  const rows = await queryRows<EnrolmentRow>(
    db,
    sql`SELECT p.id AS student_id, p.civic_no, p.given_name, p.family_name, p.birth_date::text, p.home_municipality_code,
               e.school_unit_id, o.school_unit_code, o.display_name AS unit_name, e.programme_code, pr.name AS programme_name,
               e.start_date::text, e.end_date::text
          FROM enrolments e
          JOIN persons p ON p.tenant_id = e.tenant_id AND p.id = e.person_id
          JOIN organisations o ON o.tenant_id = e.tenant_id AND o.id = e.school_unit_id
          LEFT JOIN programmes pr ON pr.tenant_id = e.tenant_id AND pr.id = e.programme_id
         WHERE e.tenant_id = ${sender.id}::uuid AND e.school_type IN ('GY', 'GYS') AND NOT e.cancelled
           AND p.civic_no IS NOT NULL AND p.civic_no_kind <> 'temporary' AND p.birth_date IS NOT NULL
           AND p.home_municipality_code IS NOT NULL ${notHome} AND e.start_date <= ${asOf}::date`,
  );
  if (rows.length === 0) return [];
  const certificates = await queryRows<{ student_id: string; kind: string; issued_date: string }>(
    db,
    sql`SELECT c.student_id, c.kind, c.issued_date::text FROM certificates c
         WHERE c.tenant_id = ${sender.id}::uuid AND c.kind IN ('gymnasieexamen', 'gymnasiesarskolebevis', 'studiebevis')`,
  );
  const certsOf = new Map<string, { kind: string; date: string }[]>();
  for (const c of certificates) certsOf.set(c.student_id, [...(certsOf.get(c.student_id) ?? []), { kind: c.kind, date: c.issued_date }]);
  const byStudent = new Map<string, EnrolmentRow[]>();
  for (const r of rows) byStudent.set(r.student_id, [...(byStudent.get(r.student_id) ?? []), r]);

  const since = addDays(asOf, -noticeLookbackDays);
  const drafts: NoticeDraft[] = [];
  const draft = (r: EnrolmentRow, kind: KaaNoticeKind, reason: KaaNoticeReason, eventDate: string): NoticeDraft => ({
    kind,
    reason,
    studentId: r.student_id,
    civicNo: r.civic_no,
    givenName: r.given_name,
    familyName: r.family_name,
    schoolUnitCode: r.school_unit_code,
    schoolUnitName: r.unit_name,
    programmeCode: r.programme_code,
    programmeName: r.programme_name,
    eventDate,
    homeMunicipalityCode: r.home_municipality_code,
    dedupeKey: `${kind}:${r.student_id}:${r.school_unit_id}:${eventDate}`,
  });
  for (const r of rows) {
    const others = byStudent.get(r.student_id)!.filter((o) => o !== r);
    const current = r.end_date === null || r.end_date >= asOf;
    // Skollagen 15 kap. 15 §: a student who has not turned 20.
    if ((current || r.start_date >= since) && ageOn(r.birth_date, r.start_date) < 20) {
      const changed = others.some(
        (o) => o.end_date !== null && o.end_date <= r.start_date && daysBetween(o.end_date, r.start_date) <= nearDays,
      );
      drafts.push(draft(r, 'start', changed ? 'changed-school' : 'new-student', r.start_date));
    }
    if (r.end_date !== null && r.end_date < asOf && r.end_date >= since && ageOn(r.birth_date, r.end_date) < 20) {
      const certs = (certsOf.get(r.student_id) ?? []).filter((c) => daysBetween(c.date, r.end_date!) <= nearDays);
      const reason: KaaNoticeReason = certs.some((c) => c.kind !== 'studiebevis')
        ? 'completed'
        : certs.length > 0
          ? 'studiebevis'
          : others.some((o) => o.start_date >= r.end_date! && daysBetween(o.start_date, r.end_date!) <= nearDays)
            ? 'changed-school'
            : 'left';
      drafts.push(draft(r, 'end', reason, r.end_date));
    }
  }
  return drafts;
}

/** Absence to a significant extent, proposed from active early-detection episodes of unexcused absence. */
export async function dueAbsenceProposals(db: DbOrTx, sender: Organiser, asOf: string): Promise<NoticeDraft[]> {
  const notHome = sender.kind === 'municipal' ? sql`AND p.home_municipality_code <> ${sender.municipalityCode}` : sql``;
  const rows = await queryRows<EnrolmentRow & { onset: string }>(
    db,
    sql`SELECT DISTINCT ON (p.id) p.id AS student_id, p.civic_no, p.given_name, p.family_name, p.birth_date::text,
               p.home_municipality_code, e.school_unit_id, o.school_unit_code, o.display_name AS unit_name, e.programme_code,
               pr.name AS programme_name, e.start_date::text, e.end_date::text, ie.onset::text
          FROM indicator_episodes ie
          JOIN persons p ON p.tenant_id = ie.tenant_id AND p.id = ie.student_id
          JOIN enrolments e ON e.tenant_id = p.tenant_id AND e.person_id = p.id AND e.school_type IN ('GY', 'GYS') AND NOT e.cancelled
           AND e.start_date <= ${asOf}::date AND (e.end_date IS NULL OR e.end_date >= ${asOf}::date)
          JOIN organisations o ON o.tenant_id = e.tenant_id AND o.id = e.school_unit_id
          LEFT JOIN programmes pr ON pr.tenant_id = e.tenant_id AND pr.id = e.programme_id
         WHERE ie.tenant_id = ${sender.id}::uuid AND ie.status = 'active' AND ie.counts
           AND ie.indicator IN ('attendance', 'long-absence', 'csn-invalid-absence') AND ie.severity IN ('flag', 'severe')
           AND p.civic_no IS NOT NULL AND p.civic_no_kind <> 'temporary' AND p.birth_date IS NOT NULL
           AND p.home_municipality_code IS NOT NULL ${notHome}
         ORDER BY p.id, ie.onset`,
  );
  return rows
    .filter((r) => ageOn(r.birth_date, asOf) < 20)
    .map((r) => ({
      kind: 'absence' as const,
      reason: 'significant-absence' as const,
      studentId: r.student_id,
      civicNo: r.civic_no,
      givenName: r.given_name,
      familyName: r.family_name,
      schoolUnitCode: r.school_unit_code,
      schoolUnitName: r.unit_name,
      programmeCode: r.programme_code,
      programmeName: r.programme_name,
      eventDate: r.onset,
      homeMunicipalityCode: r.home_municipality_code,
      dedupeKey: `absence:${r.student_id}:${r.school_unit_id}:${r.onset}`,
    }));
}

export interface NoticeRunSummary {
  sent: number;
  delivered: number;
  awaitingExport: number;
  proposed: number;
}

/**
 * Writes the notices the organiser owes that it has not written before: start and end notices are sent at once
 * (delivered inside the installation, or left for the notice file), absence notices proposed for the principal.
 */
export async function runNotices(db: DbOrTx, ctx: RequestContext, senderId: string, asOf: string): Promise<NoticeRunSummary> {
  const summary: NoticeRunSummary = { sent: 0, delivered: 0, awaitingExport: 0, proposed: 0 };
  const sender = await organiserById(db, senderId);
  if (!sender) return summary;
  const drafts = [...(await dueNotices(db, sender, asOf)), ...(await dueAbsenceProposals(db, sender, asOf))];
  if (drafts.length === 0) return summary;
  const known = new Set(
    (
      await queryRows<{ dedupe_key: string }>(
        db,
        sql`SELECT dedupe_key FROM kaa_notices WHERE tenant_id = ${sender.id}::uuid AND direction = 'sent'`,
      )
    ).map((r) => r.dedupe_key),
  );
  const homes = await homeTenants(db);
  const fresh = drafts.filter((d) => !known.has(d.dedupeKey));
  const sentRows: NoticeRow[] = [];
  for (const d of fresh) {
    const home = homes.get(d.homeMunicipalityCode);
    const internal = home !== undefined && home.id !== sender.id;
    const proposed = d.kind === 'absence';
    const [row] = await db
      .insert(kaaNotices)
      .values({
        tenantId: sender.id,
        deliveryId: randomUUID(),
        direction: 'sent',
        kind: d.kind,
        channel: internal ? 'internal' : 'file',
        status: proposed ? 'proposed' : 'sent',
        civicNo: d.civicNo,
        givenName: d.givenName,
        familyName: d.familyName,
        schoolUnitCode: d.schoolUnitCode,
        schoolUnitName: d.schoolUnitName,
        programmeCode: d.programmeCode,
        programmeName: d.programmeName,
        eventDate: d.eventDate,
        reason: d.reason,
        homeMunicipalityCode: d.homeMunicipalityCode,
        counterpartOrganiserId: internal ? home.id : null,
        counterpartName: home?.name ?? `Hemkommun ${d.homeMunicipalityCode}`,
        studentId: d.studentId,
        dedupeKey: d.dedupeKey,
        proposedAt: proposed ? ctx.now.toISOString() : null,
        sentAt: !proposed && internal ? ctx.now.toISOString() : null,
      })
      .returning();
    if (proposed) summary.proposed += 1;
    else {
      summary.sent += 1;
      if (internal) sentRows.push(row!);
      else summary.awaitingExport += 1;
    }
  }
  summary.delivered = await deliver(db, ctx, sender, sentRows);
  return summary;
}

/**
 * Delivers sent notices to their home municipalities' tenants: a received row on the other side (matched to the
 * young person when the register has them), and one access-log row per receiving tenant on each side.
 */
export async function deliver(
  db: DbOrTx,
  ctx: RequestContext,
  sender: { id: string; name: string },
  sent: readonly NoticeRow[],
): Promise<number> {
  const byReceiver = new Map<string, NoticeRow[]>();
  for (const n of sent)
    if (n.channel === 'internal' && n.counterpartOrganiserId)
      byReceiver.set(n.counterpartOrganiserId, [...(byReceiver.get(n.counterpartOrganiserId) ?? []), n]);
  let delivered = 0;
  for (const [receiverId, notices] of byReceiver) {
    const youth = await youthIdsByCivicNo(
      db,
      receiverId,
      notices.map((n) => n.civicNo),
    );
    const received = await db
      .insert(kaaNotices)
      .values(
        notices.map((n) => ({
          tenantId: receiverId,
          deliveryId: n.deliveryId,
          direction: 'received' as const,
          kind: n.kind,
          channel: 'internal' as const,
          status: 'received' as const,
          civicNo: n.civicNo,
          givenName: n.givenName,
          familyName: n.familyName,
          schoolUnitCode: n.schoolUnitCode,
          schoolUnitName: n.schoolUnitName,
          programmeCode: n.programmeCode,
          programmeName: n.programmeName,
          eventDate: n.eventDate,
          reason: n.reason,
          homeMunicipalityCode: n.homeMunicipalityCode,
          counterpartOrganiserId: sender.id,
          counterpartName: sender.name,
          youthId: youth.get(n.civicNo) ?? null,
          dedupeKey: `${sender.id}:${n.dedupeKey}`,
          sentAt: n.sentAt,
          receivedAt: ctx.now.toISOString(),
        })),
      )
      .onConflictDoNothing()
      .returning({ youthId: kaaNotices.youthId });
    delivered += received.length;
    await logAccess(db, ctx, {
      tenantId: sender.id,
      action: 'kaa-notices.delivered',
      subjectIds: notices.map((n) => n.studentId).filter((id): id is string => id !== null),
      purpose: sendPurpose,
      outcome: 'allowed',
    });
    await logAccess(db, ctx, {
      tenantId: receiverId,
      action: 'youth-register.notices.receive',
      subjectIds: received.map((r) => r.youthId).filter((id): id is string => id !== null),
      purpose: receivePurpose,
      outcome: 'allowed',
    });
  }
  return delivered;
}

async function youthIdsByCivicNo(db: DbOrTx, tenantId: string, civicNos: readonly string[]): Promise<Map<string, string>> {
  if (civicNos.length === 0) return new Map();
  const list = sql.join(
    [...new Set(civicNos)].map((c) => sql`${c}`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string; civic_no: string }>(
    db,
    sql`SELECT id, civic_no FROM kaa_youth WHERE tenant_id = ${tenantId}::uuid AND civic_no IN (${list})`,
  );
  return new Map(rows.map((r) => [r.civic_no, r.id]));
}

/** The principal confirms a proposed absence notice: it is sent (and delivered inside the installation). */
export async function confirmProposal(
  db: DbOrTx,
  ctx: RequestContext & { actor: { accountId: string } },
  notice: NoticeRow,
): Promise<NoticeRow> {
  const [row] = await db
    .update(kaaNotices)
    .set({ status: 'sent', confirmedBy: ctx.actor.accountId, sentAt: notice.channel === 'internal' ? ctx.now.toISOString() : null })
    .where(and(eq(kaaNotices.tenantId, notice.tenantId), eq(kaaNotices.id, notice.id), eq(kaaNotices.status, 'proposed')))
    .returning();
  if (!row) return notice;
  const sender = await organiserById(db, notice.tenantId);
  await deliver(db, ctx, { id: notice.tenantId, name: sender?.name ?? '' }, [row]);
  return row;
}

/** The notice file's record for a sent notice. */
export function fileRecord(n: NoticeRow, senderName: string): NoticeFileRecord {
  return {
    kind: n.kind,
    personnummer: n.civicNo,
    fornamn: n.givenName,
    efternamn: n.familyName,
    skolenhetskod: n.schoolUnitCode,
    skolenhet: n.schoolUnitName,
    programkod: n.programmeCode,
    program: n.programmeName,
    datum: n.eventDate,
    orsak: n.reason,
    hemkommun: n.homeMunicipalityCode,
    avsandare: senderName,
  };
}

/** A notice as either side sees it (no civic number, no ids but its own and the matched young person's). */
export function presentNotice(n: NoticeRow & { matched?: boolean }): NoticeView {
  return {
    id: n.id,
    direction: n.direction,
    kind: n.kind,
    channel: n.channel,
    status: n.status,
    name: `${n.givenName} ${n.familyName}`,
    schoolUnitName: n.schoolUnitName,
    programme: n.programmeName ?? n.programmeCode,
    eventDate: n.eventDate,
    reason: n.reason,
    counterpartName: n.counterpartName,
    matched: n.direction === 'sent' ? true : (n.matched ?? n.youthId !== null),
    youthId: n.direction === 'received' ? n.youthId : null,
    proposedAt: n.proposedAt,
    sentAt: n.sentAt,
    exportedAt: n.exportedAt,
    receivedAt: n.receivedAt,
    receiptAt: n.receiptAt,
  };
}
