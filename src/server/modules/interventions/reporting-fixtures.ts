/**
 * Test data for the meeting, dashboard, digest and retention tests: cases with interventions, follow-ups, notes,
 * events and an action programme written straight into the tables (the case routes have their own tests), so each
 * test states exactly the situation it reads back.
 */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  actionProgrammes,
  caseEvents,
  caseInterventions,
  caseNotes,
  cases,
  interventionFollowUps,
  knowledgeRecords as methods,
} from '../../db/schema/index.ts';

export interface FixtureFollowUp {
  dueOn: string;
  doneOn?: string;
  responsibleId?: string;
}
export interface FixtureIntervention {
  title?: string;
  methodSlug?: string;
  startDate: string;
  endDate?: string;
  evaluation?: string;
  outcome?: 'improved' | 'unchanged' | 'worse';
  meetingId?: string;
  followUps?: FixtureFollowUp[];
}
export interface FixtureCase {
  tenantId: string;
  studentId: string;
  schoolUnitId: string;
  responsibleId: string;
  status?: 'opened' | 'planned' | 'in-progress' | 'follow-up' | 'closed';
  openedOn: string;
  onset?: string | null;
  closedOn?: string;
  interventions?: FixtureIntervention[];
  /** Adds a note, an event and an action programme, as a case with history has. */
  withHistory?: boolean;
}

export interface CreatedCase {
  caseId: string;
  interventionIds: string[];
  followUpIds: string[];
}

/** Writes one case with its interventions and follow-ups; returns their ids. */
export async function addCase(db: DbOrTx, c: FixtureCase): Promise<CreatedCase> {
  const [row] = await db
    .insert(cases)
    .values({
      tenantId: c.tenantId,
      studentId: c.studentId,
      schoolUnitId: c.schoolUnitId,
      status: c.status ?? 'in-progress',
      level: 'preventing',
      reason: 'Hög frånvaro',
      openedFrom: 'flag',
      tierAtOpening: 3,
      indicatorsAtOpening: c.onset === undefined ? null : { flags: ['attendance'], onset: c.onset, measures: {} },
      responsibleId: c.responsibleId,
      openedOn: c.openedOn,
      openedBy: c.responsibleId,
      closedOn: c.closedOn ?? null,
      closingReason: c.closedOn ? 'goals-met' : null,
    })
    .returning({ id: cases.id });
  const caseId = row!.id;
  const created: CreatedCase = { caseId, interventionIds: [], followUpIds: [] };
  for (const i of c.interventions ?? []) {
    const [method] = i.methodSlug
      ? await db.select({ id: methods.id, name: methods.nameSv }).from(methods).where(eq(methods.slug, i.methodSlug))
      : [];
    const [added] = await db
      .insert(caseInterventions)
      .values({
        tenantId: c.tenantId,
        caseId,
        studentId: c.studentId,
        methodId: method?.id ?? null,
        title: i.title ?? method?.name ?? 'Insats',
        goal: 'Närvaro över 90 %',
        actions: 'Kurator träffar eleven varje vecka',
        responsibleId: c.responsibleId,
        startDate: i.startDate,
        endDate: i.endDate ?? null,
        status: 'active',
        evaluation: i.evaluation ?? null,
        outcome: i.outcome ?? null,
        meetingId: i.meetingId ?? null,
        createdBy: c.responsibleId,
      })
      .returning({ id: caseInterventions.id });
    created.interventionIds.push(added!.id);
    for (const f of i.followUps ?? []) {
      const [fu] = await db
        .insert(interventionFollowUps)
        .values({
          tenantId: c.tenantId,
          caseId,
          interventionId: added!.id,
          studentId: c.studentId,
          dueOn: f.dueOn,
          responsibleId: f.responsibleId ?? c.responsibleId,
          doneOn: f.doneOn ?? null,
          doneBy: f.doneOn ? c.responsibleId : null,
        })
        .returning({ id: interventionFollowUps.id });
      created.followUpIds.push(fu!.id);
    }
  }
  if (c.withHistory) {
    await db.insert(caseNotes).values({
      tenantId: c.tenantId,
      caseId,
      studentId: c.studentId,
      body: 'Samtal med eleven',
      sensitive: true,
      authorId: c.responsibleId,
    });
    await db.insert(caseEvents).values({
      tenantId: c.tenantId,
      caseId,
      studentId: c.studentId,
      at: `${c.openedOn}T08:00:00Z`,
      accountId: c.responsibleId,
      kind: 'case-opened',
      changes: { status: [null, 'opened'] },
    });
    await db.insert(actionProgrammes).values({
      tenantId: c.tenantId,
      caseId,
      studentId: c.studentId,
      needs: 'Struktur',
      studentViews: 'Vill ha stöd',
      guardianViews: 'Instämmer',
      decidedOn: c.openedOn,
      decidedBy: 'Rektor',
      evaluationOn: c.openedOn,
      updatedBy: c.responsibleId,
    });
  }
  return created;
}

/** Rows of each case table for the given case ids, for asserting what a deletion left. */
export async function caseRowCounts(db: DbOrTx, caseIds: readonly string[]): Promise<Record<string, number>> {
  const list = sql.join(
    caseIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const out: Record<string, number> = {};
  for (const table of ['cases', 'case_interventions', 'intervention_follow_ups', 'case_notes', 'case_events', 'action_programmes']) {
    const column = table === 'cases' ? 'id' : 'case_id';
    const result = (await db.execute(
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} IN (${list})`,
    )) as unknown as { rows: { n: number }[] };
    out[table] = result.rows[0]?.n ?? 0;
  }
  return out;
}
