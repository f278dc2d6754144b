/**
 * A case as the case page (and the summary PDF) shows it: the student, the situation at opening, the people, the
 * interventions with their follow-ups, the notes (a sensitive note's body only for the student-health roles), the
 * history with names, the åtgärdsprogram and what the actor may do. The caller has reached the case (reach.ts) and
 * writes the access-log row.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  actionProgrammes,
  caseEvents,
  caseInterventions,
  caseNotes,
  interventionFollowUps,
  knowledgeRecords as methods,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { allowedStudentIds } from '../students/policy.ts';
import { canReadSensitiveFor, type CaseRow } from './policy.ts';
import { accountNames, personOf, studentNames, unitName } from './queries.ts';
import { historyIds, presentChanges, type HistoryLookups } from './history.ts';
import { eventKindLabels, type CaseEventKind } from '../../../shared/interventions/labels.ts';
import type { CaseView } from '../../../shared/interventions/cases.ts';

const otherEvent = { sv: 'Ändring', en: 'Change' };

/** The full case for `actor`; `today` decides which follow-ups are overdue. */
export async function caseView(tx: DbOrTx, actor: Actor, row: CaseRow, today: string): Promise<CaseView> {
  const interventions = await tx
    .select()
    .from(caseInterventions)
    .where(and(eq(caseInterventions.tenantId, row.tenantId), eq(caseInterventions.caseId, row.id)))
    .orderBy(asc(caseInterventions.startDate), asc(caseInterventions.createdAt));
  const followUps = await tx
    .select()
    .from(interventionFollowUps)
    .where(and(eq(interventionFollowUps.tenantId, row.tenantId), eq(interventionFollowUps.caseId, row.id)))
    .orderBy(asc(interventionFollowUps.dueOn));
  const notes = await tx
    .select()
    .from(caseNotes)
    .where(and(eq(caseNotes.tenantId, row.tenantId), eq(caseNotes.caseId, row.id)))
    .orderBy(asc(caseNotes.createdAt));
  const events = await tx
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.tenantId, row.tenantId), eq(caseEvents.caseId, row.id)))
    .orderBy(asc(caseEvents.at));
  const [programme] = await tx
    .select()
    .from(actionProgrammes)
    .where(and(eq(actionProgrammes.tenantId, row.tenantId), eq(actionProgrammes.caseId, row.id)));
  const named = historyIds(events.map((e) => e.changes));
  const methodIds = [...new Set([...interventions.map((i) => i.methodId).filter((id): id is string => !!id), ...named.methods])];
  const methodRows = methodIds.length ? await tx.select().from(methods).where(inArray(methods.id, methodIds)) : [];
  const methodById = new Map(methodRows.map((m) => [m.id, m]));
  const names = await accountNames(tx, [
    row.responsibleId,
    row.openedBy,
    ...row.teamIds,
    ...interventions.map((i) => i.responsibleId),
    ...followUps.map((f) => f.doneBy),
    ...followUps.map((f) => f.responsibleId),
    ...notes.map((n) => n.authorId),
    ...events.map((e) => e.accountId),
    programme?.updatedBy,
    ...named.accounts,
  ]);
  const unit = await unitName(tx, row.tenantId, row.schoolUnitId);
  const lookups: HistoryLookups = {
    people: names,
    methods: new Map(methodRows.map((m) => [m.id, { sv: m.nameSv, en: m.nameEn }])),
    interventions: new Map(interventions.map((i) => [i.id, i.title])),
    units: new Map([[row.schoolUnitId, unit ?? '']]),
  };
  const student = (await studentNames(tx, row.tenantId, [row.studentId])).get(row.studentId) ?? null;
  const sensitive = await canReadSensitiveFor(tx, actor, row.studentId, today);
  const write = (await allowedStudentIds(tx, actor, [row.studentId], { asOf: today, permission: 'interventions.write' })).has(
    row.studentId,
  );
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    level: row.level,
    reason: row.reason,
    openedFrom: row.openedFrom,
    openedOn: row.openedOn,
    openedBy: personOf(names, row.openedBy),
    closedOn: row.closedOn,
    closingReason: row.closingReason,
    closingNote: row.closingNote,
    student: { id: row.studentId, name: student, schoolUnit: { id: row.schoolUnitId, name: unit } },
    atOpening: {
      tier: row.tierAtOpening,
      flags: row.indicatorsAtOpening?.flags ?? [],
      onset: row.indicatorsAtOpening?.onset ?? null,
      measures: row.indicatorsAtOpening?.measures ?? {},
    },
    responsible: personOf(names, row.responsibleId),
    team: row.teamIds.map((id) => personOf(names, id)),
    interventions: interventions.map((i) => {
      const method = i.methodId ? methodById.get(i.methodId) : undefined;
      return {
        id: i.id,
        version: i.version,
        method: method ? { id: method.id, slug: method.slug, name: { sv: method.nameSv, en: method.nameEn } } : null,
        title: i.title,
        goal: i.goal,
        actions: i.actions,
        responsible: personOf(names, i.responsibleId),
        startDate: i.startDate,
        endDate: i.endDate,
        status: i.status,
        evaluation: i.evaluation,
        outcome: i.outcome,
        meetingId: i.meetingId,
        followUps: followUps
          .filter((f) => f.interventionId === i.id)
          .map((f) => ({
            id: f.id,
            dueOn: f.dueOn,
            done: f.doneOn !== null,
            doneOn: f.doneOn,
            doneBy: personOf(names, f.doneBy),
            note: f.note,
            responsible: personOf(names, f.responsibleId),
            overdue: f.doneOn === null && f.dueOn < today,
          })),
      };
    }),
    notes: notes.map((n) => {
      const common = { id: n.id, author: personOf(names, n.authorId), createdAt: n.createdAt, meetingId: n.meetingId };
      return n.sensitive && !sensitive
        ? { ...common, sensitive: true as const, restricted: true as const }
        : { ...common, sensitive: n.sensitive, body: n.body };
    }),
    events: events.map((e) => ({
      at: e.at,
      by: personOf(names, e.accountId),
      kind: e.kind as CaseEventKind,
      kindLabel: eventKindLabels[e.kind as CaseEventKind] ?? otherEvent,
      entityId: e.entityId,
      meetingId: e.meetingId,
      changes: presentChanges(e.kind, e.changes, lookups),
    })),
    actionProgramme: programme
      ? {
          needs: programme.needs,
          studentViews: programme.studentViews,
          guardianViews: programme.guardianViews,
          decidedOn: programme.decidedOn,
          decidedBy: programme.decidedBy,
          evaluationOn: programme.evaluationOn,
          version: programme.version,
          updatedBy: personOf(names, programme.updatedBy),
          updatedAt: programme.updatedAt,
        }
      : null,
    can: { write, readSensitive: sensitive },
  };
}

export type { CaseView };
