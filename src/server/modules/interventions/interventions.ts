/**
 * Intervention commands: adding one (a method from the library or written freely) with its follow-up dates, changing
 * it under optimistic locking (its status ladder planned → active → completed | stopped), adding and completing
 * follow-ups, and notes. Each writes one case event; a sensitive note's text never enters one.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { caseInterventions, caseNotes, interventionFollowUps, type interventionStatuses } from '../../db/schema/index.ts';
import type { ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { advanceCase, checkInterventionResponsible, checkMeeting } from './cases.ts';
import { diff, recordCaseEvent } from './events.ts';
import { publishedMethod } from './methods.ts';
import type { CaseRow } from './policy.ts';
import { lastChange } from './queries.ts';
import type { FollowUpRow, InterventionRow } from './reach.ts';
import { badInput, conflict, staleVersion } from './refusals.ts';
import type { AddInterventionBody, AddNoteBody, UpdateInterventionBody } from '../../../shared/interventions/interventions.ts';
import { fieldLabels, interventionStatusLabels } from '../../../shared/interventions/labels.ts';

type InterventionStatus = (typeof interventionStatuses)[number];

/** A status as a message names it: «planerad» / «planned». */
const status = (code: InterventionStatus) => ({
  sv: interventionStatusLabels[code].sv.toLowerCase(),
  en: interventionStatusLabels[code].en.toLowerCase(),
});
const statusField = { ...fieldLabels, status: { sv: 'Insatsens status', en: "The intervention's status" } };
const endBeforeStart = { sv: 'slutdatumet ligger före startdatumet', en: 'the end date is before the start date' };
const transitions: Record<InterventionStatus, readonly InterventionStatus[]> = {
  planned: ['active', 'stopped'],
  active: ['completed', 'stopped'],
  completed: [],
  stopped: [],
};

/** 409 when the case is closed: nothing is added to or changed in a closed case until it is reopened. */
function refuseIfClosed(row: CaseRow): void {
  if (row.status === 'closed')
    throw conflict('Ärendet är avslutat. Öppna det igen för att lägga till eller ändra insatser och anteckningar.');
}

/** 400 for a follow-up date before today (`field`). */
function checkFutureDate(field: string, date: string, today: string): void {
  if (date < today)
    throw badInput(field, {
      sv: 'datumet har redan passerat; välj i dag eller ett senare datum',
      en: 'the date has passed; choose today or a later date',
    });
}

/** Adds an intervention and its follow-ups (ids in date order); a case still `opened` becomes `planned`. */
export async function addIntervention(
  tx: Tx,
  ctx: ActorContext,
  row: CaseRow,
  body: AddInterventionBody,
): Promise<{ id: string; followUpIds: string[] }> {
  const today = dateOf(ctx.now);
  refuseIfClosed(row);
  let title = body.title;
  if (body.methodId) {
    const method = await publishedMethod(tx, body.methodId);
    if (!method)
      throw badInput('methodId', {
        sv: 'metoden finns inte i metodbanken eller används inte längre',
        en: 'the method is not in the method library or no longer used',
      });
    title ??= method.nameSv;
  }
  if (!title)
    throw badInput('title', { sv: 'välj en metod eller skriv vad insatsen är', en: 'choose a method or write what the intervention is' });
  if (body.endDate && body.endDate < body.startDate) throw badInput('endDate', endBeforeStart);
  for (const [i, due] of body.followUpDates.entries()) {
    checkFutureDate(`followUpDates.${i}`, due, today);
    if (due < body.startDate)
      throw badInput(`followUpDates.${i}`, {
        sv: 'uppföljningen ligger före insatsens start',
        en: 'the follow-up is before the intervention starts',
      });
  }
  await checkInterventionResponsible(tx, row, body.responsibleId, today);
  await checkMeeting(tx, row.tenantId, row.schoolUnitId, body.meetingId);
  const [added] = await tx
    .insert(caseInterventions)
    .values({
      tenantId: row.tenantId,
      caseId: row.id,
      studentId: row.studentId,
      methodId: body.methodId ?? null,
      title,
      goal: body.goal,
      actions: body.actions,
      responsibleId: body.responsibleId,
      startDate: body.startDate,
      endDate: body.endDate ?? null,
      meetingId: body.meetingId ?? null,
      createdBy: ctx.actor.accountId,
    })
    .returning({ id: caseInterventions.id });
  if (!added) throw new Error('addIntervention: the insert returned no row');
  const dates = [...new Set(body.followUpDates)].sort();
  const followUps = await tx
    .insert(interventionFollowUps)
    .values(
      dates.map((dueOn) => ({
        tenantId: row.tenantId,
        caseId: row.id,
        interventionId: added.id,
        studentId: row.studentId,
        dueOn,
        responsibleId: body.responsibleId,
      })),
    )
    .returning({ id: interventionFollowUps.id, dueOn: interventionFollowUps.dueOn });
  await recordCaseEvent(tx, ctx, {
    tenantId: row.tenantId,
    caseId: row.id,
    studentId: row.studentId,
    kind: 'intervention-added',
    entityId: added.id,
    meetingId: body.meetingId ?? null,
    changes: {
      title: [null, title],
      methodId: [null, body.methodId ?? null],
      goal: [null, body.goal],
      actions: [null, body.actions],
      responsibleId: [null, body.responsibleId],
      startDate: [null, body.startDate],
      endDate: [null, body.endDate ?? null],
      followUpDates: [null, dates],
    },
  });
  await advanceCase(tx, ctx, row, ['opened'], 'planned', added.id, body.meetingId);
  return { id: added.id, followUpIds: followUps.sort((a, b) => a.dueOn.localeCompare(b.dueOn)).map((f) => f.id) };
}

