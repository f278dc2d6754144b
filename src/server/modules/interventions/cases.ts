/**
 * Case commands: opening a case (from an early-detection flag or by hand), changing it under optimistic locking, and
 * the status ladder opened → planned → in-progress → follow-up → closed (and reopening). Every change writes one
 * case event in the same transaction; every refusal names the field or says who changed the case last.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { caseInterventions, cases, type caseStatuses } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import { assignmentsGranting, type ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { allowedStudentIds } from '../students/policy.ts';
import { diff, recordCaseEvent, type CaseEventKind } from './events.ts';
import { isEligibleResponsible, type CaseRow } from './policy.ts';
import { caseUnitFor, lastChange, meetingAtUnit, openCaseIdOf, situationOf } from './queries.ts';
import { purpose } from './reach.ts';
import { badInput, conflict, staleVersion } from './refusals.ts';
import type { OpenCaseBody, UpdateCaseBody } from '../../../shared/interventions/cases.ts';
import { caseStatusLabels } from '../../../shared/interventions/labels.ts';

type CaseStatus = (typeof caseStatuses)[number];

/** A status as a message names it: «planerat» / «planned». */
const status = (code: CaseStatus) => ({ sv: caseStatusLabels[code].sv.toLowerCase(), en: caseStatusLabels[code].en.toLowerCase() });

/** The changes a user may ask for; `planned` also follows by itself from the first intervention. */
const transitions: Record<CaseStatus, readonly CaseStatus[]> = {
  opened: ['planned', 'closed'],
  planned: ['in-progress', 'closed'],
  'in-progress': ['follow-up', 'closed'],
  'follow-up': ['in-progress', 'closed'],
  closed: ['opened', 'planned', 'in-progress', 'follow-up'],
};
/** Statuses that mean work is planned or under way: they need an intervention. */
const needsIntervention: readonly CaseStatus[] = ['planned', 'in-progress', 'follow-up'];

/** The event kinds that change the case row (and so its version). */
export const caseRowKinds: readonly CaseEventKind[] = ['case-opened', 'case-updated', 'case-closed', 'case-reopened'];

const alreadyOpen = (caseId: string) =>
  conflict('Eleven har redan ett öppet ärende. Arbeta vidare i det i stället för att öppna ett nytt.', { caseId });

/** True when `error` (or its cause) is the violation of the one-open-case-per-student index. */
export function isOpenCaseConflict(error: unknown): boolean {
  for (let e = error as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505' && (e.constraint === 'cases_one_open_per_student' || e.message?.includes('cases_one_open_per_student')))
      return true;
  }
  return false;
}

/** Runs `write` in a savepoint; a second open case for the student (a concurrent request) becomes the 409. */
async function guardOneOpenCase<T>(tx: Tx, tenantId: string, studentId: string, write: (sp: Tx) => Promise<T>): Promise<T> {
  try {
    return await tx.transaction(write);
  } catch (error) {
    if (!isOpenCaseConflict(error)) throw error;
    throw alreadyOpen((await openCaseIdOf(tx, tenantId, studentId)) ?? '');
  }
}

/** 400 unless the responsible person and the team may work cases at the unit (policy.ts `eligibleResponsibles`). */
export async function checkPeople(
  tx: Tx,
  tenantId: string,
  unitId: string,
  people: { responsibleId?: string | undefined; teamIds?: string[] | undefined },
) {
  const notEligible = {
    sv: 'personen arbetar inte med elevhälsan på elevens skolenhet',
    en: "the person does not work in student health at the student's school unit",
  };
  if (people.responsibleId && !(await isEligibleResponsible(tx, tenantId, unitId, people.responsibleId)))
    throw badInput('responsibleId', notEligible);
  for (const [i, id] of (people.teamIds ?? []).entries()) {
    if (!(await isEligibleResponsible(tx, tenantId, unitId, id))) throw badInput(`teamIds.${i}`, notEligible);
  }
}

/** 400 unless the person may be responsible for an intervention for the case's student: the unit's team or the student's mentor. */
export async function checkInterventionResponsible(tx: Tx, row: CaseRow, responsibleId: string | undefined, asOf: string) {
  if (
    responsibleId &&
    !(await isEligibleResponsible(tx, row.tenantId, row.schoolUnitId, responsibleId, { studentId: row.studentId, asOf }))
  ) {
    throw badInput('responsibleId', {
      sv: 'personen arbetar inte med elevhälsan på elevens skolenhet och är inte elevens mentor',
      en: "the person neither works in student health at the student's school unit nor is the student's mentor",
    });
  }
}

