/**
 * The demo region's handovers (docs/handovers.md, docs/demo-region.md): this school year's year-9 → upper-secondary
 * transition, made by the module's own code — drafts from the ending and beginning placements (`prepareDrafts`, on a
 * day four weeks before the spring term ends), about two in three sent before the term ends, about three in four of
 * those confirmed by the receiving principal, the rest left unconfirmed past the deadline (overdue), and a few with a
 * transition meeting and the follow-up four weeks after the start. The students the triggers do not select are listed
 * "no handover needed". One student is kept for the "Done when" walk: a year-9 leaver at the demo accounts' organiser
 * with an åtgärdsprogram and rising absence, whose draft is not sent; the demo accounts `mentor-ak9` (her year-9
 * mentor) and `rektor-gy` (the principal of her upper-secondary unit) reach it. A random of its own, idempotent.
 */
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../server/db/client.ts';
import { accounts, actionProgrammes, cases, handovers, roleAssignments } from '../../server/db/schema/index.ts';
import { demoPassword } from '../../server/modules/auth/demo-accounts.ts';
import { confirmHandover, recordFollowUp, recordMeeting, sendHandover } from '../../server/modules/handovers/commands.ts';
import { prepareDrafts } from '../../server/modules/handovers/drafts.ts';
import { lastTermMonths } from '../../server/modules/handovers/policy.ts';
import type { ActorContext } from '../../server/platform/context.ts';
import { hashPassword } from '../../server/platform/passwords.ts';
import { schoolYearOf, termEnd, termStart } from './calendar.ts';
import { createRandom, stableId } from './random.ts';

const DAY = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The shares the demo aims at (no published figure: an assumption of the demo, docs/demo-region.md). */
export const demoHandoverShares = { sent: 0.67, confirmed: 0.75, meetings: 6 } as const;

export interface DemoHandoverFigures {
  drafts: number;
  notNeeded: number;
  sent: number;
  confirmed: number;
  overdueReceipts: number;
  overdueDrafts: number;
  meetings: number;
  followUps: number;
  acrossOrganisers: number;
}

const actorOn = (day: string, tenantId: string, accountId: string, label: string): ActorContext => ({
  requestId: `demo-handovers:${label}:${day}`,
  ip: 'local',
  now: new Date(`${day}T10:00:00Z`),
  actor: { accountId, username: `demo-${label}`, displayName: label, tenantId, assignments: [] },
});

/** The first account holding `role` in each tenant. */
async function accountsByRole(tx: DbOrTx, role: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ tenant_id: string; account_id: string }>(
    tx,
    sql`SELECT DISTINCT ON (tenant_id) tenant_id, account_id FROM role_assignments WHERE role = ${role} ORDER BY tenant_id, account_id`,
  );
  return new Map(rows.map((r) => [r.tenant_id, r.account_id]));
}

/** The demo's counts of handovers as on `today` (sender rows; receipts on the received copies). */
export async function demoHandoverFigures(db: DbOrTx, today: string): Promise<DemoHandoverFigures> {
  const [row] = await queryRows<DemoHandoverFigures & Record<string, unknown>>(
    db,
    sql`SELECT count(*) FILTER (WHERE direction = 'sent' AND status = 'draft')::int AS "drafts",
               count(*) FILTER (WHERE direction = 'sent' AND status = 'not-needed')::int AS "notNeeded",
               count(*) FILTER (WHERE direction = 'sent' AND status IN ('sent', 'confirmed'))::int AS "sent",
               count(*) FILTER (WHERE direction = 'sent' AND status = 'confirmed')::int AS "confirmed",
               count(*) FILTER (WHERE direction = 'received' AND status = 'sent' AND confirm_by < ${today}::date)::int AS "overdueReceipts",
               count(*) FILTER (WHERE direction = 'sent' AND status = 'draft' AND send_by < ${today}::date)::int AS "overdueDrafts",
               count(*) FILTER (WHERE direction = 'received' AND meeting_held_at IS NOT NULL)::int AS "meetings",
               count(*) FILTER (WHERE direction = 'received' AND follow_up_done_at IS NOT NULL)::int AS "followUps",
               count(*) FILTER (WHERE direction = 'sent' AND status IN ('sent', 'confirmed') AND to_organiser_id <> tenant_id)::int AS "acrossOrganisers"
          FROM handovers`,
  );
  return row!;
}