/** Applies a PATCH to an intervention; starting it (active) puts a planned case in progress. */
export async function updateIntervention(
  tx: Tx,
  ctx: ActorContext,
  row: CaseRow,
  current: InterventionRow,
  body: UpdateInterventionBody,
): Promise<{ id: string; version: number }> {
  if (body.version !== current.version) {
    throw staleVersion(
      'insatsen',
      current.version,
      await lastChange(tx, row.tenantId, row.id, ['intervention-added', 'intervention-updated'], current.id),
    );
  }
  refuseIfClosed(row);
  if (body.status && body.status !== current.status && !transitions[current.status].includes(body.status)) {
    throw badInput(
      'status',
      {
        sv: `en insats som är ${status(current.status).sv} kan inte bli ${status(body.status).sv}`,
        en: `an intervention that is ${status(current.status).en} cannot become ${status(body.status).en}`,
      },
      statusField,
    );
  }
  if (body.endDate && body.endDate < current.startDate) throw badInput('endDate', endBeforeStart);
  await checkInterventionResponsible(tx, row, body.responsibleId, dateOf(ctx.now));
  await checkMeeting(tx, row.tenantId, row.schoolUnitId, body.meetingId);
  const next: Partial<InterventionRow> = {
    status: body.status,
    goal: body.goal,
    actions: body.actions,
    responsibleId: body.responsibleId,
    endDate: body.endDate,
    evaluation: body.evaluation,
    outcome: body.outcome,
  };
  const changes = diff(current as unknown as Record<string, unknown>, next as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return { id: current.id, version: current.version };
  const set = Object.fromEntries(Object.keys(changes).map((k) => [k, next[k as keyof InterventionRow]]));
  const [updated] = await tx
    .update(caseInterventions)
    .set({ ...set, version: sql`${caseInterventions.version} + 1` })
    .where(
      and(eq(caseInterventions.tenantId, row.tenantId), eq(caseInterventions.id, current.id), eq(caseInterventions.version, body.version)),
    )
    .returning({ version: caseInterventions.version });
  if (!updated) {
    const [fresh] = await tx
      .select({ version: caseInterventions.version })
      .from(caseInterventions)
      .where(and(eq(caseInterventions.tenantId, row.tenantId), eq(caseInterventions.id, current.id)));
    throw staleVersion(
      'insatsen',
      fresh?.version ?? current.version,
      await lastChange(tx, row.tenantId, row.id, ['intervention-added', 'intervention-updated'], current.id),
    );
  }
  if (changes.responsibleId) {
    // The reminders of follow-ups still to do go to the new responsible person.
    await tx
      .update(interventionFollowUps)
      .set({ responsibleId: body.responsibleId })
      .where(
        and(
          eq(interventionFollowUps.tenantId, row.tenantId),
          eq(interventionFollowUps.interventionId, current.id),
          isNull(interventionFollowUps.doneOn),
        ),
      );
  }
  await recordCaseEvent(tx, ctx, {
    tenantId: row.tenantId,
    caseId: row.id,
    studentId: row.studentId,
    kind: 'intervention-updated',
    entityId: current.id,
    meetingId: body.meetingId ?? null,
    changes,
  });
  if (body.status === 'active') await advanceCase(tx, ctx, row, ['opened', 'planned'], 'in-progress', current.id, body.meetingId);
  return { id: current.id, version: updated.version };
}

/** Adds a follow-up date (today or later); the intervention's responsible person is reminded. */
export async function addFollowUp(
  tx: Tx,
  ctx: ActorContext,
  row: CaseRow,
  intervention: InterventionRow,
  dueOn: string,
): Promise<{ id: string }> {
  refuseIfClosed(row);
  checkFutureDate('dueOn', dueOn, dateOf(ctx.now));
  const [added] = await tx
    .insert(interventionFollowUps)
    .values({
      tenantId: row.tenantId,
      caseId: row.id,
      interventionId: intervention.id,
      studentId: row.studentId,
      dueOn,
      responsibleId: intervention.responsibleId,
    })
    .returning({ id: interventionFollowUps.id });
  if (!added) throw new Error('addFollowUp: the insert returned no row');
  await recordCaseEvent(tx, ctx, {
    tenantId: row.tenantId,
    caseId: row.id,
    studentId: row.studentId,
    kind: 'follow-up-added',
    entityId: added.id,
    changes: { interventionId: [null, intervention.id], dueOn: [null, dueOn] },
  });
  return added;
}

/** Marks a follow-up done (today, or an earlier day it was done on) with what was found. */
export async function completeFollowUp(
  tx: Tx,
  ctx: ActorContext,
  row: CaseRow,
  followUp: FollowUpRow,
  body: { note: string; doneOn?: string | undefined },
): Promise<{ id: string }> {
  refuseIfClosed(row);
  const today = dateOf(ctx.now);
  const doneOn = body.doneOn ?? today;
  if (doneOn > today)
    throw badInput('doneOn', { sv: 'en uppföljning kan inte vara gjord i framtiden', en: 'a follow-up cannot be done in the future' });
  const [updated] = await tx
    .update(interventionFollowUps)
    .set({ doneOn, doneBy: ctx.actor.accountId, note: body.note })
    .where(
      and(
        eq(interventionFollowUps.tenantId, row.tenantId),
        eq(interventionFollowUps.id, followUp.id),
        isNull(interventionFollowUps.doneOn),
      ),
    )
    .returning({ id: interventionFollowUps.id });
  if (!updated) throw conflict('Uppföljningen är redan gjord.');
  await recordCaseEvent(tx, ctx, {
    tenantId: row.tenantId,
    caseId: row.id,
    studentId: row.studentId,
    kind: 'follow-up-done',
    entityId: followUp.id,
    changes: { interventionId: [null, followUp.interventionId], doneOn: [null, doneOn], note: [null, body.note] },
  });
  return updated;
}

/** Adds a note. Its event records that a note was added and whether it is sensitive — never its text. */
export async function addNote(tx: Tx, ctx: ActorContext, row: CaseRow, body: AddNoteBody): Promise<{ id: string }> {
  refuseIfClosed(row);
  await checkMeeting(tx, row.tenantId, row.schoolUnitId, body.meetingId);
  const [added] = await tx
    .insert(caseNotes)
    .values({
      tenantId: row.tenantId,
      caseId: row.id,
      studentId: row.studentId,
      body: body.body,
      sensitive: body.sensitive,
      authorId: ctx.actor.accountId,
      meetingId: body.meetingId ?? null,
      createdAt: ctx.now.toISOString(),
    })
    .returning({ id: caseNotes.id });
  if (!added) throw new Error('addNote: the insert returned no row');
  await recordCaseEvent(tx, ctx, {
    tenantId: row.tenantId,
    caseId: row.id,
    studentId: row.studentId,
    kind: 'note-added',
    entityId: added.id,
    meetingId: body.meetingId ?? null,
    changes: { sensitive: [null, body.sensitive] },
  });
  return added;
}