/** 400 unless the meeting is a team meeting at the case's unit. */
export async function checkMeeting(tx: Tx, tenantId: string, unitId: string, meetingId: string | undefined) {
  if (meetingId && !(await meetingAtUnit(tx, tenantId, meetingId, unitId)))
    throw badInput('meetingId', { sv: 'mötet finns inte på elevens skolenhet', en: "the meeting is not at the student's school unit" });
}

/** Opens a case for a student in the actor's scope, at the student's unit among the actor's; 409 when one is open. */
export async function openCase(tx: Tx, ctx: ActorContext, body: OpenCaseBody): Promise<{ id: string; version: number }> {
  const action = 'interventions.case.open';
  const today = dateOf(ctx.now);
  const tenantId = ctx.actor.tenantId;
  const allowed = tenantId
    ? await allowedStudentIds(tx, ctx.actor, [body.studentId], { asOf: today, permission: 'interventions.write' })
    : new Set();
  const unitIds = [...new Set(assignmentsGranting(ctx.actor, 'interventions.write').flatMap((a) => a.unitIds))];
  const unit = tenantId && allowed.has(body.studentId) ? await caseUnitFor(tx, tenantId, body.studentId, unitIds, today) : null;
  if (!tenantId || !unit) {
    await logAccess(tx, ctx, { action, subjectIds: [body.studentId], purpose, outcome: 'denied' });
    throw notFound();
  }
  await logAccess(tx, ctx, { action, subjectIds: [body.studentId], purpose, outcome: 'allowed' });
  const existing = await openCaseIdOf(tx, tenantId, body.studentId);
  if (existing) throw alreadyOpen(existing);
  await checkPeople(tx, tenantId, unit, body);
  const situation = await situationOf(tx, tenantId, body.studentId);
  if (body.openedFrom === 'flag' && !situation?.flags.length) {
    throw badInput('openedFrom', {
      sv: 'eleven har ingen aktuell flagga från tidig upptäckt; öppna ärendet manuellt',
      en: 'the student has no current early-detection flag; open the case by hand',
    });
  }
  const teamIds = [...new Set(body.teamIds ?? [])];
  const row = await guardOneOpenCase(tx, tenantId, body.studentId, async (sp) => {
    const [inserted] = await sp
      .insert(cases)
      .values({
        tenantId,
        studentId: body.studentId,
        schoolUnitId: unit,
        level: body.level,
        reason: body.reason,
        openedFrom: body.openedFrom,
        tierAtOpening: situation?.tier ?? null,
        indicatorsAtOpening: situation ? { flags: situation.flags, onset: situation.onset, measures: situation.measures } : null,
        responsibleId: body.responsibleId,
        teamIds,
        openedOn: today,
        openedBy: ctx.actor.accountId,
      })
      .returning({ id: cases.id, version: cases.version });
    return inserted;
  });
  if (!row) throw new Error('openCase: the insert returned no row');
  await recordCaseEvent(tx, ctx, {
    tenantId,
    caseId: row.id,
    studentId: body.studentId,
    kind: 'case-opened',
    changes: {
      status: [null, 'opened'],
      level: [null, body.level],
      reason: [null, body.reason],
      openedFrom: [null, body.openedFrom],
      responsibleId: [null, body.responsibleId],
      teamIds: [null, teamIds],
      schoolUnitId: [null, unit],
    },
  });
  return row;
}

async function interventionCount(tx: Tx, row: CaseRow): Promise<number> {
  const [n] = await tx
    .select({ n: count() })
    .from(caseInterventions)
    .where(and(eq(caseInterventions.tenantId, row.tenantId), eq(caseInterventions.caseId, row.id)));
  return n?.n ?? 0;
}

/** The new status's consequences: 400 for a step that makes no sense, 409 for a second open case. */
async function statusChange(tx: Tx, row: CaseRow, body: UpdateCaseBody, today: string): Promise<Partial<CaseRow>> {
  const to = body.status;
  if (!to || to === row.status) return {};
  if (!transitions[row.status].includes(to)) {
    throw badInput('status', {
      sv: `ett ärende som är ${status(row.status).sv} kan inte bli ${status(to).sv}`,
      en: `a case that is ${status(row.status).en} cannot become ${status(to).en}`,
    });
  }
  if (needsIntervention.includes(to) && (await interventionCount(tx, row)) === 0) {
    throw badInput('status', {
      sv: `ärendet kan inte bli ${status(to).sv} utan någon insats; lägg till en insats först`,
      en: `the case cannot become ${status(to).en} without an intervention; add one first`,
    });
  }
  if (to === 'closed') {
    if (!body.closingReason) throw badInput('closingReason', { sv: 'ange varför ärendet avslutas', en: 'say why the case is closed' });
    return { status: to, closedOn: today };
  }
  if (row.status === 'closed') {
    const other = await openCaseIdOf(tx, row.tenantId, row.studentId, row.id);
    if (other) throw alreadyOpen(other);
    return { status: to, closedOn: null, closingReason: null, closingNote: null };
  }
  return { status: to };
}