interface Walker extends Record<string, unknown> {
  tenant_id: string;
  student_id: string;
  unit_id: string;
  mentor_id: string | null;
  to_tenant_id: string;
  to_unit_id: string;
}

/**
 * The "Done when" student at `tenantId`: a year-9 leaver placed at an upper-secondary unit, whose absence rose from the
 * autumn to the spring term (aggregated attendance), given an åtgärdsprogram in March so that the draft carries it.
 */
async function prepareWalker(tx: DbOrTx, tenantId: string, spring: string, seed: number): Promise<Walker | undefined> {
  const autumn = `${Number(spring.slice(0, 4)) - 1}-08-01`;
  const january = `${spring.slice(0, 4)}-01-01`;
  const t = sql`${tenantId}::uuid`;
  // The leavers at the organiser first (every table named by it), then their upper-secondary placements at any organiser
  // by civic number: two steps, so that the statement is also a plain query on Citus (scripts/citus/README.md, cause 3).
  const [walker] = await queryRows<Walker>(
    tx,
    sql`WITH leavers AS MATERIALIZED (
          SELECT e.tenant_id, p.id AS student_id, p.civic_no, e.school_unit_id AS unit_id, e.end_date, a.spring - a.autumn AS rise,
                 -- Her mentor in the last term (the mentor duty ends with the term, before the enrolment: policy.ts).
                 (SELECT d.person_id FROM group_memberships gm
                    JOIN duty_assignments da ON da.tenant_id = ${t} AND da.group_id = gm.group_id AND da.assignment_role_type = 'Mentor'
                    JOIN duties d ON d.tenant_id = ${t} AND d.id = da.duty_id
                   WHERE gm.tenant_id = ${t} AND gm.person_id = p.id
                     AND GREATEST(gm.start_date, da.start_date, (e.end_date - ${sql.raw(`interval '${lastTermMonths} months'`)})::date)
                         <= LEAST(gm.end_date, da.end_date, e.end_date)
                   ORDER BY LEAST(gm.end_date, da.end_date, e.end_date) DESC, d.person_id LIMIT 1) AS mentor_id
            FROM enrolments e
            JOIN persons p ON p.tenant_id = ${t} AND p.id = e.person_id AND p.civic_no IS NOT NULL AND p.security_marking = 'Ingen'
            JOIN LATERAL (
              SELECT sum(valid_absence_sum + invalid_absence_sum) FILTER (WHERE start_date >= ${january}::date)::float
                       / nullif(sum(attendance_sum + valid_absence_sum + invalid_absence_sum) FILTER (WHERE start_date >= ${january}::date), 0) AS spring,
                     sum(valid_absence_sum + invalid_absence_sum) FILTER (WHERE start_date < ${january}::date)::float
                       / nullif(sum(attendance_sum + valid_absence_sum + invalid_absence_sum) FILTER (WHERE start_date < ${january}::date), 0) AS autumn
                FROM aggregated_attendances a
               WHERE a.tenant_id = ${t} AND a.student_id = p.id AND a.start_date >= ${autumn}::date AND a.end_date <= ${spring}::date) a ON true
           WHERE e.tenant_id = ${t} AND e.school_type = 'GR' AND e.school_year = 9 AND e.end_date = ${spring}::date
             AND NOT e.cancelled AND a.spring > a.autumn
             -- Her case is opened below: a student who already has an open one (from the interventions demo) is not chosen.
             AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.tenant_id = ${t} AND c.student_id = p.id AND c.status <> 'closed')
        ), placed AS MATERIALIZED (
          SELECT q.civic_no, n.tenant_id, n.school_unit_id, n.start_date
            FROM persons q
            JOIN enrolments n ON n.tenant_id = q.tenant_id AND n.person_id = q.id AND n.school_type = 'GY'
           WHERE q.civic_no IN (SELECT civic_no FROM leavers) AND n.start_date < ${spring}::date + 120
        )
        SELECT l.tenant_id, l.student_id, l.unit_id, l.mentor_id, x.tenant_id AS to_tenant_id, x.school_unit_id AS to_unit_id
          FROM leavers l
          JOIN placed x ON x.civic_no = l.civic_no AND x.start_date > l.end_date
         ORDER BY l.rise DESC, l.student_id, x.start_date, x.school_unit_id LIMIT 1`,
  );
  if (!walker) return undefined;
  const responsible = stableId(seed, 'handovers', 'specialpedagog', tenantId);
  const caseId = stableId(seed, 'handovers', 'case', walker.student_id);
  const decidedOn = `${spring.slice(0, 4)}-03-10`;
  await tx.insert(cases).values({
    tenantId,
    id: caseId,
    studentId: walker.student_id,
    schoolUnitId: walker.unit_id,
    status: 'in-progress',
    level: 'remedying',
    reason: 'Ökande frånvaro under vårterminen',
    openedFrom: 'flag',
    responsibleId: responsible,
    openedOn: `${spring.slice(0, 4)}-02-16`,
    openedBy: responsible,
  });
  await tx.insert(actionProgrammes).values({
    tenantId,
    caseId,
    studentId: walker.student_id,
    needs: 'Stöd att komma i gång med skolarbetet på morgonen och struktur i matematik (utredning februari).',
    studentViews: 'Eleven vill ha en fast plats och en planering per vecka.',
    guardianViews: 'Vårdnadshavarna hjälper till med morgnarna och följer veckoplaneringen.',
    decidedOn,
    decidedBy: 'Rektor',
    evaluationOn: addDays(spring, -7),
    updatedBy: responsible,
  });
  return walker;
}

