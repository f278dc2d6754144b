/**
 * Student-health cases written straight into the tables, for tests that read them back (the case routes test the
 * commands). `addCase` in src/server/modules/interventions/reporting-fixtures.ts writes a case with its history.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../src/server/db/client.ts';
import { caseInterventions, cases, interventionSettings, knowledgeRecords } from '../../../src/server/db/schema/index.ts';

type CaseInsert = typeof cases.$inferInsert;

export interface CaseOptions {
  tenantId: string;
  id?: string;
  studentId: string;
  schoolUnitId: string;
  /** Responsible and opener. */
  responsibleId: string;
  status?: CaseInsert['status'];
  level?: CaseInsert['level'];
  reason?: string;
  openedFrom?: CaseInsert['openedFrom'];
  openedOn?: string;
}

/** A case (in progress, remedying, 'Hög frånvaro', from a flag, opened 2024-09-30 unless told); returns its id. */
export async function createCase(db: DbOrTx, c: CaseOptions): Promise<string> {
  const [row] = await db
    .insert(cases)
    .values({
      tenantId: c.tenantId,
      ...(c.id ? { id: c.id } : {}),
      studentId: c.studentId,
      schoolUnitId: c.schoolUnitId,
      status: c.status ?? 'in-progress',
      level: c.level ?? 'remedying',
      reason: c.reason ?? 'Hög frånvaro',
      openedFrom: c.openedFrom ?? 'flag',
      responsibleId: c.responsibleId,
      openedOn: c.openedOn ?? '2024-09-30',
      openedBy: c.responsibleId,
    })
    .returning({ id: cases.id });
  return row!.id;
}

/** The id of a student's case that is not closed, if there is one. */
export async function openCaseOf(db: DbOrTx, tenantId: string, studentId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.tenantId, tenantId), eq(cases.studentId, studentId), ne(cases.status, 'closed')));
  return row?.id;
}

/**
 * Changes a case as someone else would meanwhile: status, level, what was known at opening. `bumpVersion` raises its
 * version as a saved change does, so a form opened before is stale.
 */
export async function updateCase(
  db: DbOrTx,
  c: { tenantId: string; caseId: string },
  patch: Partial<Pick<CaseInsert, 'status' | 'level' | 'tierAtOpening' | 'indicatorsAtOpening'>>,
  options: { bumpVersion?: boolean } = {},
): Promise<void> {
  await db
    .update(cases)
    .set({ ...patch, ...(options.bumpVersion ? { version: sql`${cases.version} + 1` } : {}) })
    .where(and(eq(cases.tenantId, c.tenantId), eq(cases.id, c.caseId)));
}

/** Removes a case row (its history stays: case events may only be deleted by the retention job). */
export async function removeCase(db: DbOrTx, c: { tenantId: string; caseId: string }): Promise<void> {
  await db.delete(cases).where(and(eq(cases.tenantId, c.tenantId), eq(cases.id, c.caseId)));
}

/** The id of a knowledge-bank record by its slug (a method for an intervention). */
export async function methodId(db: DbOrTx, slug: string): Promise<string | undefined> {
  const [row] = await db.select({ id: knowledgeRecords.id }).from(knowledgeRecords).where(eq(knowledgeRecords.slug, slug));
  return row?.id;
}

/** An intervention in a case (active, goal 'Närvaro över 90 %', actions 'Samtal varje vecka' unless told); returns its id. */
export async function createIntervention(
  db: DbOrTx,
  i: {
    tenantId: string;
    caseId: string;
    studentId: string;
    responsibleId: string;
    startDate: string;
    methodId?: string | null;
    title: string;
    status?: (typeof caseInterventions.$inferInsert)['status'];
    goal?: string;
    actions?: string;
  },
): Promise<string> {
  const [row] = await db
    .insert(caseInterventions)
    .values({
      tenantId: i.tenantId,
      caseId: i.caseId,
      studentId: i.studentId,
      methodId: i.methodId ?? null,
      title: i.title,
      goal: i.goal ?? 'Närvaro över 90 %',
      actions: i.actions ?? 'Samtal varje vecka',
      responsibleId: i.responsibleId,
      startDate: i.startDate,
      status: i.status ?? 'active',
      createdBy: i.responsibleId,
    })
    .returning({ id: caseInterventions.id });
  return row!.id;
}

/** An organiser's retention rule: closed cases are deleted `years` after closing (null keeps them). */
export async function setRetentionYears(db: DbOrTx, tenantId: string, years: number | null): Promise<void> {
  await db
    .insert(interventionSettings)
    .values({ tenantId, retentionYears: years })
    .onConflictDoUpdate({ target: interventionSettings.tenantId, set: { retentionYears: years } });
}