/** Applies a PATCH to a reachable case: stale version → 409 naming who changed it; nothing else is written then. */
export async function updateCase(tx: Tx, ctx: ActorContext, row: CaseRow, body: UpdateCaseBody): Promise<{ id: string; version: number }> {
  const today = dateOf(ctx.now);
  if (body.version !== row.version) throw staleVersion('ärendet', row.version, await lastChange(tx, row.tenantId, row.id, caseRowKinds));
  const next: Partial<CaseRow> = await statusChange(tx, row, body, today);
  const finalStatus = next.status ?? row.status;
  if (finalStatus !== 'closed') {
    const onlyWhenClosing = { sv: 'anges bara när ärendet avslutas', en: 'is given only when the case is closed' };
    if (body.closingReason) throw badInput('closingReason', onlyWhenClosing);
    if (body.closingNote !== undefined) throw badInput('closingNote', onlyWhenClosing);
  }
  const editsWork = body.level !== undefined || body.reason !== undefined || body.responsibleId !== undefined || body.teamIds !== undefined;
  if (row.status === 'closed' && finalStatus === 'closed' && editsWork) {
    throw conflict('Ärendet är avslutat. Öppna det igen (status) för att ändra nivå, anledning eller ansvariga.');
  }
  await checkPeople(tx, row.tenantId, row.schoolUnitId, body);
  await checkMeeting(tx, row.tenantId, row.schoolUnitId, body.meetingId);
  Object.assign(next, {
    level: body.level,
    reason: body.reason,
    responsibleId: body.responsibleId,
    teamIds: body.teamIds ? [...new Set(body.teamIds)] : undefined,
    closingReason: body.closingReason ?? next.closingReason,
    closingNote: body.closingNote ?? next.closingNote,
  });
  const changes = diff(row as unknown as Record<string, unknown>, next as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return { id: row.id, version: row.version };
  const set = Object.fromEntries(Object.keys(changes).map((k) => [k, next[k as keyof CaseRow]]));
  const [updated] = await guardOneOpenCase(tx, row.tenantId, row.studentId, (sp) =>
    sp
      .update(cases)
      .set({ ...set, version: sql`${cases.version} + 1` })
      .where(and(eq(cases.tenantId, row.tenantId), eq(cases.id, row.id), eq(cases.version, body.version)))
      .returning({ version: cases.version }),
  );
  if (!updated) {
    // Changed between our read and our write (a concurrent request): refuse, naming who.
    const [fresh] = await tx
      .select({ version: cases.version })
      .from(cases)
      .where(and(eq(cases.tenantId, row.tenantId), eq(cases.id, row.id)));
    throw staleVersion('ärendet', fresh?.version ?? row.version, await lastChange(tx, row.tenantId, row.id, caseRowKinds));
  }
  const kind: CaseEventKind =
    next.status === 'closed' ? 'case-closed' : row.status === 'closed' && next.status ? 'case-reopened' : 'case-updated';
  await recordCaseEvent(tx, ctx, {
    tenantId: row.tenantId,
    caseId: row.id,
    studentId: row.studentId,
    kind,
    meetingId: body.meetingId ?? null,
    changes,
  });
  return { id: row.id, version: updated.version };
}

/**
 * Moves a case forward by itself (the first intervention plans it; a started intervention puts it in progress) when
 * it is in one of `from`; bumps the version and records the step, naming the intervention that caused it.
 */
export async function advanceCase(
  tx: Tx,
  ctx: ActorContext,
  row: CaseRow,
  from: readonly CaseStatus[],
  to: CaseStatus,
  entityId: string,
  meetingId?: string | null,
): Promise<void> {
  if (!from.includes(row.status)) return;
  const [updated] = await tx
    .update(cases)
    .set({ status: to, version: sql`${cases.version} + 1` })
    .where(and(eq(cases.tenantId, row.tenantId), eq(cases.id, row.id), eq(cases.status, row.status)))
    .returning({ version: cases.version });
  if (!updated) return;
  await recordCaseEvent(tx, ctx, {
    tenantId: row.tenantId,
    caseId: row.id,
    studentId: row.studentId,
    kind: 'case-updated',
    entityId,
    meetingId: meetingId ?? null,
    changes: { status: [row.status, to] },
  });
}