/** The demo accounts that reach the walker's handover: her year-9 mentor and her upper-secondary principal. */
async function walkerAccounts(tx: DbOrTx, walker: Walker): Promise<number> {
  const passwordHash = await hashPassword(demoPassword);
  const made = [
    {
      username: 'mentor-ak9',
      displayName: 'Demo: Mentor i årskurs 9',
      tenantId: walker.tenant_id,
      role: 'mentor',
      personId: walker.mentor_id,
      unitIds: [],
    },
    {
      username: 'rektor-gy',
      displayName: 'Demo: Rektor på gymnasiet',
      tenantId: walker.to_tenant_id,
      role: 'rektor',
      personId: null,
      unitIds: [walker.to_unit_id],
    },
  ].filter((a) => a.role !== 'mentor' || a.personId);
  for (const a of made) {
    const [account] = await tx
      .insert(accounts)
      .values({ username: a.username, displayName: a.displayName, passwordHash })
      .onConflictDoUpdate({ target: accounts.username, set: { displayName: sql`excluded.display_name` } })
      .returning({ id: accounts.id });
    await tx.delete(roleAssignments).where(eq(roleAssignments.accountId, account!.id));
    await tx
      .insert(roleAssignments)
      .values({ tenantId: a.tenantId, accountId: account!.id, role: a.role, personId: a.personId, unitIds: a.unitIds });
  }
  return made.length;
}

/** Seeds the handovers as on `today`; a no-op when there are handovers already. */
export async function seedDemoHandovers(
  db: DbOrTx,
  options: { today: string; seed?: number },
): Promise<DemoHandoverFigures & { skipped?: string; accounts: number; durationMs: number }> {
  const started = Date.now();
  const seed = options.seed ?? 1;
  const { today } = options;
  const [existing] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM handovers`);
  if ((existing?.n ?? 0) > 0)
    return {
      ...(await demoHandoverFigures(db, today)),
      skipped: 'överlämningar finns redan',
      accounts: 0,
      durationMs: Date.now() - started,
    };
  // The transition of this school year: the year-9 placements that ended last (SS 12000's school year ends 30 June).
  const [last] = await queryRows<{ day: string | null }>(
    db,
    sql`SELECT max(end_date)::text AS day FROM enrolments WHERE school_type IN ('GR', 'GRS') AND school_year = 9 AND end_date <= ${today}::date`,
  );
  const spring = last?.day ?? termEnd(schoolYearOf(today) - 1);
  const draftDay = addDays(spring, -45);
  const termBegins = termStart(schoolYearOf(today));
  const random = createRandom(seed * 15_485_863 + 29);
  const principals = await accountsByRole(db, 'rektor');
  const principal = (tenantId: string) => principals.get(tenantId) ?? stableId(seed, 'handovers', 'rektor', tenantId);
  const senders = await queryRows<{ tenant_id: string }>(
    db,
    sql`SELECT DISTINCT tenant_id FROM enrolments WHERE school_type IN ('GR', 'GRS') AND school_year = 9 AND end_date = ${spring}::date ORDER BY tenant_id`,
  );
  const [demoTenant] = await queryRows<{ tenant_id: string }>(
    db,
    sql`SELECT ra.tenant_id FROM role_assignments ra JOIN accounts a ON a.id = ra.account_id WHERE a.username = 'mentor' LIMIT 1`,
  );
  const walker = demoTenant ? await prepareWalker(db, demoTenant.tenant_id, spring, seed) : undefined;
  for (const s of senders) await prepareDrafts(db, s.tenant_id, draftDay);

  const drafts = await db
    .select()
    .from(handovers)
    .where(and(eq(handovers.direction, 'sent'), eq(handovers.status, 'draft')))
    .orderBy(handovers.tenantId, handovers.civicNo, handovers.toUnitId);
  let meetings = 0;
  for (const draft of drafts) {
    if (walker && draft.studentId === walker.student_id) continue;
    if (!random.chance(demoHandoverShares.sent)) continue;
    const sentOn = addDays(draftDay, random.int(3, 38));
    if (sentOn >= today) continue;
    const sent = await sendHandover(db, actorOn(sentOn, draft.tenantId, principal(draft.tenantId), 'rektor'), draft, draft.version);
    if (!random.chance(demoHandoverShares.confirmed)) continue;
    const [received] = await db
      .select()
      .from(handovers)
      .where(and(eq(handovers.deliveryId, sent.deliveryId), eq(handovers.direction, 'received')));
    const confirmedOn = addDays(sentOn, random.int(2, 12));
    if (!received || confirmedOn >= today) continue;
    const receiver = principal(received.tenantId);
    let row = await confirmHandover(db, actorOn(confirmedOn, received.tenantId, receiver, 'rektor'), received, received.version);
    const startsOn = row.startsOn && row.startsOn > termBegins ? row.startsOn : termBegins;
    const followUpOn = addDays(startsOn, 28);
    if (meetings >= demoHandoverShares.meetings || followUpOn >= today || !random.chance(0.25)) continue;
    const meetingOn = addDays(startsOn, 3);
    row = await recordMeeting(db, actorOn(meetingOn, row.tenantId, receiver, 'rektor'), row, {
      version: row.version,
      meetingOn,
      meetingAttendees: 'Eleven, vårdnadshavare, mentor, specialpedagog',
      meetingMinutes: 'Genomgång av överlämningen och elevens önskemål inför terminen.',
      meetingActions: 'Mentorn följer upp anpassningarna varje vecka; specialpedagogen ser över stödet i matematik.',
    });
    const outcome = random.pick(['yes', 'yes', 'partly', 'no'] as const);
    await recordFollowUp(db, actorOn(followUpOn, row.tenantId, receiver, 'rektor'), row, {
      version: row.version,
      adaptationsContinued: outcome,
      followUpNote: outcome === 'no' ? 'Anpassningarna har inte kommit i gång; tas upp på nästa elevhälsomöte.' : 'Anpassningarna används.',
    });
    meetings += 1;
  }
  const madeAccounts = walker ? await walkerAccounts(db, walker) : 0;
  return { ...(await demoHandoverFigures(db, today)), accounts: madeAccounts, durationMs: Date.now() - started };
}
